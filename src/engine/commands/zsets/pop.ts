/*
 * ZPOPMIN ZPOPMAX ZMPOP and the non-blocking part of BZPOPMIN BZPOPMAX BZMPOP (genericZpopCommand).
 *
 * Reply shapes, as Redis 7.0:
 *   ZPOPMIN/MAX key          flat [member, score] (empty array when the key is missing)
 *   ZPOPMIN/MAX key count    RESP2 flat [m, s, m, s...]; RESP3 [[m, s], ...]; count 0 -> empty array
 *   BZPOPMIN/MAX             [key, member, score]
 *   ZMPOP / BZMPOP           [key, [[m, s], ...]] or a nil array when every key is missing
 * The first key holding a sorted set is used (WRONGTYPE stops the search at a key of another type).
 * Each popped member counts one dirty; "zpopmin"/"zpopmax" fires once, "del" when the key empties.
 * COUNT is "value is out of range, must be positive" for ZPOP* and "count should be greater than 0"
 * for ZMPOP; numkeys must be at least 1 ("numkeys should be greater than 0").
 */
import { bin, type Bytes, lowerBin } from '../../bytes.ts';
import { arr, bulk, double, EMPTY_ARRAY, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64Num } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { keyAt, writeZset } from './access.ts';
import type { ZEntry, ZSetValue } from './zset.ts';

export type Where = 'min' | 'max';

/** Pops up to `count` entries from one end, with the events and dirty accounting. */
export function popEntries(c: Client, key: string, z: ZSetValue, where: Where, count: number): ZEntry[] {
  const n = Math.min(count, z.size);
  const out: ZEntry[] = [];
  for (let i = 0; i < n; i++) {
    const rank = where === 'max' ? z.size - 1 : 0;
    const e = z.at(rank);
    out.push({ ele: e.ele, score: e.score });
    z.removeRanks(rank, rank);
    c.node.dirty++;
    if (i === 0) {
      c.node.notify('z', where === 'max' ? 'zpopmax' : 'zpopmin', key, c.db);
      c.node.signalModifiedKey(c.db, key);
    }
  }
  if (z.size === 0) {
    c.db.delete(key);
    c.node.notify('g', 'del', key, c.db);
  }
  return out;
}

/** The first of `keys` that holds a sorted set (WRONGTYPE on the way stops the search). */
export function firstZset(c: Client, keys: string[]): { key: string; z: ZSetValue } | undefined {
  for (const key of keys) {
    const z = writeZset(c, key);
    if (z !== undefined && z.size > 0) return { key, z };
  }
  return undefined;
}

const pair = (e: ZEntry): Reply => arr([bulk(e.ele), double(e.score)]);

function flat(entries: ZEntry[]): Reply[] {
  return entries.flatMap((e) => [bulk(e.ele), double(e.score)]);
}

function zpopMinMax(c: Client, argv: Bytes[], where: Where): Reply {
  if (argv.length > 3) fail(E.syntax);
  let count = -1;
  if (argv.length === 3) {
    const n = parseI64Num(argv[2]!);
    if (n === null || n < 0) fail('ERR value is out of range, must be positive');
    count = n;
  }
  const key = keyAt(argv, 1);
  const z = writeZset(c, key);
  if (z === undefined || count === 0) return EMPTY_ARRAY;
  const popped = popEntries(c, key, z, where, count === -1 ? 1 : count);
  return c.resp > 2 && count !== -1 ? arr(popped.map(pair)) : arr(flat(popped));
}

/** [key, [[member, score], ...]] as ZMPOP and BZMPOP answer. */
export function mpopReply(key: Bytes, entries: ZEntry[]): Reply {
  return arr([bulk(key), arr(entries.map(pair))]);
}

/** [key, member, score] as BZPOPMIN/BZPOPMAX answer. */
export function bzpopReply(key: Bytes, entries: ZEntry[]): Reply {
  return arr([bulk(key), ...flat(entries)]);
}

export interface MpopArgs {
  keys: Bytes[];
  where: Where;
  count: number;
}

/** zmpopGenericCommand's parsing: numkeys, keys, MIN|MAX, [COUNT n]. */
export function parseMpop(argv: Bytes[], numkeysAt: number): MpopArgs {
  const numkeys = parseI64Num(argv[numkeysAt]!);
  if (numkeys === null || numkeys < 1) fail('ERR numkeys should be greater than 0');
  const whereAt = numkeysAt + numkeys + 1;
  if (whereAt >= argv.length) fail(E.syntax);
  const w = lowerBin(argv[whereAt]!);
  if (w !== 'min' && w !== 'max') fail(E.syntax);
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (count === -1 && lowerBin(argv[j]!) === 'count' && more > 0) {
      const n = parseI64Num(argv[++j]!);
      if (n === null || n < 1) fail('ERR count should be greater than 0');
      count = n;
    } else {
      fail(E.syntax);
    }
  }
  return { keys: argv.slice(numkeysAt + 1, whereAt), where: w, count: count === -1 ? 1 : count };
}

/** Pops per MpopArgs from the first non-empty key; undefined when there is none. */
export function mpopNow(c: Client, a: MpopArgs): Reply | undefined {
  for (const k of a.keys) {
    const key = bin(k);
    const z = writeZset(c, key);
    if (z === undefined || z.size === 0) continue;
    return mpopReply(k, popEntries(c, key, z, a.where, a.count));
  }
  return undefined;
}

const zmpop: Handler = (c, argv) => mpopNow(c, parseMpop(argv, 1)) ?? NIL_ARRAY;

export const popHandlers: Record<string, Handler> = {
  zpopmin: (c, argv) => zpopMinMax(c, argv, 'min'),
  zpopmax: (c, argv) => zpopMinMax(c, argv, 'max'),
  zmpop,
};
