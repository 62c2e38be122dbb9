/*
 * Keyspace access shared by the sorted-set commands: typed lookups (WRONGTYPE for other types), new
 * values with the node's randomness for skiplist levels, and the end-of-write bookkeeping (key
 * deleted when emptied, keyspace events, dirty counter) done the way t_zset.c does it.
 */
import { bin, type Bytes } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { RValue } from '../../server/object.ts';
import { readKey, writeKey } from '../strings/value.ts';
import { type ZSetEncoding, ZSetValue } from './zset.ts';

export function asZset(v: RValue | undefined): ZSetValue | undefined {
  if (v !== undefined && v.type !== 'zset') fail(E.wrongType);
  return v;
}

/** lookupKeyRead + checkType. */
export function readZset(c: Client, key: string): ZSetValue | undefined {
  return asZset(readKey(c, key));
}

/** lookupKeyWrite + checkType. */
export function writeZset(c: Client, key: string): ZSetValue | undefined {
  return asZset(writeKey(c, key));
}

export function newZset(c: Client, enc: ZSetEncoding): ZSetValue {
  const random = c.node.random;
  return new ZSetValue(enc, c.node.nowMs(), () => random.int(0x10000));
}

export function maxListpackEntries(c: Client): number {
  return c.node.config.getInt('zset-max-listpack-entries');
}

export function maxListpackValue(c: Client): number {
  return c.node.config.getInt('zset-max-listpack-value');
}

/**
 * After removals: deletes the key when the set became empty, then signals and notifies as Redis does
 * when something was removed (the type event, then "del" if the key went away) and counts dirty.
 */
export function afterRemoval(c: Client, key: string, z: ZSetValue, removed: number, event: string): void {
  if (removed === 0) return;
  const gone = z.size === 0;
  if (gone) c.db.delete(key);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('z', event, key, c.db);
  if (gone) c.node.notify('g', 'del', key, c.db);
  c.node.dirty += removed;
}

/**
 * Stores a computed set at `dst` (setKey + event; a new key wakes clients blocked on it, as dbAdd
 * does), or deletes `dst` when the result is empty, as the *STORE commands do. Returns the reply count.
 */
export function storeResult(c: Client, dst: string, z: ZSetValue, event: string): number {
  if (z.size > 0) {
    const added = c.db.dict.get(dst) === undefined;
    c.db.set(dst, z);
    if (added) c.node.signalKeyAsReady(c.db, dst);
    c.node.signalModifiedKey(c.db, dst);
    c.node.notify('z', event, dst, c.db);
    c.node.dirty++;
    return z.size;
  }
  if (c.db.delete(dst)) {
    c.node.signalModifiedKey(c.db, dst);
    c.node.notify('g', 'del', dst, c.db);
    c.node.dirty++;
  }
  return 0;
}

export const keyAt = (argv: Bytes[], i: number): string => bin(argv[i]!);
