/*
 * x87 80-bit extended precision ("long double" on x86-64 Linux), emulated exactly with BigInt.
 *
 * Why: Redis's INCRBYFLOAT parses both operands with strtold, adds them in long double and prints the
 * sum with "%.17Lf" before trimming trailing zeros. Doing the same in JS doubles gives visibly
 * different answers (10.5 + 0.1 would print 10.59999999999999964), so we reproduce the format itself:
 *
 *   value = (-1)^neg * m * 2^e, m an unsigned integer of at most 64 bits.
 *   Normal numbers have 2^63 <= m < 2^64 and e >= MIN_EXP; subnormals have e = MIN_EXP, m < 2^63.
 *   MIN_EXP = -16445 (2^-16445 is the smallest subnormal); the largest finite value is
 *   (2^64 - 1) * 2^MAX_EXP with MAX_EXP = 16320 (just under 2^16384).
 *
 * Every operation computes the exact result as a BigInt (possibly with a "sticky" flag meaning there
 * are more non-zero bits below the ones kept) and rounds once, to nearest with ties to even, as the
 * FPU does in its default mode. glibc's strtold and printf are correctly rounded, so parse and format
 * are exact conversions between decimal and this binary form.
 */

export type LongDouble =
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly neg: boolean }
  /** m = 0n is a (signed) zero. */
  | { readonly kind: 'finite'; readonly neg: boolean; readonly m: bigint; readonly e: number };

export const MANT_BITS = 64;
export const MIN_EXP = -16445;
export const MAX_EXP = 16383 - 63;

const NAN: LongDouble = { kind: 'nan' };

export function ldZero(neg = false): LongDouble {
  return { kind: 'finite', neg, m: 0n, e: 0 };
}

export function ldInf(neg: boolean): LongDouble {
  return { kind: 'inf', neg };
}

/** Exact conversion of a signed 64-bit integer (64-bit magnitudes always fit the mantissa). */
export function ldFromBigInt(v: bigint): LongDouble {
  return { kind: 'finite', neg: v < 0n, m: v < 0n ? -v : v, e: 0 };
}

/** Number of significant bits of a non-negative BigInt (0 for 0n). */
export function bitLength(v: bigint): number {
  if (v === 0n) return 0;
  const hex = v.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** Outcome of rounding: the value plus whether it left the finite range (strtold's ERANGE cases). */
export interface Rounded {
  value: LongDouble;
  overflow: boolean;
  /** A non-zero exact value rounded to zero. */
  underflowToZero: boolean;
}

/**
 * Rounds ±(m + sticky tail) * 2^e to the nearest long double, ties to even. When `sticky` is set the
 * caller guarantees m holds at least MANT_BITS + 2 bits, so the tail only breaks ties.
 */
export function roundLd(neg: boolean, m: bigint, e: number, sticky = false): Rounded {
  if (m === 0n) {
    return { value: ldZero(neg), overflow: false, underflowToZero: sticky };
  }
  let shift = bitLength(m) - MANT_BITS;
  if (e + shift < MIN_EXP) shift = MIN_EXP - e;
  let q = m;
  let qe = e;
  if (shift > 0) {
    const bigShift = BigInt(shift);
    q = m >> bigShift;
    qe = e + shift;
    const rem = m & ((1n << bigShift) - 1n);
    const half = 1n << (bigShift - 1n);
    if (rem > half || (rem === half && (sticky || (q & 1n) === 1n))) q += 1n;
    if (q >> BigInt(MANT_BITS) !== 0n) {
      q >>= 1n;
      qe += 1;
    }
  }
  if (q === 0n) return { value: ldZero(neg), overflow: false, underflowToZero: true };
  if (qe > MAX_EXP) {
    // Bring a short mantissa up before judging overflow (e.g. 1 * 2^16383 is finite).
    const room = MANT_BITS - bitLength(q);
    const lift = Math.min(room, qe - MAX_EXP);
    q <<= BigInt(lift);
    qe -= lift;
    if (qe > MAX_EXP) return { value: ldInf(neg), overflow: true, underflowToZero: false };
  }
  return { value: { kind: 'finite', neg, m: q, e: qe }, overflow: false, underflowToZero: false };
}

/** a + b in long double arithmetic (one rounding of the exact sum). */
export function ldAdd(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf') return b.kind === 'inf' && b.neg !== a.neg ? NAN : a;
  if (b.kind === 'inf') return b;
  if (a.m === 0n && b.m === 0n) return ldZero(a.neg && b.neg);
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const sa = (a.neg ? -a.m : a.m) << BigInt(a.e - e);
  const sb = (b.neg ? -b.m : b.m) << BigInt(b.e - e);
  const sum = sa + sb;
  if (sum === 0n) return ldZero(false);
  return roundLd(sum < 0n, sum < 0n ? -sum : sum, e).value;
}

export function ldIsFinite(x: LongDouble): boolean {
  return x.kind === 'finite';
}

/** The value as a JS double (for display or coarse checks only; rounds twice). */
export function ldToNumber(x: LongDouble): number {
  if (x.kind === 'nan') return NaN;
  if (x.kind === 'inf') return x.neg ? -Infinity : Infinity;
  const bits = bitLength(x.m);
  const top = bits > 64 ? x.m >> BigInt(bits - 64) : x.m;
  const v = Number(top) * 2 ** (x.e + Math.max(0, bits - 64));
  return x.neg ? -v : v;
}
