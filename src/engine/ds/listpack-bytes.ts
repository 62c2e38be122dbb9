/*
 * The listpack blob exactly as Redis builds it (listpack.c), the form in which RDB stores small
 * hashes, sorted sets and every quicklist node:
 *
 *   <total bytes: u32 LE> <element count: u16 LE, 65535 = "too many to count"> <entries> <0xFF>
 *
 * Each entry is <encoding+data> <backlen>, backlen being the size of encoding+data written
 * big-end-first in 7-bit groups (the high bit marks "more bytes to the left"), so the list can be
 * walked from the tail too. Encodings:
 *   0xxxxxxx                      integer 0..127
 *   10xxxxxx + data               string of up to 63 bytes
 *   110xxxxx yyyyyyyy             13-bit signed integer
 *   1110xxxx yyyyyyyy + data      string of up to 4095 bytes
 *   0xF0 + u32 LE + data          longer string
 *   0xF1/0xF2/0xF3/0xF4 + LE      16/24/32/64-bit signed integer
 *
 * lpAppend stores a string as an integer when it is the canonical decimal form of a signed 64-bit
 * value (at most 20 chars, no sign on zero, no leading zeros: string2ll's rules); the integer then
 * reads back as that same text. Entries are given here as bytes (encoded that way) or as bigints
 * (lpAppendInteger, which sorted sets use for integral scores).
 *
 * Parsing checks the header against the blob size, every entry's bounds and backlen, the terminator
 * and the element count (Redis's lpValidateIntegrity in deep mode); it returns null on any fault.
 */
import { utf8 } from '../bytes.ts';
import { parseI64 } from '../util/parse.ts';

export type ListpackEntry = Uint8Array | bigint;

const HEADER_BYTES = 6;
const EOF_BYTE = 0xff;
const COUNT_UNKNOWN = 0xffff;

function intBytes(v: bigint): number[] {
  if (v >= 0n && v <= 127n) return [Number(v)];
  if (v >= -4096n && v <= 4095n) {
    const u = Number(v < 0n ? v + 8192n : v);
    return [(u >> 8) | 0xc0, u & 0xff];
  }
  let tag: number;
  let width: number;
  if (v >= -32768n && v <= 32767n) [tag, width] = [0xf1, 2];
  else if (v >= -8388608n && v <= 8388607n) [tag, width] = [0xf2, 3];
  else if (v >= -2147483648n && v <= 2147483647n) [tag, width] = [0xf3, 4];
  else [tag, width] = [0xf4, 8];
  const u = BigInt.asUintN(width * 8, v);
  const out = [tag];
  for (let i = 0; i < width; i++) out.push(Number((u >> BigInt(8 * i)) & 0xffn));
  return out;
}

function stringHeader(len: number): number[] {
  if (len < 64) return [0x80 | len];
  if (len < 4096) return [0xe0 | (len >> 8), len & 0xff];
  return [0xf0, len & 0xff, (len >>> 8) & 0xff, (len >>> 16) & 0xff, (len >>> 24) & 0xff];
}

function backlenBytes(l: number): number[] {
  if (l <= 127) return [l];
  const groups: number[] = [];
  const count = l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
  for (let i = count - 1; i >= 0; i--) groups.push(Math.floor(l / 2 ** (7 * i)) & 127);
  return groups.map((g, i) => (i === 0 ? g : g | 128));
}

/** Serialises entries as lpAppend / lpAppendInteger would have built the listpack. */
export function encodeListpack(entries: readonly ListpackEntry[]): Uint8Array {
  const parts: (number[] | Uint8Array)[] = [];
  let total = HEADER_BYTES + 1;
  for (const e of entries) {
    const n = typeof e === 'bigint' ? e : e.length <= 20 ? parseI64(e) : null;
    const head = n !== null ? intBytes(n) : stringHeader((e as Uint8Array).length);
    const dataLen = n !== null ? 0 : (e as Uint8Array).length;
    const back = backlenBytes(head.length + dataLen);
    parts.push(head);
    if (n === null) parts.push(e as Uint8Array);
    parts.push(back);
    total += head.length + dataLen + back.length;
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total, true);
  view.setUint16(4, Math.min(entries.length, COUNT_UNKNOWN), true);
  let o = HEADER_BYTES;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  out[o] = EOF_BYTE;
  return out;
}

/** Reads one entry at `p`: its value (integers as decimal text) and the size of encoding+data. */
function readEntry(b: Uint8Array, p: number, end: number): [Uint8Array, number] | null {
  const c = b[p]!;
  const need = (n: number): boolean => p + n <= end;
  if (c < 0x80) return [utf8(String(c)), 1];
  if ((c & 0xc0) === 0x80) {
    const len = c & 0x3f;
    return need(1 + len) ? [b.slice(p + 1, p + 1 + len), 1 + len] : null;
  }
  if ((c & 0xe0) === 0xc0) {
    if (!need(2)) return null;
    const u = ((c & 0x1f) << 8) | b[p + 1]!;
    return [utf8(String(u >= 4096 ? u - 8192 : u)), 2];
  }
  if ((c & 0xf0) === 0xe0) {
    if (!need(2)) return null;
    const len = ((c & 0x0f) << 8) | b[p + 1]!;
    return need(2 + len) ? [b.slice(p + 2, p + 2 + len), 2 + len] : null;
  }
  if (c === 0xf0) {
    if (!need(5)) return null;
    const len = (b[p + 1]! | (b[p + 2]! << 8) | (b[p + 3]! << 16) | (b[p + 4]! << 24)) >>> 0;
    return need(5 + len) ? [b.slice(p + 5, p + 5 + len), 5 + len] : null;
  }
  const width = c === 0xf1 ? 2 : c === 0xf2 ? 3 : c === 0xf3 ? 4 : c === 0xf4 ? 8 : 0;
  if (width === 0 || !need(1 + width)) return null;
  let u = 0n;
  for (let i = width - 1; i >= 0; i--) u = (u << 8n) | BigInt(b[p + 1 + i]!);
  return [utf8(BigInt.asIntN(width * 8, u).toString()), 1 + width];
}

/** Parses a listpack blob into its entries (integers as their decimal text); null when corrupt. */
export function decodeListpack(b: Uint8Array): Uint8Array[] | null {
  if (b.length < HEADER_BYTES + 1) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getUint32(0, true) !== b.length || b[b.length - 1] !== EOF_BYTE) return null;
  const declared = view.getUint16(4, true);
  const end = b.length - 1;
  const out: Uint8Array[] = [];
  let p = HEADER_BYTES;
  while (p < end) {
    const entry = readEntry(b, p, end);
    if (entry === null) return null;
    const [value, size] = entry;
    const back = backlenBytes(size);
    if (p + size + back.length > end) return null;
    for (let i = 0; i < back.length; i++) if (b[p + size + i] !== back[i]) return null;
    out.push(value);
    p += size + back.length;
  }
  if (declared !== COUNT_UNKNOWN && declared !== out.length) return null;
  return out;
}
