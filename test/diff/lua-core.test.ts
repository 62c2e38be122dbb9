/*
 * Differential test of the Lua interpreter core (src/engine/lua) against the Lua 5.1 inside a real
 * redis-server: EVAL only fetches Redis's answer. Each snippet runs under pcall in a one-line wrapper
 * (so error positions agree), its results rendered as "type:value" and joined; our interpreter runs the
 * very same wrapper source and must produce the same text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes';
import { callChunk, compile, createLua, LuaError, LuaTable } from '../../src/engine/lua/index';
import { LUA_CASES, LUA_SYNTAX_CASES } from './lua-core-cases';
import { luaToReply } from '../../src/engine/scripting/convert';
import { protectGlobals } from '../../src/engine/scripting/globals';
import { replyText, RespConnection, startRedis, type RealRedis } from './redis';

function wrap(snippet: string): string {
  return (
    `local __r = {pcall(function() ${snippet} end)} local __o = {} ` +
    'for __i = 1, table.maxn(__r) do local v = __r[__i] local ty = type(v) ' +
    "__o[#__o + 1] = ty .. ':' .. ((ty == 'table' or ty == 'function') and ty or tostring(v)) end " +
    "return table.concat(__o, '|')"
  );
}

function ours(src: string, argv: string[] = [], protect = false): string {
  const { state } = createLua();
  const t = new LuaTable();
  argv.forEach((a, i) => t.set(i + 1, a));
  state.globals.set('ARGV', t);
  if (protect) protectGlobals(state);
  try {
    const r = callChunk(state, compile(state, src));
    return typeof r[0] === 'string' ? r[0] : `<non-string ${String(r[0])}>`;
  } catch (e) {
    return `<error ${e instanceof LuaError ? String(e.value) : (e as Error).message}>`;
  }
}

describe('lua core vs redis-server Lua 5.1', () => {
  let redis: RealRedis;
  let conn: RespConnection;
  beforeAll(async () => {
    redis = await startRedis();
    conn = await RespConnection.open(redis.port);
  });
  afterAll(async () => {
    conn?.close();
    await redis?.stop();
  });

  it('matches every snippet', async () => {
    const mismatches: string[] = [];
    for (const snippet of LUA_CASES) {
      const src = wrap(snippet);
      const r = await conn.call('EVAL', src, '0');
      const theirs = r.t === 'bulk' ? bin(r.b) : r.t === 'error' ? `<error ${r.s}>` : `<${r.t}>`;
      const mine = ours(src);
      if (mine !== theirs) mismatches.push(`${snippet}\n   redis: ${theirs}\n   ours:  ${mine}`);
    }
    console.log(`lua-core: ${LUA_CASES.length - mismatches.length}/${LUA_CASES.length} snippets match`);
    expect(mismatches).toEqual([]);
  });

  it('reports the same compile errors', async () => {
    const mismatches: string[] = [];
    const script = "local f, e = loadstring(ARGV[1]) return e or 'ok'";
    for (const src of LUA_SYNTAX_CASES) {
      const r = await conn.call('EVAL', script, '0', src);
      const theirs = r.t === 'bulk' ? bin(r.b) : r.t === 'error' ? `<error ${r.s}>` : `<${r.t}>`;
      const mine = ours(script, [src]);
      if (mine !== theirs) mismatches.push(`${JSON.stringify(src)}\n   redis: ${theirs}\n   ours:  ${mine}`);
    }
    console.log(
      `lua-syntax: ${LUA_SYNTAX_CASES.length - mismatches.length}/${LUA_SYNTAX_CASES.length} match`,
    );
    expect(mismatches).toEqual([]);
  });

  it('converts script results to the same RESP2 replies', async () => {
    const scripts = [
      'return 1',
      'return 2.9',
      'return -2.9',
      "return 'x\\0y'",
      'return true',
      'return false',
      'return nil',
      'return {}',
      "return {1, 2.5, 'x', nil, 4}",
      "return {1, {err = 'nested'}, true, false}",
      "return {err = 'boom'}",
      "return {err = 'line\\nbreak'}",
      "return {ok = 'fine\\r\\nx'}",
      'return {1e300, -1e300, 0/0, 2^62, -0.5}',
      'return {double = 3.5}',
      'return {map = {a = 1}}',
      'return {{{{1}}}, {}}',
      'return {ok = 5}',
      'return {err = 5, 1}',
    ];
    const mismatches: string[] = [];
    for (const src of scripts) {
      const theirs = replyText(await conn.call('EVAL', src, '0'));
      const { state } = createLua();
      const mine = replyText(luaToReply(callChunk(state, compile(state, src))[0]));
      if (mine !== theirs) mismatches.push(`${src}\n   redis: ${theirs}\n   ours:  ${mine}`);
    }
    console.log(`lua-convert: ${scripts.length - mismatches.length}/${scripts.length} match`);
    expect(mismatches).toEqual([]);
  });

  it('protects globals as Redis does', async () => {
    const cases = [
      'x = 1',
      'return undefinedthing',
      'string.foo = 1',
      '_G.x = 1',
      "return rawget(_G, 'nope') == nil",
      'return setmetatable(_G, {})',
      "return rawset(string, 'x', 1)",
      'return table.insert(_G, 1)',
      'return table.sort(math)',
      'local t = setmetatable({}, {__index = _G}) t.x = 1 return t.x, t.string == string',
      'local t = {} t.a = 1 table.insert(t, 5) return t.a, t[1], type(getmetatable(_G))',
      'return type(string.len), math.pi > 3, tostring(nil)',
      'local function f() return nofunc() end return f()',
    ];
    const mismatches: string[] = [];
    for (const snippet of cases) {
      const src = wrap(snippet);
      const r = await conn.call('EVAL', src, '0');
      const theirs = r.t === 'bulk' ? bin(r.b) : r.t === 'error' ? `<error ${r.s}>` : `<${r.t}>`;
      const mine = ours(src, [], true);
      if (mine !== theirs) mismatches.push(`${snippet}\n   redis: ${theirs}\n   ours:  ${mine}`);
    }
    console.log(`lua-globals: ${cases.length - mismatches.length}/${cases.length} match`);
    expect(mismatches).toEqual([]);
  });
});
