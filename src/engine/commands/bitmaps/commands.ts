/*
 * SETBIT, GETBIT, BITCOUNT, BITPOS and BITOP (Redis's bitops.c).
 *
 * Ranges (BITCOUNT, BITPOS): start/end are byte indexes, or bit indexes with BIT; negatives count from
 * the end; after clamping, a BIT range is turned into whole bytes plus masks that hide the bits of the
 * first and last byte outside it. BITPOS looking for a 0 treats the string as continuing with zeros on
 * the right, unless an explicit end was given: then "not found" is -1. A missing key is all zeros.
 * BITOP stores a 'raw' string as long as its longest source, or deletes the destination when every
 * source is empty or missing.
 */
import { bin, type Bytes, eqIgnoreCase, lowerBin } from '../../bytes.ts';
import { int, type Reply } from '../../resp/reply.ts';
import { E, fail } from '../../server/errors.ts';
import { intArg, parseI64Num } from '../../util/parse.ts';
import { asString, rawString, readKey, storeKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { bitOffsetArg, openForBits } from './access.ts';
import { firstBit, getBit, popcount } from './bits.ts';

const BIT_VALUE_ERR = 'ERR bit is not an integer or out of range';

const setbit: Handler = (c, argv) => {
  const offset = bitOffsetArg(c, argv[2]!);
  const on = parseI64Num(argv[3]!);
  if (on === null || (on !== 0 && on !== 1)) fail(BIT_VALUE_ERR);
  const key = bin(argv[1]!);
  const bm = openForBits(c, key, offset);
  const old = getBit(bm.bytes, offset);
  if (bm.grew || old !== on) {
    const byte = Math.floor(offset / 8);
    const mask = 1 << (7 - (offset % 8));
    bm.bytes[byte] = on ? bm.bytes[byte]! | mask : bm.bytes[byte]! & ~mask;
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('$', 'setbit', key, c.db);
    c.node.dirty++;
  }
  return int(old);
};

const getbit: Handler = (c, argv) => {
  const offset = bitOffsetArg(c, argv[2]!);
  const o = readKey(c, bin(argv[1]!));
  if (o === undefined) return int(0);
  return int(getBit(asString(o).v, offset));
};

/** A byte range with edge masks: bits set in a mask are outside the range. */
interface ByteRange {
  start: number;
  end: number;
  firstMask: number;
  lastMask: number;
}

/** Clamps start/end (bytes, or bits when `isBit`) to a string of `len` bytes. */
function clampRange(start: number, end: number, len: number, isBit: boolean): ByteRange {
  const total = isBit ? len * 8 : len;
  if (start < 0) start = total + start;
  if (end < 0) end = total + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  if (!isBit || start > end) return { start, end, firstMask: 0, lastMask: 0 };
  return {
    start: Math.floor(start / 8),
    end: Math.floor(end / 8),
    firstMask: ~((1 << (8 - (start & 7))) - 1) & 0xff,
    lastMask: (1 << (7 - (end & 7))) - 1,
  };
}

function unitArg(arg: Bytes): boolean {
  if (eqIgnoreCase(arg, 'bit')) return true;
  if (eqIgnoreCase(arg, 'byte')) return false;
  return fail(E.syntax);
}

const bitcount: Handler = (c, argv) => {
  const o = readKey(c, bin(argv[1]!));
  if (o === undefined) return int(0);
  const p = asString(o).v;
  if (argv.length !== 2 && argv.length !== 4 && argv.length !== 5) fail(E.syntax);
  if (argv.length === 2) return int(popcount(p));
  const start = intArg(argv[2]!);
  const end = intArg(argv[3]!);
  if (start < 0 && end < 0 && start > end) return int(0);
  const isBit = argv.length === 5 && unitArg(argv[4]!);
  const r = clampRange(start, end, p.length, isBit);
  if (r.start > r.end) return int(0);
  let count = popcount(p, r.start, r.end + 1);
  count -= popcount(Uint8Array.of(p[r.start]! & r.firstMask, p[r.end]! & r.lastMask));
  return int(count);
};

const bitpos: Handler = (c, argv) => {
  const bitArg = intArg(argv[2]!);
  if (bitArg !== 0 && bitArg !== 1) fail('ERR The bit argument must be 1 or 0.');
  const bit = bitArg as 0 | 1;
  const o = readKey(c, bin(argv[1]!));
  if (o === undefined) return int(bit ? -1 : 0);
  const p = asString(o).v;
  if (argv.length > 6) fail(E.syntax);
  if (argv.length === 3) return int(p.length === 0 ? -1 : firstBit(p, 0, p.length, bit));
  const start = intArg(argv[3]!);
  const isBit = argv.length === 6 && unitArg(argv[5]!);
  const endGiven = argv.length >= 5;
  // Redis parses the unit before the end index, so a bad unit wins over a bad end.
  const end = endGiven ? intArg(argv[4]!) : p.length - 1;
  const r = clampRange(start, end, p.length, isBit);
  if (r.start > r.end) return int(-1);
  return int(bitposInRange(p, r, bit, endGiven));
};

/** The BITPOS scan of a clamped range: masked first byte, whole middle bytes, masked last byte. */
function bitposInRange(p: Bytes, r: ByteRange, bit: 0 | 1, endGiven: boolean): number {
  let { start } = r;
  let bytes = r.end - r.start + 1;
  const maskByte = (b: number, mask: number): Uint8Array => Uint8Array.of(bit ? b & ~mask : b | mask);
  let pos: number;
  scan: {
    if (r.firstMask) {
      let one = maskByte(p[start]!, r.firstMask);
      if (r.lastMask && bytes === 1) one = maskByte(one[0]!, r.lastMask);
      pos = firstBit(one, 0, 1, bit);
      if (bytes === 1 || (pos !== -1 && pos !== 8)) break scan;
      start++;
      bytes--;
    }
    const middle = bytes - (r.lastMask ? 1 : 0);
    if (middle > 0) {
      pos = firstBit(p, start, middle, bit);
      if (bytes === middle || (pos !== -1 && pos !== middle * 8)) break scan;
      start += middle;
      bytes -= middle;
    }
    pos = firstBit(maskByte(p[r.end]!, r.lastMask), 0, 1, bit);
  }
  if (endGiven && bit === 0 && pos === bytes * 8) return -1;
  return pos === -1 ? -1 : pos + start * 8;
}

type BitOp = 'and' | 'or' | 'xor' | 'not';

function combine(op: BitOp, srcs: Bytes[], maxLen: number): Uint8Array {
  const res = new Uint8Array(maxLen);
  const first = srcs[0]!;
  for (let j = 0; j < maxLen; j++) {
    let out = j < first.length ? first[j]! : 0;
    if (op === 'not') out = ~out & 0xff;
    for (let i = 1; i < srcs.length; i++) {
      const s = srcs[i]!;
      const b = j < s.length ? s[j]! : 0;
      if (op === 'and') out &= b;
      else if (op === 'or') out |= b;
      else out ^= b;
    }
    res[j] = out;
  }
  return res;
}

const bitop: Handler = (c, argv): Reply => {
  const op = lowerBin(argv[1]!);
  if (op !== 'and' && op !== 'or' && op !== 'xor' && op !== 'not') fail(E.syntax);
  if (op === 'not' && argv.length !== 4) fail('ERR BITOP NOT must be called with a single source key.');
  const dest = bin(argv[2]!);
  const srcs: Bytes[] = [];
  let maxLen = 0;
  for (let j = 3; j < argv.length; j++) {
    const o = readKey(c, bin(argv[j]!));
    const v = o === undefined ? new Uint8Array(0) : asString(o).v;
    srcs.push(v);
    maxLen = Math.max(maxLen, v.length);
  }
  if (maxLen > 0) {
    storeKey(c, dest, rawString(combine(op, srcs, maxLen), c.node.nowMs()));
    c.node.notify('$', 'set', dest, c.db);
    c.node.dirty++;
  } else if (c.db.delete(dest)) {
    c.node.signalModifiedKey(c.db, dest);
    c.node.notify('g', 'del', dest, c.db);
    c.node.dirty++;
  }
  return int(maxLen);
};

export const bitHandlers: Record<string, Handler> = { setbit, getbit, bitcount, bitpos, bitop };
