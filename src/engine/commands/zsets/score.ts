/*
 * Parsing scores and ranges as t_zset.c does, on top of a C strtod() model.
 *
 * strtod (glibc, C locale) skips leading white space, then reads the longest prefix that is one of
 *   [+-] digits [. digits] [(e|E) [+-] digits]   (a mantissa digit on either side of the dot)
 *   [+-] 0(x|X) hexdigits [. hexdigits] [(p|P) [+-] digits]
 *   [+-] inf | infinity | nan | nan(chars)        any letter case
 * and reports ERANGE on overflow (result +-HUGE_VAL) or underflow (tiny results). An exponent marker
 * without digits is not consumed ("1e" reads as 1 and stops before 'e'); nothing readable reads as 0
 * with nothing consumed.
 *
 * Two callers with different rules:
 *   - scores of ZADD / ZINCRBY and WEIGHTS (getDoubleFromObject): no leading space, the whole argument
 *     consumed, no NaN, and no ERANGE overflow or underflow to zero;
 *   - range bounds (zslParseRange): an optional '(' for an exclusive bound, then strtod up to the first
 *     NUL byte, which must end the parse; leading space, an empty string (0) and out-of-range values
 *     (inf, 0) are accepted, NaN is not.
 *
 * Decimal values are converted by JS's Number(), correctly rounded like glibc. Hexadecimal ones go
 * through BigInt (exact) and a power-of-two scaling, which is exact except for results that land in
 * the subnormal range (rounded twice there; no client is known to send those).
 */
import type { Bytes } from '../../bytes.ts';

interface Strtod {
  value: number;
  /** Index just past the consumed prefix (== start when nothing was read). */
  end: number;
  erange: boolean;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
const hexVal = (c: number | undefined): number => {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
};
/** Characters of glibc's "nan(n-char-sequence)": letters, digits, underscore. */
const isNanChar = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95;
const isSpace = (c: number | undefined): boolean => c === 32 || (c !== undefined && c >= 9 && c <= 13);

function matchWord(b: Bytes, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((b[i + k]! | 0x20) !== word.charCodeAt(k)) return false;
  return i + word.length <= b.length;
}

/** Length of "[+-]digits" at i, or 0 when no digit follows. */
function exponentLength(b: Bytes, i: number): number {
  let k = i;
  if (b[k] === 43 || b[k] === 45) k++;
  if (!isDigit(b[k])) return 0;
  while (isDigit(b[k])) k++;
  return k - i;
}

function text(b: Bytes, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(b[k]!);
  return s;
}

/** C strtod over b from `start`. */
export function strtod(b: Bytes, start = 0): Strtod {
  let i = start;
  while (isSpace(b[i])) i++;
  let neg = false;
  if (b[i] === 43 || b[i] === 45) neg = b[i++] === 45;
  const sign = neg ? -1 : 1;
  if (matchWord(b, i, 'inf')) {
    return { value: sign * Infinity, end: matchWord(b, i, 'infinity') ? i + 8 : i + 3, erange: false };
  }
  if (matchWord(b, i, 'nan')) {
    let end = i + 3;
    if (b[end] === 40) {
      let k = end + 1;
      while (k < b.length && isNanChar(b[k]!)) k++;
      if (b[k] === 41) end = k + 1;
    }
    return { value: NaN, end, erange: false };
  }
  if (
    b[i] === 48 &&
    (b[i + 1]! | 0x20) === 120 &&
    (hexVal(b[i + 2]) >= 0 || (b[i + 2] === 46 && hexVal(b[i + 3]) >= 0))
  ) {
    return hexadecimal(b, i + 2, sign);
  }
  return decimal(b, i, sign, start);
}

function decimal(b: Bytes, i: number, sign: number, start: number): Strtod {
  const from = i;
  let nonZero = false;
  let digits = 0;
  for (; isDigit(b[i]); i++, digits++) nonZero ||= b[i] !== 48;
  if (b[i] === 46) {
    for (i++; isDigit(b[i]); i++, digits++) nonZero ||= b[i] !== 48;
  }
  if (digits === 0) return { value: 0, end: start, erange: false };
  if ((b[i]! | 0x20) === 101) i += exponentLength(b, i + 1) > 0 ? 1 + exponentLength(b, i + 1) : 0;
  const magnitude = Number(text(b, from, i));
  const erange = magnitude === Infinity || (magnitude === 0 && nonZero);
  return { value: sign * magnitude, end: i, erange };
}

function hexadecimal(b: Bytes, i: number, sign: number): Strtod {
  let m = 0n;
  let exp2 = 0;
  for (; hexVal(b[i]) >= 0; i++) m = m * 16n + BigInt(hexVal(b[i]));
  if (b[i] === 46) {
    for (i++; hexVal(b[i]) >= 0; i++, exp2 -= 4) m = m * 16n + BigInt(hexVal(b[i]));
  }
  if ((b[i]! | 0x20) === 112) {
    const len = exponentLength(b, i + 1);
    if (len > 0) {
      const e = Number(text(b, i + 1, i + 1 + len));
      exp2 += Number.isFinite(e) ? Math.max(-1e6, Math.min(1e6, e)) : e > 0 ? 1e6 : -1e6;
      i += 1 + len;
    }
  }
  if (m === 0n) return { value: sign * 0, end: i, erange: false };
  // Keep the mantissa within 64 significant bits (sticky bit kept) so Number() rounds once.
  const bits = m.toString(2).length;
  if (bits > 64) {
    const shift = BigInt(bits - 64);
    const sticky = m & ((1n << shift) - 1n) ? 1n : 0n;
    m = (m >> shift) | sticky;
    exp2 += bits - 64;
  }
  let value = Number(m);
  value = exp2 >= 0 ? scaleUp(value, exp2) : scaleDown(value, -exp2);
  return { value: sign * value, end: i, erange: value === Infinity || value === 0 };
}

function scaleUp(v: number, e: number): number {
  while (e > 0 && v !== Infinity) {
    const step = Math.min(e, 1000);
    v *= 2 ** step;
    e -= step;
  }
  return v;
}

function scaleDown(v: number, e: number): number {
  while (e > 0 && v !== 0) {
    const step = Math.min(e, 1000);
    v /= 2 ** step;
    e -= step;
  }
  return v;
}

/** getDoubleFromObject: a score argument, or null for "not a valid float". */
export function parseScore(b: Bytes): number | null {
  if (b.length === 0 || isSpace(b[0])) return null;
  const r = strtod(b);
  if (r.end !== b.length || Number.isNaN(r.value)) return null;
  if (r.erange && (r.value === Infinity || r.value === -Infinity || r.value === 0)) return null;
  return r.value;
}

/** End of the C string view of b from `start` (the first NUL, else the length). */
function cEnd(b: Bytes, start: number): number {
  const nul = b.indexOf(0, start);
  return nul < 0 ? b.length : nul;
}

export interface ScoreBound {
  value: number;
  exclusive: boolean;
}

/** One bound of zslParseRange; null when it is not a float. */
function parseScoreBound(b: Bytes): ScoreBound | null {
  const exclusive = b[0] === 40;
  const start = exclusive ? 1 : 0;
  const r = strtod(b, start);
  if (r.end !== cEnd(b, start) || Number.isNaN(r.value)) return null;
  return { value: r.value, exclusive };
}

export interface ScoreRange {
  min: ScoreBound;
  max: ScoreBound;
}

/** zslParseRange; null means "min or max is not a float". */
export function parseScoreRange(min: Bytes, max: Bytes): ScoreRange | null {
  const lo = parseScoreBound(min);
  const hi = parseScoreBound(max);
  return lo && hi ? { min: lo, max: hi } : null;
}

/** zslValueGteMin / zslValueLteMax. */
export const scoreGteMin = (s: number, r: ScoreRange): boolean =>
  r.min.exclusive ? s > r.min.value : s >= r.min.value;
export const scoreLteMax = (s: number, r: ScoreRange): boolean =>
  r.max.exclusive ? s < r.max.value : s <= r.max.value;
