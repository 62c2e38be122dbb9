/*
 * A node's keyspace to and from plain RDB content (rdb-file.ts), as Redis's rdbSaveRio and rdbLoadRio
 * map their databases:
 *
 * Saving walks every database in key order and writes every key, stale ones included (Redis saves a
 * key whose deadline has passed until something deletes it; loaders skip it). Access metadata follows
 * maxmemory-policy: idle seconds under an LRU policy, the decayed LFU counter under an LFU policy,
 * nothing otherwise. AUX fields are the ones a master without a replication backlog writes: redis-ver,
 * redis-bits, ctime, used-mem, aof-base.
 *
 * Loading is what a master does: keys whose deadline already passed are skipped and counted as
 * expired; a database index beyond `databases`, or a key present twice (unless `allowDuplicates`, DEBUG
 * RELOAD MERGE) is a load error. Loading bypasses Database.set on purpose: dbAddRDBLoad raises no
 * keyspace events and wakes no blocked client. The caller flushes first when it wants a clean load.
 */
import type { Bytes } from '../bytes.ts';
import { usedMemory } from '../commands/info-sections.ts';
import { REDIS_VERSION } from '../commands/version.ts';
import type { ServerNode } from '../server/node.ts';
import { lfuDecayed } from '../server/object.ts';
import { RdbFormatError } from './rdb-io.ts';
import type { RdbDatabase, RdbFile, RdbKeyEntry, RdbWriteOptions } from './rdb-file.ts';
import { rdbLimitsFrom, type RdbLoadContext } from './rdb-load.ts';
import { nodeLibraryCodes, scriptingCode } from '../scripting/late-bound.ts';

/** Which access metadata keys carry under the node's maxmemory-policy (MAXMEMORY_FLAG_LRU / LFU). */
export function accessInfoOf(node: ServerNode): RdbWriteOptions['accessInfo'] {
  const policy = node.config.get('maxmemory-policy');
  if (policy.endsWith('-lru')) return 'lru';
  if (policy.endsWith('-lfu')) return 'lfu';
  return 'none';
}

/** File writing options from the node's config (rdbcompression, rdbchecksum, maxmemory-policy). */
export function writeOptionsOf(node: ServerNode): RdbWriteOptions {
  return {
    compression: node.config.getBool('rdbcompression'),
    checksum: node.config.getBool('rdbchecksum'),
    accessInfo: accessInfoOf(node),
  };
}

/** The whole dataset as RDB content, at the node's current time. */
export function snapshotNode(node: ServerNode): RdbFile {
  const nowMs = node.nowMs();
  const access = accessInfoOf(node);
  const databases: RdbDatabase[] = [];
  for (const db of node.dbs) {
    if (db.dict.size === 0) continue;
    const entries: RdbKeyEntry[] = [];
    for (const [key, value] of db.dict) {
      const e: RdbKeyEntry = { key, value };
      const expireMs = db.expires.get(key);
      if (expireMs !== undefined) e.expireMs = expireMs;
      if (access === 'lru') e.idleSeconds = Math.max(0, Math.floor((nowMs - value.lru) / 1000));
      else if (access === 'lfu') e.freq = lfuDecayed(value, nowMs, node.lfuSettings);
      entries.push(e);
    }
    databases.push({ index: db.id, entries });
  }
  const aux: [string, string][] = [
    ['redis-ver', REDIS_VERSION],
    ['redis-bits', '64'],
    ['ctime', String(Math.floor(nowMs / 1000))],
    ['used-mem', String(usedMemory(node))],
    ['aof-base', '0'],
  ];
  const functions: Bytes[] = nodeLibraryCodes(node);
  return { aux, functions, databases };
}

/** The context value loaders need: the clock, the PRNG for skiplist levels, encoding limits. */
export function loadContextOf(node: ServerNode): RdbLoadContext {
  return {
    nowMs: node.nowMs(),
    randomU16: () => node.random.int(0x10000),
    limits: rdbLimitsFrom(node.config),
  };
}

export interface LoadCounts {
  loaded: number;
  expired: number;
}

/** Sets a loaded value's access metadata as objectSetLRUOrLFU does. */
function applyAccessInfo(node: ServerNode, e: RdbKeyEntry, nowMs: number): void {
  const access = accessInfoOf(node);
  if (access === 'lfu' && e.freq !== undefined) {
    e.value.lfu = e.freq;
    e.value.lru = nowMs;
  } else if (access === 'lru' && e.idleSeconds !== undefined) {
    e.value.lru = nowMs - e.idleSeconds * 1000;
  }
}

/** Adds RDB content to the node's databases (no flush). Throws RdbFormatError on a load error. */
export function loadIntoNode(node: ServerNode, file: RdbFile, allowDuplicates: boolean): LoadCounts {
  const nowMs = node.nowMs();
  const counts: LoadCounts = { loaded: 0, expired: 0 };
  const libraryError =
    file.functions.length === 0
      ? undefined
      : scriptingCode().loadRdbFunctions(node.scripts, file.functions, allowDuplicates);
  if (libraryError !== undefined) throw new RdbFormatError(`Failed loading library: ${libraryError}`);
  for (const rdb of file.databases) {
    const db = node.dbs[rdb.index];
    if (db === undefined) {
      throw new RdbFormatError(
        `FATAL: Data file was created with a Redis server configured to handle more than ` +
          `${node.dbs.length} databases. Exiting\n`,
      );
    }
    for (const e of rdb.entries) {
      if (e.expireMs !== undefined && e.expireMs < nowMs) {
        counts.expired++;
        continue;
      }
      if (db.dict.has(e.key)) {
        if (!allowDuplicates) throw new RdbFormatError(`Duplicate key found in RDB file`);
        db.delete(e.key);
      }
      applyAccessInfo(node, e, nowMs);
      db.dict.set(e.key, e.value);
      db.keyIndex.add(e.key);
      if (e.expireMs !== undefined) db.setExpire(e.key, e.expireMs);
      counts.loaded++;
    }
  }
  return counts;
}
