/*
 * maxmemory eviction (Redis's evict.c performEvictions), run before every command while maxmemory is
 * set. While used_memory is above maxmemory, one key is chosen by maxmemory-policy and deleted:
 *
 *   - *-lru, *-lfu, volatile-ttl: approximated, as Redis does it. Each round samples maxmemory-samples
 *     keys from every database (the whole dict for allkeys-*, the expires dict for volatile-*) into a
 *     16-entry eviction pool kept sorted by ascending "idle" score, and evicts the best candidate (the
 *     highest score) that still exists. Scores: LRU = ms since last access; LFU = 255 minus the decayed
 *     counter; TTL = the negated deadline (sooner deadline = higher score). The pool survives between
 *     calls, so good candidates found earlier stay eligible.
 *   - *-random: a random key of the next database in round-robin order (Redis's static next_db).
 *   - noeviction, or nothing left to evict: the attempt fails and processCommand refuses denyoom
 *     commands with the OOM error.
 *
 * Each eviction counts in evicted_keys, fires the 'evicted' keyspace event (class 'e') and signals the
 * key as modified (WATCH, client-side caching invalidation; memory accounting). Randomness comes only
 * from node.random. We don't model eviction's time limit (maxmemory-eviction-tenacity): one call
 * evicts until under the limit or out of candidates.
 */
import { unbin } from '../bytes.ts';
import type { Database } from './db.ts';
import { usedMemory } from './memory.ts';
import type { ServerNode } from './node.ts';
import { lfuDecayed } from './object.ts';
import { deletion } from './propagate-rewrite.ts';

export const EVPOOL_SIZE = 16;

interface PoolEntry {
  score: number;
  key: string;
  dbId: number;
}

interface EvictState {
  pool: PoolEntry[];
  nextDb: number;
}

const states = new WeakMap<ServerNode, EvictState>();

function stateOf(node: ServerNode): EvictState {
  let s = states.get(node);
  if (!s) {
    s = { pool: [], nextDb: 0 };
    states.set(node, s);
  }
  return s;
}

export type EvictResult = 'ok' | 'fail';

/** Bytes over maxmemory (0 when under it or when maxmemory is 0). */
export function memoryToFree(node: ServerNode): number {
  const max = Number(node.config.get('maxmemory'));
  if (max === 0) return 0;
  const used = usedMemory(node);
  return used > max ? used - max : 0;
}

/**
 * performEvictions: evicts until under maxmemory; 'fail' when still over it. Redis runs it before
 * call(), so the invalidations it sends reach a tracking client before its own command's reply.
 */
export function performEvictions(node: ServerNode): EvictResult {
  if (Number(node.config.get('maxmemory')) === 0) return 'ok';
  return node.tracking.outsideCall(() => evictUntilUnder(node));
}

function evictUntilUnder(node: ServerNode): EvictResult {
  // isSafeToPerformEvictions: a paused dataset stays static (no evictions while clients are paused).
  if (node.pause.type !== null) return 'ok';
  const policy = node.config.get('maxmemory-policy');
  // Bounded: at most every key once, plus a margin.
  let budget = node.dbs.reduce((n, db) => n + db.dict.size, 0) + 16;
  if (memoryToFree(node) <= 0) return 'ok';
  const startUs = node.clock.nowUs();
  node.latency.takeFreeCharge(); // deletions before this cycle are not part of it
  let result: EvictResult = 'ok';
  while (memoryToFree(node) > 0) {
    if (policy === 'noeviction' || budget-- <= 0) {
      result = 'fail';
      break;
    }
    const victim = policy.endsWith('random') ? pickRandom(node, policy) : pickFromPool(node, policy);
    if (!victim) {
      result = 'fail';
      break;
    }
    evictKey(node, victim.db, victim.key);
  }
  // Redis records the cycle (latency events) only once it started freeing, not for noeviction.
  if (policy !== 'noeviction') {
    const us = node.clock.nowUs() - startUs + node.latency.takeFreeCharge();
    node.latency.addSampleIfNeeded('eviction-cycle', Math.floor(us / 1000));
  }
  return result;
}

function evictKey(node: ServerNode, db: Database, key: string): void {
  node.latency.timeDeletion('eviction-del', db.dict.get(key), 'lazyfree-lazy-eviction', () => db.delete(key));
  node.stats.evictedKeys++;
  node.signalModifiedKey(db, key, null);
  node.notify('e', 'evicted', key, db);
  node.propagation.also(db, deletion(node, 'lazyfree-lazy-eviction', unbin(key)));
}

interface Victim {
  db: Database;
  key: string;
}

function pickRandom(node: ServerNode, policy: string): Victim | undefined {
  const s = stateOf(node);
  const volatile = policy.startsWith('volatile');
  for (let i = 0; i < node.dbs.length; i++) {
    const db = node.dbs[s.nextDb]!;
    s.nextDb = (s.nextDb + 1) % node.dbs.length;
    const key = volatile ? randomExpiresKey(node, db) : db.keyIndex.random(node.random);
    if (key !== undefined) return { db, key };
  }
  return undefined;
}

/**
 * A random key with a TTL. Drawing from the scan index and keeping volatile keys is O(1) when many keys
 * have one; otherwise (few volatile keys) we walk the expires map to a random position.
 */
function randomExpiresKey(node: ServerNode, db: Database): string | undefined {
  if (db.expires.size === 0) return undefined;
  if (db.expires.size * 4 >= db.dict.size) {
    for (let i = 0; i < 8; i++) {
      const k = db.keyIndex.random(node.random);
      if (k !== undefined && db.expires.has(k)) return k;
    }
  }
  let skip = node.random.int(db.expires.size);
  for (const k of db.expires.keys()) if (skip-- === 0) return k;
  return undefined;
}

function pickFromPool(node: ServerNode, policy: string): Victim | undefined {
  const pool = stateOf(node).pool;
  const volatile = policy.startsWith('volatile');
  let candidates = 0;
  for (const db of node.dbs) {
    const n = volatile ? db.expires.size : db.dict.size;
    if (n === 0) continue;
    candidates += n;
    populatePool(node, db, policy, pool);
  }
  if (candidates === 0) return undefined;
  // Best candidate first (the pool's end), skipping ghosts of keys deleted meanwhile.
  while (pool.length > 0) {
    const e = pool.pop()!;
    const db = node.dbs[e.dbId]!;
    const alive = volatile ? db.expires.has(e.key) : db.dict.has(e.key);
    if (alive) return { db, key: e.key };
  }
  return undefined;
}

/** evictionPoolPopulate: samples keys of `db` and inserts the better ones into the sorted pool. */
function populatePool(node: ServerNode, db: Database, policy: string, pool: PoolEntry[]): void {
  const samples = Math.max(1, node.config.getInt('maxmemory-samples'));
  for (const key of sampleKeys(node, db, policy.startsWith('volatile'), samples)) {
    const score = scoreOf(node, db, key, policy);
    if (score === undefined) continue;
    if (pool.length >= EVPOOL_SIZE && score <= pool[0]!.score) continue;
    if (pool.some((e) => e.key === key && e.dbId === db.id)) continue;
    let i = 0;
    while (i < pool.length && pool[i]!.score < score) i++;
    pool.splice(i, 0, { score, key, dbId: db.id });
    if (pool.length > EVPOOL_SIZE) pool.shift();
  }
}

function scoreOf(node: ServerNode, db: Database, key: string, policy: string): number | undefined {
  if (policy === 'volatile-ttl') {
    const when = db.expires.get(key);
    return when === undefined ? undefined : -when;
  }
  const v = db.dict.get(key);
  if (!v) return undefined;
  if (policy.endsWith('lfu')) return 255 - lfuDecayed(v, node.nowMs(), node.lfuSettings);
  return Math.max(0, node.nowMs() - v.lru);
}

/** dictGetSomeKeys: up to `count` distinct random keys (of the expires dict when `volatile`). */
function sampleKeys(node: ServerNode, db: Database, volatile: boolean, count: number): string[] {
  const size = volatile ? db.expires.size : db.dict.size;
  const out = new Set<string>();
  const tries = Math.min(size, count) * 3;
  for (let i = 0; i < tries && out.size < Math.min(size, count); i++) {
    const key = volatile ? randomExpiresKey(node, db) : db.keyIndex.random(node.random);
    if (key !== undefined) out.add(key);
  }
  return [...out];
}
