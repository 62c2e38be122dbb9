/*
 * AOF commands and INFO fields against redis-server 7.0.15: CONFIG SET appendonly, BGREWRITEAOF
 * (started, already in progress, scheduled behind a BGSAVE), BGSAVE behind a rewrite, SHUTDOWN's
 * argument errors, and the aof_* fields of INFO persistence, which must agree once both sides have
 * finished their background work. rdb-key-save-delay keeps a rewrite or save running long enough
 * to be seen. Our node runs on the real clock; the test calls cron() as the host's timer would.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { type RealRedis, RespConnection } from './redis.ts';
import { infoField, ReplyTally } from './reply-tally.ts';
import { aofRedis, MemoryFiles, ourNode, type OurSide } from './aof-helpers.ts';

const AOF_FIELDS = [
  'aof_enabled',
  'aof_rewrite_in_progress',
  'aof_rewrite_scheduled',
  'aof_last_bgrewrite_status',
  'aof_rewrites',
  'aof_rewrites_consecutive_failures',
  'aof_last_write_status',
  'aof_pending_rewrite',
  'aof_buffer_length',
  'rdb_bgsave_in_progress',
];

describe('AOF commands against redis-server 7.0', () => {
  let redis: RealRedis;
  let dir: string;
  let real: RespConnection;
  let ours: OurSide;
  const tally = new ReplyTally();

  beforeAll(async () => {
    ({ redis, dir } = await aofRedis(['--appendonly', 'no']));
    real = await RespConnection.open(redis.port);
    ours = ourNode(new MemoryFiles(), {});
  });

  afterAll(async () => {
    console.log(tally.report('aof commands'));
    real?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function check(...args: string[]): Promise<void> {
    await tally.call(ours, real, args);
  }

  async function checkInfo(): Promise<void> {
    await tally.info(ours, real, AOF_FIELDS);
  }

  /** Until neither side runs a child (our cron runs meanwhile). */
  async function settle(): Promise<void> {
    const busy = (r: Reply | undefined): boolean =>
      infoField(r, 'aof_rewrite_in_progress') !== '0' ||
      infoField(r, 'rdb_bgsave_in_progress') !== '0' ||
      infoField(r, 'aof_rewrite_scheduled') !== '0';
    for (let i = 0; i < 400; i++) {
      ours.node.cron();
      const a = busy(ours.call('INFO', 'persistence'));
      const b = busy(await real.call('INFO', 'persistence'));
      if (!a && !b) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('background work did not finish');
  }

  it('appendonly on and off, rewrites, and their INFO fields', async () => {
    await check('SET', 'k', 'v');
    await checkInfo();
    await check('CONFIG', 'SET', 'appendonly', 'yes');
    await settle();
    await checkInfo();
    await check('SET', 'k2', 'v2');
    await check('CONFIG', 'SET', 'rdb-key-save-delay', '200000');
    await check('BGREWRITEAOF');
    await check('BGREWRITEAOF');
    await check('BGSAVE');
    await check('BGSAVE', 'SCHEDULE');
    await checkInfo();
    await check('CONFIG', 'SET', 'rdb-key-save-delay', '0');
    await settle();
    await checkInfo();
    await check('CONFIG', 'SET', 'rdb-key-save-delay', '200000');
    await check('BGSAVE');
    await check('BGREWRITEAOF');
    await checkInfo();
    await check('CONFIG', 'SET', 'rdb-key-save-delay', '0');
    await settle();
    await checkInfo();
    await check('MULTI');
    await check('BGREWRITEAOF');
    await check('EXEC');
    await settle();
    await checkInfo();
    await check('CONFIG', 'SET', 'appendonly', 'no');
    await checkInfo();
    await check('SHUTDOWN', 'ABORT');
    await check('SHUTDOWN', 'SAVE', 'NOSAVE');
    await check('SHUTDOWN', 'NOW', 'ABORT');
    await check('SHUTDOWN', 'BOGUS');
    await check('MULTI');
    await check('SHUTDOWN');
    await check('DISCARD');
    expect(tally.mismatches).toEqual([]);
  });
});
