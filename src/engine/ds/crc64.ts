/*
 * CRC-64 "Jones" as Redis computes it (crc64.c): polynomial 0xad93d23594c935a9, processed reflected
 * (least significant bit first), initial value 0, no final xor. DUMP payloads end with this checksum
 * of everything before it, little endian; RDB files end with it too.
 *
 * Check value: crc64(0, "123456789") = 0xe9c6d914c4b8d9ca.
 *
 * Redis speeds this up with 8 slicing tables (crcspeed.c); the result is the same as the plain
 * one-table byte-at-a-time loop used here. The 64-bit register is kept as two unsigned 32-bit halves so
 * the hot loop stays in small-integer arithmetic (BigInt would be far slower).
 */

/** The Jones polynomial bit-reversed, split in halves: reflect(0xad93d23594c935a9). */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);

for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (carry) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[n] = hi;
  TABLE_LO[n] = lo;
}

/** A running CRC-64 as two 32-bit halves. */
export interface Crc64State {
  hi: number;
  lo: number;
}

/** Folds `data` into `crc` (mutated and returned), so long inputs can be checksummed in pieces. */
export function crc64Update(crc: Crc64State, data: Uint8Array): Crc64State {
  let hi = crc.hi;
  let lo = crc.lo;
  for (let i = 0; i < data.length; i++) {
    const idx = (lo ^ data[i]!) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ TABLE_LO[idx]!) >>> 0;
    hi = ((hi >>> 8) ^ TABLE_HI[idx]!) >>> 0;
  }
  crc.hi = hi;
  crc.lo = lo;
  return crc;
}

/** CRC-64 of `data` starting from 0, as a bigint. */
export function crc64(data: Uint8Array): bigint {
  const s = crc64Update({ hi: 0, lo: 0 }, data);
  return (BigInt(s.hi) << 32n) | BigInt(s.lo);
}

/** CRC-64 of `data` as the 8 little-endian bytes Redis appends to a payload. */
export function crc64LE(data: Uint8Array): Uint8Array {
  const s = crc64Update({ hi: 0, lo: 0 }, data);
  const out = new Uint8Array(8);
  for (let i = 0; i < 4; i++) {
    out[i] = (s.lo >>> (8 * i)) & 0xff;
    out[i + 4] = (s.hi >>> (8 * i)) & 0xff;
  }
  return out;
}
