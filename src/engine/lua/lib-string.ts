/*
 * The 5.1 string library over binary strings (one char per byte): byte, char, find, format, gmatch (and
 * its 5.0 alias gfind), gsub, len, lower, match, rep, reverse, sub, upper, dump (a Lua function gives a
 * string with 5.1's bytecode header, which is what scripts can observe: Redis's loadstring parses it as
 * text and fails on char(27); the body after the header is not real bytecode). Strings get a metatable whose __index is this
 * table, so ("x"):upper() works. Positions follow 5.1: 1-based, negatives count from the end.
 */
import { luaFormat } from './format';
import { checkInt, checkString, optInt, register, type Native } from './lib-base';
import { MatchState, PatternError } from './pattern';
import type { LuaState } from './runtime';
import { LuaFunction, LuaTable, luaType, numberToString, truthy, type LuaValue } from './value';

/** posrelat: negative positions count from the end (-1 = last byte). */
function relPos(pos: number, len: number): number {
  if (pos < 0) pos += len + 1;
  return pos >= 0 ? pos : 0;
}

function withPatternErrors<T>(st: LuaState, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PatternError) st.error(e.message);
    throw e;
  }
}

const SPECIALS = /[\^$*+?.()[\]%-]/;

function find(st: LuaState, args: LuaValue[], isFind: boolean): LuaValue[] {
  const s = checkString(st, args, 0);
  const p = checkString(st, args, 1);
  let init = relPos(optInt(st, args, 2, 1), s.length) - 1;
  if (init < 0) init = 0;
  else if (init > s.length) init = s.length;
  if (isFind && (truthy(args[3]) || !SPECIALS.test(p))) {
    const at = s.indexOf(p, init);
    return at < 0 ? [undefined] : [at + 1, at + p.length];
  }
  return withPatternErrors(st, () => {
    const anchor = p[0] === '^';
    const ms = new MatchState(s, anchor ? p.slice(1) : p);
    let i = init;
    do {
      ms.reset();
      const e = ms.match(i, 0);
      if (e !== -1) {
        if (isFind) return [i + 1, e, ...ms.captures(i, e, false)];
        return ms.captures(i, e, true);
      }
      i++;
    } while (i <= s.length && !anchor);
    return [undefined];
  });
}

function gmatch(st: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(st, args, 0);
  const p = checkString(st, args, 1);
  let pos = 0;
  const iter = new LuaFunction('gmatch_iter', () =>
    withPatternErrors(st, () => {
      const ms = new MatchState(s, p);
      for (let i = pos; i <= s.length; i++) {
        ms.reset();
        const e = ms.match(i, 0);
        if (e !== -1) {
          pos = e === i ? e + 1 : e;
          return ms.captures(i, e, true);
        }
      }
      pos = s.length + 1;
      return [undefined];
    }),
  );
  return [iter];
}

function gsubValue(st: LuaState, ms: MatchState, repl: LuaValue, s: number, e: number): string {
  const whole = ms.src.slice(s, e);
  let v: LuaValue;
  if (typeof repl === 'string') {
    let out = '';
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i]!;
      if (c !== '%') {
        out += c;
        continue;
      }
      const d = repl[++i] ?? '';
      if (d < '0' || d > '9') out += d;
      else if (d === '0') out += whole;
      else {
        const cap = ms.capture(d.charCodeAt(0) - 49, s, e);
        out += typeof cap === 'number' ? numberToString(cap) : cap;
      }
    }
    return out;
  }
  const first = ms.capture(0, s, e);
  if (repl instanceof LuaTable) v = st.index(repl, first, st.lines[st.lines.length - 1] ?? 0);
  else v = st.callFromNative(repl, ms.captures(s, e, true))[0];
  if (v === undefined || v === false) return whole;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  st.error(`invalid replacement value (a ${luaType(v)})`);
}

function gsub(st: LuaState, args: LuaValue[]): LuaValue[] {
  const src = checkString(st, args, 0);
  let p = checkString(st, args, 1);
  const repl = args[2];
  const tr = luaType(repl);
  if (!(tr === 'number' || tr === 'string' || tr === 'table' || tr === 'function')) {
    st.argError(3, 'string/function/table expected');
  }
  const replv = typeof repl === 'number' ? numberToString(repl) : repl;
  const maxN = args[3] === undefined ? src.length + 1 : checkInt(st, args, 3);
  const anchor = p[0] === '^';
  if (anchor) p = p.slice(1);
  return withPatternErrors(st, () => {
    const ms = new MatchState(src, p);
    let out = '';
    let s = 0;
    let n = 0;
    while (n < maxN) {
      ms.reset();
      const e = ms.match(s, 0);
      if (e !== -1) {
        n++;
        out += gsubValue(st, ms, replv, s, e);
      }
      if (e !== -1 && e > s) s = e;
      else if (s < src.length) out += src[s++];
      else break;
      if (anchor) break;
    }
    return [out + src.slice(s), n];
  });
}

const STRING: Record<string, Native> = {
  len: (st, a) => [checkString(st, a, 0).length],
  sub: (st, a) => {
    const s = checkString(st, a, 0);
    let i = relPos(checkInt(st, a, 1), s.length);
    let j = relPos(optInt(st, a, 2, -1), s.length);
    if (i < 1) i = 1;
    if (j > s.length) j = s.length;
    return [i <= j ? s.slice(i - 1, j) : ''];
  },
  upper: (st, a) => [checkString(st, a, 0).replace(/[a-z]+/g, (m) => m.toUpperCase())],
  lower: (st, a) => [checkString(st, a, 0).replace(/[A-Z]+/g, (m) => m.toLowerCase())],
  rep: (st, a) => {
    const s = checkString(st, a, 0);
    const n = checkInt(st, a, 1);
    if (n <= 0 || s === '') return [''];
    if (s.length * n > 512 * 1024 * 1024) st.error('not enough memory');
    return [s.repeat(n)];
  },
  reverse: (st, a) => [checkString(st, a, 0).split('').reverse().join('')],
  byte: (st, a) => {
    const s = checkString(st, a, 0);
    let i = relPos(optInt(st, a, 1, 1), s.length);
    const j = relPos(optInt(st, a, 2, i), s.length);
    if (i <= 0) i = 1;
    const end = Math.min(j, s.length);
    const out: LuaValue[] = [];
    for (let k = i; k <= end; k++) out.push(s.charCodeAt(k - 1));
    return out;
  },
  char: (st, a) => {
    let out = '';
    for (let i = 0; i < a.length; i++) {
      const c = checkInt(st, a, i);
      if (c < 0 || c > 255) st.argError(i + 1, 'invalid value');
      out += String.fromCharCode(c);
    }
    return [out];
  },
  format: (st, a) => [luaFormat(st, a)],
  find: (st, a) => find(st, a, true),
  match: (st, a) => find(st, a, false),
  gmatch,
  gfind: gmatch,
  gsub,
  dump,
};

/** Lua 5.1's precompiled-chunk header: ESC "Lua", version 0x51, format 0, then x86-64 sizes. */
const BYTECODE_HEADER = '\x1bLuaQ\x00\x01\x04\x08\x04\x08\x00';

function dump(st: LuaState, a: LuaValue[]): LuaValue[] {
  const f = a[0];
  if (!(f instanceof LuaFunction)) {
    st.argError(1, `function expected, got ${a.length === 0 ? 'no value' : luaType(f)}`);
  }
  if (f.native) st.error('unable to dump given function');
  return [BYTECODE_HEADER + `=${f.name}\x00`];
}

export function openString(st: LuaState): void {
  const t = new LuaTable();
  register(st, t, STRING);
  st.globals.set('string', t);
  const meta = new LuaTable();
  meta.set('__index', t);
  st.stringMeta = meta;
}
