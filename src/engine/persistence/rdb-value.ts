/*
 * Serialising one value in RDB version 10 form, as Redis 7.0's rdbSaveObjectType + rdbSaveObject do,
 * so that DUMP payloads (and later RDB files) are byte-identical to Redis's wherever our structures
 * hold the same information:
 *
 *   string            the bytes as an RDB string (integer / LZF / verbatim forms, see rdb-io.ts)
 *   list              QUICKLIST_2: node count, then per node its container (2 = listpack) and the
 *                     node's listpack blob as an RDB string; nodes Redis keeps LZF-compressed
 *                     (list-compress-depth) go out as that compressed blob
 *   set               intset encoding: the intset blob; hashtable: count + members
 *   zset              listpack encoding: the listpack blob (member, score pairs, integral scores as
 *                     integers, others as %.17g text); skiplist: count + (member, binary double) pairs
 *                     from the highest rank down, as Redis walks its skiplist from the tail
 *   hash              listpack: the blob of field, value pairs; hashtable: count + pairs
 *
 * Where the bytes can differ from Redis: hashtable-encoded sets and hashes are written in our table's
 * order (insertion order), Redis in its dict's bucket order, which depends on hashing we do not
 * reproduce. The content is the same; the order of pairs and hence the checksum differ.
 */
import { unbin } from '../bytes.ts';
import { encodeIntset } from '../ds/intset-bytes.ts';
import { encodeListpack, type ListpackEntry } from '../ds/listpack-bytes.ts';
import { lzfCompress } from '../ds/lzf.ts';
import type { Quicklist } from '../ds/quicklist.ts';
import type { RValue } from '../server/object.ts';
import type { ZSetValue } from '../commands/zsets/zset.ts';
import { formatG } from '../util/numfmt.ts';
import { saveStream } from '../commands/streams/rdb.ts';
import { RdbWriter } from './rdb-io.ts';
import * as T from './rdb-types.ts';

/** rdbSaveObjectType: the type byte for a value in its current encoding. */
export function rdbTypeOf(v: RValue): number {
  switch (v.type) {
    case 'string':
      return T.RDB_TYPE_STRING;
    case 'list':
      return T.RDB_TYPE_LIST_QUICKLIST_2;
    case 'set':
      return v.enc === 'intset' ? T.RDB_TYPE_SET_INTSET : T.RDB_TYPE_SET;
    case 'zset':
      return v.enc === 'listpack' ? T.RDB_TYPE_ZSET_LISTPACK : T.RDB_TYPE_ZSET_2;
    case 'hash':
      return v.enc === 'listpack' ? T.RDB_TYPE_HASH_LISTPACK : T.RDB_TYPE_HASH;
    case 'stream':
      return T.RDB_TYPE_STREAM_LISTPACKS_2;
    default:
      throw new Error(`RDB serialisation of type ${(v as RValue).type} is not implemented yet`);
  }
}

/** rdbSaveObject: the value's body (after its type byte). */
export function saveValue(w: RdbWriter, v: RValue): void {
  switch (v.type) {
    case 'string':
      w.string(v.v);
      return;
    case 'list':
      saveQuicklist(w, v.ql);
      return;
    case 'set':
      if (v.enc === 'intset') {
        w.string(encodeIntset(v.ints!.width, [...v.ints!]));
      } else {
        w.len(v.table!.size);
        for (const m of v.table!.keys()) w.string(unbin(m));
      }
      return;
    case 'zset':
      saveZset(w, v);
      return;
    case 'hash':
      if (v.enc === 'listpack') {
        const entries: ListpackEntry[] = [];
        for (const [f, val] of v.fields.entries()) entries.push(unbin(f), val);
        w.string(encodeListpack(entries));
      } else {
        w.len(v.fields.size);
        for (const [f, val] of v.fields.entries()) {
          w.string(unbin(f));
          w.string(val);
        }
      }
      return;
    case 'stream':
      saveStream(w, v);
      return;
  }
}

/** Type byte + body: the start of a DUMP payload, or a key's value in an RDB file. */
export function serializeValue(v: RValue, compression: boolean): Uint8Array {
  const w = new RdbWriter(compression);
  w.byte(rdbTypeOf(v));
  saveValue(w, v);
  return w.result();
}

/** Redis's quicklist node compression rule: at least 48 bytes and LZF saving more than 8. */
const MIN_COMPRESS_BYTES = 48;
const MIN_COMPRESS_IMPROVE = 8;

function saveQuicklist(w: RdbWriter, ql: Quicklist): void {
  const info = ql.inspect();
  w.len(ql.nodes.length);
  ql.nodes.forEach((node, k) => {
    w.len(T.QUICKLIST_CONTAINER_PACKED);
    const blob = encodeListpack(node.entries);
    if (info[k]!.compressed && blob.length >= MIN_COMPRESS_BYTES) {
      const packed = lzfCompress(blob, blob.length);
      if (packed !== null && packed.length + MIN_COMPRESS_IMPROVE < blob.length) {
        w.lzfBlob(packed, blob.length);
        return;
      }
    }
    w.string(blob);
  });
}

/** Largest magnitude double2ll accepts: LLONG_MAX / 2 as a double. */
const DOUBLE2LL_LIMIT = 4611686018427387904;

/**
 * How zzlInsertAt stores a score in a listpack: integral scores within double2ll's range as integers
 * (so -0 becomes 0), others as d2string text.
 */
export function listpackScore(score: number): ListpackEntry {
  if (Number.isInteger(score) && score >= -DOUBLE2LL_LIMIT && score <= DOUBLE2LL_LIMIT) {
    return BigInt(score);
  }
  return unbin(formatG(score, 17));
}

function saveZset(w: RdbWriter, z: ZSetValue): void {
  if (z.enc === 'listpack') {
    const entries: ListpackEntry[] = [];
    for (const e of z.entries()) entries.push(e.ele, listpackScore(e.score));
    w.string(encodeListpack(entries));
    return;
  }
  w.len(z.size);
  z.walk(z.size - 1, true, (e) => {
    w.string(e.ele);
    w.binaryDouble(e.score);
    return true;
  });
}
