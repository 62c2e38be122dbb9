/*
 * The hash type API (Redis's t_hash.c hashType*): creating hashes, reading and writing fields, and the
 * listpack -> hashtable conversion at Redis 7.0's thresholds.
 *
 * A new hash is always 'listpack'. It becomes 'hashtable' (never back) when:
 *   - a command is about to write a field or value longer than hash-max-listpack-value bytes
 *     (HSET/HSETNX/HMSET check all their arguments first, hashTypeTryConversion; HINCRBY* check the
 *     field and the new value, hashTypeSet);
 *   - after an insertion, the number of fields exceeds hash-max-listpack-entries.
 * Deleting fields never converts back. Both encodings use the same ordered HashTable, so the listpack
 * order (insertion order, in-place updates) is what HGETALL answers; only `enc` changes on conversion.
 */
import type { Bytes } from '../../bytes.ts';
import { HashTable } from '../../ds/hashtable.ts';
import type { Client } from '../../server/client.ts';
import { LFU_INIT_VAL, type HashValue } from '../../server/object.ts';
import { addKey, asHash, readKey, writeKey } from '../sets/keyspace.ts';

export function newHash(nowMs: number): HashValue {
  return { type: 'hash', enc: 'listpack', fields: new HashTable<Bytes>(), lru: nowMs, lfu: LFU_INIT_VAL };
}

/** hashTypeLookupWriteOrCreate: the hash at `key` for writing, created (and added) when absent. */
export function hashForWrite(c: Client, key: string): HashValue {
  const o = writeKey(c, key);
  if (o !== undefined) return asHash(o);
  const h = newHash(c.node.nowMs());
  addKey(c, key, h);
  return h;
}

/** lookupKeyRead + checkType: the hash at `key`, undefined when missing, WRONGTYPE otherwise. */
export function hashForRead(c: Client, key: string): HashValue | undefined {
  const o = readKey(c, key);
  return o === undefined ? undefined : asHash(o);
}

function maxValueBytes(c: Client): number {
  return c.node.config.getInt('hash-max-listpack-value');
}

/** hashTypeTryConversion: converts when any of the given arguments is too long for a listpack. */
export function convertForArgs(c: Client, h: HashValue, args: readonly Bytes[]): void {
  if (h.enc !== 'listpack') return;
  const max = maxValueBytes(c);
  for (const a of args) {
    if (a.length > max) {
      h.enc = 'hashtable';
      return;
    }
  }
}

/**
 * hashTypeSet: stores field = value; true when the field was new. Converts first when either is too
 * long for a listpack, and afterwards when the hash has grown past hash-max-listpack-entries.
 */
export function hashSet(c: Client, h: HashValue, field: string, value: Bytes): boolean {
  if (h.enc === 'listpack') {
    const max = maxValueBytes(c);
    if (field.length > max || value.length > max) h.enc = 'hashtable';
  }
  const added = h.fields.set(field, value);
  if (h.enc === 'listpack' && h.fields.size > c.node.config.getInt('hash-max-listpack-entries')) {
    h.enc = 'hashtable';
  }
  return added;
}
