/*
 * MurmurHash64A (Austin Appleby's MurmurHash2, 64-bit variant) as Redis's HyperLogLog uses it: input
 * words read little endian whatever the host (Redis's endian-neutral change), and seed 0xadc83b19.
 * The same hash as Redis is what makes our HLL registers, and so the stored strings and PFCOUNT
 * answers, identical to Redis's.
 *
 * 64-bit arithmetic is done on pairs of unsigned 32-bit halves (hi, lo) rather than BigInt: PFADD hashes
 * every element and PFSELFTEST hashes millions, and BigInt would be tens of times slower.
 */

/** Result registers of the last mul64 / hash call (avoids allocating a pair per operation). */
let outHi = 0;
let outLo = 0;

/**
 * (ah:al) * (bh:bl) modulo 2^64, into outHi:outLo. The 32x32 -> 64 bit product al*bl is built from 16-bit
 * halves (each partial product stays below 2^32); the cross terms only matter modulo 2^32 (Math.imul).
 */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const t0 = a0 * b0;
  const t1 = a1 * b0 + (t0 >>> 16);
  const t2 = a0 * b1 + (t1 & 0xffff);
  outLo = ((t2 << 16) | (t0 & 0xffff)) >>> 0;
  outHi = (a1 * b1 + (t1 >>> 16) + (t2 >>> 16) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;

/** The seed Redis's HyperLogLog hashes with. */
export const HLL_HASH_SEED = 0xadc83b19;

/**
 * MurmurHash64A of `data` with a 32-bit seed; returns [hi, lo] 32-bit halves of the 64-bit hash.
 * The shift by r = 47 only moves high bits into the low half: lo ^= hi >>> 15.
 */
export function murmurHash64A(data: Uint8Array, seed: number): [number, number] {
  murmurInto(data, seed);
  return [outHi, outLo];
}

/** murmurHash64A leaving the result in outHi:outLo (no allocation on the PFADD path). */
function murmurInto(data: Uint8Array, seed: number): void {
  const len = data.length;
  mul64(0, len >>> 0, M_HI, M_LO);
  let hHi = outHi;
  let hLo = (outLo ^ seed) >>> 0;
  const whole = len - (len & 7);
  for (let i = 0; i < whole; i += 8) {
    let kLo = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    let kHi = (data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24)) >>> 0;
    mul64(kHi, kLo, M_HI, M_LO);
    kHi = outHi;
    kLo = (outLo ^ (kHi >>> 15)) >>> 0;
    mul64(kHi, kLo, M_HI, M_LO);
    hHi = (hHi ^ outHi) >>> 0;
    hLo = (hLo ^ outLo) >>> 0;
    mul64(hHi, hLo, M_HI, M_LO);
    hHi = outHi;
    hLo = outLo;
  }
  const rest = len & 7;
  if (rest > 0) {
    for (let j = rest - 1; j >= 0; j--) {
      const b = data[whole + j]!;
      if (j >= 4) hHi = (hHi ^ (b << ((j - 4) * 8))) >>> 0;
      else hLo = (hLo ^ (b << (j * 8))) >>> 0;
    }
    mul64(hHi, hLo, M_HI, M_LO);
    hHi = outHi;
    hLo = outLo;
  }
  hLo = (hLo ^ (hHi >>> 15)) >>> 0;
  mul64(hHi, hLo, M_HI, M_LO);
  outLo = (outLo ^ (outHi >>> 15)) >>> 0;
}

/** Number of trailing zero bits of a nonzero 32-bit value. */
function ctz32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/**
 * hllPatLen: the register an element maps to (low 14 bits of its hash) and the length of the run
 * "00..01" in the remaining 50 bits read from the low end, counting the final 1 (1..51; bit 50 is
 * forced to 1 so the run always ends). Packed as index * 64 + count to spare an allocation.
 */
export function hllPattern(ele: Uint8Array): number {
  murmurInto(ele, HLL_HASH_SEED);
  const hi = outHi;
  const lo = outLo;
  const index = lo & 0x3fff;
  const restLo = ((lo >>> 14) | (hi << 18)) >>> 0;
  const restHi = (hi >>> 14) | (1 << 18);
  const zeros = restLo !== 0 ? ctz32(restLo) : 32 + ctz32(restHi);
  return index * 64 + zeros + 1;
}
