/*
 * Redis's HyperLogLog, byte for byte (hyperloglog.c of Redis 7.0). A HyperLogLog is an ordinary string
 * value; GET shows exactly the bytes Redis would hold, so a value can move between Redis and us.
 *
 * Layout: a 16-byte header "HYLL", encoding (0 dense, 1 sparse), 3 zero bytes, then 8 bytes of cached
 * cardinality, little endian, whose top bit set means "stale". 2^14 registers of 6 bits follow:
 *   - dense: 12288 bytes, register i at bit 6*i, low bits first within each byte;
 *   - sparse: run-length opcodes, ZERO 00xxxxxx (1..64 zero registers), XZERO 01xxxxxx yyyyyyyy
 *     (1..16384 zero registers), VAL 1vvvvvxx (1..4 registers of value 1..32).
 * A new value is sparse (two XZERO opcodes' worth: one XZERO of 16384). A sparse value turns dense when
 * a register needs a value above 32 or when an edit would make it longer than hll-sparse-max-bytes.
 *
 * Sparse edits (hll-sparse.ts) follow Redis's exact rewriting, since any other valid encoding would
 * give different bytes. The estimator is Ertl's improved raw
 * estimator ("New cardinality estimation algorithms for HyperLogLog sketches", 2017) on the register
 * histogram, as Redis 7.0's hllCount.
 *
 * Differences: we keep the value in a growable buffer (`len` bytes used) instead of an sds; registers
 * at the end never read past it.
 */
import { hllPattern } from './hll-hash.ts';
import {
  isXZero,
  isZero,
  sparseHisto,
  sparseSet,
  valLen,
  valValue,
  walkSparse,
  xzeroLen,
  zeroLen,
} from './hll-sparse.ts';

export const HLL_REGISTERS = 16384;
export const HLL_HDR_SIZE = 16;
export const HLL_DENSE_SIZE = HLL_HDR_SIZE + (HLL_REGISTERS * 6) / 8;
const HLL_Q = 50;
/** 0.5 / ln(2), the bias constant of the estimator (Redis's HLL_ALPHA_INF), as a double. */
const HLL_ALPHA_INF = 0.5 / Math.LN2;
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;

/** Register `i` of dense registers starting at byte `base`. */
export function denseGet(p: Uint8Array, base: number, i: number): number {
  const byte = base + ((i * 6) >> 3);
  const fb = (i * 6) & 7;
  const b1 = byte + 1 < p.length ? p[byte + 1]! : 0;
  return ((p[byte]! >> fb) | (b1 << (8 - fb))) & 63;
}

export function denseSet(p: Uint8Array, base: number, i: number, v: number): void {
  const byte = base + ((i * 6) >> 3);
  const fb = (i * 6) & 7;
  p[byte] = (p[byte]! & ~(63 << fb)) | ((v << fb) & 0xff);
  if (fb > 2) p[byte + 1] = (p[byte + 1]! & ~(63 >> (8 - fb))) | (v >> (8 - fb));
}

/** A HyperLogLog value being read or edited: the string's bytes are buf[0, len). */
export class Hll {
  private constructor(
    public buf: Uint8Array,
    public len: number,
  ) {}

  /** createHLLObject: an empty sparse HLL (one XZERO opcode covering every register). */
  static empty(): Hll {
    const h = new Hll(new Uint8Array(64), HLL_HDR_SIZE + 2);
    h.buf.set([72, 89, 76, 76, HLL_SPARSE], 0);
    h.buf[16] = 0x40 | ((HLL_REGISTERS - 1) >> 8);
    h.buf[17] = (HLL_REGISTERS - 1) & 0xff;
    return h;
  }

  /** A working copy of stored bytes (which must have passed isHllString). */
  static of(bytes: Uint8Array): Hll {
    const buf = new Uint8Array(Math.max(bytes.length + 8, 64));
    buf.set(bytes, 0);
    return new Hll(buf, bytes.length);
  }

  /** isHLLObjectOrReply's checks on a string value's bytes. */
  static isHllString(b: Uint8Array): boolean {
    if (b.length < HLL_HDR_SIZE) return false;
    if (b[0] !== 72 || b[1] !== 89 || b[2] !== 76 || b[3] !== 76) return false;
    if (b[4]! > HLL_SPARSE) return false;
    return b[4] !== HLL_DENSE || b.length === HLL_DENSE_SIZE;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  get encoding(): number {
    return this.buf[4]!;
  }

  invalidateCache(): void {
    this.buf[15]! |= 0x80;
  }

  /** The cached cardinality, or undefined when stale. */
  cachedCard(): number | undefined {
    if (this.buf[15]! & 0x80) return undefined;
    let v = 0;
    for (let i = 7; i >= 0; i--) v = v * 256 + this.buf[8 + i]!;
    return v;
  }

  setCachedCard(card: number): void {
    let v = card;
    for (let i = 0; i < 8; i++) {
      this.buf[8 + i] = v % 256;
      v = Math.floor(v / 256);
    }
  }

  /** hllAdd: 1 when a register grew, 0 when not, -1 for a corrupted sparse value. */
  add(ele: Uint8Array, sparseMaxBytes: number): number {
    const pattern = hllPattern(ele);
    return this.set(pattern >> 6, pattern & 63, sparseMaxBytes);
  }

  /** Raises register `index` to `count` if lower (hllDenseSet / hllSparseSet). */
  set(index: number, count: number, sparseMaxBytes: number): number {
    if (this.encoding === HLL_DENSE) {
      if (count <= denseGet(this.buf, HLL_HDR_SIZE, index)) return 0;
      denseSet(this.buf, HLL_HDR_SIZE, index, count);
      return 1;
    }
    return sparseSet(this, index, count, sparseMaxBytes);
  }

  /** hllSparseToDense: false when the sparse opcodes don't cover exactly every register. */
  toDense(): boolean {
    if (this.encoding === HLL_DENSE) return true;
    const dense = new Uint8Array(HLL_DENSE_SIZE + 1);
    dense.set(this.buf.subarray(0, HLL_HDR_SIZE), 0);
    dense[4] = HLL_DENSE;
    const ok = walkSparse(this, (idx, run, value) => {
      for (let k = 0; k < run; k++) denseSet(dense, HLL_HDR_SIZE, idx + k, value);
    });
    if (!ok) return false;
    this.buf = dense;
    this.len = HLL_DENSE_SIZE;
    return true;
  }

  /** hllMerge: max[i] = max(max[i], register i); false for a corrupted sparse value. */
  mergeInto(max: Uint8Array): boolean {
    if (this.encoding === HLL_DENSE) {
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const v = denseGet(this.buf, HLL_HDR_SIZE, i);
        if (v > max[i]!) max[i] = v;
      }
      return true;
    }
    return walkSparse(this, (idx, run, value) => {
      for (let k = 0; k < run; k++) if (value > max[idx + k]!) max[idx + k] = value;
    });
  }

  /** hllCount; undefined when a sparse value is corrupted. */
  count(): number | undefined {
    const histo = new Array<number>(64).fill(0);
    if (this.encoding === HLL_DENSE) {
      for (let i = 0; i < HLL_REGISTERS; i++) histo[denseGet(this.buf, HLL_HDR_SIZE, i)]!++;
    } else if (!sparseHisto(this, histo)) return undefined;
    return estimate(histo);
  }

  /** PFDEBUG DECODE's text of the sparse opcodes. */
  decode(): string {
    const parts: string[] = [];
    for (let p = HLL_HDR_SIZE; p < this.len;) {
      const b = this.buf[p]!;
      if (isZero(b)) {
        parts.push(`z:${zeroLen(b)}`);
        p++;
      } else if (isXZero(b)) {
        parts.push(`Z:${xzeroLen(b, this.buf[p + 1]!)}`);
        p += 2;
      } else {
        parts.push(`v:${valValue(b)},${valLen(b)}`);
        p++;
      }
    }
    return parts.join(' ');
  }
}

/** The estimate of an HLL from its register histogram (also PFCOUNT of several keys). */
export function estimate(histo: readonly number[]): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - histo[HLL_Q + 1]!) / m);
  for (let j = HLL_Q; j >= 1; --j) {
    z += histo[j]!;
    z *= 0.5;
  }
  z += m * sigma(histo[0]! / m);
  return Math.round((HLL_ALPHA_INF * m * m) / z);
}

/** Histogram of plain byte registers (PFCOUNT over several keys). */
export function histogramOf(registers: Uint8Array): number[] {
  const histo = new Array<number>(64).fill(0);
  for (let i = 0; i < HLL_REGISTERS; i++) histo[registers[i]!]!++;
  return histo;
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let zPrev: number;
  do {
    x *= x;
    zPrev = z;
    z += x * y;
    y += y;
  } while (zPrev !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  let zPrev: number;
  do {
    x = Math.sqrt(x);
    zPrev = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (zPrev !== z);
  return z / 3;
}
