/*
 * The primitive encodings of Redis's RDB format (rdb.c), shared by DUMP/RESTORE and RDB files:
 *
 * Lengths: the top two bits of the first byte say how to read it --
 *   00xxxxxx              6-bit length
 *   01xxxxxx yyyyyyyy     14-bit length (big-endian)
 *   0x80 + u32 BE         32-bit length;   0x81 + u64 BE   64-bit length
 *   11xxxxxx              not a length: a special string encoding follows (xxxxxx = 0..3)
 *
 * Strings (rdbSaveRawString): a string of at most 11 bytes that is a canonical integer fitting 32 bits
 * is stored as 0xC0 + int8, 0xC1 + int16 LE or 0xC2 + int32 LE; otherwise, when compression is on and
 * the string is longer than 20 bytes, as 0xC3 <compressed len> <original len> <LZF data> if LZF saves
 * at least 4 bytes (the output may use at most len - 4 bytes); otherwise as <len> <bytes>.
 *
 * Doubles: ZSET_2 and later store scores as 8-byte little-endian IEEE 754; the old text form (a
 * length byte, with 253/254/255 meaning NaN/+inf/-inf) is read for RDB_TYPE_ZSET.
 *
 * Reading never trusts the input: every read checks the bounds and throws RdbFormatError, which
 * RESTORE turns into "Bad data format".
 */
import { bin, type Bytes, utf8 } from '../bytes.ts';
import { lzfCompress, lzfDecompress } from '../ds/lzf.ts';
import { parseI64 } from '../util/parse.ts';

export class RdbFormatError extends Error {}

const ENC_INT8 = 0;
const ENC_INT16 = 1;
const ENC_INT32 = 2;
const ENC_LZF = 3;

/** A growable output buffer with the RDB write primitives. */
export class RdbWriter {
  private buf = new Uint8Array(64);
  length = 0;

  constructor(readonly compression = true) {}

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** rdbSaveLen. */
  len(n: number): void {
    if (n < 64) this.byte(n);
    else if (n < 16384) {
      this.byte(0x40 | (n >> 8));
      this.byte(n & 0xff);
    } else if (n <= 0xffffffff) {
      this.byte(0x80);
      for (let s = 24; s >= 0; s -= 8) this.byte(Math.floor(n / 2 ** s) & 0xff);
    } else {
      this.byte(0x81);
      const big = BigInt(n);
      for (let s = 56n; s >= 0n; s -= 8n) this.byte(Number((big >> s) & 0xffn));
    }
  }

  /** rdbEncodeInteger: true when `v` fits one of the integer string encodings (and was written). */
  private encodedInt(v: bigint): boolean {
    if (v < -2147483648n || v > 2147483647n) return false;
    const n = Number(v);
    if (n >= -128 && n <= 127) {
      this.byte(0xc0 | ENC_INT8);
      this.byte(n);
    } else if (n >= -32768 && n <= 32767) {
      this.byte(0xc0 | ENC_INT16);
      this.byte(n);
      this.byte(n >> 8);
    } else {
      this.byte(0xc0 | ENC_INT32);
      for (let s = 0; s < 32; s += 8) this.byte(n >> s);
    }
    return true;
  }

  /** rdbSaveRawString: integer form, LZF form or verbatim, as described above. */
  string(s: Bytes): void {
    if (s.length <= 11) {
      const v = parseI64(s);
      if (v !== null && this.encodedInt(v)) return;
    }
    if (this.compression && s.length > 20) {
      const packed = lzfCompress(s, s.length - 4);
      if (packed !== null) {
        this.lzfBlob(packed, s.length);
        return;
      }
    }
    this.len(s.length);
    this.bytes(s);
  }

  /** rdbSaveLzfBlob: an already compressed string. */
  lzfBlob(packed: Uint8Array, originalLen: number): void {
    this.byte(0xc0 | ENC_LZF);
    this.len(packed.length);
    this.len(originalLen);
    this.bytes(packed);
  }

  /** rdbSaveBinaryDoubleValue. */
  binaryDouble(d: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, d, true);
    this.bytes(b);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** A bounds-checked cursor over RDB bytes. */
export class RdbReader {
  pos = 0;

  constructor(readonly data: Uint8Array) {}

  private need(n: number): void {
    if (this.pos + n > this.data.length) throw new RdbFormatError('unexpected end of data');
  }

  byte(): number {
    this.need(1);
    return this.data[this.pos++]!;
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** rdbLoadLenByRef: [value, isEncoding]. */
  lenOrEncoding(): [number, boolean] {
    const first = this.byte();
    const kind = first >> 6;
    if (kind === 3) return [first & 0x3f, true];
    if (kind === 0) return [first & 0x3f, false];
    if (kind === 1) return [((first & 0x3f) << 8) | this.byte(), false];
    let bytes: number;
    if (first === 0x80) bytes = 4;
    else if (first === 0x81) bytes = 8;
    else throw new RdbFormatError('unknown length encoding');
    let n = 0;
    for (let i = 0; i < bytes; i++) n = n * 256 + this.byte();
    if (!Number.isSafeInteger(n)) throw new RdbFormatError('length too large');
    return [n, false];
  }

  /** A plain length (a special encoding here is corrupt data). */
  len(): number {
    const [n, encoded] = this.lenOrEncoding();
    if (encoded) throw new RdbFormatError('unexpected string encoding');
    return n;
  }

  /** rdbGenericLoadStringObject: the string's bytes whatever its encoding. */
  string(): Bytes {
    const [n, encoded] = this.lenOrEncoding();
    if (!encoded) return this.bytes(n);
    if (n === ENC_INT8) return utf8(String((this.byte() << 24) >> 24));
    if (n === ENC_INT16) {
      const u = this.byte() | (this.byte() << 8);
      return utf8(String((u << 16) >> 16));
    }
    if (n === ENC_INT32) {
      const u = this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24);
      return utf8(String(u | 0));
    }
    if (n === ENC_LZF) {
      const clen = this.len();
      const len = this.len();
      const packed = this.bytes(clen);
      const out = lzfDecompress(packed, len);
      if (out === null || out.length !== len) throw new RdbFormatError('Invalid LZF compressed string');
      return out;
    }
    throw new RdbFormatError('unknown string encoding');
  }

  /** rdbLoadBinaryDoubleValue. */
  binaryDouble(): number {
    const b = this.bytes(8);
    return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
  }

  /** rdbLoadDoubleValue: the text form of RDB_TYPE_ZSET. */
  textDouble(): number {
    const len = this.byte();
    if (len === 255) return -Infinity;
    if (len === 254) return Infinity;
    if (len === 253) return NaN;
    const v = parseScoreText(bin(this.bytes(len)));
    if (v === null) throw new RdbFormatError('bad double');
    return v;
  }
}

/** strtod-like reading of a stored score ("1.5", "inf", "-inf", "nan"); null when not a number. */
export function parseScoreText(s: string): number | null {
  const t = s.toLowerCase();
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (t === 'nan' || t === '-nan') return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}
