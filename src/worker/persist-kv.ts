/*
 * The key-value storage under the worker's persistence files: IndexedDB through idb-keyval in the
 * browser, a Map in tests. Two operations are all the file layer needs:
 * - entries(): every record, read once at start (and when a follower tab re-reads the writer's files);
 * - commit(ops): puts and deletes applied atomically, in one transaction, resolving only once the
 *   transaction has committed (rejecting when it aborted: quota exceeded, database closed).
 *
 * Commits are applied in the order they are called (IndexedDB runs readwrite transactions on the same
 * store in creation order), which is what keeps AOF chunks and the manifest that names them ordered.
 * Transactions ask for 'strict' durability where the browser supports it: a committed AOF append with
 * appendfsync always must survive the browser closing, not only the tab.
 */
import { entries, promisifyRequest, type UseStore } from 'idb-keyval';

export type KvOp = { kind: 'put'; key: string; value: Uint8Array } | { kind: 'del'; key: string };

export interface KvStore {
  entries(): Promise<[string, Uint8Array][]>;
  commit(ops: readonly KvOp[]): Promise<void>;
}

/** A store in memory (tests, and tabs without IndexedDB). `failWith` makes the next commits fail. */
export class MemoryKv implements KvStore {
  readonly data = new Map<string, Uint8Array>();
  failWith: Error | null = null;
  commits = 0;

  async entries(): Promise<[string, Uint8Array][]> {
    return [...this.data.entries()];
  }

  async commit(ops: readonly KvOp[]): Promise<void> {
    await Promise.resolve();
    if (this.failWith) throw this.failWith;
    for (const op of ops) {
      if (op.kind === 'put') this.data.set(op.key, op.value.slice());
      else this.data.delete(op.key);
    }
    this.commits++;
  }
}

export const IDB_NAME = 'redis-playground';
export const IDB_STORE = 'files';

/** IndexedDB through idb-keyval: one database, one object store of byte records. */
export class IdbKv implements KvStore {
  private readonly store: UseStore;

  constructor(dbName = IDB_NAME, storeName = IDB_STORE) {
    this.store = strictStore(dbName, storeName);
  }

  async entries(): Promise<[string, Uint8Array][]> {
    const all = await entries<IDBValidKey, unknown>(this.store);
    const out: [string, Uint8Array][] = [];
    for (const [k, v] of all) if (typeof k === 'string' && v instanceof Uint8Array) out.push([k, v]);
    return out;
  }

  commit(ops: readonly KvOp[]): Promise<void> {
    return this.store('readwrite', (store) => {
      for (const op of ops) {
        if (op.kind === 'put') store.put(op.value, op.key);
        else store.delete(op.key);
      }
      return promisifyRequest(store.transaction);
    });
  }
}

/**
 * idb-keyval's createStore, with transactions that ask for strict durability (a Chromium option; other
 * browsers ignore the unknown member). The database is opened lazily and shared by all commits.
 */
function strictStore(dbName: string, storeName: string): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    return promisifyRequest(request);
  };
  return (txMode, callback) => {
    dbp ??= open();
    return dbp.then((db) => {
      const options = { durability: 'strict' } as IDBTransactionOptions;
      return callback(db.transaction(storeName, txMode, options).objectStore(storeName));
    });
  };
}

/** A readable reason for a failed commit or open (QuotaExceededError gets its own words). */
export function storageErrorText(e: unknown): string {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') {
    return 'The browser storage quota is full: the last write was not saved (the data is still in memory).';
  }
  return `Browser storage failed (${name || 'error'}: ${message}); the data is still in memory.`;
}
