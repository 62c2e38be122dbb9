/*
 * Persistence at worker start, before the first command is served: open the store (IndexedDB), ask
 * for the writer lock, read the stored files. Nothing here may reject: without IndexedDB, or when
 * reading fails, the tab runs in memory and the panel says why.
 */
import { Persistence } from './persist-host.ts';
import { IdbKv, storageErrorText, type KvStore } from './persist-kv.ts';
import { acquireWriterLock, COMMIT_CHANNEL, type LockManagerLike } from './persist-lock.ts';
import { IN_MEMORY_WORKER_NAME } from '../protocol/worker-names.ts';

export interface BootEnv {
  /** The store, or null when the browser has none (throws are caught too). */
  openKv(): KvStore | null;
  /** Why openKv() gives no store on purpose (a session from a sharing link runs in memory). */
  noStoreReason?: string;
  locks: LockManagerLike | undefined;
  realNowMs(): number;
  /** A channel to the other tabs, or null. */
  channel: { announce(): void; listen(onCommitted: () => void): void } | null;
}

export async function bootPersistence(env: BootEnv): Promise<Persistence> {
  let kv: KvStore | null = null;
  let storageError: string | undefined;
  try {
    kv = env.openKv();
    if (kv === null)
      storageError =
        env.noStoreReason ?? 'This browser offers no IndexedDB: nothing is saved across reloads.';
  } catch (e) {
    storageError = storageErrorText(e);
  }
  const writer = kv !== null && (await acquireWriterLock(env.locks));
  const channel = env.channel;
  const p = new Persistence(
    {
      role: writer ? 'writer' : 'follower',
      kv,
      storageError,
      retakeLock: () => acquireWriterLock(env.locks, 100),
      announce: () => channel?.announce(),
    },
    env.realNowMs,
  );
  channel?.listen(() => p.writerCommitted());
  await p.loadFiles();
  return p;
}

/** The browser's environment for bootPersistence (worker global scope). */
export function browserBootEnv(): BootEnv {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  if ((globalThis as { name?: string }).name === IN_MEMORY_WORKER_NAME) {
    return {
      openKv: () => null,
      noStoreReason: 'This session was rebuilt from a shared link: it runs in memory and nothing is saved.',
      locks: undefined,
      realNowMs: () => performance.now(),
      channel: null,
    };
  }
  return {
    openKv: () => (typeof indexedDB === 'undefined' ? null : new IdbKv()),
    locks: nav?.locks,
    realNowMs: () => performance.now(),
    channel: typeof BroadcastChannel === 'undefined' ? null : broadcast(new BroadcastChannel(COMMIT_CHANNEL)),
  };
}

function broadcast(bc: BroadcastChannel): NonNullable<BootEnv['channel']> {
  return {
    announce: () => bc.postMessage('committed'),
    listen: (onCommitted) => bc.addEventListener('message', () => onCommitted()),
  };
}
