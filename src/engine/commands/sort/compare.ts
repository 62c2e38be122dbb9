/*
 * Sort keys and the comparison of SORT (Redis's sortCompare), with its four modes:
 *
 *   numeric (default)  each element's weight (itself, or what BY finds) is read with C strtod up to the
 *                      first NUL byte; the whole text must be consumed, NaN and out-of-range values
 *                      (overflow, and underflow into the subnormals) are errors, a missing BY key
 *                      weighs 0. Equal weights fall back to a binary comparison of the elements, so
 *                      the order is total.
 *   ALPHA              elements (or BY values) compare as strings: byte-wise (memcmp) when the result
 *                      is STOREd, else with strcoll, which in the C / C.UTF-8 locales is strcmp: it
 *                      stops at the first NUL byte. With BY, a missing value sorts before any other.
 * DESC negates the comparison. Ties that remain (equal ALPHA values) keep their load order under a
 * full sort (glibc's qsort is a stable merge sort) and follow the partial quicksort under BY + LIMIT.
 */
import { type Bytes, compareBytes } from '../../bytes.ts';
import { strtod } from '../zsets/score.ts';
import { cLength } from './pattern.ts';

export interface SortItem {
  ele: Bytes;
  /** Numeric weight (0 when BY found nothing). */
  score: number;
  /** ALPHA + BY: the value found, null when none. */
  cmpValue: Bytes | null;
}

export interface CompareMode {
  desc: boolean;
  alpha: boolean;
  byPattern: boolean;
  store: boolean;
}

/** Smallest positive normal double: below it (and above 0) glibc's strtod reports ERANGE. */
const DBL_MIN = 2.2250738585072014e-308;

/** A weight as SORT reads it, or null when it "can't be converted into double". */
export function parseWeight(b: Bytes): number | null {
  const text = b.subarray(0, cLength(b));
  const r = strtod(text);
  if (r.end !== text.length || Number.isNaN(r.value)) return null;
  const tiny = r.value !== 0 && Math.abs(r.value) < DBL_MIN;
  if (r.erange || tiny) return null;
  return r.value;
}

/** strcoll in the C locale: strcmp over the C strings (bytes up to the first NUL). */
function collate(a: Bytes, b: Bytes): number {
  return compareBytes(a.subarray(0, cLength(a)), b.subarray(0, cLength(b)));
}

export function sortComparator(mode: CompareMode): (a: SortItem, b: SortItem) => number {
  const strings = mode.store ? compareBytes : collate;
  let cmp: (a: SortItem, b: SortItem) => number;
  if (!mode.alpha) {
    cmp = (a, b) => (a.score > b.score ? 1 : a.score < b.score ? -1 : compareBytes(a.ele, b.ele));
  } else if (mode.byPattern) {
    cmp = (a, b) => {
      if (a.cmpValue === null || b.cmpValue === null) {
        return a.cmpValue === b.cmpValue ? 0 : a.cmpValue === null ? -1 : 1;
      }
      return strings(a.cmpValue, b.cmpValue);
    };
  } else {
    cmp = (a, b) => strings(a.ele, b.ele);
  }
  return mode.desc ? (a, b) => -cmp(a, b) : cmp;
}
