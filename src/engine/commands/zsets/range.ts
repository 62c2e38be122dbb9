/*
 * ZRANGE and its relatives (zrangeGenericCommand): ZRANGE, ZRANGESTORE and the older ZREVRANGE,
 * ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX, which fix the range kind and
 * direction and so refuse BYSCORE/BYLEX/REV as syntax errors.
 *
 * Order of checks, as Redis: options (WITHSCORES only when not storing; LIMIT needs two more words and
 * two integers; REV/BYSCORE/BYLEX when not fixed), then LIMIT without BYSCORE/BYLEX, WITHSCORES with
 * BYLEX, then the range itself (integers for ranks; with REV the score and lex bounds are given max
 * first), then the key (missing = empty), then its type.
 *
 * Selection: ranks as usual; score and lex ranges start at the first (or, reversed, last) entry in range,
 * skip `offset` entries without checking them (a negative offset walks off the end: empty), then take
 * entries while they are still in range, at most `count` of them (negative = no limit).
 */
import { type Bytes, lowerBin } from '../../bytes.ts';
import { EMPTY_ARRAY, int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { keyAt, maxListpackEntries, newZset, readZset, storeResult } from './access.ts';
import { zsetAdd } from './add.ts';
import { entriesReply } from './emit.ts';
import { parseLexRange } from './lex.ts';
import { firstInRange, lastInRange, lexSpec, type RangeSpec, scoreSpec } from './locate.ts';
import { LEX_RANGE_ERR, SCORE_RANGE_ERR } from './read.ts';
import { clampRanks } from './remove.ts';
import { parseScoreRange } from './score.ts';
import type { ZEntry, ZSetValue } from './zset.ts';

type Kind = 'auto' | 'rank' | 'score' | 'lex';

interface RangeRequest {
  kind: Exclude<Kind, 'auto'>;
  reverse: boolean;
  withScores: boolean;
  offset: number;
  limit: number;
  hasLimit: boolean;
}

function parseOptions(argv: Bytes[], at: number, store: boolean, kind: Kind, rev: boolean | undefined) {
  const req = { kind, reverse: rev ?? false, withScores: false, offset: 0, limit: -1, hasLimit: false };
  for (let j = at + 3; j < argv.length; j++) {
    const opt = lowerBin(argv[j]!);
    const left = argv.length - j - 1;
    if (!store && opt === 'withscores') req.withScores = true;
    else if (opt === 'limit' && left >= 2) {
      req.offset = intArg(argv[j + 1]!);
      req.limit = intArg(argv[j + 2]!);
      req.hasLimit = true;
      j += 2;
    } else if (rev === undefined && !req.reverse && opt === 'rev') req.reverse = true;
    else if (req.kind === 'auto' && opt === 'bylex') req.kind = 'lex';
    else if (req.kind === 'auto' && opt === 'byscore') req.kind = 'score';
    else fail(E.syntax);
  }
  if (req.kind === 'auto') req.kind = 'rank';
  if (req.hasLimit && req.kind === 'rank') {
    fail('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
  }
  if (req.withScores && req.kind === 'lex') {
    fail('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  }
  return req as RangeRequest;
}

type Selector = (z: ZSetValue) => ZEntry[];

function rankSelector(argv: Bytes[], minIdx: number, maxIdx: number, reverse: boolean): Selector {
  const start = intArg(argv[minIdx]!);
  const end = intArg(argv[maxIdx]!);
  return (z) => {
    const r = clampRanks(start, end, z.size);
    if (r === null) return [];
    const out: ZEntry[] = [];
    const n = r[1] - r[0] + 1;
    z.walk(reverse ? z.size - 1 - r[0] : r[0], reverse, (e) => out.push(e) < n);
    return out;
  };
}

function rangeSelector(spec: RangeSpec, req: RangeRequest): Selector {
  return (z) => {
    if (req.kind === 'score' && req.offset > 0 && req.offset >= z.size) return [];
    if (req.offset < 0) return [];
    const first = req.reverse ? lastInRange(z, spec) : firstInRange(z, spec);
    if (first < 0) return [];
    const start = req.reverse ? first - req.offset : first + req.offset;
    const out: ZEntry[] = [];
    let left = req.limit;
    z.walk(start, req.reverse, (e) => {
      if (left === 0 || !(req.reverse ? spec.gteMin(e) : spec.lteMax(e))) return false;
      out.push(e);
      left--;
      return true;
    });
    return out;
  };
}

function selector(argv: Bytes[], at: number, req: RangeRequest): Selector {
  let [minIdx, maxIdx] = [at + 1, at + 2];
  if (req.reverse && req.kind !== 'rank') [minIdx, maxIdx] = [maxIdx, minIdx];
  if (req.kind === 'rank') return rankSelector(argv, minIdx, maxIdx, req.reverse);
  if (req.kind === 'score') {
    const range = parseScoreRange(argv[minIdx]!, argv[maxIdx]!);
    if (range === null) fail(SCORE_RANGE_ERR);
    return rangeSelector(scoreSpec(range), req);
  }
  const range = parseLexRange(argv[minIdx]!, argv[maxIdx]!);
  if (range === null) fail(LEX_RANGE_ERR);
  return rangeSelector(lexSpec(range), req);
}

/** zrangeGenericCommand; `at` is the index of the source key; dst is set for ZRANGESTORE. */
function zrangeGeneric(c: Client, argv: Bytes[], at: number, kind: Kind, rev?: boolean, dst?: string): Reply {
  const req = parseOptions(argv, at, dst !== undefined, kind, rev);
  const select = selector(argv, at, req);
  const z = readZset(c, keyAt(argv, at));
  const picked = z ? select(z) : [];
  if (dst === undefined) return z ? entriesReply(c, picked, req.withScores) : EMPTY_ARRAY;
  // zrangeResultBeginStore: the size is known up front only for rank ranges.
  const known = req.kind === 'rank' ? picked.length : -1;
  const out = newZset(c, known > maxListpackEntries(c) ? 'skiplist' : 'listpack');
  const flags = { nx: false, xx: false, gt: false, lt: false, incr: false };
  const sink = { score: 0 };
  for (const e of picked) zsetAdd(c, out, e.ele.slice(), e.score, flags, sink);
  return int(storeResult(c, dst, out, 'zrangestore'));
}

export const rangeHandlers: Record<string, Handler> = {
  zrange: (c, argv) => zrangeGeneric(c, argv, 1, 'auto'),
  zrangestore: (c, argv) => zrangeGeneric(c, argv, 2, 'auto', undefined, keyAt(argv, 1)),
  zrevrange: (c, argv) => zrangeGeneric(c, argv, 1, 'rank', true),
  zrangebyscore: (c, argv) => zrangeGeneric(c, argv, 1, 'score', false),
  zrevrangebyscore: (c, argv) => zrangeGeneric(c, argv, 1, 'score', true),
  zrangebylex: (c, argv) => zrangeGeneric(c, argv, 1, 'lex', false),
  zrevrangebylex: (c, argv) => zrangeGeneric(c, argv, 1, 'lex', true),
};
