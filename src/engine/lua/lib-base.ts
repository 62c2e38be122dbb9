/*
 * The 5.1 base library as Redis 7.0 exposes it: assert, error, pcall, xpcall, type, tostring, tonumber,
 * ipairs, pairs, next, select, unpack, rawget/rawset/rawequal, setmetatable/getmetatable, loadstring/
 * load, collectgarbage/gcinfo (inert), _G and _VERSION. Redis removes print? No: it never loads it into
 * script globals (print is not in _G there), nor dofile/loadfile; os/io/package are not opened at all.
 * Argument checks use luaL's wording: "bad argument #1 to 'insert' (table expected, got nil)".
 */
import { compileChunk } from './compile';
import { LuaSyntaxError } from './lexer';
import { parseChunk } from './parser';
import { LuaAbort, LuaError, type LuaState } from './runtime';
import { LuaFunction, LuaTable, luaType, numberToString, truthy, type LuaValue } from './value';

export type Native = (st: LuaState, args: LuaValue[]) => LuaValue[];

export function register(st: LuaState, t: LuaTable, fns: Record<string, Native>): void {
  for (const [name, fn] of Object.entries(fns)) t.set(name, new LuaFunction(name, (args) => fn(st, args)));
}

function typeName(args: LuaValue[], i: number): string {
  return i >= args.length ? 'no value' : luaType(args[i]);
}

export function checkAny(st: LuaState, args: LuaValue[], i: number): LuaValue {
  if (i >= args.length) st.argError(i + 1, 'value expected');
  return args[i];
}

export function checkTable(st: LuaState, args: LuaValue[], i: number): LuaTable {
  const v = args[i];
  if (!(v instanceof LuaTable)) st.argError(i + 1, `table expected, got ${typeName(args, i)}`);
  return v;
}

export function checkNumber(st: LuaState, args: LuaValue[], i: number): number {
  const n = st.tonumber(args[i]);
  if (n === undefined) st.argError(i + 1, `number expected, got ${typeName(args, i)}`);
  return n;
}

export function optNumber(st: LuaState, args: LuaValue[], i: number, def: number): number {
  return args[i] === undefined ? def : checkNumber(st, args, i);
}

/** luaL_checkint: a number truncated toward zero (lua_Integer cast). */
export function checkInt(st: LuaState, args: LuaValue[], i: number): number {
  return Math.trunc(checkNumber(st, args, i));
}

export function optInt(st: LuaState, args: LuaValue[], i: number, def: number): number {
  return args[i] === undefined ? def : checkInt(st, args, i);
}

export function checkString(st: LuaState, args: LuaValue[], i: number): string {
  const v = args[i];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  st.argError(i + 1, `string expected, got ${typeName(args, i)}`);
}

/** Turns a JS exception from inside a protected call into pcall's error value (or rethrows aborts). */
export function errorValue(e: unknown): LuaValue {
  if (e instanceof LuaAbort) throw e;
  if (e instanceof LuaError) return e.value;
  if (e instanceof LuaSyntaxError) return e.message;
  if (e instanceof RangeError) return 'stack overflow';
  throw e;
}

function protectedCall(st: LuaState, f: LuaValue, args: LuaValue[], handler?: LuaValue): LuaValue[] {
  const lines = st.lines.length;
  const depth = st.depth;
  try {
    return [true, ...st.callFromNative(f, args)];
  } catch (e) {
    st.lines.length = lines;
    st.depth = depth;
    const v = errorValue(e);
    if (handler === undefined) return [false, v];
    return [false, st.callFromNative(handler, [v])[0]];
  }
}

/** pcall/xpcall from suspendable code: the protected Lua callee may suspend the script. */
function* protectedCallGen(
  st: LuaState,
  f: LuaValue,
  args: LuaValue[],
  handler?: LuaValue,
): Generator<unknown, LuaValue[], unknown> {
  const lines = st.lines.length;
  const depth = st.depth;
  st.cBoundary++;
  try {
    return [true, ...(yield* st.callFromNativeGen(f, args))];
  } catch (e) {
    st.lines.length = lines;
    st.depth = depth;
    const v = errorValue(e);
    if (handler === undefined) return [false, v];
    return [false, st.callFromNative(handler, [v])[0]];
  } finally {
    st.cBoundary--;
  }
}

function select(st: LuaState, args: LuaValue[]): LuaValue[] {
  const n = args[0];
  if (n === '#') return [args.length - 1];
  let i = checkInt(st, args, 0);
  if (i < 0) i = args.length + i;
  else if (i === 0) st.argError(1, 'index out of range');
  if (i < 0) st.argError(1, 'index out of range');
  return args.slice(i);
}

function tonumber(st: LuaState, args: LuaValue[]): LuaValue[] {
  const base = optInt(st, args, 1, 10);
  if (base === 10) return [st.tonumber(checkAny(st, args, 0))];
  const s = checkString(st, args, 0).trim().toLowerCase();
  if (base < 2 || base > 36) st.argError(2, 'base out of range');
  let neg = false;
  let body = s;
  if (body.startsWith('-')) {
    neg = true;
    body = body.slice(1);
  }
  if (body === '') return [undefined];
  let v = 0;
  for (const ch of body) {
    const d =
      ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 87 : 99;
    if (d >= base) return [undefined];
    v = v * base + d;
  }
  // strtoul wraps a negated value around 2^64.
  return [neg && v !== 0 ? 18446744073709551616 - v : v];
}

function unpack(st: LuaState, args: LuaValue[]): LuaValue[] {
  const t = checkTable(st, args, 0);
  const i = optInt(st, args, 1, 1);
  const j = args[2] === undefined ? t.length() : checkInt(st, args, 2);
  if (i > j) return [];
  if (j - i >= 8000) st.error('too many results to unpack');
  const out: LuaValue[] = [];
  for (let k = i; k <= j; k++) out.push(t.get(k));
  return out;
}

function loadstring(st: LuaState, args: LuaValue[]): LuaValue[] {
  const src = checkString(st, args, 0);
  const name = typeof args[1] === 'string' ? args[1] : src;
  try {
    const chunk =
      name.startsWith('=') || name.startsWith('@') ? name.slice(1) : `[string "${shortSrc(name)}"]`;
    return [compileChunk(st, parseChunk(src, chunk))];
  } catch (e) {
    if (e instanceof LuaSyntaxError) return [undefined, e.message];
    throw e;
  }
}

/** luaO_chunkid for string chunks: first line, cut with "..." to fit LUA_IDSIZE. */
function shortSrc(source: string): string {
  // The chunk name is a C string: it ends at the first NUL byte.
  const nul = source.indexOf('\0');
  const s = nul >= 0 ? source.slice(0, nul) : source;
  const nl = s.indexOf('\n');
  let line = nl >= 0 ? s.slice(0, nl) : s;
  const cr = line.indexOf('\r');
  if (cr >= 0) line = line.slice(0, cr);
  const max = 80 - 17; // Redis builds Lua with LUA_IDSIZE 80
  if (line.length > max) line = line.slice(0, max) + '...';
  else if (line.length < s.length) line += '...';
  return line;
}

const BASE: Record<string, Native> = {
  assert: (st, a) => {
    if (!truthy(a[0])) st.error(a.length > 1 ? checkString(st, a, 1) : 'assertion failed!');
    return a;
  },
  error: (st, a) => {
    const level = optInt(st, a, 1, 1);
    const v = a[0];
    if (typeof v === 'string' && level > 0) throw new LuaError(st.where(level) + v);
    if (typeof v === 'number' && level > 0) throw new LuaError(st.where(level) + numberToString(v));
    throw new LuaError(v);
  },
  type: (st, a) => [luaType(checkAny(st, a, 0))],
  tostring: (st, a) => [st.tostring(checkAny(st, a, 0))],
  tonumber,
  select,
  unpack,
  next: (st, a) => {
    const t = checkTable(st, a, 0);
    const r = t.next(a[1]);
    if (r === null) return st.error("invalid key to 'next'");
    return r === undefined ? [undefined] : r;
  },
  rawget: (st, a) => [checkTable(st, a, 0).get(checkAny(st, a, 1))],
  rawset: (st, a) => {
    const t = checkTable(st, a, 0);
    st.rawSet(t, checkAny(st, a, 1), checkAny(st, a, 2));
    return [t];
  },
  rawequal: (st, a) => [checkAny(st, a, 0) === checkAny(st, a, 1)],
  setmetatable: (st, a) => {
    const t = checkTable(st, a, 0);
    const mt = a[1];
    if (mt !== undefined && !(mt instanceof LuaTable)) st.argError(2, 'nil or table expected');
    if (t.metatable?.getStr('__metatable') !== undefined) st.error('cannot change a protected metatable');
    st.checkWritable(t);
    t.metatable = mt as LuaTable | undefined;
    return [t];
  },
  getmetatable: (st, a) => {
    const mt = st.metaOf(checkAny(st, a, 0));
    if (mt === undefined) return [undefined];
    const protectedMt = mt.getStr('__metatable');
    return [protectedMt !== undefined ? protectedMt : mt];
  },
  loadstring,
  collectgarbage: () => [0],
  gcinfo: () => [0],
};

export function openBase(st: LuaState): void {
  const g = st.globals;
  register(st, g, BASE);
  const ipairsIter = new LuaFunction('ipairs_iter', ([t, i]) => {
    const n = (i as number) + 1;
    const v = (t as LuaTable).get(n);
    return v === undefined ? [undefined] : [n, v];
  });
  const next = g.getStr('next')!;
  register(st, g, {
    ipairs: (s, a) => [ipairsIter, checkTable(s, a, 0), 0],
    pairs: (s, a) => [next, checkTable(s, a, 0), undefined],
  });
  g.set(
    'pcall',
    new LuaFunction(
      'pcall',
      (a) => protectedCall(st, checkAny(st, a, 0), a.slice(1)),
      true,
      (a) => protectedCallGen(st, checkAny(st, a, 0), a.slice(1)),
    ),
  );
  g.set(
    'xpcall',
    new LuaFunction(
      'xpcall',
      (a) => protectedCall(st, a[0], [], a[1]),
      true,
      (a) => protectedCallGen(st, a[0], [], a[1]),
    ),
  );
  g.set('_G', g);
  g.set('_VERSION', 'Lua 5.1');
}
