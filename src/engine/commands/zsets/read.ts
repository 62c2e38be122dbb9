/*
 * Point and counting reads: ZCARD ZSCORE ZMSCORE ZRANK ZREVRANK ZCOUNT ZLEXCOUNT.
 * Scores are answered with addReplyDouble (a RESP3 double, a "%.17g" bulk string in RESP2); a missing
 * key or member is nil (ZMSCORE treats a missing key as an empty set). ZCOUNT and ZLEXCOUNT parse the
 * range before looking the key up, so a bad range wins over WRONGTYPE.
 */
import { bin } from '../../bytes.ts';
import { arr, double, int, NIL, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { Handler } from '../types.ts';
import { keyAt, readZset } from './access.ts';
import { parseLexRange } from './lex.ts';
import { countInRange, lexSpec, scoreSpec } from './locate.ts';
import { parseScoreRange } from './score.ts';

export const SCORE_RANGE_ERR = 'ERR min or max is not a float';
export const LEX_RANGE_ERR = 'ERR min or max not valid string range item';

const zcard: Handler = (c, argv) => int(readZset(c, keyAt(argv, 1))?.size ?? 0);

const zscore: Handler = (c, argv) => {
  const s = readZset(c, keyAt(argv, 1))?.score(bin(argv[2]!));
  return s === undefined ? NIL : double(s);
};

const zmscore: Handler = (c, argv) => {
  const z = readZset(c, keyAt(argv, 1));
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const s = z?.score(bin(argv[j]!));
    out.push(s === undefined ? NIL : double(s));
  }
  return arr(out);
};

function rankGeneric(c: Client, key: string, member: string, reverse: boolean): Reply {
  const z = readZset(c, key);
  const r = z?.rank(member);
  if (z === undefined || r === undefined) return NIL;
  return int(reverse ? z.size - 1 - r : r);
}

const zrank: Handler = (c, argv) => rankGeneric(c, keyAt(argv, 1), bin(argv[2]!), false);
const zrevrank: Handler = (c, argv) => rankGeneric(c, keyAt(argv, 1), bin(argv[2]!), true);

const zcount: Handler = (c, argv) => {
  const range = parseScoreRange(argv[2]!, argv[3]!);
  if (range === null) fail(SCORE_RANGE_ERR);
  const z = readZset(c, keyAt(argv, 1));
  return int(z ? countInRange(z, scoreSpec(range)) : 0);
};

const zlexcount: Handler = (c, argv) => {
  const range = parseLexRange(argv[2]!, argv[3]!);
  if (range === null) fail(LEX_RANGE_ERR);
  const z = readZset(c, keyAt(argv, 1));
  return int(z ? countInRange(z, lexSpec(range)) : 0);
};

export const readHandlers: Record<string, Handler> = {
  zcard,
  zscore,
  zmscore,
  zrank,
  zrevrank,
  zcount,
  zlexcount,
};
