/*
 * Persistence in the browser: the worker keeps the server's files in IndexedDB. Each test runs in a
 * fresh browser context, so it starts with empty storage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectLastLine, lines, open, PROMPT, run } from './console-helpers.ts';

// Reloads, two tabs and a busy shared machine: allow time.
test.describe.configure({ timeout: 120_000 });

const REDIS_RDB = readFileSync(new URL('./fixtures/redis-7.0.15.rdb', import.meta.url));

/** One record of the worker's IndexedDB store (undefined when absent). */
async function stored(page: Page, key: string): Promise<number[] | undefined> {
  return page.evaluate(
    (k) =>
      new Promise<number[] | undefined>((resolve, reject) => {
        const req = indexedDB.open('redis-playground');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('files')) return resolve(undefined);
          const get = db.transaction('files').objectStore('files').get(k);
          get.onsuccess = () => resolve(get.result ? Array.from(get.result as Uint8Array) : undefined);
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

async function openPanel(page: Page): Promise<void> {
  await page.getByTestId('persist-toggle').click();
  await expect(page.getByTestId('persist-panel')).toBeVisible();
}

/** Opens the site in one more tab: a second worker on a busy machine may need longer than open() waits. */
async function openTab(page: Page): Promise<void> {
  await page.goto('./');
  await expect.poll(async () => (await lines(page)).at(-1)?.trimEnd(), { timeout: 40_000 }).toBe(PROMPT);
}

/** The lines a command printed, without the prompt after them nor a slow command's "(0.55s)". */
async function said(page: Page, line: string): Promise<string[]> {
  return (await run(page, line))
    .map((l) => l.trimEnd())
    .filter((l) => l !== PROMPT && !/^\(\d+\.\d+s\)$/.test(l));
}

/** Types into the first console again (after clicking in the panel). */
async function focusConsole(page: Page): Promise<void> {
  await page.getByTestId('console').first().click();
}

test('keys written and SAVEd are all there after reloading the page', async ({ page }) => {
  await open(page);
  await run(page, 'set greeting hello');
  await run(page, 'rpush fruits apple banana cherry');
  await run(page, 'hset user:1 name Ada');
  await run(page, 'zadd board 1 x 2 y');
  expect(await said(page, 'save')).toEqual(['OK']);
  await page.reload();
  await expectLastLine(page, PROMPT);
  expect(await run(page, 'get greeting')).toContain('"hello"');
  expect(await said(page, 'lrange fruits 0 -1')).toEqual(['1) "apple"', '2) "banana"', '3) "cherry"']);
  expect(await run(page, 'hget user:1 name')).toContain('"Ada"');
  expect(await run(page, 'zscore board y')).toContain('"2"');
  expect(await run(page, 'dbsize')).toContain('(integer) 4');
  // The reloaded tab is still the one writer (the old page's lock was handed over).
  await openPanel(page);
  await expect(page.getByTestId('persist-role')).toHaveAttribute('data-role', 'writer');
});

test('a corrupt stored dump.rdb is reported and the server starts empty', async ({ page }) => {
  await open(page);
  await run(page, 'set k v');
  await run(page, 'save');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('redis-playground');
        req.onsuccess = () => {
          const tx = req.result.transaction('files', 'readwrite');
          tx.objectStore('files').put(new TextEncoder().encode('REDIS0010\xfe\x00garbage'), 'f:dump.rdb');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expectLastLine(page, PROMPT);
  expect(await said(page, 'dbsize')).toEqual(['(integer) 0']);
  await openPanel(page);
  await expect(page.getByTestId('persist-load-error')).toContainText(
    'The stored dump.rdb could not be loaded',
  );
});

test('with the default save points, a reload keeps unsaved writes (the shutdown save)', async ({ page }) => {
  await open(page);
  await run(page, 'set unsaved 1');
  await expect.poll(() => stored(page, 'f:.host/shutdown.rdb'), { timeout: 10_000 }).toBeDefined();
  await page.reload();
  await expectLastLine(page, PROMPT);
  expect(await run(page, 'get unsaved')).toContain('"1"');
});

test('crash and restart loses the writes since the last SAVE when only RDB is on', async ({ page }) => {
  await open(page);
  await run(page, 'set before-save 1');
  await run(page, 'save');
  await run(page, 'set after-save 2');
  await openPanel(page);
  await expect(page.getByTestId('persist-changes')).toHaveText('1');
  await page.getByTestId('persist-crash').click();
  await expect(page.getByTestId('persist-outcome')).toHaveText(
    'The server crashed and restarted from storage.',
  );
  await expect(page.getByTestId('persist-changes')).toHaveText('0');
  await focusConsole(page);
  expect((await said(page, 'mget before-save after-save')).slice(-2)).toEqual(['1) "1"', '2) (nil)']);
});

test('a second tab is a read-only follower that never writes storage', async ({ context }) => {
  // Two pages, two workers: on a loaded machine everything takes twice as long.
  test.setTimeout(240_000);
  const first = await context.newPage();
  await openTab(first);
  const second = await context.newPage();
  await openTab(second);
  await openPanel(first);
  await openPanel(second);
  await expect(first.getByTestId('persist-role')).toHaveAttribute('data-role', 'writer');
  await expect(second.getByTestId('persist-role')).toHaveAttribute('data-role', 'follower');
  await expect(second.getByTestId('persist-role')).toContainText('Read-only tab');

  await focusConsole(first);
  await run(first, 'set shared from-first');
  await run(first, 'save');
  const saved = await stored(first, 'f:dump.rdb');
  expect(saved).toBeDefined();

  await focusConsole(second);
  await run(second, 'set only-second 1');
  expect(await said(second, 'save')).toEqual(['OK']);
  await second.waitForTimeout(300);
  expect(await stored(second, 'f:dump.rdb')).toEqual(saved);

  // The follower hears about the writer's save and can load its files.
  await expect(second.getByTestId('persist-role')).toContainText('has saved since');
  await second.getByTestId('persist-restart').click();
  await expect(second.getByTestId('persist-outcome')).toHaveText('Reloaded the saved files.');
  await focusConsole(second);
  expect((await said(second, 'get shared')).slice(-1)).toEqual(['"from-first"']);

  // Once the writer's tab is gone, the follower can take its place.
  await first.close();
  await second.getByTestId('persist-restart').click();
  await expect(second.getByTestId('persist-outcome')).toHaveText('This tab now owns the saved data.');
  await expect(second.getByTestId('persist-role')).toHaveAttribute('data-role', 'writer');
});

test('a bad .rdb shows Redis error and changes nothing; a dump made by real Redis loads', async ({
  page,
}) => {
  await open(page);
  await run(page, 'set mine 1');
  await openPanel(page);
  const input = page.getByTestId('persist-file-input');
  await input.setInputFiles({
    name: 'bad.rdb',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('this is not an RDB file'),
  });
  await expect(page.getByTestId('persist-outcome')).toHaveText(
    'bad.rdb was not loaded: Wrong signature trying to load DB from file',
  );
  const corrupt = Buffer.from(REDIS_RDB);
  corrupt[corrupt.length - 1] ^= 0xff;
  await input.setInputFiles({ name: 'crc.rdb', mimeType: 'application/octet-stream', buffer: corrupt });
  await expect(page.getByTestId('persist-outcome')).toContainText('Wrong RDB checksum expected:');
  await focusConsole(page);
  expect(await said(page, 'dbsize')).toEqual(['(integer) 1']);

  await input.setInputFiles({ name: 'dump.rdb', mimeType: 'application/octet-stream', buffer: REDIS_RDB });
  await expect(page.getByTestId('persist-outcome')).toHaveText(
    'Done loading RDB, keys loaded: 7, keys expired: 0.',
  );
  await focusConsole(page);
  expect(await run(page, 'get greeting')).toContain('"hello from redis"');
  expect(await run(page, 'exists mine')).toContain('(integer) 0');
  expect(await run(page, 'xrange events - +')).toContain('1) 1) "1-1"');
  // It is the stored dump.rdb now: a reload finds it.
  await page.reload();
  await expectLastLine(page, PROMPT);
  expect(await said(page, 'lrange fruits 0 -1')).toEqual(['1) "apple"', '2) "banana"', '3) "cherry"']);
});

test('AOF always: a write acknowledged just before the page closes is there when it reopens', async ({
  context,
}) => {
  const page = await context.newPage();
  await open(page);
  await openPanel(page);
  await page.getByTestId('persist-mode-always').check();
  await expect(page.getByTestId('persist-outcome')).toHaveText('Mode set: always');
  await expect(page.getByTestId('persist-aof')).toHaveText('on (appendfsync always)');
  await expect(page.locator('[data-testid=persist-file][data-name$=".manifest"]')).toHaveCount(1);
  await focusConsole(page);
  expect(await said(page, 'config set save ""')).toEqual(['OK']);
  expect(await said(page, 'set acked 1')).toEqual(['OK']);
  await page.close();

  const again = await context.newPage();
  await open(again);
  expect(await said(again, 'get acked')).toEqual(['"1"']);
  // A crash keeps it too: nothing acknowledged is lost with appendfsync always.
  expect(await said(again, 'incr acked')).toEqual(['(integer) 2']);
  await openPanel(again);
  await again.getByTestId('persist-crash').click();
  await expect(again.getByTestId('persist-outcome')).toHaveText(
    'The server crashed and restarted from storage.',
  );
  await focusConsole(again);
  expect((await said(again, 'get acked')).slice(-1)).toEqual(['"2"']);
});

test('AOF everysec: with the clock paused no fsync happens, and a crash loses the last writes', async ({
  page,
}) => {
  await open(page);
  await openPanel(page);
  await page.getByTestId('persist-mode-everysec').check();
  await expect(page.getByTestId('persist-outcome')).toHaveText('Mode set: everysec');
  await expect(page.locator('[data-testid=persist-file][data-name$=".manifest"]')).toHaveCount(1);
  await focusConsole(page);
  await run(page, 'set synced 1');
  // A second of virtual time passes: cron fsyncs the AOF.
  await page.evaluate(() => window.__playground!.step(1500));
  await page.evaluate(() => window.__playground!.pause());
  await run(page, 'set unsynced 2');
  await page.getByTestId('persist-crash').click();
  await expect(page.getByTestId('persist-outcome')).toHaveText(
    'The server crashed and restarted from storage.',
  );
  await focusConsole(page);
  expect((await said(page, 'mget synced unsynced')).slice(-2)).toEqual(['1) "1"', '2) (nil)']);
});

test('downloaded files are accepted by redis-check-rdb and redis-check-aof', async ({ page }) => {
  await open(page);
  await run(page, 'rpush list a b c');
  await run(page, 'hset h f v');
  await openPanel(page);
  await page.getByTestId('persist-mode-always').check();
  await expect(page.locator('[data-testid=persist-file][data-name$=".manifest"]')).toHaveCount(1);
  await focusConsole(page);
  await run(page, 'incr counter');
  await run(page, 'save');
  const dir = mkdtempSync(join(tmpdir(), 'playground-files-'));
  mkdirSync(join(dir, 'appendonlydir'));
  const rows = page.getByTestId('persist-file');
  const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')!));
  expect(names).toContain('dump.rdb');
  for (const name of names) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${name}` }).click(),
    ]);
    await download.saveAs(join(dir, name));
  }
  expect(execFileSync('redis-check-rdb', [join(dir, 'dump.rdb')]).toString()).toContain('RDB looks OK!');
  const manifest = names.find((n) => n.endsWith('.manifest'))!;
  expect(execFileSync('redis-check-aof', [join(dir, manifest)]).toString()).toContain('is valid');
});
