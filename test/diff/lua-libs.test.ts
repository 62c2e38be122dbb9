/*
 * Differential test of the script libraries (cjson, cmsgpack, bit, struct) against the ones inside a
 * real redis-server: each snippet runs under pcall in a one-line wrapper on both sides, in Redis through
 * EVAL and here on our interpreter directly. Results are rendered by Lua code in the wrapper (tables
 * deeply, keys sorted so hash order does not matter; numbers as %.17g; NaN without its sign, which JS
 * cannot keep reliably), so the comparison is of the
 * text both interpreters produce. The wrapper resets cjson's settings afterwards, since in Redis they
 * outlive the script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes';
import { callChunk, compile, createLua, LuaError, LuaTable } from '../../src/engine/lua/index';
import { Lua51Table } from '../../src/engine/lua/table51';
import { protectGlobals } from '../../src/engine/scripting/globals';
import { LIB_CASES, ORDER_CASES, PROTECTED_CASES } from './lua-libs-cases';
import { fuzzCases } from './lua-libs-fuzz';
import { RespConnection, startRedis, type RealRedis } from './redis';

const DUMP =
  'local function __key(a, b) local ta, tb = type(a), type(b) if ta ~= tb then return ta < tb end ' +
  "if ta == 'number' or ta == 'string' then return a < b end return tostring(a) < tostring(b) end " +
  'local function __d(v, depth) local ty = type(v) ' +
  "if ty == 'table' then if depth > 20 then return '{...}' end local ks = {} " +
  'for k in pairs(v) do ks[#ks + 1] = k end table.sort(ks, __key) local parts = {} ' +
  "for _, k in ipairs(ks) do parts[#parts + 1] = __d(k, depth + 1) .. '=' .. __d(v[k], depth + 1) end " +
  "return '{' .. table.concat(parts, ',') .. '}' " +
  "elseif ty == 'function' then return 'function' " +
  "elseif ty == 'number' and v ~= v then return 'number:NaN' " +
  "elseif ty == 'number' and v ~= 1/0 and v ~= -1/0 then return 'n:' .. string.format('%.17g', v) " +
  "else return ty .. ':' .. tostring(v) end end " +
  "local function hex(s) return (string.gsub(s, '.', function(c) return string.format('%02x', string.byte(c)) end)) end ";

const RESET =
  'cjson.encode_sparse_array(false, 2, 10) cjson.encode_max_depth(1000) cjson.decode_max_depth(1000) ' +
  'cjson.encode_invalid_numbers(false) cjson.decode_invalid_numbers(true) cjson.encode_number_precision(14) ' +
  'cjson.encode_keep_buffer(true) ';

function wrap(snippet: string): string {
  return (
    DUMP +
    `local __r = {pcall(function() ${snippet} end)} ${RESET}local __o = {} ` +
    "for __i = 1, table.maxn(__r) do __o[#__o + 1] = __d(__r[__i], 0) end return table.concat(__o, '|')"
  );
}

function ours(src: string, protect = false): string {
  const { state } = createLua();
  if (protect) protectGlobals(state);
  try {
    const r = callChunk(state, compile(state, src));
    return typeof r[0] === 'string' ? r[0] : `<non-string ${String(r[0])}>`;
  } catch (e) {
    return `<error ${e instanceof LuaError ? String(e.value) : (e as Error).message}>`;
  }
}

/** Binary strings shown readably in failure reports. */
function show(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

describe('cjson, cmsgpack, bit, struct vs redis-server', () => {
  let redis: RealRedis;
  let conn: RespConnection;
  beforeAll(async () => {
    redis = await startRedis();
    conn = await RespConnection.open(redis.port);
    // PING answers -LOADING while a dump.rdb in the working directory loads: wait for PONG.
    for (let i = 0; i < 100 && (await conn.call('PING')).t === 'error'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    conn?.close();
    await redis?.stop();
  });

  const families: [string, string[], boolean][] = Object.entries(LIB_CASES).map(([f, c]) => [f, c, false]);
  families.push(['readonly library', PROTECTED_CASES, true]);
  const seed = Number(process.env.SEED ?? 1);
  console.log(`lua-libs fuzz seed ${seed} (SEED=n to replay another)`);
  for (const [f, c] of Object.entries(fuzzCases(seed))) families.push([f, c, false]);
  // Key order and '#' with holes follow Lua 5.1 only once LuaTable stores entries in Lua51Table.
  if (new LuaTable() instanceof Lua51Table || process.env.LUA_ORDER_CASES)
    families.push(['table-order', ORDER_CASES, false]);
  for (const [family, cases, protect] of families) {
    it(`matches every ${family} snippet`, async () => {
      const mismatches: string[] = [];
      for (const snippet of cases) {
        const src = wrap(snippet);
        const r = await conn.call('EVAL', src, '0');
        const theirs = r.t === 'bulk' ? bin(r.b) : r.t === 'error' ? `<error ${r.s}>` : `<${r.t}>`;
        const mine = ours(src, protect);
        if (mine !== theirs) {
          mismatches.push(`${show(snippet)}\n   redis: ${show(theirs)}\n   ours:  ${show(mine)}`);
        }
      }
      console.log(`lua-libs ${family}: ${cases.length - mismatches.length}/${cases.length} snippets match`);
      expect(mismatches).toEqual([]);
    });
  }
});
