/*
 * The sparse representation of Redis's HyperLogLog (see hll.ts for the layout): walking the opcodes,
 * their histogram, and hllSparseSet's in-place edit. An edit splits the opcode holding the register
 * into up to three (ZERO/XZERO -> zeros, VAL, zeros; VAL -> VAL, VAL, VAL), promotes the value to
 * dense instead when the register needs more than 32 or the string would pass hll-sparse-max-bytes,
 * then merges equal adjacent VAL opcodes in a window of five opcodes starting at the previous one.
 * Redis's exact rewriting matters: another valid encoding would give different stored bytes.
 */
import { denseSet, HLL_HDR_SIZE, HLL_REGISTERS, type Hll } from './hll.ts';

const VAL_MAX_VALUE = 32;
const VAL_MAX_LEN = 4;
const ZERO_MAX_LEN = 64;

/** Sparse opcode helpers on a byte. */
export const isZero = (b: number): boolean => (b & 0xc0) === 0;
export const isXZero = (b: number): boolean => (b & 0xc0) === 0x40;
const isVal = (b: number): boolean => (b & 0x80) !== 0;
export const zeroLen = (b: number): number => (b & 0x3f) + 1;
export const xzeroLen = (b: number, b2: number): number => (((b & 0x3f) << 8) | b2) + 1;
export const valValue = (b: number): number => ((b >> 2) & 0x1f) + 1;
export const valLen = (b: number): number => (b & 3) + 1;
const valByte = (value: number, len: number): number => 0x80 | ((value - 1) << 2) | (len - 1);

/** Appends the ZERO or XZERO opcode for a run of `len` zero registers. */
function pushZeros(out: number[], len: number): void {
  if (len > ZERO_MAX_LEN) out.push(((len - 1) >> 8) | 0x40, (len - 1) & 0xff);
  else out.push(len - 1);
}

/**
 * Visits the VAL runs of a sparse HLL in register order; false when a run would pass the last register
 * or the opcodes don't add up to exactly 16384 registers (Redis's corruption checks).
 */
export function walkSparse(h: Hll, visit: (idx: number, run: number, value: number) => void): boolean {
  let idx = 0;
  const p = h.buf;
  for (let i = HLL_HDR_SIZE; i < h.len;) {
    const b = p[i]!;
    if (isZero(b)) {
      idx += zeroLen(b);
      i++;
    } else if (isXZero(b)) {
      idx += xzeroLen(b, p[i + 1] ?? 0);
      i += 2;
    } else {
      const run = valLen(b);
      if (idx + run > HLL_REGISTERS) break;
      visit(idx, run, valValue(b));
      idx += run;
      i++;
    }
  }
  return idx === HLL_REGISTERS;
}

/** hllSparseRegHisto: unlike the walk above, it never stops early. */
export function sparseHisto(h: Hll, histo: number[]): boolean {
  let idx = 0;
  const p = h.buf;
  for (let i = HLL_HDR_SIZE; i < h.len;) {
    const b = p[i]!;
    if (isZero(b) || isXZero(b)) {
      const run = isZero(b) ? zeroLen(b) : xzeroLen(b, p[i + 1] ?? 0);
      idx += run;
      histo[0]! += run;
      i += isZero(b) ? 1 : 2;
    } else {
      idx += valLen(b);
      histo[valValue(b)]! += valLen(b);
      i++;
    }
  }
  return idx === HLL_REGISTERS;
}

/** Makes room for `extra` more bytes. */
function reserve(h: Hll, extra: number): void {
  if (h.len + extra <= h.buf.length) return;
  const grown = new Uint8Array(Math.max(h.buf.length * 2, h.len + extra));
  grown.set(h.buf.subarray(0, h.len), 0);
  h.buf = grown;
}

/** The opcode holding register `index`: its position, the previous opcode and its first register. */
function locate(h: Hll, index: number): { p: number; prev: number; first: number; span: number } | null {
  const b = h.buf;
  let first = 0;
  let prev = -1;
  let span = 0;
  let p = HLL_HDR_SIZE;
  while (p < h.len) {
    const op = b[p]!;
    let oplen = 1;
    if (isZero(op)) span = zeroLen(op);
    else if (isVal(op)) span = valLen(op);
    else {
      span = xzeroLen(op, b[p + 1] ?? 0);
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= h.len) return null;
  return { p, prev, first, span };
}

/** hllSparseSet, see the file comment. */
export function sparseSet(h: Hll, index: number, count: number, sparseMaxBytes: number): number {
  if (count > VAL_MAX_VALUE) return promote(h, index, count);
  reserve(h, 3);
  const at = locate(h, index);
  if (at === null) return -1;
  const { p, prev, first, span } = at;
  const op = h.buf[p]!;
  if (isVal(op)) {
    if (valValue(op) >= count) return 0;
    if (valLen(op) === 1) {
      h.buf[p] = valByte(count, 1);
      mergeAdjacent(h, prev);
      return 1;
    }
  }
  if (isZero(op) && zeroLen(op) === 1) {
    h.buf[p] = valByte(count, 1);
    mergeAdjacent(h, prev);
    return 1;
  }
  const seq = splitOpcode(op, index, first, first + span - 1, count);
  const oldLen = isXZero(op) ? 2 : 1;
  const delta = seq.length - oldLen;
  if (delta > 0 && h.len + delta > sparseMaxBytes) return promote(h, index, count);
  const next = p + oldLen;
  h.buf.copyWithin(next + delta, next, h.len);
  h.buf.set(seq, p);
  h.len += delta;
  mergeAdjacent(h, prev);
  return 1;
}

/** The opcodes replacing `op` (covering first..last) once register `index` holds `count`. */
function splitOpcode(op: number, index: number, first: number, last: number, count: number): number[] {
  const seq: number[] = [];
  if (!isVal(op)) {
    if (index !== first) pushZeros(seq, index - first);
    seq.push(valByte(count, 1));
    if (index !== last) pushZeros(seq, last - index);
  } else {
    const cur = valValue(op);
    if (index !== first) seq.push(valByte(cur, index - first));
    seq.push(valByte(count, 1));
    if (index !== last) seq.push(valByte(cur, last - index));
  }
  return seq;
}

/** Step 4 of hllSparseSet: merges equal adjacent VAL opcodes in up to five opcodes from `prev`. */
function mergeAdjacent(h: Hll, prev: number): void {
  const b = h.buf;
  let p = prev >= 0 ? prev : HLL_HDR_SIZE;
  let budget = 5;
  while (p < h.len && budget-- > 0) {
    const op = b[p]!;
    if (isXZero(op)) {
      p += 2;
      continue;
    }
    if (isZero(op)) {
      p++;
      continue;
    }
    if (p + 1 < h.len && isVal(b[p + 1]!)) {
      const v = valValue(op);
      const len = valLen(op) + valLen(b[p + 1]!);
      if (v === valValue(b[p + 1]!) && len <= VAL_MAX_LEN) {
        b[p + 1] = valByte(v, len);
        b.copyWithin(p, p + 1, h.len);
        h.len--;
        continue;
      }
    }
    p++;
  }
  h.invalidateCache();
}

function promote(h: Hll, index: number, count: number): number {
  if (!h.toDense()) return -1;
  denseSet(h.buf, HLL_HDR_SIZE, index, count);
  return 1;
}
