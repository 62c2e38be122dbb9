/*
 * The Node host's RDB files: SAVE and BGSAVE write dir/dbfilename (checked with redis-check-rdb when it
 * is installed, and loaded by a real redis-server 7.0), and a dump.rdb written by redis-server is read
 * at start by a new host (readInitialRdb + RespServer's rdb option, as main.ts does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInitialRdb } from '../../src/node/rdb-files.ts';
import { RespServer } from '../../src/node/server.ts';
import { freePort, replyText, RespConnection, startRedis } from '../diff/redis.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rdb-host-'));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function startHost(
  dir: string,
  rdb?: Uint8Array,
): Promise<{ server: RespServer; conn: RespConnection }> {
  const port = await freePort();
  const server = new RespServer({ port, config: { dir, save: '', 'enable-debug-command': 'yes' }, rdb });
  await server.start();
  return { server, conn: await RespConnection.open(port) };
}

function hasRedisCheckRdb(): boolean {
  try {
    execFileSync('which', ['redis-check-rdb']);
    return true;
  } catch {
    return false;
  }
}

const text = (r: unknown): string => replyText(r as Parameters<typeof replyText>[0]);

describe('Node host RDB files', () => {
  it('SAVE and BGSAVE write dir/dump.rdb that redis-check-rdb and redis-server accept', async () => {
    const dir = tempDir();
    const { server, conn } = await startHost(dir);
    try {
      await conn.call('RPUSH', 'list', 'a', 'b', 'c');
      await conn.call('HSET', 'hash', 'f', 'v');
      await conn.call('XADD', 'stream', '5-1', 'k', 'v');
      expect(text(await conn.call('SAVE'))).toBe(JSON.stringify('+OK\r\n'));
      expect(existsSync(join(dir, 'dump.rdb'))).toBe(true);
      await conn.call('SET', 'later', 'x');
      expect(text(await conn.call('BGSAVE'))).toBe(JSON.stringify('+Background saving started\r\n'));
      for (let i = 0; i < 100; i++) {
        const info = await conn.call('INFO', 'persistence');
        if (text(info).includes('rdb_bgsave_in_progress:0')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(readdirSync(dir)).toEqual(['dump.rdb']);
      if (hasRedisCheckRdb()) {
        const out = execFileSync('redis-check-rdb', [join(dir, 'dump.rdb')]).toString();
        expect(out).toContain('RDB looks OK');
      }
      const digest = text(await conn.call('DEBUG', 'DIGEST'));
      const real = await startRedis(['--dir', dir]);
      const rc = await RespConnection.open(real.port);
      try {
        expect(text(await rc.call('DEBUG', 'DIGEST'))).toBe(digest);
        expect(text(await rc.call('GET', 'later'))).toBe(JSON.stringify('$1\r\nx\r\n'));
      } finally {
        rc.close();
        await real.stop();
      }
    } finally {
      conn.close();
      await server.stop();
    }
  });

  it("a host started on redis-server's dump.rdb serves its data", async () => {
    const dir = tempDir();
    const real = await startRedis(['--dir', dir]);
    const rc = await RespConnection.open(real.port);
    let digest: string;
    try {
      await rc.call('ZADD', 'z', '1', 'a', '2', 'b');
      await rc.call('SET', 'ttl', 'v', 'EX', '1000');
      await rc.call('SADD', 's', 'x', 'y');
      digest = text(await rc.call('DEBUG', 'DIGEST'));
      await rc.call('SAVE');
    } finally {
      rc.close();
      await real.stop();
    }
    const { server, conn } = await startHost(dir, readInitialRdb(dir, 'dump.rdb'));
    try {
      expect(text(await conn.call('DEBUG', 'DIGEST'))).toBe(digest);
      const info = text(await conn.call('INFO', 'persistence'));
      expect(info).toContain('rdb_last_load_keys_loaded:3');
    } finally {
      conn.close();
      await server.stop();
    }
  });
});
