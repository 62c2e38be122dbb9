/*
 * Conversions between Lua values and RESP replies, as Redis 7.0's script_lua.c defines them.
 *
 * Reply -> Lua (what redis.call returns): integer -> number, bulk -> string, null bulk / null array ->
 * false, status -> {ok = s}, error -> {err = s}, array -> sequence table; RESP3: map -> {map = {k = v}},
 * set -> {set = {m = true}}, double -> {double = n}, boolean -> boolean, null -> nil, big number ->
 * {big_number = s}, verbatim -> {verbatim_string = {format = f, string = s}}.
 *
 * Lua -> Reply (what a script returns): string -> bulk, number -> integer (truncated toward zero, the C
 * cast), boolean -> 1 / null in RESP2 script mode (RESP3 mode: a boolean), nil -> null; a table is an
 * error if it has a string `err` field (text used verbatim, newlines become spaces), a status if it has a
 * string `ok` field (\r and \n become spaces), then double / big_number / verbatim_string / map / set
 * (RESP3 script mode), else an array of t[1], t[2], ... up to the first nil.
 */
import { bin, unbin } from '../bytes';
import { formatG } from '../util/numfmt';
import { markStatsCounted } from './stats-exempt';
import type { Reply } from '../resp/reply';
import { LuaTable, type LuaValue } from '../lua/value';

export function replyToLua(r: Reply, resp: 2 | 3 = 2): LuaValue {
  switch (r.t) {
    case 'int':
      return Number(r.n);
    case 'bulk':
      return bin(r.b);
    case 'nil':
    case 'nilarray':
      // RESP2 null bulk / null array -> false; the RESP3 null -> nil.
      return resp === 3 ? undefined : false;
    case 'simple':
      return field('ok', r.s);
    case 'error':
      return field('err', r.s);
    case 'array':
    case 'push':
      return sequence(r.a, resp);
    default:
      return resp === 3 ? resp3ToLua(r) : resp2ToLua(r);
  }
}

function sequence(items: readonly Reply[], resp: 2 | 3): LuaTable {
  const t = new LuaTable();
  t.setArray(items.map((x) => replyToLua(x, resp)));
  return t;
}

/** RESP3-only types as a RESP2 client receives them (the encoder's downgrade rules). */
function resp2ToLua(r: Reply): LuaValue {
  switch (r.t) {
    case 'map':
      return sequence(
        r.m.flatMap(([k, v]) => [k, v]),
        2,
      );
    case 'set':
      return sequence(r.a, 2);
    case 'double':
      return r.s ?? formatG(r.d);
    case 'bool':
      return r.v ? 1 : 0;
    case 'bignum':
      return r.s;
    case 'verbatim':
      return bin(r.b);
    default:
      return undefined;
  }
}

function resp3ToLua(r: Reply): LuaValue {
  switch (r.t) {
    case 'map': {
      const inner = new LuaTable();
      for (const [k, v] of r.m) inner.set(replyToLua(k, 3), replyToLua(v, 3));
      return field('map', inner);
    }
    case 'set': {
      const inner = new LuaTable();
      for (const m of r.a) inner.set(replyToLua(m, 3), true);
      return field('set', inner);
    }
    case 'double':
      return field('double', r.s === undefined ? r.d : parseDouble(r.s));
    case 'bool':
      return r.v;
    case 'bignum':
      return field('big_number', r.s);
    case 'verbatim': {
      const inner = new LuaTable();
      inner.set('string', bin(r.b));
      inner.set('format', r.format);
      return field('verbatim_string', inner);
    }
    default:
      return undefined;
  }
}

function parseDouble(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function field(name: string, v: LuaValue): LuaTable {
  const t = new LuaTable();
  t.set(name, v);
  return t;
}

/**
 * Lua stack model for nested results. Redis converts a result recursively in C while every level keeps
 * values on the Lua stack, and refuses to go deeper once 4 more slots would pass LUAI_MAXCSTACK (8000):
 * that element becomes "ERR reached lua stack limit" and the enclosing levels carry on. The result sits
 * 2 slots above the frame base; an array element adds 1 slot, a map key 3 and a map value 2, a set
 * member 2. So a self-containing table prints 7995 nested arrays, then the error, exactly as Redis.
 */
const LUA_MAX_C_STACK = 8000;
const ROOT_HEIGHT = 2;
const STACK_LIMIT: Reply = { t: 'error', s: 'ERR reached lua stack limit' };

/** Script result -> reply. `scriptResp` is the protocol the script chose (redis.setresp), 2 by default. */
export function luaToReply(v: LuaValue, scriptResp: 2 | 3 = 2, height = ROOT_HEIGHT): Reply {
  if (height + 4 > LUA_MAX_C_STACK) return STACK_LIMIT;
  if (typeof v === 'string') return { t: 'bulk', b: unbin(v) };
  if (typeof v === 'number') return { t: 'int', n: toLongLong(v) };
  if (typeof v === 'boolean') {
    if (scriptResp === 3) return { t: 'bool', v };
    return v ? { t: 'int', n: 1 } : { t: 'nil' };
  }
  if (!(v instanceof LuaTable)) return { t: 'nil' };
  const e = v.get('err');
  if (typeof e === 'string') {
    const reply: Reply = { t: 'error', s: e.replace(/[\r\n]/g, ' ') };
    // An error table from redis.pcall was counted when the command failed (ignore_error_stats_update).
    if (v.get('ignore_error_stats_update') === true) markStatsCounted(reply);
    return reply;
  }
  const ok = v.get('ok');
  if (typeof ok === 'string') return { t: 'simple', s: ok.replace(/[\r\n]/g, ' ') };
  const special = resp3Table(v, scriptResp, height);
  if (special) return special;
  const out: Reply[] = [];
  for (let i = 1; ; i++) {
    const item = v.get(i);
    if (item === undefined) break;
    out.push(luaToReply(item, scriptResp, height + 1));
  }
  return { t: 'array', a: out };
}

function resp3Table(v: LuaTable, scriptResp: 2 | 3, height: number): Reply | undefined {
  const d = v.get('double');
  if (typeof d === 'number') return { t: 'double', d };
  const big = v.get('big_number');
  if (typeof big === 'string') return { t: 'bignum', s: big.replace(/[\r\n]/g, ' ') };
  const verb = v.get('verbatim_string');
  if (verb instanceof LuaTable) {
    const format = verb.get('format');
    const s = verb.get('string');
    if (typeof format === 'string' && typeof s === 'string') return { t: 'verbatim', format, b: unbin(s) };
  }
  const m = v.get('map');
  if (m instanceof LuaTable) {
    const pairs: [Reply, Reply][] = [];
    for (let e = m.next(undefined); e; e = m.next(e[0])) {
      pairs.push([luaToReply(e[0], scriptResp, height + 3), luaToReply(e[1], scriptResp, height + 2)]);
    }
    return { t: 'map', m: pairs };
  }
  const s = v.get('set');
  if (s instanceof LuaTable) {
    const members: Reply[] = [];
    for (let e = s.next(undefined); e; e = s.next(e[0]))
      members.push(luaToReply(e[0], scriptResp, height + 2));
    return { t: 'set', a: members };
  }
  return undefined;
}

/** (long long) cast of a double: truncation; out-of-range values give LLONG_MIN on x86. */
function toLongLong(n: number): number | bigint {
  if (!Number.isFinite(n) || Math.abs(n) >= 9223372036854775808) return -9223372036854775808n;
  const t = Math.trunc(n);
  return Number.isSafeInteger(t) ? (Object.is(t, -0) ? 0 : t) : BigInt(t);
}
