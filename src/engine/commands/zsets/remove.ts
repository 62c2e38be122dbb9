/*
 * Removals: ZREM and ZREMRANGEBYRANK / ZREMRANGEBYSCORE / ZREMRANGEBYLEX (zremCommand,
 * zremrangeGenericCommand). The range is parsed before the key is looked up. Rank ranges follow the
 * usual rules (negative indexes count from the end, start clamped to 0, empty when start > end or
 * start >= length). ZREM stops as soon as the set is empty. Events: "zrem" or "zremrangeby<kind>", then
 * "del" when the key went away; dirty grows by the number removed.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { afterRemoval, keyAt, writeZset } from './access.ts';
import { parseLexRange } from './lex.ts';
import { lexSpec, removeInRange, scoreSpec } from './locate.ts';
import { LEX_RANGE_ERR, SCORE_RANGE_ERR } from './read.ts';
import { parseScoreRange } from './score.ts';
import type { ZSetValue } from './zset.ts';

const zrem: Handler = (c, argv) => {
  const key = keyAt(argv, 1);
  const z = writeZset(c, key);
  if (z === undefined) return int(0);
  let deleted = 0;
  for (let j = 2; j < argv.length; j++) {
    if (z.remove(bin(argv[j]!))) deleted++;
    if (z.size === 0) break;
  }
  afterRemoval(c, key, z, deleted, 'zrem');
  return int(deleted);
};

/** Clamps a rank range as Redis does; null when it is empty. */
export function clampRanks(start: number, end: number, len: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  return [start, Math.min(end, len - 1)];
}

function removeRange(c: Client, argv: Bytes[], event: string, remove: (z: ZSetValue) => number): Reply {
  const key = keyAt(argv, 1);
  const z = writeZset(c, key);
  if (z === undefined) return int(0);
  const removed = remove(z);
  afterRemoval(c, key, z, removed, event);
  return int(removed);
}

const zremrangebyrank: Handler = (c, argv) => {
  const start = intArg(argv[2]!);
  const end = intArg(argv[3]!);
  return removeRange(c, argv, 'zremrangebyrank', (z) => {
    const r = clampRanks(start, end, z.size);
    return r ? z.removeRanks(r[0], r[1]) : 0;
  });
};

const zremrangebyscore: Handler = (c, argv) => {
  const range = parseScoreRange(argv[2]!, argv[3]!);
  if (range === null) fail(SCORE_RANGE_ERR);
  return removeRange(c, argv, 'zremrangebyscore', (z) => removeInRange(z, scoreSpec(range)));
};

const zremrangebylex: Handler = (c, argv) => {
  const range = parseLexRange(argv[2]!, argv[3]!);
  if (range === null) fail(LEX_RANGE_ERR);
  return removeRange(c, argv, 'zremrangebylex', (z) => removeInRange(z, lexSpec(range)));
};

export const removeHandlers: Record<string, Handler> = {
  zrem,
  zremrangebyrank,
  zremrangebyscore,
  zremrangebylex,
};
