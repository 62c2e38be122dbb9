/*
 * ZRANDMEMBER key [count [WITHSCORES]] (zrandmemberCommand), randomness from the node's Random port.
 *
 *   no count        one member (bulk), nil when the key is missing;
 *   count > 0       distinct members, at most the set's size; when count >= size the whole set from
 *                   the highest entry down (as Redis's zui iterator walks it), otherwise a uniform sample (in random order; Redis's order there is that of
 *                   its hash table, which no client can rely on);
 *   count < 0       |count| members drawn independently, repeats allowed (count = 1 behaves so too);
 *   count = 0       empty array.
 * The count must lie in [-LONG_MAX, LONG_MAX], and within +-LONG_MAX/2 with WITHSCORES ("value is out
 * of range"). Scores come as doubles: flat pairs in RESP2, [member, score] pairs in RESP3.
 */
import { bin, lowerBin } from '../../bytes.ts';
import { bulk, EMPTY_ARRAY, NIL } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { checkRandomPicks } from '../random-count.ts';
import type { Handler } from '../types.ts';
import { readZset } from './access.ts';
import { entriesReply } from './emit.ts';
import type { ZEntry, ZSetValue } from './zset.ts';

const LONG_MAX = 9223372036854775807n;

function parseCount(b: Uint8Array, withScores: boolean): number {
  const v = parseI64(b);
  if (v === null) fail(E.notInt);
  if (v < -LONG_MAX) {
    fail('ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807');
  }
  return withScores && (v < -LONG_MAX / 2n || v > LONG_MAX / 2n) ? NaN : Number(v);
}

/** Uniform sample of `count` distinct ranks (partial Fisher-Yates over the rank sequence). */
function sampleRanks(c: Client, size: number, count: number): number[] {
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = i + c.node.random.int(size - i);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(atJ);
  }
  return out;
}

function pickWithCount(c: Client, z: ZSetValue, count: number): ZEntry[] {
  const size = z.size;
  if (count < 0 || count === 1) {
    checkRandomPicks(count);
    const n = Math.abs(count);
    const out: ZEntry[] = [];
    for (let i = 0; i < n; i++) out.push(z.at(c.node.random.int(size)));
    return out;
  }
  // Redis's zui iterators walk a sorted set from its highest entry down.
  if (count >= size) return [...z.entries()].reverse();
  return sampleRanks(c, size, count).map((r) => z.at(r));
}

const zrandmember: Handler = (c, argv) => {
  if (argv.length >= 3) {
    if (argv.length > 4 || (argv.length === 4 && lowerBin(argv[3]!) !== 'withscores')) {
      parseCount(argv[2]!, false);
      fail(E.syntax);
    }
    const withScores = argv.length === 4;
    const count = parseCount(argv[2]!, withScores);
    if (Number.isNaN(count)) fail('ERR value is out of range');
    const z = readZset(c, bin(argv[1]!));
    if (z === undefined || count === 0) return EMPTY_ARRAY;
    return entriesReply(c, pickWithCount(c, z, count), withScores);
  }
  const z = readZset(c, bin(argv[1]!));
  if (z === undefined) return NIL;
  return bulk(z.at(c.node.random.int(z.size)).ele);
};

export const randomHandlers: Record<string, Handler> = { zrandmember };
