/*
 * ZADD and ZINCRBY (zaddGenericCommand, zsetAdd).
 *
 * Options come first and parsing stops at the first word that is none of NX XX CH INCR GT LT. Checks
 * then run in Redis's order: pairs (syntax error), NX+XX, GT/LT/NX combinations, INCR with several
 * pairs, every score (so a bad score changes nothing), the key's type. A missing key with XX creates
 * nothing; otherwise a new key starts as a skiplist when zset-max-listpack-entries is 0 or the first
 * member is longer than zset-max-listpack-value, else as a listpack that converts once an insertion
 * would pass either limit.
 *
 * Per member: NX skips existing members; INCR adds to the current score (NaN -> error); GT/LT skip
 * updates that do not raise/lower the score; an equal score (0 == -0) is no update. The reply counts
 * added members (plus updated ones with CH), or with INCR is the new score (a double) or nil when the
 * update was skipped. Dirty grows by added + updated; "zadd" or "zincr" fires when anything changed.
 */
import { bin, type Bytes, lowerBin } from '../../bytes.ts';
import { double, int, NIL, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { Handler } from '../types.ts';
import { maxListpackEntries, maxListpackValue, newZset, writeZset } from './access.ts';
import { parseScore } from './score.ts';
import type { ZSetValue } from './zset.ts';

export interface AddFlags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
  incr: boolean;
}

export type AddOutcome = 'added' | 'updated' | 'nop' | 'same' | 'nan';

const NAN_ERR = 'ERR resulting score is not a number (NaN)';

/** zsetAdd: applies one (score, member) with the flags; `out.score` receives the resulting score. */
export function zsetAdd(
  c: Client,
  z: ZSetValue,
  ele: Bytes,
  score: number,
  f: AddFlags,
  out: { score: number },
): AddOutcome {
  if (Number.isNaN(score)) return 'nan';
  const key = bin(ele);
  const cur = z.score(key);
  if (cur !== undefined) {
    if (f.nx) return 'nop';
    if (f.incr) {
      score += cur;
      if (Number.isNaN(score)) return 'nan';
    }
    if ((f.lt && score >= cur) || (f.gt && score <= cur)) return 'nop';
    out.score = score;
    if (score === cur) return 'same';
    z.update(key, score);
    return 'updated';
  }
  if (f.xx) return 'nop';
  if (z.enc === 'listpack' && (z.size + 1 > maxListpackEntries(c) || ele.length > maxListpackValue(c))) {
    z.convert('skiplist');
  }
  z.insert(ele, score);
  out.score = score;
  return 'added';
}

interface ZaddArgs {
  flags: AddFlags;
  ch: boolean;
  /** Index of the first score. */
  first: number;
}

function parseZaddOptions(argv: Bytes[], incr: boolean): ZaddArgs {
  const flags: AddFlags = { nx: false, xx: false, gt: false, lt: false, incr };
  let ch = false;
  let i = 2;
  for (; i < argv.length; i++) {
    const opt = lowerBin(argv[i]!);
    if (opt === 'nx') flags.nx = true;
    else if (opt === 'xx') flags.xx = true;
    else if (opt === 'ch') ch = true;
    else if (opt === 'incr') flags.incr = true;
    else if (opt === 'gt') flags.gt = true;
    else if (opt === 'lt') flags.lt = true;
    else break;
  }
  const elements = argv.length - i;
  if (elements % 2 !== 0 || elements === 0) fail(E.syntax);
  if (flags.nx && flags.xx) fail('ERR XX and NX options at the same time are not compatible');
  if ((flags.gt && flags.nx) || (flags.lt && flags.nx) || (flags.gt && flags.lt)) {
    fail('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  if (flags.incr && elements > 2) fail('ERR INCR option supports a single increment-element pair');
  return { flags, ch, first: i };
}

function zaddGeneric(c: Client, argv: Bytes[], incr: boolean): Reply {
  const key = bin(argv[1]!);
  const { flags, ch, first } = parseZaddOptions(argv, incr);
  const scores: number[] = [];
  for (let i = first; i < argv.length; i += 2) {
    const s = parseScore(argv[i]!);
    if (s === null) fail(E.notFloat);
    scores.push(s);
  }
  let z = writeZset(c, key);
  let added = 0;
  let updated = 0;
  let processed = 0;
  const out = { score: 0 };
  if (z === undefined) {
    if (flags.xx) return flags.incr ? NIL : int(0);
    const tooBig = maxListpackEntries(c) === 0 || maxListpackValue(c) < argv[first + 1]!.length;
    z = newZset(c, tooBig ? 'skiplist' : 'listpack');
    c.db.set(key, z);
    c.node.signalKeyAsReady(c.db, key);
  }
  let nanError = false;
  for (let j = 0; j < scores.length; j++) {
    const r = zsetAdd(c, z, argv[first + 1 + 2 * j]!, scores[j]!, flags, out);
    if (r === 'nan') {
      nanError = true;
      break;
    }
    if (r === 'added') added++;
    if (r === 'updated') updated++;
    if (r !== 'nop') processed++;
  }
  c.node.dirty += added + updated;
  if (added || updated) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('z', flags.incr ? 'zincr' : 'zadd', key, c.db);
  }
  if (nanError) fail(NAN_ERR);
  if (flags.incr) return processed ? double(out.score) : NIL;
  return int(ch ? added + updated : added);
}

const zadd: Handler = (c, argv) => zaddGeneric(c, argv, false);

/** ZINCRBY key increment member: ZADD INCR over the same argument vector (so "nx" there is an option). */
const zincrby: Handler = (c, argv) => zaddGeneric(c, argv, true);

export const addHandlers: Record<string, Handler> = { zadd, zincrby };
