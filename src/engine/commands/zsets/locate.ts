/*
 * Locating score and lex ranges in a sorted set, as t_zset.c's zsl/zzl FirstInRange, LastInRange and
 * range deletions do. A range is reduced to two predicates (entry >= min, entry <= max) and a flag
 * telling that its bounds alone make it empty (min > max, or equal with an exclusive side).
 *
 * For score ranges the entries are ordered by the predicates' own key, so every method agrees. For lex
 * ranges over members with different scores they are not, and Redis's answer depends on how it walks
 * (linear listpack scans from either end, skiplist searches that skip by level); we walk the same way
 * (see ZSetValue.countWhile / lastWhere), including Redis's quick emptiness checks against the first
 * and last entries, and the fact that the skiplist deletions skip those checks.
 */
import type { ZEntry, ZSetValue } from './zset.ts';
import { lexGteMin, lexLteMax, type LexRange } from './lex.ts';
import { scoreGteMin, scoreLteMax, type ScoreRange } from './score.ts';
import { compareBytes } from '../../bytes.ts';

export interface RangeSpec {
  gteMin(e: ZEntry): boolean;
  lteMax(e: ZEntry): boolean;
  /** The bounds alone make the range empty. */
  empty: boolean;
  /** For score ranges, the same tests on a bare score (lets skiplists search on cached scores). */
  scores?: { gteMin(s: number): boolean; lteMax(s: number): boolean };
}

export function scoreSpec(r: ScoreRange): RangeSpec {
  const empty =
    r.min.value > r.max.value || (r.min.value === r.max.value && (r.min.exclusive || r.max.exclusive));
  const scores = { gteMin: (s: number) => scoreGteMin(s, r), lteMax: (s: number) => scoreLteMax(s, r) };
  return { gteMin: (e) => scores.gteMin(e.score), lteMax: (e) => scores.lteMax(e.score), empty, scores };
}

export function lexSpec(r: LexRange): RangeSpec {
  const { min, max } = r;
  let cmp: number;
  if (min.kind === max.kind && min.kind !== 'value') cmp = 0;
  else if (min.kind === 'min' || max.kind === 'max') cmp = -1;
  else if (min.kind === 'max' || max.kind === 'min') cmp = 1;
  else
    cmp = compareBytes(
      min.kind === 'value' ? min.b : new Uint8Array(),
      max.kind === 'value' ? max.b : new Uint8Array(),
    );
  const exclusive = min.kind !== 'value' || min.exclusive || max.kind !== 'value' || max.exclusive;
  return {
    gteMin: (e) => lexGteMin(e.ele, r),
    lteMax: (e) => lexLteMax(e.ele, r),
    empty: cmp > 0 || (cmp === 0 && exclusive),
  };
}

/** zslIsInRange: false when the range certainly holds nothing. */
function mayHold(z: ZSetValue, spec: RangeSpec): boolean {
  if (spec.empty || z.size === 0) return false;
  return spec.gteMin(z.at(z.size - 1)) && spec.lteMax(z.at(0));
}

/** How many leading entries are below min, as the search for a range start finds them. */
function countBelowMin(z: ZSetValue, spec: RangeSpec): number {
  const s = spec.scores;
  return s ? z.countScoresWhile((x) => !s.gteMin(x)) : z.countWhile((e) => !spec.gteMin(e));
}

/** Rank of the first entry in range, or -1 (zslFirstInRange / zzlFirstInRange). */
export function firstInRange(z: ZSetValue, spec: RangeSpec): number {
  if (!mayHold(z, spec)) return -1;
  const r = countBelowMin(z, spec);
  if (r >= z.size || !spec.lteMax(z.at(r))) return -1;
  return r;
}

/** Rank of the last entry in range, or -1 (zslLastInRange / zzlLastInRange). */
export function lastInRange(z: ZSetValue, spec: RangeSpec): number {
  if (!mayHold(z, spec)) return -1;
  const s = spec.scores;
  const r = s ? z.lastScoreWhere(s.lteMax) : z.lastWhere(spec.lteMax);
  if (r < 0 || !spec.gteMin(z.at(r))) return -1;
  return r;
}

/** ZCOUNT / ZLEXCOUNT: a forward walk on listpacks, a difference of ranks on skiplists. */
export function countInRange(z: ZSetValue, spec: RangeSpec): number {
  const first = firstInRange(z, spec);
  if (first < 0) return 0;
  if (z.enc === 'listpack') return countForward(z, first, spec);
  const last = lastInRange(z, spec);
  return last < 0 ? z.size - first : last - first + 1;
}

function countForward(z: ZSetValue, start: number, spec: RangeSpec): number {
  let n = 0;
  z.walk(start, false, (e) => {
    if (!spec.lteMax(e)) return false;
    n++;
    return true;
  });
  return n;
}

/** ZREMRANGEBYSCORE / ZREMRANGEBYLEX: removes the run starting at the first entry >= min. */
export function removeInRange(z: ZSetValue, spec: RangeSpec): number {
  const start = z.enc === 'listpack' ? firstInRange(z, spec) : countBelowMin(z, spec);
  if (start < 0 || start >= z.size) return 0;
  const n = countForward(z, start, spec);
  return n === 0 ? 0 : z.removeRanks(start, start + n - 1);
}
