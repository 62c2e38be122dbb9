/*
 * SAVE, BGSAVE, LASTSAVE, DEBUG RELOAD and INFO persistence against a real redis-server 7.0 that runs
 * in its own temporary --dir (so its dump.rdb never lands in the repository), and whole files in both
 * directions: Redis's dump.rdb loaded by a node given it at start, our file loaded by Redis with DEBUG
 * RELOAD NOSAVE, the datasets compared with DEBUG DIGEST (which hashes every key, value and deadline).
 *
 * Our node runs on the real clock like the Node host; the test calls cron() while it waits, as the
 * host's timer would. rdb-key-save-delay (microseconds per key) keeps a background save running on
 * both sides long enough to see "already in progress".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import type { Client } from '../../src/engine/server/client.ts';
import { ServerNode } from '../../src/engine/server/node.ts';
import { realClock } from './harness.ts';
import { type RealRedis, replyText, RespConnection, startRedis } from './redis.ts';
import { infoField, ReplyTally } from './reply-tally.ts';

const POPULATE: string[][] = [
  ['SET', 'str', 'hello'],
  ['SET', 'int', '12345'],
  ['SET', 'ttl', 'v', 'PX', '500000'],
  ['RPUSH', 'list', ...Array.from({ length: 300 }, (_, i) => `e${i}`)],
  ['SADD', 'iset', '1', '2', '300000'],
  ['SADD', 'hset', 'a', 'b', 'c'],
  ['ZADD', 'zlp', '1', 'a', '2.5', 'b'],
  ['ZADD', 'zsl', ...Array.from({ length: 200 }, (_, i) => [String(i / 3), `m${i}`]).flat()],
  ['HSET', 'hlp', 'f', 'v', 'n', '1'],
  ['HSET', 'hht', ...Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`]).flat()],
  ['XADD', 'stream', '1-1', 'a', '1'],
  ['XADD', 'stream', '2-1', 'a', '2', 'b', '3'],
  ['XGROUP', 'CREATE', 'stream', 'g', '0'],
  ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 'stream', '>'],
  ['SELECT', '5'],
  ['SET', 'in5', 'x'],
  ['SELECT', '0'],
];

class Side {
  replies: Reply[] = [];
  client!: Client;
  constructor(readonly node: ServerNode) {
    this.client = node.connect({ write: (r) => this.replies.push(r), close: () => undefined });
  }
  call(...args: string[]): Reply | undefined {
    const before = this.replies.length;
    this.node.execute(
      this.client,
      args.map((a) => utf8(a)),
    );
    return this.replies.length > before ? this.replies[this.replies.length - 1] : undefined;
  }
}

const PERSISTENCE_FIELDS = [
  'rdb_changes_since_last_save',
  'rdb_bgsave_in_progress',
  'rdb_last_bgsave_status',
  'rdb_saves',
  'rdb_last_load_keys_expired',
  'rdb_last_load_keys_loaded',
];

describe('persistence commands against redis-server 7.0', () => {
  let dir: string;
  let redis: RealRedis;
  let real: RespConnection;
  let ours: Side;
  const files = new Map<string, Uint8Array>();
  const tally = new ReplyTally();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rdb-diff-'));
    redis = await startRedis(['--dir', dir]);
    real = await RespConnection.open(redis.port);
    const node = new ServerNode({
      clock: realClock,
      random: new SeededRandom(7),
      config: { 'enable-debug-command': 'yes', save: '' },
      persist: { persist: (name, data) => (files.set(name, data), true) },
    });
    ours = new Side(node);
  });

  afterAll(async () => {
    console.log(tally.report('persistence'));
    real?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(...args: string[]): Promise<void> {
    await tally.call(ours, real, args);
  }

  async function checkInfo(): Promise<void> {
    await tally.info(ours, real, PERSISTENCE_FIELDS);
  }

  /** Waits until neither side has a background save running (our cron runs meanwhile). */
  async function waitForBgsave(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      ours.node.cron();
      const a = infoField(ours.call('INFO', 'persistence'), 'rdb_bgsave_in_progress');
      const b = infoField(await real.call('INFO', 'persistence'), 'rdb_bgsave_in_progress');
      if (a === '0' && b === '0') return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('background save did not finish');
  }

  it('SAVE, BGSAVE, errors and INFO counters', async () => {
    await check('FLUSHALL');
    for (const cmd of POPULATE) await check(...cmd);
    await checkInfo();
    await check('SAVE');
    await checkInfo();
    await check('BGSAVE', 'foo');
    await check('BGSAVE', 'SCHEDULE', 'x');
    await check('CONFIG', 'SET', 'rdb-key-save-delay', '200000');
    await check('BGSAVE');
    await check('BGSAVE');
    await check('BGSAVE', 'SCHEDULE');
    await check('SAVE');
    await check('SET', 'during', 'bgsave');
    await checkInfo();
    await check('CONFIG', 'SET', 'rdb-key-save-delay', '0');
    await waitForBgsave();
    await checkInfo();
    await check('MULTI');
    await check('BGSAVE');
    await check('SAVE');
    await check('EXEC');
    await check('MULTI');
    await check('BGSAVE');
    await check('EXEC');
    // A scheduled save starts at the next serverCron (100 ms at hz 10): let Redis's start first.
    await new Promise((r) => setTimeout(r, 300));
    await waitForBgsave();
    await checkInfo();
    const now = Math.floor(Date.now() / 1000);
    const lastsave = ours.call('LASTSAVE') as Reply & { t: 'int' };
    expect(Math.abs(Number(lastsave.n) - now)).toBeLessThanOrEqual(2);
    expect(tally.mismatches).toEqual([]);
  });

  it('DEBUG RELOAD keeps the dataset, skips expired keys, checks its options', async () => {
    await check('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    await check('SET', 'soon', 'gone', 'PX', '30');
    await new Promise((r) => setTimeout(r, 80));
    await check('DEBUG', 'DIGEST');
    await check('DEBUG', 'RELOAD', 'bogus');
    await check('DEBUG', 'RELOAD');
    await checkInfo();
    await check('DEBUG', 'DIGEST');
    await check('EXISTS', 'soon');
    await check('SET', 'extra', '1');
    await check('DEBUG', 'RELOAD', 'NOSAVE');
    await check('EXISTS', 'extra');
    await check('DEBUG', 'RELOAD', 'NOSAVE', 'NOFLUSH', 'MERGE');
    await check('DEBUG', 'RELOAD', 'MERGE', 'NOSAVE');
    await checkInfo();
    await check('DEBUG', 'DIGEST');
    await check('OBJECT', 'ENCODING', 'zsl');
    await check('OBJECT', 'ENCODING', 'hht');
    await check('XINFO', 'GROUPS', 'stream');
    await check('XPENDING', 'stream', 'g');
    await check('DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    expect(tally.mismatches).toEqual([]);
  });

  it("Redis's dump.rdb loads into a node, and Redis loads ours", async () => {
    expect(replyText(await real.call('SAVE'))).toBe(JSON.stringify('+OK\r\n'));
    const theirs = new Uint8Array(readFileSync(join(dir, 'dump.rdb')));
    const loaded = new ServerNode({
      clock: realClock,
      random: new SeededRandom(3),
      config: { 'enable-debug-command': 'yes' },
      persist: { persist: (name, data) => (files.set(name, data), true) },
      rdb: theirs,
    });
    const side = new Side(loaded);
    const digest = replyText(await real.call('DEBUG', 'DIGEST'));
    expect(replyText(side.call('DEBUG', 'DIGEST'))).toBe(digest);

    await real.call('FLUSHALL');
    side.call('SAVE');
    const ourFile = files.get('dump.rdb')!;
    writeFileSync(join(dir, 'dump.rdb'), ourFile);
    expect(replyText(await real.call('DEBUG', 'RELOAD', 'NOSAVE'))).toBe(JSON.stringify('+OK\r\n'));
    expect(replyText(await real.call('DEBUG', 'DIGEST'))).toBe(digest);
  });
});
