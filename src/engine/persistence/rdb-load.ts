/*
 * Reading one value in RDB form, as Redis 7.0's rdbLoadObject does for RESTORE (and RDB loading), into
 * our value shapes with the encodings Redis would give them:
 *
 *   string             'int' for canonical integers of at most 20 chars, else 'embstr' up to 44 bytes,
 *                      else 'raw' (tryObjectEncoding)
 *   LIST / QUICKLIST_2 a quicklist; QUICKLIST_2 nodes are kept exactly as stored (quicklistAppendListpack
 *                      does not refill them), plain nodes become one-element nodes
 *   SET                intset while the count is within set-max-intset-entries and every member is an
 *                      integer, converting at the first one that is not; else hashtable
 *   SET_INTSET         the blob as is; hashtable past set-max-intset-entries
 *   ZSET_2 / ZSET      built as a skiplist, then listpack when count and longest member are within the
 *                      zset-max-listpack-* limits (sorted sets are not stored in order)
 *   ZSET_LISTPACK      the blob's pairs; skiplist past zset-max-listpack-entries
 *   HASH               listpack until a field or value exceeds hash-max-listpack-value or the count
 *                      exceeds hash-max-listpack-entries, then hashtable
 *   HASH_LISTPACK      the blob's pairs; hashtable past hash-max-listpack-entries (lengths not checked,
 *                      as in Redis)
 *
 * Any inconsistency (truncated data, an empty collection, duplicate members, NaN scores, a corrupt
 * blob, an unknown or not yet supported type) throws RdbFormatError. Redis checks blob internals such as
 * duplicate pairs only under sanitize-dump-payload; we always check, since our structures need them
 * sound. Ziplist-era types (10, 12, 13, 14) are read by rdb-load-legacy.ts; streams (15, 19) by
 * commands/streams/rdb.ts; modules and zipmaps are not supported.
 */
import { bin, type Bytes } from '../bytes.ts';
import { decodeIntset } from '../ds/intset-bytes.ts';
import { decodeListpack } from '../ds/listpack-bytes.ts';
import { HashTable } from '../ds/hashtable.ts';
import { Intset } from '../ds/intset.ts';
import { Quicklist, listpackEntrySize } from '../ds/quicklist.ts';
import type { RandomU16 } from '../ds/skiplist.ts';
import { ZSetValue } from '../commands/zsets/zset.ts';
import { EMBSTR_MAX, LFU_INIT_VAL, type HashValue, type RValue, type SetValue } from '../server/object.ts';
import { parseI64 } from '../util/parse.ts';
import { parseScoreText, RdbFormatError, RdbReader } from './rdb-io.ts';
import { loadLegacyValue } from './rdb-load-legacy.ts';
import { loadStream } from '../commands/streams/rdb.ts';
import * as T from './rdb-types.ts';

/** The encoding thresholds in force (config values of the same names). */
export interface RdbLimits {
  hashMaxListpackEntries: number;
  hashMaxListpackValue: number;
  setMaxIntsetEntries: number;
  zsetMaxListpackEntries: number;
  zsetMaxListpackValue: number;
  listMaxListpackSize: number;
  listCompressDepth: number;
}

export interface RdbLoadContext {
  nowMs: number;
  randomU16: RandomU16;
  limits: RdbLimits;
}

/** The limits from a node's config. */
export function rdbLimitsFrom(config: { getInt(name: string): number }): RdbLimits {
  return {
    hashMaxListpackEntries: config.getInt('hash-max-listpack-entries'),
    hashMaxListpackValue: config.getInt('hash-max-listpack-value'),
    setMaxIntsetEntries: config.getInt('set-max-intset-entries'),
    zsetMaxListpackEntries: config.getInt('zset-max-listpack-entries'),
    zsetMaxListpackValue: config.getInt('zset-max-listpack-value'),
    listMaxListpackSize: config.getInt('list-max-listpack-size'),
    listCompressDepth: config.getInt('list-compress-depth'),
  };
}

function corrupt(why: string): never {
  throw new RdbFormatError(why);
}

/** rdbLoadObject for a type byte already read. */
export function loadValue(type: number, r: RdbReader, ctx: RdbLoadContext): RValue {
  switch (type) {
    case T.RDB_TYPE_STRING:
      return loadString(r.string(), ctx.nowMs);
    case T.RDB_TYPE_LIST:
    case T.RDB_TYPE_LIST_QUICKLIST_2:
      return loadList(type, r, ctx);
    case T.RDB_TYPE_SET:
      return loadSet(r, ctx);
    case T.RDB_TYPE_SET_INTSET:
      return loadIntsetBlob(r.string(), ctx);
    case T.RDB_TYPE_ZSET:
    case T.RDB_TYPE_ZSET_2:
      return loadZset(type, r, ctx);
    case T.RDB_TYPE_ZSET_LISTPACK:
      return loadZsetListpack(r.string(), ctx);
    case T.RDB_TYPE_HASH:
      return loadHash(r, ctx);
    case T.RDB_TYPE_HASH_LISTPACK:
      return loadHashListpack(r.string(), ctx);
    case T.RDB_TYPE_LIST_ZIPLIST:
    case T.RDB_TYPE_LIST_QUICKLIST:
    case T.RDB_TYPE_ZSET_ZIPLIST:
    case T.RDB_TYPE_HASH_ZIPLIST:
      return loadLegacyValue(type, r, ctx);
    case T.RDB_TYPE_STREAM_LISTPACKS:
    case T.RDB_TYPE_STREAM_LISTPACKS_2:
      return loadStream(r, type === T.RDB_TYPE_STREAM_LISTPACKS_2, ctx.nowMs);
    default:
      return corrupt(`unsupported RDB object type ${type}`);
  }
}

/** Reads a type byte (which must be an object type) and the value after it. */
export function deserializeValue(r: RdbReader, ctx: RdbLoadContext): RValue {
  const type = r.byte();
  if (!T.isObjectType(type)) corrupt(`not an object type: ${type}`);
  return loadValue(type, r, ctx);
}

function loadString(v: Bytes, nowMs: number): RValue {
  const enc = v.length <= 20 && parseI64(v) !== null ? 'int' : v.length <= EMBSTR_MAX ? 'embstr' : 'raw';
  return { type: 'string', enc, v, lru: nowMs, lfu: LFU_INIT_VAL };
}

function newQuicklist(ctx: RdbLoadContext): Quicklist {
  return new Quicklist(ctx.limits.listMaxListpackSize, ctx.limits.listCompressDepth);
}

function loadList(type: number, r: RdbReader, ctx: RdbLoadContext): RValue {
  const count = r.len();
  if (count === 0) corrupt('empty list');
  const ql = newQuicklist(ctx);
  for (let i = 0; i < count; i++) {
    if (type === T.RDB_TYPE_LIST) {
      ql.pushTail(r.string());
      continue;
    }
    const container = r.len();
    if (container !== T.QUICKLIST_CONTAINER_PACKED && container !== T.QUICKLIST_CONTAINER_PLAIN) {
      corrupt('Quicklist integrity check failed.');
    }
    const blob = r.string();
    if (blob.length === 0) corrupt('empty quicklist node');
    const entries = container === T.QUICKLIST_CONTAINER_PLAIN ? [blob] : decodeListpack(blob);
    if (entries === null) corrupt('Listpack integrity check failed.');
    if (entries.length === 0) continue;
    const sz = container === T.QUICKLIST_CONTAINER_PLAIN ? 7 + listpackEntrySize(blob) : blob.length;
    ql.nodes.push({ entries, sz });
    ql.length += entries.length;
  }
  if (ql.length === 0) corrupt('empty list');
  return { type: 'list', enc: 'quicklist', ql, lru: ctx.nowMs, lfu: LFU_INIT_VAL };
}

function emptySet(enc: 'intset' | 'hashtable', nowMs: number): SetValue {
  const intset = enc === 'intset';
  return {
    type: 'set',
    enc,
    ints: intset ? new Intset() : null,
    table: intset ? null : new HashTable<null>(),
    lru: nowMs,
    lfu: LFU_INIT_VAL,
  };
}

/** setTypeConvert intset -> hashtable (members in ascending order). */
function setToTable(s: SetValue): void {
  const table = new HashTable<null>();
  for (const v of s.ints!) table.set(v.toString(), null);
  s.enc = 'hashtable';
  s.ints = null;
  s.table = table;
}

function loadSet(r: RdbReader, ctx: RdbLoadContext): RValue {
  const count = r.len();
  if (count === 0) corrupt('empty set');
  const s = emptySet(
    count > Math.min(ctx.limits.setMaxIntsetEntries, 2 ** 30) ? 'hashtable' : 'intset',
    ctx.nowMs,
  );
  for (let i = 0; i < count; i++) {
    const m = r.string();
    if (s.enc === 'intset') {
      const n = parseI64(m);
      if (n !== null) {
        if (!s.ints!.add(n)) corrupt('Duplicate set members detected');
        continue;
      }
      setToTable(s);
    }
    if (!s.table!.set(bin(m), null)) corrupt('Duplicate set members detected');
  }
  return s;
}

function loadIntsetBlob(blob: Bytes, ctx: RdbLoadContext): RValue {
  const parsed = decodeIntset(blob);
  if (parsed === null) corrupt('Intset integrity check failed.');
  const s = emptySet('intset', ctx.nowMs);
  for (const v of parsed.values) s.ints!.add(v);
  s.ints!.width = parsed.width;
  if (parsed.values.length > ctx.limits.setMaxIntsetEntries) setToTable(s);
  return s;
}

function loadZset(type: number, r: RdbReader, ctx: RdbLoadContext): RValue {
  const count = r.len();
  if (count === 0) corrupt('empty zset');
  const z = new ZSetValue('skiplist', ctx.nowMs, ctx.randomU16);
  let maxLen = 0;
  for (let i = 0; i < count; i++) {
    const ele = r.string();
    const score = type === T.RDB_TYPE_ZSET_2 ? r.binaryDouble() : r.textDouble();
    if (Number.isNaN(score)) corrupt('Zset with NAN score detected');
    if (z.score(bin(ele)) !== undefined) corrupt('Duplicate zset fields detected');
    maxLen = Math.max(maxLen, ele.length);
    z.insert(ele, score);
  }
  if (z.size <= ctx.limits.zsetMaxListpackEntries && maxLen <= ctx.limits.zsetMaxListpackValue) {
    z.convert('listpack');
  }
  return z;
}

/** The entries of a blob of (a, b) pairs: a listpack with an even, non-zero number of entries. */
function listpackPairs(blob: Bytes, what: string): Bytes[] {
  const entries = decodeListpack(blob);
  if (entries === null || entries.length % 2 !== 0) corrupt(`${what} listpack integrity check failed.`);
  if (entries.length === 0) corrupt(`empty ${what}`);
  return entries;
}

function loadZsetListpack(blob: Bytes, ctx: RdbLoadContext): RValue {
  const entries = listpackPairs(blob, 'Zset');
  const z = new ZSetValue('listpack', ctx.nowMs, ctx.randomU16);
  for (let i = 0; i < entries.length; i += 2) {
    const ele = entries[i]!;
    const score = parseScoreText(bin(entries[i + 1]!));
    if (score === null || Number.isNaN(score)) corrupt('bad zset score');
    if (z.score(bin(ele)) !== undefined) corrupt('Duplicate zset fields detected');
    z.insert(ele, score);
  }
  if (z.size > ctx.limits.zsetMaxListpackEntries) z.convert('skiplist');
  return z;
}

function newHashValue(nowMs: number): HashValue {
  return { type: 'hash', enc: 'listpack', fields: new HashTable<Bytes>(), lru: nowMs, lfu: LFU_INIT_VAL };
}

function loadHash(r: RdbReader, ctx: RdbLoadContext): RValue {
  const count = r.len();
  if (count === 0) corrupt('empty hash');
  const h = newHashValue(ctx.nowMs);
  if (count > ctx.limits.hashMaxListpackEntries) h.enc = 'hashtable';
  const maxValue = ctx.limits.hashMaxListpackValue;
  for (let i = 0; i < count; i++) {
    const field = r.string();
    const value = r.string();
    if (field.length > maxValue || value.length > maxValue) h.enc = 'hashtable';
    if (!h.fields.set(bin(field), value)) corrupt('Duplicate hash fields detected');
  }
  return h;
}

function loadHashListpack(blob: Bytes, ctx: RdbLoadContext): RValue {
  const entries = listpackPairs(blob, 'Hash');
  const h = newHashValue(ctx.nowMs);
  for (let i = 0; i < entries.length; i += 2) {
    if (!h.fields.set(bin(entries[i]!), entries[i + 1]!)) corrupt('Hash with dup elements');
  }
  if (h.fields.size > ctx.limits.hashMaxListpackEntries) h.enc = 'hashtable';
  return h;
}
