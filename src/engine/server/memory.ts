/*
 * used_memory, maintained incrementally. Each key's cost (its dictEntry, key sds, value per
 * memory-size.ts) is remembered in a per-database map; the total is their sum. Writes announce
 * themselves through signalModifiedKey (node.ts calls keyChanged), which marks the key dirty; reading
 * the total first re-measures the dirty keys only, so a command costs O(keys it touched), not a walk of
 * the keyspace.
 *
 * Bulk changes that bypass signalModifiedKey are caught by two cheap checks per database: a swapped
 * dict object (SWAPDB) or, after the dirty keys are settled, a key count that disagrees with the map
 * (FLUSHDB, loading, DEBUG RELOAD) trigger a full re-measure of that database.
 *
 * used_memory = startup footprint + per key (value + key sds + 32-byte dictEntry) + 8 bytes per main
 * dict bucket + per volatile key a 32-byte dictEntry and 8 bytes per expires bucket (bucket arrays
 * shrink only below 10% fill, as Redis's cron resizes them). Large aggregates
 * are measured with a bounded sample (ACCOUNT_SAMPLES) so one write to a huge hash stays cheap.
 */
import type { Database } from './db.ts';
import { dictBuckets, sdsSize, valueSize } from './memory-size.ts';
import type { ServerNode } from './node.ts';
import type { RValue } from './object.ts';

/** used_memory of an idle redis-server 7.0.15 with one client connected. */
export const STARTUP_MEMORY = 876_064;
/** Elements measured per aggregate when accounting (MEMORY USAGE has its own SAMPLES). */
const ACCOUNT_SAMPLES = 64;
/** Dirty keys remembered at most before they are settled eagerly. */
const DIRTY_MAX = 4096;
/** What a dictEntry really occupies (24 bytes rounded to a jemalloc class). */
const ENTRY_ALLOC = 32;

interface DbAccount {
  dict: Map<string, RValue>;
  sizes: Map<string, number>;
  dirty: Set<string>;
  total: number;
  /** Bucket counts of the main and expires dicts: they grow at once but shrink only below 10% fill. */
  mainBuckets: number;
  expiresBuckets: number;
}

const accounts = new WeakMap<ServerNode, DbAccount[]>();

function accountsOf(node: ServerNode): DbAccount[] {
  let a = accounts.get(node);
  if (!a) {
    a = [];
    accounts.set(node, a);
  }
  return a;
}

/** Cost of one key in the main dict, for used_memory. */
export function keyCost(node: ServerNode, key: string, v: RValue): number {
  const value = isSharedInteger(node, v) ? 0 : valueSize(v, ACCOUNT_SAMPLES, true);
  return ENTRY_ALLOC + sdsSize(key.length) + value;
}

/**
 * Values 0..9999 stored as integers point at Redis's shared integer objects (no allocation of their
 * own) unless maxmemory is set with an LRU/LFU policy, which needs a private object per key.
 */
function isSharedInteger(node: ServerNode, v: RValue): boolean {
  if (v.type !== 'string' || v.enc !== 'int' || v.notShared) return false;
  if (v.v.length > 4 || v.v[0] === 45) return false;
  const policy = node.config.get('maxmemory-policy');
  return node.config.get('maxmemory') === '0' || !(policy.endsWith('lru') || policy.endsWith('lfu'));
}

/** signalModifiedKey hook: the key's value (or presence) may have changed. */
export function keyChanged(node: ServerNode, db: Database, key: string): void {
  const acc = accountsOf(node)[db.id];
  if (!acc || acc.dict !== db.dict) return;
  acc.dirty.add(key);
  // Bound the pending set when nobody reads used_memory for a long time (maxmemory 0, no INFO).
  if (acc.dirty.size >= DIRTY_MAX) settle(node, acc);
}

function rebuild(db: Database): DbAccount {
  const acc: DbAccount = {
    dict: db.dict,
    sizes: new Map(),
    dirty: new Set(),
    total: 0,
    mainBuckets: 0,
    expiresBuckets: 0,
  };
  for (const [k, v] of db.dict) {
    const cost = keyCost(db.node, k, v);
    acc.sizes.set(k, cost);
    acc.total += cost;
  }
  return acc;
}

function settle(node: ServerNode, acc: DbAccount): void {
  for (const k of acc.dirty) {
    const old = acc.sizes.get(k);
    if (old !== undefined) acc.total -= old;
    const v = acc.dict.get(k);
    if (v === undefined) {
      acc.sizes.delete(k);
    } else {
      const cost = keyCost(node, k, v);
      acc.sizes.set(k, cost);
      acc.total += cost;
    }
  }
  acc.dirty.clear();
}

/** Bytes the keys of `db` take (values, keys, entries, both dicts' buckets). */
export function datasetBytes(node: ServerNode, db: Database): number {
  const all = accountsOf(node);
  let acc = all[db.id];
  if (!acc || acc.dict !== db.dict) acc = all[db.id] = rebuild(db);
  settle(node, acc);
  if (acc.sizes.size !== db.dict.size) acc = all[db.id] = rebuild(db);
  const expires = db.expires.size;
  acc.mainBuckets = stickyBuckets(acc.mainBuckets, db.dict.size);
  acc.expiresBuckets = stickyBuckets(acc.expiresBuckets, expires);
  return acc.total + 8 * acc.mainBuckets + expires * ENTRY_ALLOC + 8 * acc.expiresBuckets;
}

/**
 * A dict's table doubles as soon as it is full but shrinks only when the cron finds it under 10% full
 * (tryResizeHashTables, HASHTABLE_MIN_FILL), so deletions alone do not give its buckets back.
 */
function stickyBuckets(current: number, entries: number): number {
  const needed = dictBuckets(entries);
  if (needed >= current) return needed;
  return entries * 10 < current ? needed : current;
}

/** used_memory as INFO reports it. */
export function usedMemory(node: ServerNode): number {
  let n = STARTUP_MEMORY;
  for (const db of node.dbs) if (db.dict.size !== 0 || accountsOf(node)[db.id]) n += datasetBytes(node, db);
  return Math.round(n);
}

/**
 * getMemoryOverheadData's per-database figures: Redis counts sizeof(dictEntry) + sizeof(robj) per key
 * and 8 per bucket for the main dict, sizeof(dictEntry) per volatile key and 8 per bucket for expires.
 */
export function dbOverhead(db: Database): { main: number; expires: number } {
  return {
    main: 8 * dictBuckets(db.dict.size) + db.dict.size * 40,
    expires: 8 * dictBuckets(db.expires.size) + db.expires.size * 24,
  };
}

/** used_memory_overhead: the startup footprint plus every database's dict overhead. */
export function memoryOverhead(node: ServerNode): number {
  let n = STARTUP_MEMORY;
  for (const db of node.dbs) {
    if (db.dict.size === 0) continue;
    const o = dbOverhead(db);
    n += o.main + o.expires;
  }
  return n;
}
