/*
 * ZUNION ZINTER ZDIFF ZUNIONSTORE ZINTERSTORE ZDIFFSTORE ZINTERCARD (zunionInterDiffGenericCommand).
 *
 * Checks in Redis's order: numkeys an integer, at least 1 ("at least 1 input key is needed for '<cmd>'
 * command"), no more than the arguments left (syntax error); then every input key is looked up (read
 * lookups: hit/miss statistics) and must be a sorted set or a set (WRONGTYPE); then the options:
 * WEIGHTS (one per key, "weight value is not a float") and AGGREGATE SUM|MIN|MAX except for DIFF and
 * INTERCARD, WITHSCORES only without a destination, LIMIT only for INTERCARD ("LIMIT can't be
 * negative"); anything else is a syntax error.
 *
 * Arithmetic as Redis: an input's contribution is weight * score, NaN (0 * inf) counts as 0, SUM turns
 * inf + -inf into 0. Inputs are visited from the smallest to the largest (a stable sort by size, as
 * glibc's qsort merge sort is), which fixes the order of floating-point additions. DIFF keeps the
 * first input's scores.
 *
 * Results are built as a skiplist; a stored result is converted to listpack when it fits
 * (zsetConvertToListpackIfNeeded) and an empty result deletes the destination.
 */
import { type Bytes, lowerBin } from '../../bytes.ts';
import { int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { intArg, parseI64Num } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { readKey } from '../strings/value.ts';
import { keyAt, maxListpackEntries, maxListpackValue, newZset, storeResult } from './access.ts';
import { entriesReply } from './emit.ts';
import { parseScore } from './score.ts';
import { type OpSource, opSource } from './sources.ts';
import type { ZSetValue } from './zset.ts';

type Op = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

function aggregate(target: number, val: number, how: Aggregate): number {
  if (how === 'sum') {
    const s = target + val;
    return Number.isNaN(s) ? 0 : s;
  }
  if (how === 'min') return val < target ? val : target;
  return val > target ? val : target;
}

interface OpRequest {
  srcs: OpSource[];
  how: Aggregate;
  withScores: boolean;
  limit: number;
}

function lookupSources(c: Client, argv: Bytes[], numkeysAt: number): OpSource[] {
  const setnum = intArg(argv[numkeysAt]!);
  if (setnum < 1) {
    fail(`ERR at least 1 input key is needed for '${lowerBin(argv[0]!)}' command`);
  }
  if (setnum > argv.length - (numkeysAt + 1)) fail(E.syntax);
  const srcs: OpSource[] = [];
  for (let i = 0; i < setnum; i++) {
    const v = readKey(c, keyAt(argv, numkeysAt + 1 + i));
    if (v !== undefined && v.type !== 'zset' && v.type !== 'set') fail(E.wrongType);
    srcs.push(opSource(v));
  }
  return srcs;
}

function parseOpRequest(c: Client, argv: Bytes[], numkeysAt: number, op: Op, store: boolean, card: boolean) {
  const srcs = lookupSources(c, argv, numkeysAt);
  const req: OpRequest = { srcs, how: 'sum', withScores: false, limit: 0 };
  let j = numkeysAt + 1 + srcs.length;
  while (j < argv.length) {
    const remaining = argv.length - j;
    const opt = lowerBin(argv[j]!);
    if (op !== 'diff' && !card && remaining >= srcs.length + 1 && opt === 'weights') {
      j++;
      for (const s of srcs) {
        const w = parseScore(argv[j++]!);
        if (w === null) fail('ERR weight value is not a float');
        s.weight = w;
      }
    } else if (op !== 'diff' && !card && remaining >= 2 && opt === 'aggregate') {
      const how = lowerBin(argv[j + 1]!);
      if (how !== 'sum' && how !== 'min' && how !== 'max') fail(E.syntax);
      req.how = how;
      j += 2;
    } else if (!store && !card && opt === 'withscores') {
      req.withScores = true;
      j++;
    } else if (card && remaining >= 2 && opt === 'limit') {
      const limit = parseI64Num(argv[j + 1]!);
      if (limit === null || limit < 0) fail("ERR LIMIT can't be negative");
      req.limit = limit;
      j += 2;
    } else {
      fail(E.syntax);
    }
  }
  return req;
}

/** Union: an accumulator member -> aggregated score, filled input by input. */
function union(req: OpRequest, out: Map<string, [Bytes, number]>): void {
  for (const src of req.srcs) {
    src.forEach((key, ele, score) => {
      let v = src.weight * score;
      if (Number.isNaN(v)) v = 0;
      const cur = out.get(key);
      if (cur === undefined) out.set(key, [ele, v]);
      else cur[1] = aggregate(cur[1], v, req.how);
    });
  }
}

/** Intersection: members of the smallest input found in every other one; `stopAt` caps the count. */
function inter(req: OpRequest, out: Map<string, [Bytes, number]>, stopAt: number): number {
  const [first, ...rest] = req.srcs;
  let count = 0;
  if (first!.size === 0) return 0;
  first!.forEach((key, ele, score) => {
    if (stopAt && count >= stopAt) return;
    let v = first!.weight * score;
    if (Number.isNaN(v)) v = 0;
    for (const s of rest) {
      const found = s.subject === first!.subject ? score : s.find(key);
      if (found === undefined) return;
      v = aggregate(v, found * s.weight, req.how);
    }
    count++;
    out.set(key, [ele, v]);
  });
  return count;
}

function diff(req: OpRequest, out: Map<string, [Bytes, number]>): void {
  const [first, ...rest] = req.srcs;
  first!.forEach((key, ele, score) => {
    for (const s of rest) if (s.subject === first!.subject || s.find(key) !== undefined) return;
    out.set(key, [ele, score]);
  });
}

function compute(c: Client, req: OpRequest, op: Op): ZSetValue {
  if (op !== 'diff') req.srcs.sort((a, b) => a.size - b.size);
  const acc = new Map<string, [Bytes, number]>();
  if (op === 'union') union(req, acc);
  else if (op === 'inter') inter(req, acc, 0);
  else diff(req, acc);
  const z = newZset(c, 'skiplist');
  for (const [ele, score] of acc.values()) z.insert(ele.slice(), score);
  return z;
}

function storeOp(c: Client, argv: Bytes[], op: Op): Reply {
  const req = parseOpRequest(c, argv, 2, op, true, false);
  const z = compute(c, req, op);
  if (z.size <= maxListpackEntries(c) && z.maxMemberLength() <= maxListpackValue(c)) z.convert('listpack');
  const event = op === 'union' ? 'zunionstore' : op === 'inter' ? 'zinterstore' : 'zdiffstore';
  return int(storeResult(c, keyAt(argv, 1), z, event));
}

function replyOp(c: Client, argv: Bytes[], op: Op): Reply {
  const req = parseOpRequest(c, argv, 1, op, false, false);
  const z = compute(c, req, op);
  return entriesReply(c, [...z.entries()], req.withScores);
}

const zintercard: Handler = (c, argv) => {
  const req = parseOpRequest(c, argv, 1, 'inter', false, true);
  req.srcs.sort((a, b) => a.size - b.size);
  return int(inter(req, new Map(), req.limit));
};

export const setOpHandlers: Record<string, Handler> = {
  zunion: (c, argv) => replyOp(c, argv, 'union'),
  zinter: (c, argv) => replyOp(c, argv, 'inter'),
  zdiff: (c, argv) => replyOp(c, argv, 'diff'),
  zunionstore: (c, argv) => storeOp(c, argv, 'union'),
  zinterstore: (c, argv) => storeOp(c, argv, 'inter'),
  zdiffstore: (c, argv) => storeOp(c, argv, 'diff'),
  zintercard,
};
