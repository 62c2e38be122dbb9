/*
 * String values and the keyspace access patterns of t_string.c.
 *
 * Encodings, as OBJECT ENCODING reports them in Redis 7.0:
 *   - tryObjectEncoding (SET, SETNX, SETEX, PSETEX, GETSET, MSET, MSETNX, APPEND on a new key):
 *     'int' when the bytes are a canonical signed 64-bit integer (string2l, at most 20 chars),
 *     else 'embstr' up to 44 bytes, else 'raw'.
 *   - createStringObject without that attempt (INCRBYFLOAT results): 'embstr' / 'raw' by length only.
 *   - INCR/DECR/INCRBY/DECRBY results: always 'int'.
 *   - modified in place (APPEND on an existing key, SETRANGE): always 'raw' (dbUnshareStringValue).
 *
 * Reads come in two flavours, as in Redis: lookupKeyRead counts keyspace hits/misses and fires a
 * "keymiss" event; lookupKeyWrite does neither. Both expire lazily and touch the access time.
 */
import { bin, type Bytes } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { EMBSTR_MAX, type RValue, type StringValue } from '../../server/object.ts';
import { parseI64 } from '../../util/parse.ts';

/** Redis's LFU_INIT_VAL: the counter a fresh object starts with. */
const LFU_INIT = 5;

function make(v: Bytes, enc: StringValue['enc'], now: number): StringValue {
  return { type: 'string', enc, v, lru: now, lfu: LFU_INIT };
}

/** A value as SET stores it (createStringObject + tryObjectEncoding). */
export function newString(v: Bytes, now: number): StringValue {
  const enc = v.length <= 20 && parseI64(v) !== null ? 'int' : v.length <= EMBSTR_MAX ? 'embstr' : 'raw';
  return make(v, enc, now);
}

/** A value created from bytes without trying the integer encoding (createStringObject). */
export function plainString(v: Bytes, now: number): StringValue {
  return make(v, v.length <= EMBSTR_MAX ? 'embstr' : 'raw', now);
}

/** A value built or changed in place (APPEND to an existing key, SETRANGE). */
export function rawString(v: Bytes, now: number): StringValue {
  return make(v, 'raw', now);
}

/** An integer result (INCR and friends). */
export function intString(n: bigint, now: number): StringValue {
  return make(asciiBytes(n.toString()), 'int', now);
}

export function asciiBytes(s: string): Bytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** lookupKeyRead: lazy expiry, access time, hit/miss statistics and the keymiss event. */
export function readKey(c: Client, key: string): RValue | undefined {
  const v = c.db.lookupRead(key);
  if (v === undefined) {
    c.node.stats.keyspaceMisses++;
    c.node.notify('m', 'keymiss', key, c.db);
  } else {
    c.node.stats.keyspaceHits++;
  }
  return v;
}

/** lookupKeyWrite: lazy expiry and access time, no statistics. */
export function writeKey(c: Client, key: string): RValue | undefined {
  return c.db.lookupWrite(key);
}

/** checkType for strings: throws WRONGTYPE for any other type. */
export function asString(v: RValue): StringValue {
  if (v.type !== 'string') fail(E.wrongType);
  return v;
}

/**
 * dbAdd / dbOverwrite: stores `v` at `key`, keeping the deadline only with keepTtl. Under an LFU
 * maxmemory policy an overwritten key keeps its access counter, as Redis's dbOverwrite copies the old
 * object's LRU/LFU field into the new one.
 */
export function putValue(c: Client, key: string, v: StringValue, keepTtl: boolean): void {
  const old = c.db.dict.get(key);
  if (old !== undefined && c.node.lfuPolicy) {
    v.lru = old.lru;
    v.lfu = old.lfu;
  }
  c.db.set(key, v, keepTtl);
}

/**
 * setKey(): stores a new value, clearing the deadline unless keepTtl, and signals the key as
 * modified. The caller notifies the "set" event and counts dirty, as each Redis command does.
 */
export function storeKey(c: Client, key: string, v: StringValue, keepTtl = false): void {
  putValue(c, key, v, keepTtl);
  c.node.signalModifiedKey(c.db, key);
}

/** checkStringLength: a result longer than proto-max-bulk-len is refused. */
export function checkStringLength(c: Client, size: number, append: number): void {
  if (size + append > c.node.config.getInt('proto-max-bulk-len')) {
    fail('ERR string exceeds maximum allowed size (proto-max-bulk-len)');
  }
}

/**
 * Bytes of `old` followed by `extra`, growing geometrically like an sds so that a run of APPENDs costs
 * amortised O(total). Values are views on a larger buffer; a view may grow in place only when it ends
 * exactly at the buffer's high-water mark, so bytes that any other view (a copied key, a reply) can
 * see are never written.
 */
export function appendBytes(old: Bytes, extra: Bytes): Bytes {
  const len = old.length + extra.length;
  const end = old.byteOffset + old.length;
  if (highWater.get(old.buffer) === end && end + extra.length <= old.buffer.byteLength) {
    const grown = new Uint8Array(old.buffer, old.byteOffset, len);
    grown.set(extra, old.length);
    highWater.set(old.buffer, end + extra.length);
    return grown;
  }
  const capacity = len < SDS_MAX_PREALLOC ? len * 2 : len + SDS_MAX_PREALLOC;
  const buf = new Uint8Array(Math.max(capacity, 16));
  buf.set(old, 0);
  buf.set(extra, old.length);
  highWater.set(buf.buffer, len);
  return buf.subarray(0, len);
}

/** Bytes used so far in buffers that appendBytes may extend in place. */
const highWater = new WeakMap<ArrayBufferLike, number>();

/** Redis's SDS_MAX_PREALLOC: growth doubles up to 1 MiB, then adds 1 MiB at a time. */
const SDS_MAX_PREALLOC = 1024 * 1024;

export function keyOf(argv: Bytes[], i: number): string {
  return bin(argv[i]!);
}
