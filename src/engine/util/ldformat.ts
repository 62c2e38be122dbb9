/*
 * Printing long doubles as Redis's ld2string does in LD_STR_HUMAN mode: printf "%.17Lf" (fixed point,
 * 17 fractional digits), then trailing zeros and a bare '.' are dropped, and "-0" becomes "0".
 * Infinities print as "inf" / "-inf".
 *
 * glibc prints the exact binary value rounded to 17 fractional digits, to nearest with ties to even
 * (a tie needs the value to have exactly 18 fractional digits ending in 5, e.g. 2^-18). We do the same
 * with BigInt: value * 10^17 is m * 10^17 * 2^e, whose integer part and remainder give the rounding.
 */
import type { LongDouble } from './longdouble.ts';

const FRACTION_DIGITS = 17;
const SCALE = 10n ** BigInt(FRACTION_DIGITS);

/** "%.17Lf" of a finite long double, before any trimming. */
export function formatFixed17(x: LongDouble): string {
  if (x.kind === 'nan') return x.kind;
  if (x.kind === 'inf') return x.neg ? '-inf' : 'inf';
  let scaled: bigint;
  if (x.e >= 0) {
    scaled = (x.m << BigInt(x.e)) * SCALE;
  } else {
    const shift = BigInt(-x.e);
    const full = x.m * SCALE;
    scaled = full >> shift;
    const rem = full - (scaled << shift);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (scaled & 1n) === 1n)) scaled += 1n;
  }
  const digits = scaled.toString().padStart(FRACTION_DIGITS + 1, '0');
  const cut = digits.length - FRACTION_DIGITS;
  return `${x.neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** Redis's LD_STR_HUMAN form (the text INCRBYFLOAT stores and answers). */
export function formatLongDoubleHuman(x: LongDouble): string {
  const s = formatFixed17(x);
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  const out = s.slice(0, end);
  return out === '-0' ? '0' : out;
}
