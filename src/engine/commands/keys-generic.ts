/*
 * The generic keyspace commands of Redis's db.c that work on key names without looking inside values:
 * DEL, UNLINK, EXISTS, TOUCH, TYPE, DBSIZE, RANDOMKEY, KEYS, FLUSHDB, FLUSHALL, SWAPDB.
 *
 * Counters as in Redis: each deleted key adds one to `dirty`; FLUSHDB/FLUSHALL add the number of keys
 * they removed; FLUSHALL then saves when save points are configured, which resets `dirty` to 0 (we
 * record the save time; writing the snapshot belongs to persistence); SWAPDB adds one.
 *
 * We delete synchronously even for UNLINK and the ASYNC flush modes: memory is the JS heap's business,
 * and the replies, events and counters are the same.
 */
import { bulkBin, arr, int, NIL, OK, simple, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import type { Database } from '../server/db.ts';
import { E, fail } from '../server/errors.ts';
import { eqIgnoreCase, type Bytes } from '../bytes.ts';
import { globMatchBin } from '../util/glob.ts';
import { clusterEnabled, intArg32, keyArg, readKey, typeName } from './keys-lookup.ts';
import type { Handler } from './types.ts';

/** DEL and UNLINK: a stale key is first expired (and so not counted), as delGenericCommand does. */
function deleteKeys(c: Client, argv: Bytes[]): Reply {
  let deleted = 0;
  for (let i = 1; i < argv.length; i++) {
    const key = keyArg(argv, i);
    c.db.expireIfNeeded(key);
    if (!c.db.delete(key)) continue;
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'del', key, c.db);
    c.node.dirty++;
    deleted++;
  }
  return int(deleted);
}

/** The flush mode argument: none, SYNC or ASYNC (only one argument is allowed). */
function checkFlushArgs(argv: Bytes[]): void {
  if (argv.length === 1) return;
  if (argv.length === 2 && (eqIgnoreCase(argv[1]!, 'sync') || eqIgnoreCase(argv[1]!, 'async'))) return;
  fail(E.syntax);
}

/** Empties one database, first invalidating the WATCHes on keys it holds (signalFlushedDb). */
export function flushDatabase(c: Client, db: Database): number {
  c.node.watches.touchAllInDb(db);
  return db.clear();
}

/** Redis's keyIsExpired without deleting (KEYS must not change the keyspace while it iterates). */
function isStale(db: Database, key: string, now: number): boolean {
  const when = db.expires.get(key);
  return when !== undefined && now > when;
}

export const genericHandlers: Record<string, Handler> = {
  del: deleteKeys,
  unlink: deleteKeys,

  exists(c, argv) {
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (readKey(c, keyArg(argv, i), { noTouch: true })) n++;
    return int(n);
  },

  touch(c, argv) {
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (readKey(c, keyArg(argv, i))) n++;
    return int(n);
  },

  type(c, argv) {
    return simple(typeName(readKey(c, keyArg(argv, 1), { noTouch: true })));
  },

  dbsize(c) {
    return int(c.db.size);
  },

  randomkey(c) {
    // Each retry deletes a stale key, so the loop ends within the database size.
    for (;;) {
      const key = c.db.keyIndex.random(c.node.random);
      if (key === undefined) return NIL;
      if (c.db.expires.has(key) && c.db.expireIfNeeded(key)) continue;
      return bulkBin(key);
    }
  },

  keys(c, argv) {
    const pattern = keyArg(argv, 1);
    const all = pattern === '*';
    const now = c.node.nowMs();
    const out: Reply[] = [];
    for (const key of c.db.dict.keys()) {
      if (!all && !globMatchBin(pattern, key)) continue;
      if (!isStale(c.db, key, now)) out.push(bulkBin(key));
    }
    return arr(out);
  },

  flushdb(c, argv) {
    checkFlushArgs(argv);
    c.node.dirty += flushDatabase(c, c.db);
    c.node.tracking.invalidateAll();
    return OK;
  },

  flushall(c, argv) {
    checkFlushArgs(argv);
    let removed = 0;
    for (const db of c.node.dbs) removed += flushDatabase(c, db);
    c.node.tracking.invalidateAll();
    c.node.dirty += removed;
    // flushAllDataAndResetRDB: a running background save is killed, then rdbSave when saving is on.
    c.node.rdb.killChild();
    if (c.node.config.get('save').trim() !== '') c.node.rdb.saveNow();
    return OK;
  },

  swapdb(c, argv) {
    if (clusterEnabled(c)) fail('ERR SWAPDB is not allowed in cluster mode');
    const id1 = intArg32(argv[1]!, 'invalid first DB index');
    const id2 = intArg32(argv[2]!, 'invalid second DB index');
    const n = c.node.dbs.length;
    if (id1 < 0 || id1 >= n || id2 < 0 || id2 >= n) fail('ERR DB index is out of range');
    if (id1 !== id2) swapDatabases(c, c.node.dbs[id1]!, c.node.dbs[id2]!);
    c.node.dirty++;
    return OK;
  },
};

/**
 * dbSwapDatabases: clients keep their Database objects, so the contents move instead. Before the swap,
 * each side's watchers are touched as if their DB were emptied and refilled from the other side
 * (touchAllWatchedKeysInDb in both directions, with its rules for stale keys).
 */
function swapDatabases(c: Client, a: Database, b: Database): void {
  c.node.watches.touchAllInDb(a, b);
  c.node.watches.touchAllInDb(b, a);
  a.swapContents(b);
}
