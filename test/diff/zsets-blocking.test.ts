/*
 * Differential tests of BZPOPMIN / BZPOPMAX / BZMPOP actually blocking: a second connection to
 * redis-server and a second client of our node wait, the main connection writes, and the waiters'
 * replies (or their absence) are compared. Timeouts run on the real clock: our node handles them in
 * beforeSleep(), which the test calls after waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import type { Client } from '../../src/engine/server/client.ts';
import { useDifferential } from './harness.ts';
import { RespConnection, replyText } from './redis.ts';

interface Waiter {
  real: RespConnection;
  ours: Client;
  oursReplies: Reply[];
  pending: Promise<Reply | undefined> | undefined;
}

describe('differential sorted sets: blocking pops', () => {
  const d = useDifferential('zsets blocking');
  const waiters: Waiter[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const real = await RespConnection.open(d.real.socket.remotePort!);
      const oursReplies: Reply[] = [];
      const ours = d.node.connect({ write: (r) => oursReplies.push(r), close: () => undefined });
      waiters.push({ real, ours, oursReplies, pending: undefined });
    }
  });
  afterAll(() => {
    for (const w of waiters) w.real.close();
  });

  /** Sends a (blocking) command from waiter i on both sides without waiting for Redis's reply. */
  const block = (i: number, ...args: string[]): void => {
    const w = waiters[i]!;
    w.oursReplies.length = 0;
    w.real.sendRaw(encode(args));
    w.pending = w.real.nextReply(1500);
    d.node.execute(w.ours, args.map(utf8));
  };

  /** Compares what waiter i got (or that it got nothing yet, after a short wait). */
  const expectServed = async (i: number, label: string, waitMs = 1500): Promise<void> => {
    const w = waiters[i]!;
    const theirs = await Promise.race([w.pending!, sleep(waitMs).then(() => undefined)]);
    d.node.beforeSleep();
    const ours = w.oursReplies[0];
    const a = ours === undefined ? '<blocked>' : replyText(ours, 2);
    const b = theirs === undefined ? '<blocked>' : replyText(theirs, 2);
    d.total++;
    if (a === b) d.matched++;
    else d.mismatches.push(`${label}\n    ours:  ${a}\n    redis: ${b}`);
  };

  it('serves waiters when a sorted set appears, in blocking order', async () => {
    await d.both('FLUSHALL');
    block(0, 'BZPOPMIN', 'k1', 'k2', '0');
    block(1, 'BZMPOP', '0', '2', 'k2', 'k1', 'MAX', 'COUNT', '2');
    await sleep(50);
    await d.check(['ZADD', 'k2', '1', 'a', '2', 'b', '3', 'c', '4', 'd']);
    await expectServed(0, 'BZPOPMIN served by ZADD');
    await expectServed(1, 'BZMPOP served by ZADD');
    expect(waiters.map((w) => w.oursReplies.length)).toEqual([1, 1]);
    await d.check(['ZRANGE', 'k2', '0', '-1', 'WITHSCORES']);
  });

  it('times out with a nil array', async () => {
    block(0, 'BZPOPMAX', 'none', '0.2');
    await expectServed(0, 'BZPOPMAX timeout', 600);
  });

  it('a key emptied inside the same transaction serves nobody; a later ZADD does', async () => {
    await d.both('FLUSHALL');
    block(0, 'BZPOPMAX', 'q', '0');
    await sleep(50);
    await d.checkAll([['MULTI'], ['ZADD', 'q', '1', 'x'], ['ZREM', 'q', 'x'], ['EXEC']]);
    await expectServed(0, 'still blocked after MULTI', 200);
    await d.check(['ZUNIONSTORE', 'q', '1', 'src']);
    await d.check(['ZADD', 'src', '5', 'y']);
    await d.check(['ZUNIONSTORE', 'q', '1', 'src']);
    await expectServed(0, 'served by ZUNIONSTORE');
    await d.check(['EXISTS', 'q']);
  });

  it('a key that becomes another type does not serve a sorted-set waiter', async () => {
    await d.both('FLUSHALL');
    block(0, 'BZPOPMIN', 'w', '0');
    await sleep(50);
    await d.check(['SET', 'w', 'str']);
    await expectServed(0, 'blocked after SET', 200);
    await d.check(['DEL', 'w']);
    await d.check(['ZADD', 'w', '7', 'm']);
    await expectServed(0, 'served after DEL + ZADD');
    expect(waiters[0]!.oursReplies.length).toBe(1);
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function encode(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}
