/*
 * lua-cmsgpack 0.4.0 ("cmsgpack"), the MessagePack library Redis loads: pack(...) (each argument encoded
 * in turn, concatenated), unpack(s) (every value in s), unpack_one(s [, offset]) and unpack_limit(s,
 * limit [, offset]) (at most `limit` values, preceded by the offset to resume from, -1 at the end).
 *
 * Encoding choices, as the vendored C makes them on 64-bit Linux:
 * - a number whose int64 conversion gives it back exactly is an integer (the smallest of fixint, u8..u64
 *   for non-negatives, fixint, i8..i64 for negatives; -0 is 0); any other number (fractions, NaN, ±inf,
 *   2^63 and beyond) is a float 32 when the float conversion round-trips (infinities do), else a double;
 * - strings are fixstr / str8 / str16 / str32 (msgpack's str types, never bin);
 * - a table whose keys are exactly the integers 1..n (int-sized; an empty table too) is an array, any
 *   other table a map in next() order; tables nested 16 deep, functions, nil and userdata encode as nil.
 * Decoding: uint64 and positive fixints go through a signed 64-bit integer (so 2^63..2^64-1 come back
 * negative), maps set keys through Lua's settable (a nil key fails), nils leave holes in arrays.
 */
import { checkInt, checkString, optInt, type Native, register } from './lib-base';
import type { LuaState } from './runtime';
import { LuaError } from './runtime';
import { LuaTable, type LuaValue } from './value';

const MAX_NESTING = 16;
/** Lua 5.1's LUAI_MAXCSTACK: the C stack slots a C function may use. */
const MAX_STACK = 8000;

const scratch = new DataView(new ArrayBuffer(8));

function be(n: number, bytes: number): string {
  let s = '';
  for (let i = bytes - 1; i >= 0; i--) s += String.fromCharCode(Math.floor(n / 2 ** (8 * i)) & 0xff);
  return s;
}

function beBig(n: bigint): string {
  let s = '';
  for (let i = 7; i >= 0; i--) s += String.fromCharCode(Number((n >> BigInt(8 * i)) & 0xffn));
  return s;
}

function encodeInt(n: number): string {
  const c = String.fromCharCode;
  if (n >= 0) {
    if (n <= 127) return c(n);
    if (n <= 0xff) return c(0xcc) + c(n);
    if (n <= 0xffff) return c(0xcd) + be(n, 2);
    if (n <= 0xffffffff) return c(0xce) + be(n, 4);
    return c(0xcf) + beBig(BigInt(n));
  }
  if (n >= -32) return c(n & 0xff);
  if (n >= -128) return c(0xd0) + c(n & 0xff);
  if (n >= -32768) return c(0xd1) + be(n & 0xffff, 2);
  if (n >= -2147483648) return c(0xd2) + be(n >>> 0, 4);
  return c(0xd3) + beBig(BigInt.asUintN(64, BigInt(n)));
}

function encodeDouble(d: number): string {
  const f = Math.fround(d);
  let s: string;
  if (d === f) {
    scratch.setFloat32(0, f);
    s = '\xca';
    for (let i = 0; i < 4; i++) s += String.fromCharCode(scratch.getUint8(i));
  } else {
    scratch.setFloat64(0, d);
    s = '\xcb';
    for (let i = 0; i < 8; i++) s += String.fromCharCode(scratch.getUint8(i));
  }
  return s;
}

/** IS_INT64_EQUIVALENT: (int64_t)x == x, with x86's conversion of out-of-range values to INT64_MIN. */
function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= -9223372036854775808 && n < 9223372036854775808;
}

function encodeNumber(n: number): string {
  return isInt64(n) ? encodeInt(n === 0 ? 0 : n) : encodeDouble(n);
}

function encodeString(s: string): string {
  const len = s.length;
  const c = String.fromCharCode;
  if (len < 32) return c(0xa0 | len) + s;
  if (len <= 0xff) return c(0xd9) + c(len) + s;
  if (len <= 0xffff) return c(0xda) + be(len, 2) + s;
  return c(0xdb) + be(len, 4) + s;
}

function header(len: number, fix: number, b16: number): string {
  const c = String.fromCharCode;
  if (len <= 15) return c(fix | len);
  if (len <= 65535) return c(b16) + be(len, 2);
  return c(b16 + 1) + be(len, 4);
}

/** Keys exactly 1..n, each a number that converts to a C int and back unchanged. */
function isArray(t: LuaTable): boolean {
  let count = 0;
  let max = 0;
  for (let e = t.next(undefined); e; e = t.next(e[0])) {
    const k = e[0];
    if (typeof k !== 'number' || !(k > 0) || !Number.isInteger(k) || k > 2147483647) return false;
    if (k > max) max = k;
    count++;
  }
  return max === count;
}

function encodeTable(t: LuaTable, level: number, out: string[]): void {
  if (isArray(t)) {
    const len = t.length();
    out.push(header(len, 0x90, 0xdc));
    for (let j = 1; j <= len; j++) encodeValue(t.get(j), level + 1, out);
    return;
  }
  let len = 0;
  for (let e = t.next(undefined); e; e = t.next(e[0])) len++;
  out.push(header(len, 0x80, 0xde));
  for (let e = t.next(undefined); e; e = t.next(e[0])) {
    encodeValue(e[0], level + 1, out);
    encodeValue(e[1], level + 1, out);
  }
}

function encodeValue(v: LuaValue, level: number, out: string[]): void {
  if (typeof v === 'string') out.push(encodeString(v));
  else if (typeof v === 'number') out.push(encodeNumber(v));
  else if (typeof v === 'boolean') out.push(v ? '\xc3' : '\xc2');
  else if (v instanceof LuaTable && level < MAX_NESTING) encodeTable(v, level, out);
  else out.push('\xc0');
}

function pack(st: LuaState, args: LuaValue[]): LuaValue[] {
  if (args.length === 0) st.argError(0, 'MessagePack pack needs input.');
  const out: string[] = [];
  for (const a of args) encodeValue(a, 0, out);
  return [out.join('')];
}

/** Why decoding stopped early: not enough bytes, or a byte that starts no msgpack type. */
class DecodeStop {
  constructor(readonly eof: boolean) {}
}

/** A decoding cursor; `stack` counts the Lua stack slots the C decoder would hold. */
class Decoder {
  stack = 1;
  constructor(
    readonly st: LuaState,
    readonly s: string,
    public p: number,
  ) {}

  need(n: number): void {
    if (this.s.length - this.p < n) throw new DecodeStop(true);
  }

  byte(i: number): number {
    return this.s.charCodeAt(this.p + i);
  }

  uint(off: number, bytes: number): number {
    let n = 0;
    for (let i = 0; i < bytes; i++) n = n * 256 + this.byte(off + i);
    return n;
  }

  int64(off: number): bigint {
    let n = 0n;
    for (let i = 0; i < 8; i++) n = (n << 8n) | BigInt(this.byte(off + i));
    return BigInt.asIntN(64, n);
  }

  str(off: number, len: number): string {
    this.need(off + len);
    const v = this.s.slice(this.p + off, this.p + off + len);
    this.p += off + len;
    return v;
  }

  take<T>(n: number, v: T): T {
    this.need(n);
    this.p += n;
    return v;
  }

  float(bytes: 4 | 8): number {
    this.need(1 + bytes);
    for (let i = 0; i < bytes; i++) scratch.setUint8(i, this.byte(1 + i));
    const v = bytes === 4 ? scratch.getFloat32(0) : scratch.getFloat64(0);
    this.p += 1 + bytes;
    return v;
  }

  value(): LuaValue {
    this.need(1);
    if (this.stack + 1 > MAX_STACK) {
      this.st.error(
        'stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)',
      );
    }
    const b = this.byte(0);
    if (b < 0x80) return this.take(1, b);
    if (b >= 0xe0) return this.take(1, b - 256);
    if (b < 0x90) return this.map(1, b & 0xf);
    if (b < 0xa0) return this.array(1, b & 0xf);
    if (b < 0xc0) return this.str(1, b & 0x1f);
    return this.tagged(b);
  }

  private tagged(b: number): LuaValue {
    const need = (n: number): void => this.need(n);
    switch (b) {
      case 0xc0:
        return this.take(1, undefined);
      case 0xc2:
        return this.take(1, false);
      case 0xc3:
        return this.take(1, true);
      case 0xca:
        return this.float(4);
      case 0xcb:
        return this.float(8);
      case 0xcc:
        return (need(2), this.take(2, this.byte(1)));
      case 0xcd:
        return (need(3), this.take(3, this.uint(1, 2)));
      case 0xce:
        return (need(5), this.take(5, this.uint(1, 4)));
      case 0xcf:
      case 0xd3:
        return (need(9), this.take(9, Number(this.int64(1))));
      case 0xd0:
        return (need(2), this.take(2, (this.byte(1) << 24) >> 24));
      case 0xd1:
        return (need(3), this.take(3, (this.uint(1, 2) << 16) >> 16));
      case 0xd2:
        return (need(5), this.take(5, this.uint(1, 4) | 0));
      case 0xd9:
        return (need(2), this.str(2, this.byte(1)));
      case 0xda:
        return (need(3), this.str(3, this.uint(1, 2)));
      case 0xdb:
        return (need(5), this.str(5, this.uint(1, 4)));
      case 0xdc:
        return (need(3), this.array(3, this.uint(1, 2)));
      case 0xdd:
        return (need(5), this.array(5, this.uint(1, 4)));
      case 0xde:
        return (need(3), this.map(3, this.uint(1, 2)));
      case 0xdf:
        return (need(5), this.map(5, this.uint(1, 4)));
    }
    throw new DecodeStop(false);
  }

  private array(skip: number, len: number): LuaTable {
    this.p += skip;
    const t = new LuaTable();
    this.stack += 2; // the table and the index being filled
    for (let i = 1; i <= len; i++) {
      const v = this.value();
      if (v !== undefined) t.set(i, v);
    }
    this.stack -= 2;
    return t;
  }

  private map(skip: number, len: number): LuaTable {
    this.p += skip;
    const t = new LuaTable();
    this.stack += 1;
    for (let i = 0; i < len; i++) {
      const k = this.value();
      this.stack++;
      const v = this.value();
      this.stack--;
      // lua_settable from C: its errors carry no script position.
      if (k === undefined) throw new LuaError('table index is nil');
      if (typeof k === 'number' && Number.isNaN(k)) throw new LuaError('table index is NaN');
      t.set(k, v);
    }
    this.stack -= 1;
    return t;
  }
}

function unpackFull(st: LuaState, args: LuaValue[], limit: number, offset: number): LuaValue[] {
  const s = checkString(st, args, 0);
  const len = s.length;
  const all = limit === 0 && offset === 0;
  if (offset < 0 || limit < 0) {
    st.error(`Invalid request to unpack with offset of ${offset | 0} and limit of ${len | 0}.`);
  }
  if (offset > len) st.error(`Start offset ${offset | 0} greater than input length ${len | 0}.`);
  const max = all ? 2147483647 : limit;
  const d = new Decoder(st, s, offset);
  const out: LuaValue[] = [];
  while (d.p < len && out.length < max) {
    try {
      out.push(d.value());
    } catch (e) {
      if (!(e instanceof DecodeStop)) throw e;
      st.error(e.eof ? 'Missing bytes in input.' : 'Bad data format in input.');
    }
    d.stack++;
  }
  if (!all) out.unshift(d.p === len ? -1 : d.p);
  return out;
}

const CMSGPACK: Record<string, Native> = {
  pack,
  unpack: (st, a) => unpackFull(st, a, 0, 0),
  unpack_one: (st, a) => unpackFull(st, a.slice(0, 1), 1, optInt(st, a, 1, 0)),
  unpack_limit: (st, a) => {
    const limit = checkInt(st, a, 1);
    return unpackFull(st, a.slice(0, 1), limit, optInt(st, a, 2, 0));
  },
};

export function openCmsgpack(st: LuaState): void {
  const t = new LuaTable();
  register(st, t, CMSGPACK);
  t.set('_NAME', 'cmsgpack');
  t.set('_VERSION', 'lua-cmsgpack 0.4.0');
  t.set('_COPYRIGHT', 'Copyright (C) 2012, Salvatore Sanfilippo');
  t.set('_DESCRIPTION', 'MessagePack C implementation for Lua');
  st.globals.set('cmsgpack', t);
}
