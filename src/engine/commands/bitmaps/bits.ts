/*
 * Bit-level helpers on byte strings, with Redis's bit order: bit 0 is the most significant bit of byte
 * 0, so a bitmap reads left to right like the written binary form of its bytes (SETBIT, BITPOS and
 * BITFIELD all share this order).
 *
 * Integers packed at arbitrary bit offsets (BITFIELD) are read and written one bit at a time in that
 * order, most significant bit first; values travel as BigInt so that widths up to 64 bits are exact.
 * Readers treat bytes past the end of the array as zero; writers require the caller to have grown the
 * array first.
 */

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >> 1]!;

/** Number of 1 bits in p[from, to). */
export function popcount(p: Uint8Array, from = 0, to = p.length): number {
  let n = 0;
  for (let i = from; i < to; i++) n += POPCOUNT[p[i]!]!;
  return n;
}

/**
 * Position of the first bit equal to `bit` in p[from, from+count), relative to `from`. When there is
 * none: -1 when looking for a 1, and count*8 when looking for a 0 (the bitmap is taken to continue with
 * zeros to the right), as Redis's redisBitpos answers.
 */
export function firstBit(p: Uint8Array, from: number, count: number, bit: 0 | 1): number {
  const skip = bit ? 0 : 0xff;
  for (let i = 0; i < count; i++) {
    const b = p[from + i]!;
    if (b === skip) continue;
    for (let k = 0; k < 8; k++) {
      if (((b >> (7 - k)) & 1) === bit) return i * 8 + k;
    }
  }
  return bit ? -1 : count * 8;
}

/** The bit at `offset` (0 past the end). */
export function getBit(p: Uint8Array, offset: number): number {
  const byte = Math.floor(offset / 8);
  if (byte >= p.length) return 0;
  return (p[byte]! >> (7 - (offset % 8))) & 1;
}

/** Unsigned integer of `bits` bits starting at bit `offset`. */
export function getUnsigned(p: Uint8Array, offset: number, bits: number): bigint {
  let v = 0n;
  for (let j = 0; j < bits; j++) {
    const o = offset + j;
    const byte = Math.floor(o / 8);
    const b = byte < p.length ? (p[byte]! >> (7 - (o % 8))) & 1 : 0;
    v = (v << 1n) | BigInt(b);
  }
  return v;
}

/** Two's complement integer of `bits` bits starting at bit `offset`. */
export function getSigned(p: Uint8Array, offset: number, bits: number): bigint {
  return BigInt.asIntN(bits, getUnsigned(p, offset, bits));
}

/** Writes the low `bits` bits of `value` (two's complement for negatives) at bit `offset`. */
export function setBits(p: Uint8Array, offset: number, bits: number, value: bigint): void {
  const u = BigInt.asUintN(bits, value);
  for (let j = 0; j < bits; j++) {
    const bit = Number((u >> BigInt(bits - 1 - j)) & 1n);
    const o = offset + j;
    const byte = Math.floor(o / 8);
    const shift = 7 - (o % 8);
    p[byte] = (p[byte]! & ~(1 << shift)) | (bit << shift);
  }
}

export type OverflowMode = 'wrap' | 'sat' | 'fail';

/**
 * The value a field of `bits` bits holds after adding `incr` to `value` (SET passes the new value with
 * incr 0), and whether that overflowed. WRAP keeps the low bits (two's complement for signed fields),
 * SAT clamps to the limit on the side Redis detected, FAIL leaves the field alone (the caller answers
 * nil). For unsigned fields a negative SET value is the huge unsigned number its 64-bit pattern is.
 *
 * Redis decides the side with 64-bit C arithmetic: for signed fields narrower than 64 bits it compares
 * the increment with max-value computed modulo 2^64, so a value far below the range (SET i33 with
 * -2^63) can be taken as an overflow upward and saturate to the maximum. We reproduce those
 * comparisons exactly (asIntN) so that SAT answers what Redis answers.
 */
export function fieldAdd(
  value: bigint,
  incr: bigint,
  bits: number,
  signed: boolean,
  mode: OverflowMode,
): { value: bigint; overflow: boolean } {
  const side = signed ? signedOverflow(value, incr, bits) : unsignedOverflow(value, incr, bits);
  if (side === 0) return { value: signed ? value + incr : BigInt.asUintN(64, value) + incr, overflow: false };
  if (mode === 'sat') {
    const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
    const min = signed ? -max - 1n : 0n;
    return { value: side > 0 ? max : min, overflow: true };
  }
  const sum = value + incr;
  return { value: signed ? BigInt.asIntN(bits, sum) : BigInt.asUintN(bits, sum), overflow: true };
}

/** checkSignedBitfieldOverflow's verdict: 1 over, -1 under, 0 fits. */
function signedOverflow(value: bigint, incr: bigint, bits: number): number {
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxIncr = BigInt.asIntN(64, max - value);
  const minIncr = BigInt.asIntN(64, min - value);
  const narrow = bits !== 64;
  if (value > max || (narrow && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr)) return 1;
  if (value < min || (narrow && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr)) return -1;
  return 0;
}

/** checkUnsignedBitfieldOverflow's verdict, `value` taken as a 64-bit unsigned pattern. */
function unsignedOverflow(value: bigint, incr: bigint, bits: number): number {
  const u = BigInt.asUintN(64, value);
  const max = (1n << BigInt(bits)) - 1n;
  if (u > max || (incr > 0n && incr > max - u)) return 1;
  if (incr < 0n && incr < -u) return -1;
  return 0;
}
