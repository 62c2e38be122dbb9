/*
 * Parsing numbers the way Redis's string2ld does: glibc strtold in the C locale, then Redis's own
 * rejections. Accepted, all of it and nothing more:
 *
 *   [+-] digits [. digits] [(e|E) [+-] digits]        decimal (at least one mantissa digit)
 *   [+-] 0(x|X) hexdigits [. hexdigits] [(p|P) [+-] digits]   hexadecimal, binary exponent
 *   [+-] inf | infinity                                 any letter case
 *
 * Rejected: the empty string, 5120 bytes or more (MAX_LONG_DOUBLE_CHARS), leading or trailing
 * spaces, anything strtold leaves unconsumed ("1e", "0x", "1.5x", an embedded NUL), NaN in any spelling,
 * and results out of range (overflow to infinity, or a non-zero number that rounds to zero), which
 * strtold flags with ERANGE. Subnormal results are accepted, as Redis does.
 *
 * Conversion is exact: the decimal significand and exponent become a BigInt ratio that is rounded
 * once (see roundLd), matching glibc's correctly rounded strtold.
 */
import type { Bytes } from '../bytes.ts';
import {
  bitLength,
  ldInf,
  ldZero,
  MANT_BITS,
  MIN_EXP,
  roundLd,
  type LongDouble,
  type Rounded,
} from './longdouble.ts';

/** Redis's MAX_LONG_DOUBLE_CHARS: inputs this long or longer are refused outright. */
export const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

/** Beyond these decimal magnitudes a value is certainly out of the long double range. */
const DEC_OVERFLOW_DIGITS = 4940;
const DEC_UNDERFLOW_DIGITS = -4970;

/** Parses `b` as Redis's string2ld does; null when Redis would answer "not a valid float". */
export function parseLongDouble(b: Bytes): LongDouble | null {
  const n = b.length;
  if (n === 0 || n >= MAX_LONG_DOUBLE_CHARS) return null;
  let i = 0;
  let neg = false;
  if (b[0] === 43 || b[0] === 45) {
    neg = b[0] === 45;
    i = 1;
  }
  const rest = tailLower(b, i);
  if (rest === 'inf' || rest === 'infinity') return ldInf(neg);
  const r =
    b[i] === 48 && (b[i + 1] === 120 || b[i + 1] === 88) ? parseHex(b, i + 2, neg) : parseDecimal(b, i, neg);
  if (r === null || r.overflow || r.underflowToZero) return null;
  return r.value;
}

/** Lowercase text of b[i..] if it is short and alphabetic (for inf/infinity), else ''. */
function tailLower(b: Bytes, i: number): string {
  if (b.length - i > 8) return '';
  let s = '';
  for (let k = i; k < b.length; k++) s += String.fromCharCode(b[k]! | 0x20);
  return s;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** Reads "[+-]digits" from i to the end; null unless it consumes everything with >= 1 digit. */
function parseExponent(b: Bytes, i: number): number | null {
  let neg = false;
  if (b[i] === 43 || b[i] === 45) {
    neg = b[i] === 45;
    i++;
  }
  if (!isDigit(b[i])) return null;
  let v = 0;
  for (; i < b.length; i++) {
    if (!isDigit(b[i])) return null;
    // Saturate: such exponents are out of range whatever the significand.
    if (v < 1e9) v = v * 10 + (b[i]! - 48);
  }
  return neg ? -v : v;
}

interface Mantissa {
  /** All mantissa digits, integer and fraction parts together. */
  digits: string;
  fracDigits: number;
  /** Index just past the mantissa. */
  end: number;
}

/** Scans "digits[.digits]" (in the given base); null without any digit. */
function scanMantissa(b: Bytes, i: number, isDigitOf: (c: number | undefined) => boolean): Mantissa | null {
  let digits = '';
  let fracDigits = 0;
  for (; isDigitOf(b[i]); i++) digits += String.fromCharCode(b[i]!);
  if (b[i] === 46) {
    for (i++; isDigitOf(b[i]); i++) {
      digits += String.fromCharCode(b[i]!);
      fracDigits++;
    }
  }
  return digits === '' ? null : { digits, fracDigits, end: i };
}

/** The exponent after a mantissa ending at i: 0 when absent, null when malformed or not `marker`. */
function scanExponent(b: Bytes, i: number, marker: number): number | null {
  if (i >= b.length) return 0;
  if ((b[i]! | 0x20) !== marker) return null;
  return parseExponent(b, i + 1);
}

function parseDecimal(b: Bytes, i: number, neg: boolean): Rounded | null {
  const m = scanMantissa(b, i, isDigit);
  if (m === null) return null;
  const exp10 = scanExponent(b, m.end, 101);
  if (exp10 === null) return null;
  return decimalToLd(neg, m.digits, exp10 - m.fracDigits);
}

/** Rounds ±digits * 10^exp10 to the nearest long double. */
export function decimalToLd(neg: boolean, digits: string, exp10: number): Rounded {
  digits = digits.replace(/^0+/, '');
  if (digits === '') return { value: ldZero(neg), overflow: false, underflowToZero: false };
  const magnitude = digits.length + exp10;
  if (magnitude > DEC_OVERFLOW_DIGITS) return { value: ldInf(neg), overflow: true, underflowToZero: false };
  if (magnitude < DEC_UNDERFLOW_DIGITS) return { value: ldZero(neg), overflow: false, underflowToZero: true };
  const d = BigInt(digits);
  if (exp10 >= 0) return roundLd(neg, d * 10n ** BigInt(exp10), 0);
  const den = 10n ** BigInt(-exp10);
  // Enough quotient bits that the remainder can only act as a sticky tail.
  const k = Math.max(0, MANT_BITS + 3 + bitLength(den) - bitLength(d));
  const num = d << BigInt(k);
  const q = num / den;
  return roundLd(neg, q, -k, q * den !== num);
}

function parseHex(b: Bytes, i: number, neg: boolean): Rounded | null {
  const mant = scanMantissa(b, i, (c) => hexValue(c) >= 0);
  if (mant === null) return null;
  const exp2 = scanExponent(b, mant.end, 112);
  if (exp2 === null) return null;
  const m = BigInt('0x' + mant.digits);
  if (m === 0n) return { value: ldZero(neg), overflow: false, underflowToZero: false };
  const e = exp2 - 4 * mant.fracDigits;
  const top = bitLength(m) + e;
  if (top > 16400) return { value: ldInf(neg), overflow: true, underflowToZero: false };
  if (top < -16500) return { value: ldZero(neg), overflow: false, underflowToZero: true };
  // Subnormal results: exponent of the leading bit below the smallest normal one (-16382).
  if (top - 1 < -16382) return glibcHexSubnormal(neg, m, e);
  return roundLd(neg, m, e);
}

/**
 * glibc's strtold rounds hexadecimal input in two steps when the result is subnormal: the digits are
 * first cut to 64 significant bits (keeping the next bit as a round bit and the rest as a sticky
 * flag), then shifted into the subnormal range, where the bit cut first is forgotten: it counts
 * neither as the new round bit nor as sticky. So 0x1.0000000000000003p-16383 ends one unit lower than
 * correct rounding would give. Decimal input does not go through this path; we copy the quirk here
 * because Redis answers with what glibc computes.
 */
function glibcHexSubnormal(neg: boolean, m: bigint, e: number): Rounded {
  const len = bitLength(m);
  let top64: bigint;
  let sticky = false;
  if (len > MANT_BITS) {
    const cut = BigInt(len - MANT_BITS);
    top64 = m >> cut;
    // Bits below the first cut bit (that bit itself is the one glibc loses).
    sticky = (m & ((1n << (cut - 1n)) - 1n)) !== 0n;
  } else {
    top64 = m << BigInt(MANT_BITS - len);
  }
  const leadExp = len - 1 + e;
  const shift = -16382 - leadExp;
  if (shift > MANT_BITS) return { value: ldZero(neg), overflow: false, underflowToZero: true };
  const bigShift = BigInt(shift);
  const roundBit = (top64 >> (bigShift - 1n)) & 1n;
  sticky ||= (top64 & ((1n << (bigShift - 1n)) - 1n)) !== 0n;
  let q = top64 >> bigShift;
  if (roundBit === 1n && (sticky || (q & 1n) === 1n)) q += 1n;
  if (q === 0n) return { value: ldZero(neg), overflow: false, underflowToZero: true };
  return { value: { kind: 'finite', neg, m: q, e: MIN_EXP }, overflow: false, underflowToZero: false };
}
