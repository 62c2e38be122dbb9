/*
 * Keyspace access shared by the collection families (sets, hashes), mirroring db.c as t_set.c and
 * t_hash.c use it:
 *
 *   readKey   lookupKeyRead: lazy expiry, access time, keyspace hit/miss counters, "keymiss" event.
 *   writeKey  lookupKeyWrite: lazy expiry and access time only.
 *   addKey    dbAdd: a brand-new key (the caller checked it was absent); no signal, as in Redis the
 *             command signals once it has filled the value.
 *   storeKey  setKey(keepttl=0): adds or overwrites, drops any deadline, signals the key as modified.
 *             Under an LFU maxmemory policy an overwritten key keeps its access counter (dbOverwrite).
 *   dropKey   dbDelete: removes the key (and its deadline); true when it existed.
 */
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { HashValue, RValue, SetValue } from '../../server/object.ts';

export { readKey, writeKey } from '../strings/value.ts';

export function addKey(c: Client, key: string, v: RValue): void {
  c.db.set(key, v);
}

export function storeKey(c: Client, key: string, v: RValue): void {
  const old = c.db.dict.get(key);
  if (old !== undefined && c.node.lfuPolicy) {
    v.lru = old.lru;
    v.lfu = old.lfu;
  }
  c.db.set(key, v);
  c.node.signalModifiedKey(c.db, key);
}

export function dropKey(c: Client, key: string): boolean {
  return c.db.delete(key);
}

/** checkType for sets: WRONGTYPE for any other type. */
export function asSet(v: RValue): SetValue {
  if (v.type !== 'set') fail(E.wrongType);
  return v;
}

/** checkType for hashes: WRONGTYPE for any other type. */
export function asHash(v: RValue): HashValue {
  if (v.type !== 'hash') fail(E.wrongType);
  return v;
}
