/*
 * The ziplist blob of Redis up to 6.2 (ziplist.c). Redis 7.0 no longer builds ziplists but still loads
 * them from older RDB files and DUMP payloads (RDB types 10, 12, 13 and the nodes of type 14),
 * converting them to listpacks; we read them for the same reason.
 *
 *   <zlbytes: u32 LE> <zltail: u32 LE, offset of the last entry> <zllen: u16 LE, 65535 = unknown>
 *   <entries> <0xFF>
 *
 * Each entry is <prevlen> <encoding> <data>: prevlen is the previous entry's size in one byte when
 * under 254, else 0xFE + u32 LE. Encodings:
 *   00pppppp                  string of up to 63 bytes
 *   01pppppp qqqqqqqq         string of up to 16383 bytes (length big-endian)
 *   10000000 + u32 BE         longer string
 *   0xC0/0xD0/0xF0/0xE0/0xFE  int16 / int32 / int24 / int64 / int8, little endian
 *   0xF1..0xFD                the integers 0..12 with no data
 * Strings of 1..31 bytes that are canonical integers were stored as integers (zipTryEncoding).
 *
 * Parsing checks sizes, every prevlen against the previous entry, the tail offset, the terminator and
 * the count, as Redis's deep validation does; it returns null on any fault.
 */
import { utf8 } from '../bytes.ts';
import { parseI64 } from '../util/parse.ts';

const HEADER_BYTES = 10;
const END = 0xff;
const BIG_PREVLEN = 254;

interface ZipEntry {
  value: Uint8Array;
  /** Bytes taken by encoding + data (prevlen excluded). */
  size: number;
}

function readInt(b: Uint8Array, p: number, width: number): bigint {
  let u = 0n;
  for (let i = width - 1; i >= 0; i--) u = (u << 8n) | BigInt(b[p + i]!);
  return BigInt.asIntN(width * 8, u);
}

const INT_WIDTHS: Record<number, number> = { 0xc0: 2, 0xd0: 4, 0xe0: 8, 0xf0: 3, 0xfe: 1 };

function readEntryBody(b: Uint8Array, p: number, end: number): ZipEntry | null {
  const c = b[p]!;
  const kind = c >> 6;
  let head: number;
  let len: number;
  if (kind === 0) [head, len] = [1, c & 0x3f];
  else if (kind === 1) {
    if (p + 2 > end) return null;
    [head, len] = [2, ((c & 0x3f) << 8) | b[p + 1]!];
  } else if (c === 0x80) {
    if (p + 5 > end) return null;
    [head, len] = [5, ((b[p + 1]! << 24) | (b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!) >>> 0];
  } else if (c >= 0xf1 && c <= 0xfd) {
    return { value: utf8(String(c - 0xf1)), size: 1 };
  } else {
    const width = INT_WIDTHS[c];
    if (width === undefined || p + 1 + width > end) return null;
    return { value: utf8(readInt(b, p + 1, width).toString()), size: 1 + width };
  }
  if (p + head + len > end) return null;
  return { value: b.slice(p + head, p + head + len), size: head + len };
}

/** Parses a ziplist blob into its entries (integers as decimal text); null when corrupt. */
export function decodeZiplist(b: Uint8Array): Uint8Array[] | null {
  if (b.length < HEADER_BYTES + 1) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getUint32(0, true) !== b.length || b[b.length - 1] !== END) return null;
  const tail = view.getUint32(4, true);
  const declared = view.getUint16(8, true);
  const end = b.length - 1;
  const out: Uint8Array[] = [];
  let p = HEADER_BYTES;
  let prevSize = 0;
  let last = HEADER_BYTES;
  while (p < end) {
    let prevlen = b[p]!;
    let prevBytes = 1;
    if (prevlen === BIG_PREVLEN) {
      if (p + 5 > end) return null;
      prevlen = view.getUint32(p + 1, true);
      prevBytes = 5;
    } else if (prevlen === END) return null;
    if (prevlen !== prevSize) return null;
    const entry = readEntryBody(b, p + prevBytes, end);
    if (entry === null) return null;
    out.push(entry.value);
    last = p;
    prevSize = prevBytes + entry.size;
    p += prevSize;
  }
  if (p !== end || last !== tail) return null;
  if (declared !== 0xffff && declared !== out.length) return null;
  return out;
}

/** Encoding + data of one entry as ziplistPush would write it. */
function entryBody(v: Uint8Array): number[] {
  const n = v.length > 0 && v.length < 32 ? parseI64(v) : null;
  if (n !== null) {
    if (n >= 0n && n <= 12n) return [0xf1 + Number(n)];
    const [tag, width] =
      n >= -128n && n <= 127n
        ? [0xfe, 1]
        : n >= -32768n && n <= 32767n
          ? [0xc0, 2]
          : n >= -8388608n && n <= 8388607n
            ? [0xf0, 3]
            : n >= -2147483648n && n <= 2147483647n
              ? [0xd0, 4]
              : [0xe0, 8];
    const u = BigInt.asUintN(width * 8, n);
    return [tag, ...Array.from({ length: width }, (_, i) => Number((u >> BigInt(8 * i)) & 0xffn))];
  }
  const len = v.length;
  const head =
    len <= 63
      ? [len]
      : len <= 16383
        ? [0x40 | (len >> 8), len & 0xff]
        : [0x80, (len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff];
  return [...head, ...v];
}

/** Serialises entries as a ziplist (for tests and for producing old-format payloads). */
export function encodeZiplist(entries: readonly Uint8Array[]): Uint8Array {
  const bytes: number[] = [];
  let prevSize = 0;
  let tail = HEADER_BYTES;
  for (const e of entries) {
    tail = HEADER_BYTES + bytes.length;
    const prev =
      prevSize < BIG_PREVLEN
        ? [prevSize]
        : [BIG_PREVLEN, prevSize & 0xff, (prevSize >>> 8) & 0xff, (prevSize >>> 16) & 0xff, prevSize >>> 24];
    const body = entryBody(e);
    bytes.push(...prev, ...body);
    prevSize = prev.length + body.length;
  }
  const out = new Uint8Array(HEADER_BYTES + bytes.length + 1);
  const view = new DataView(out.buffer);
  view.setUint32(0, out.length, true);
  view.setUint32(4, tail, true);
  view.setUint16(8, Math.min(entries.length, 0xffff), true);
  out.set(bytes, HEADER_BYTES);
  out[out.length - 1] = END;
  return out;
}
