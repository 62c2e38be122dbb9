/*
 * Roberto Ierusalimschy's "struct" library as Redis vendors it: struct.pack(fmt, ...), struct.unpack(fmt,
 * data [, pos]) and struct.size(fmt), over binary strings, with the layout of an x86-64 Linux build:
 * little-endian by default, short 2, int 4, long and size_t 8, maximum alignment 8.
 *
 * Format characters: '<' '>' byte order; '!n' maximum alignment (n a power of two, default 8); 'x' one
 * zero byte; b/B h/H l/L T i/I[n] integers (signed lower case; 'i' sizes 1..32); f float, d double;
 * 'cN' N raw bytes (pack: c0 = the whole string; unpack: c0 = length from the previous number); 's' a
 * zero-terminated string; ' ' ignored. Alignment pads an item of size s to a multiple of min(s, align)
 * (with C's formula, so odd sizes pad oddly, as in C).
 *
 * Integers go through C's unsigned long (64 bits, via BigInt here): wider 'iN' fields hold zero bytes
 * past the 8th, and unpacking them keeps only the low 64 bits, with the sign mask computed from a shift
 * count taken modulo 64 as x86 does.
 */
import { checkNumber, checkString, optInt, register, type Native } from './lib-base';
import type { LuaState } from './runtime';
import { LuaTable, type LuaValue } from './value';

const MAXINTSIZE = 32;
const MAXALIGN = 8;
const INT_MAX = 2147483647;
const U64 = (1n << 64n) - 1n;

interface Header {
  little: boolean;
  align: number;
}

/** A cursor over the format string (it ends at the first NUL byte, as a C string). */
class Format {
  pos = 0;
  readonly fmt: string;
  constructor(fmt: string) {
    const nul = fmt.indexOf('\0');
    this.fmt = nul < 0 ? fmt : fmt.slice(0, nul);
  }
  more(): boolean {
    return this.pos < this.fmt.length;
  }
  next(): string {
    return this.fmt[this.pos++]!;
  }
  /** An optional decimal count after an option, else `def`. */
  num(st: LuaState, def: number): number {
    if (!isDigit(this.fmt[this.pos])) return def;
    let a = 0;
    while (isDigit(this.fmt[this.pos])) {
      const d = this.fmt.charCodeAt(this.pos) - 48;
      if (a > Math.floor(INT_MAX / 10) || a * 10 > INT_MAX - d) st.error('integral size overflow');
      a = a * 10 + d;
      this.pos++;
    }
    return a;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

/** Size in bytes of option `opt` (reading its count), 0 for options that take no space. */
function optSize(st: LuaState, opt: string, f: Format): number {
  switch (opt) {
    case 'B':
    case 'b':
    case 'x':
      return 1;
    case 'H':
    case 'h':
      return 2;
    case 'f':
      return 4;
    case 'L':
    case 'l':
    case 'T':
    case 'd':
      return 8;
    case 'c':
      return f.num(st, 1);
    case 'i':
    case 'I': {
      const sz = f.num(st, 4);
      if (sz > MAXINTSIZE) st.error(`integral size ${sz} is larger than limit of ${MAXINTSIZE}`);
      return sz;
    }
    default:
      return 0;
  }
}

/** Padding bytes before an item of `size` at offset `len` (C's formula, odd sizes included). */
function toAlign(len: number, h: Header, opt: string, size: number): number {
  if (size === 0 || opt === 'c') return 0;
  if (size > h.align) size = h.align;
  const m = size - 1;
  return (size - (len & m)) & m;
}

/** Byte order and alignment options; anything else is an invalid option. */
function control(st: LuaState, opt: string, f: Format, h: Header): void {
  switch (opt) {
    case ' ':
      return;
    case '>':
      h.little = false;
      return;
    case '<':
      h.little = true;
      return;
    case '!': {
      const a = f.num(st, MAXALIGN);
      if (!(a > 0 && (a & (a - 1)) === 0)) st.error(`alignment ${a} is not a power of 2`);
      h.align = a;
      return;
    }
    default:
      st.argError(1, `invalid format option '${opt}'`);
  }
}

/** C's (unsigned long) of a double: negatives through (long); out-of-range values as x86 converts them. */
function toUlong(n: number): bigint {
  if (n < 0) {
    if (n < -9223372036854775808.0) return 1n << 63n;
    return BigInt.asUintN(64, BigInt(Math.trunc(n)));
  }
  if (n < 9223372036854775808.0) return BigInt(Math.trunc(n));
  if (n < 18446744073709551616.0) return BigInt(n);
  return Number.isNaN(n) ? 1n << 63n : 0n;
}

function intBytes(value: bigint, size: number, little: boolean): string {
  const out: string[] = new Array<string>(size);
  for (let i = 0; i < size; i++) {
    const byte = String.fromCharCode(Number(value & 0xffn));
    out[little ? i : size - 1 - i] = byte;
    value >>= 8n;
  }
  return out.join('');
}

function floatBytes(n: number, size: 4 | 8, little: boolean): string {
  const dv = new DataView(new ArrayBuffer(size));
  if (size === 4) dv.setFloat32(0, n, little);
  else dv.setFloat64(0, n, little);
  let s = '';
  for (let i = 0; i < size; i++) s += String.fromCharCode(dv.getUint8(i));
  return s;
}

function pack(st: LuaState, given: LuaValue[]): LuaValue[] {
  const f = new Format(checkString(st, given, 0));
  // C pushes a nil after the arguments before packing, so the first missing one reads as nil.
  const args = [...given, undefined];
  const h: Header = { little: true, align: 1 };
  let arg = 1;
  const out: string[] = [];
  let total = 0;
  while (f.more()) {
    const opt = f.next();
    let size = optSize(st, opt, f);
    const pad = toAlign(total, h, opt, size);
    total += pad;
    if (pad > 0) out.push('\0'.repeat(pad));
    switch (opt) {
      case 'b':
      case 'B':
      case 'h':
      case 'H':
      case 'l':
      case 'L':
      case 'T':
      case 'i':
      case 'I':
        out.push(intBytes(toUlong(checkNumber(st, args, arg++)), size, h.little));
        break;
      case 'x':
        out.push('\0');
        break;
      case 'f':
      case 'd':
        out.push(floatBytes(checkNumber(st, args, arg++), size as 4 | 8, h.little));
        break;
      case 'c':
      case 's': {
        const s = checkString(st, args, arg++);
        if (size === 0) size = s.length;
        // C reports the argument after the string (its index was already advanced).
        if (s.length < size) st.argError(arg + 1, 'string too short');
        out.push(s.slice(0, size));
        if (opt === 's') {
          out.push('\0');
          size++;
        }
        break;
      }
      default:
        control(st, opt, f, h);
    }
    total += size;
  }
  return [out.join('')];
}

function readInt(data: string, pos: number, size: number, little: boolean, signed: boolean): number {
  let l = 0n;
  for (let k = 0; k < size; k++) {
    const i = little ? pos + size - 1 - k : pos + k;
    l = ((l << 8n) | BigInt(data.charCodeAt(i))) & U64;
  }
  if (!signed) return Number(l);
  const mask = (U64 << BigInt((size * 8 - 1) & 63)) & U64;
  if (l & mask) l |= mask;
  return Number(BigInt.asIntN(64, l));
}

function readFloat(data: string, pos: number, size: 4 | 8, little: boolean): number {
  const dv = new DataView(new ArrayBuffer(size));
  for (let i = 0; i < size; i++) dv.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? dv.getFloat32(0, little) : dv.getFloat64(0, little);
}

function unpack(st: LuaState, args: LuaValue[]): LuaValue[] {
  const f = new Format(checkString(st, args, 0));
  const data = checkString(st, args, 1);
  const ld = data.length;
  const start = optInt(st, args, 2, 1);
  if (start === 0) st.argError(3, 'offset must be 1 or greater');
  // C keeps the offset in a size_t: a negative one is huge, so any item is past the end; with an empty
  // format it comes back unchanged.
  const wrapped = start < 0;
  let pos = start - 1;
  const h: Header = { little: true, align: 1 };
  const out: LuaValue[] = [];
  while (f.more()) {
    const opt = f.next();
    let size = optSize(st, opt, f);
    pos += toAlign(pos, h, opt, size);
    if (wrapped || !(size <= ld && pos <= ld - size)) st.argError(2, 'data string too short');
    if (out.length + 2 > 7998) st.error('stack overflow (too many results)');
    switch (opt) {
      case 'b':
      case 'B':
      case 'h':
      case 'H':
      case 'l':
      case 'L':
      case 'T':
      case 'i':
      case 'I':
        out.push(readInt(data, pos, size, h.little, opt >= 'a'));
        break;
      case 'x':
        break;
      case 'f':
      case 'd':
        out.push(readFloat(data, pos, size as 4 | 8, h.little));
        break;
      case 'c':
        if (size === 0) size = previousSize(st, out, ld, pos);
        out.push(data.slice(pos, pos + size));
        break;
      case 's': {
        const end = data.indexOf('\0', pos);
        if (end < 0) st.error('unfinished string in data');
        size = end - pos + 1;
        out.push(data.slice(pos, end));
        break;
      }
      default:
        control(st, opt, f, h);
    }
    pos += size;
  }
  out.push(pos + 1);
  return out;
}

/** 'c0' when unpacking: the length is the previous result (a number, or a numeric string). */
function previousSize(st: LuaState, out: LuaValue[], ld: number, pos: number): number {
  const prev = out.length > 0 ? st.tonumber(out[out.length - 1]) : undefined;
  if (prev === undefined) st.error("format 'c0' needs a previous size");
  out.pop();
  const size = prev < 0 || Number.isNaN(prev) ? Infinity : Math.trunc(prev);
  if (!(size <= ld && pos <= ld - size)) st.argError(2, 'data string too short');
  return size;
}

function size(st: LuaState, args: LuaValue[]): LuaValue[] {
  const f = new Format(checkString(st, args, 0));
  const h: Header = { little: true, align: 1 };
  let pos = 0;
  while (f.more()) {
    const opt = f.next();
    const sz = optSize(st, opt, f);
    pos += toAlign(pos, h, opt, sz);
    if (opt === 's') st.argError(1, "option 's' has no fixed size");
    else if (opt === 'c' && sz === 0) st.argError(1, "option 'c0' has no fixed size");
    if (!isAlnum(opt)) control(st, opt, f, h);
    pos += sz;
  }
  return [pos];
}

const STRUCT: Record<string, Native> = { pack, unpack, size };

export function openStruct(st: LuaState): void {
  const t = new LuaTable();
  register(st, t, STRUCT);
  st.globals.set('struct', t);
}
