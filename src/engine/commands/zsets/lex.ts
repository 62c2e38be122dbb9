/*
 * Lexicographic ranges (ZRANGEBYLEX and friends), after zslParseLexRange: a bound is "-" (below
 * everything), "+" (above everything), "(" then bytes (exclusive) or "[" then bytes (inclusive).
 * Anything else, including an empty argument, is "min or max not valid string range item". The
 * one-character checks of "-" and "+" look at C strings ("+" followed by a NUL byte still counts as
 * "+"), while the bytes after "(" or "[" are taken whole, NULs included, as Redis copies sdslen bytes.
 * Members compare by memcmp order (compareBytes).
 */
import { type Bytes, compareBytes } from '../../bytes.ts';

export type LexBound = { kind: 'min' } | { kind: 'max' } | { kind: 'value'; b: Bytes; exclusive: boolean };

export interface LexRange {
  min: LexBound;
  max: LexBound;
}

function parseLexBound(b: Bytes): LexBound | null {
  switch (b[0]) {
    case 43: // '+'
      return b.length === 1 || b[1] === 0 ? { kind: 'max' } : null;
    case 45: // '-'
      return b.length === 1 || b[1] === 0 ? { kind: 'min' } : null;
    case 40: // '('
      return { kind: 'value', b: b.subarray(1), exclusive: true };
    case 91: // '['
      return { kind: 'value', b: b.subarray(1), exclusive: false };
    default:
      return null;
  }
}

/** zslParseLexRange; null means "min or max not valid string range item". */
export function parseLexRange(min: Bytes, max: Bytes): LexRange | null {
  const lo = parseLexBound(min);
  const hi = parseLexBound(max);
  return lo && hi ? { min: lo, max: hi } : null;
}

/** sdscmplex: "-" sorts before and "+" after every member. */
function compareToBound(ele: Bytes, bound: LexBound): number {
  if (bound.kind === 'min') return 1;
  if (bound.kind === 'max') return -1;
  return compareBytes(ele, bound.b);
}

/** zslLexValueGteMin. */
export function lexGteMin(ele: Bytes, r: LexRange): boolean {
  const c = compareToBound(ele, r.min);
  return r.min.kind === 'value' && r.min.exclusive ? c > 0 : c >= 0;
}

/** zslLexValueLteMax. */
export function lexLteMax(ele: Bytes, r: LexRange): boolean {
  const c = compareToBound(ele, r.max);
  return r.max.kind === 'value' && r.max.exclusive ? c < 0 : c <= 0;
}
