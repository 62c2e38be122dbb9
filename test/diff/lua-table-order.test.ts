/*
 * Differential test of Lua 5.1's table layout (src/engine/lua/table51.ts) against redis-server's Lua:
 * seeded random sequences of table constructors, assignments and deletions run as a script in Redis,
 * and replayed on Lua51Table here; the pairs() order and '#' must come out the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes';
import { hintSize, Lua51Table } from '../../src/engine/lua/table51';
import { numberToString, type LuaValue } from '../../src/engine/lua/value';
import { RespConnection, startRedis, type RealRedis } from './redis';

type Op = { set: LuaValue; v: number | undefined };

interface Case {
  positional: number[];
  records: [LuaValue, number][];
  ops: Op[];
}

/** A small deterministic PRNG (mulberry32) so failures replay from the printed seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRING_KEYS =
  'a b c d e f g h name age city id x y z key1 key2 key10 user:1 user:2 foo bar baz qux'.split(' ');

function randomKey(r: () => number): LuaValue {
  const p = r();
  if (p < 0.5) return STRING_KEYS[Math.floor(r() * STRING_KEYS.length)]!;
  if (p < 0.8) return 1 + Math.floor(r() * 40);
  if (p < 0.85) return 0 - Math.floor(r() * 5) || 0;
  if (p < 0.9) return [1.5, 2.25, -0.5, 1e10, 2 ** 31, 2 ** 40][Math.floor(r() * 6)]!;
  if (p < 0.95) return r() < 0.5;
  return 1 + Math.floor(r() * 300);
}

function randomCase(r: () => number): Case {
  const positional = Array.from({ length: r() < 0.5 ? 0 : Math.floor(r() * 12) }, (_, i) => i + 100);
  const records: [LuaValue, number][] = [];
  const nrec = r() < 0.5 ? 0 : Math.floor(r() * 10);
  for (let i = 0; i < nrec; i++) records.push([randomKey(r), 200 + i]);
  const ops: Op[] = [];
  const nops = Math.floor(r() * 60);
  for (let i = 0; i < nops; i++) ops.push({ set: randomKey(r), v: r() < 0.15 ? undefined : 300 + i });
  return { positional, records, ops };
}

function luaKey(k: LuaValue): string {
  if (typeof k === 'string') return `'${k}'`;
  if (typeof k === 'boolean') return String(k);
  const n = k as number;
  return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : n.toExponential();
}

function script(c: Case): string {
  const fields = [...c.records.map(([k, v]) => `[${luaKey(k)}] = ${v}`), ...c.positional.map(String)];
  const body = c.ops.map((op) => `t[${luaKey(op.set)}] = ${op.v === undefined ? 'nil' : op.v}`).join(' ');
  return (
    `local t = {${fields.join(', ')}} ${body} local o = {} ` +
    "for k, v in pairs(t) do o[#o + 1] = tostring(k) .. '=' .. tostring(v) end " +
    "return table.concat(o, ' ') .. ' #' .. #t"
  );
}

function show(v: LuaValue): string {
  return typeof v === 'number' ? numberToString(v) : String(v);
}

function replay(c: Case): string {
  const t = new Lua51Table(hintSize(c.positional.length), hintSize(c.records.length));
  for (const [k, v] of c.records) t.set(k, v);
  if (c.positional.length > 0) t.setArray(c.positional);
  for (const op of c.ops) t.set(op.set, op.v);
  const out: string[] = [];
  for (let e = t.next(undefined); e; e = t.next(e[0])) out.push(`${show(e[0])}=${show(e[1])}`);
  return `${out.join(' ')} #${t.length()}`;
}

describe('Lua 5.1 table order vs redis-server', () => {
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

  it('iterates and measures tables as Lua 5.1 does', async () => {
    const seed = Number(process.env.SEED ?? 7);
    const r = rng(seed);
    const fixed: Case[] = [
      {
        positional: [],
        records: [
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ],
        ops: [],
      },
      {
        positional: [],
        records: [
          ['name', 1],
          ['age', 2],
          ['city', 3],
        ],
        ops: [],
      },
      { positional: [], records: [], ops: ['name', 'age', 'city'].map((k, i) => ({ set: k, v: i })) },
      { positional: [1, 2, 3], records: [['x', 1]], ops: [{ set: 5, v: 5 }] },
      {
        positional: [],
        records: [
          ['x', 1],
          ['y', 5],
        ],
        ops: [{ set: 'x', v: undefined }],
      },
    ];
    const cases = [...fixed, ...Array.from({ length: 300 }, () => randomCase(r))];
    const mismatches: string[] = [];
    for (const c of cases) {
      const src = script(c);
      const reply = await conn.call('EVAL', src, '0');
      const theirs = reply.t === 'bulk' ? bin(reply.b) : `<${reply.t} ${reply.t === 'error' ? reply.s : ''}>`;
      const mine = replay(c);
      if (mine !== theirs) mismatches.push(`${src}\n   redis: ${theirs}\n   ours:  ${mine}`);
    }
    console.log(`lua-table-order (seed ${seed}): ${cases.length - mismatches.length}/${cases.length} match`);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
