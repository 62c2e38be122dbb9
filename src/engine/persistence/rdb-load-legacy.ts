/*
 * RDB value types of Redis up to 6.2 that Redis 7.0 still loads (rdbLoadObject), converting their
 * ziplists to the 7.0 encodings:
 *
 *   LIST_ZIPLIST (10)    the elements pushed one by one into a quicklist (node filling by the current
 *                        list-max-listpack-size)
 *   LIST_QUICKLIST (14)  node count, then each node as a ziplist blob: every non-empty node becomes one
 *                        quicklist node with the same elements
 *   ZSET_ZIPLIST (12)    (member, score) pairs -> listpack; skiplist past zset-max-listpack-entries
 *   HASH_ZIPLIST (13)    (field, value) pairs -> listpack; hashtable past hash-max-listpack-entries
 *
 * Pair lists are checked for duplicates (Redis always checks these while converting). Empty results are
 * errors. The zipmap hashes of Redis 2.x (type 9) are not supported.
 */
import { bin, type Bytes } from '../bytes.ts';
import { HashTable } from '../ds/hashtable.ts';
import { listpackEntrySize, Quicklist } from '../ds/quicklist.ts';
import { decodeZiplist } from '../ds/ziplist-bytes.ts';
import { ZSetValue } from '../commands/zsets/zset.ts';
import { LFU_INIT_VAL, type RValue } from '../server/object.ts';
import { parseScoreText, RdbFormatError, type RdbReader } from './rdb-io.ts';
import type { RdbLoadContext } from './rdb-load.ts';
import * as T from './rdb-types.ts';

function corrupt(why: string): never {
  throw new RdbFormatError(why);
}

/** Header + terminator of an empty listpack. */
const LISTPACK_EMPTY_BYTES = 7;

function ziplistOf(blob: Bytes, what: string): Bytes[] {
  const entries = decodeZiplist(blob);
  if (entries === null) corrupt(`${what} ziplist integrity check failed.`);
  return entries;
}

export function loadLegacyValue(type: number, r: RdbReader, ctx: RdbLoadContext): RValue {
  switch (type) {
    case T.RDB_TYPE_LIST_ZIPLIST:
      return listFromNodes([ziplistOf(r.string(), 'List')], ctx, true);
    case T.RDB_TYPE_LIST_QUICKLIST: {
      const count = r.len();
      const nodes: Bytes[][] = [];
      for (let i = 0; i < count; i++) nodes.push(ziplistOf(r.string(), 'Quicklist'));
      return listFromNodes(nodes, ctx, false);
    }
    case T.RDB_TYPE_ZSET_ZIPLIST:
      return zsetFromPairs(pairsOf(r.string(), 'Zset'), ctx);
    case T.RDB_TYPE_HASH_ZIPLIST:
      return hashFromPairs(pairsOf(r.string(), 'Hash'), ctx);
    default:
      return corrupt(`unsupported RDB object type ${type}`);
  }
}

/** A quicklist from ziplist contents: refilled element by element, or one node per ziplist. */
function listFromNodes(nodes: Bytes[][], ctx: RdbLoadContext, refill: boolean): RValue {
  const ql = new Quicklist(ctx.limits.listMaxListpackSize, ctx.limits.listCompressDepth);
  for (const entries of nodes) {
    if (refill) {
      for (const e of entries) ql.pushTail(e);
    } else if (entries.length > 0) {
      let sz = LISTPACK_EMPTY_BYTES;
      for (const e of entries) sz += listpackEntrySize(e);
      ql.nodes.push({ entries, sz });
      ql.length += entries.length;
    }
  }
  if (ql.length === 0) corrupt('empty list');
  return { type: 'list', enc: 'quicklist', ql, lru: ctx.nowMs, lfu: LFU_INIT_VAL };
}

/** The entries of a ziplist of pairs: even, non-empty, no duplicate first elements. */
function pairsOf(blob: Bytes, what: string): Bytes[] {
  const entries = ziplistOf(blob, what);
  if (entries.length === 0) corrupt(`empty ${what}`);
  if (entries.length % 2 !== 0) corrupt(`${what} ziplist integrity check failed.`);
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i += 2) {
    const k = bin(entries[i]!);
    if (seen.has(k)) corrupt(`${what} ziplist with dup elements`);
    seen.add(k);
  }
  return entries;
}

function zsetFromPairs(entries: Bytes[], ctx: RdbLoadContext): RValue {
  const z = new ZSetValue('listpack', ctx.nowMs, ctx.randomU16);
  for (let i = 0; i < entries.length; i += 2) {
    const score = parseScoreText(bin(entries[i + 1]!));
    if (score === null || Number.isNaN(score)) corrupt('bad zset score');
    z.insert(entries[i]!, score);
  }
  if (z.size > ctx.limits.zsetMaxListpackEntries) z.convert('skiplist');
  return z;
}

function hashFromPairs(entries: Bytes[], ctx: RdbLoadContext): RValue {
  const fields = new HashTable<Bytes>();
  for (let i = 0; i < entries.length; i += 2) fields.set(bin(entries[i]!), entries[i + 1]!);
  const enc = fields.size > ctx.limits.hashMaxListpackEntries ? 'hashtable' : 'listpack';
  return { type: 'hash', enc, fields, lru: ctx.nowMs, lfu: LFU_INIT_VAL };
}
