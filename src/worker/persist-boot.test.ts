import { expect, it } from 'vitest';
import { bootPersistence } from './persist-boot.ts';

it('runs in memory with the reason given when the store is withheld on purpose', async () => {
  const reason = 'This session was rebuilt from a shared link: it runs in memory and nothing is saved.';
  const p = await bootPersistence({
    openKv: () => null,
    noStoreReason: reason,
    locks: undefined,
    realNowMs: () => 0,
    channel: null,
  });
  expect(p.role).toBe('memory');
  expect(p.storageError).toBe(reason);
  expect(p.files.listDurable()).toEqual([]);
});

it('says the browser has no IndexedDB when it has none', async () => {
  const p = await bootPersistence({
    openKv: () => null,
    locks: undefined,
    realNowMs: () => 0,
    channel: null,
  });
  expect(p.storageError).toMatch(/no IndexedDB/);
});
