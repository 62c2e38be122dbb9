/*
 * Whole RDB files against real Redis 7.0 (each server here gets its own temporary --dir):
 *   - a dump.rdb written by Redis's SAVE parses here, every value serialising to exactly Redis's DUMP
 *     body, deadlines included, and writing the parsed content back gives Redis's file byte for byte;
 *   - a file written here loads in a fresh redis-server with the same keys, values and deadlines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, type Bytes } from '../../src/engine/bytes.ts';
import { createDumpPayload } from '../../src/engine/persistence/dump-payload.ts';
import { readRdbFile, writeRdbFile } from '../../src/engine/persistence/rdb-file.ts';
import type { RdbLimits } from '../../src/engine/persistence/rdb-load.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { type RealRedis, RespConnection, startRedis } from './redis.ts';

const LIMITS: RdbLimits = {
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
  listMaxListpackSize: -2,
  listCompressDepth: 0,
};
const ctx = { nowMs: Date.now(), randomU16: () => Math.floor(Math.random() * 65536), limits: LIMITS };

const POPULATE: string[][] = [
  ['SET', 'str', 'hello'],
  ['SET', 'int', '12345'],
  ['SET', 'long', 'abc'.repeat(40)],
  ['SET', 'ttl', 'v', 'PX', '500000'],
  ['RPUSH', 'list', ...Array.from({ length: 900 }, (_, i) => `e${i}`)],
  ['SADD', 'iset', '1', '2', '300000'],
  ['SADD', 'hset', 'a', 'b', 'c'],
  ['ZADD', 'zlp', '1', 'a', '2.5', 'b'],
  ['ZADD', 'zsl', ...Array.from({ length: 300 }, (_, i) => [String(i / 3), `m${i}`]).flat()],
  ['HSET', 'hlp', 'f', 'v', 'n', '1'],
  ['HSET', 'hht', ...Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`]).flat()],
  ['PEXPIRE', 'hht', '900000'],
  ['SELECT', '3'],
  ['SET', 'in-db-3', 'x'],
  ['SELECT', '0'],
];

/** Keys whose values are hashtable-encoded: their serialisation follows dict order. */
const DICT_ORDERED = new Set(['hset', 'hht']);

function text(r: Reply): string {
  if (r.t === 'bulk') return bin(r.b);
  return r.t === 'simple' ? r.s : JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v));
}

describe('RDB files', () => {
  const dirs: string[] = [];
  const servers: RealRedis[] = [];
  const conns: RespConnection[] = [];

  async function server(args: string[] = []): Promise<[RespConnection, string]> {
    const dir = mkdtempSync(join(tmpdir(), 'rdbfile-'));
    dirs.push(dir);
    const s = await startRedis(['--dir', dir, ...args]);
    servers.push(s);
    const c = await RespConnection.open(s.port);
    conns.push(c);
    return [c, dir];
  }

  afterAll(async () => {
    for (const c of conns) c.close();
    for (const s of servers) await s.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("reads Redis's dump.rdb and writes it back byte for byte; Redis loads ours", async () => {
    const [a, dirA] = await server();
    for (const cmd of POPULATE) await a.call(...cmd);
    expect(text(await a.call('SAVE'))).toBe('OK');
    const theirs = new Uint8Array(readFileSync(join(dirA, 'dump.rdb')));
    const file = readRdbFile(theirs, ctx);
    expect(file.aux.find(([k]) => k === 'redis-ver')?.[1]).toBe('7.0.15');
    expect(file.databases.map((d) => [d.index, d.entries.length])).toEqual([
      [0, 11],
      [3, 1],
    ]);

    for (const db of file.databases) {
      await a.call('SELECT', String(db.index));
      for (const e of db.entries) {
        const dump = (await a.call('DUMP', e.key)) as { b: Bytes };
        const ours = createDumpPayload(e.value, true);
        if (!DICT_ORDERED.has(e.key)) expect(bin(ours), e.key).toBe(bin(dump.b));
        const at = (await a.call('PEXPIRETIME', e.key)) as { n: number | bigint };
        expect(e.expireMs ?? -1, e.key).toBe(Number(at.n));
      }
    }
    await a.call('SELECT', '0');

    const ours = writeRdbFile(file, { compression: true, checksum: true, accessInfo: 'none' });
    expect(bin(ours)).toBe(bin(theirs));

    const [b] = await server([]);
    const dirB = dirs[dirs.length - 1]!;
    writeFileSync(join(dirB, 'dump.rdb'), ours);
    expect(text(await b.call('DEBUG', 'RELOAD', 'NOSAVE'))).toBe('OK');
    for (const db of file.databases) {
      await a.call('SELECT', String(db.index));
      await b.call('SELECT', String(db.index));
      expect(text(await b.call('DBSIZE'))).toBe(text(await a.call('DBSIZE')));
      for (const e of db.entries) {
        // Dict order (hashtable encodings) differs between any two processes: Redis seeds its hash.
        const probe = DICT_ORDERED.has(e.key) ? ['DEBUG', 'DIGEST-VALUE', e.key] : ['DUMP', e.key];
        expect(text(await b.call(...probe)), e.key).toBe(text(await a.call(...probe)));
        expect(text(await b.call('PEXPIRETIME', e.key))).toBe(text(await a.call('PEXPIRETIME', e.key)));
      }
    }
  });
});
