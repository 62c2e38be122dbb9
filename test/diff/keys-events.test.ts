/*
 * Keyspace events of the keyspace family against redis-server 7.0: Redis publishes every keyevent
 * (notify-keyspace-events KEA) to a pattern subscriber; on our side the node's notify() hook is
 * recorded. Both lists, "db:event:key" in order, must be equal for the same command sequence.
 * Classes m (keymiss) and n (new key) are not part of "A" and are left out on our side too.
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';
import { RespConnection } from './redis.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function eventText(r: Reply): string {
  if (r.t !== 'array' || r.a.length !== 4) return JSON.stringify(r);
  const [, , channel, message] = r.a;
  const ch = channel!.t === 'bulk' ? bin(channel!.b) : '?';
  const m = /^__keyevent@(\d+)__:(.*)$/.exec(ch);
  return m ? `${m[1]}:${m[2]}:${message!.t === 'bulk' ? bin(message!.b) : '?'}` : ch;
}

describe('keyspace events', () => {
  const d = useDifferential('keys-events');

  it('fires the same events as Redis, in the same order', async () => {
    await d.both('FLUSHALL');
    await d.both('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
    const sub = await RespConnection.open((d.real.socket.remotePort as number) ?? 0);
    await sub.call('PSUBSCRIBE', '__keyevent@*__:*');
    const ours: string[] = [];
    const original = d.node.notify.bind(d.node);
    d.node.notify = (cls, event, key, db) => {
      if (cls !== 'm' && cls !== 'n') ours.push(`${db.id}:${event}:${key}`);
      original(cls, event, key, db);
    };
    const script: string[][] = [
      ['SET', 'a', '1'],
      ['SET', 'b', '2'],
      ['DEL', 'a', 'nokey', 'b'],
      ['SET', 'a', '1'],
      ['UNLINK', 'a'],
      ['SET', 'r', 'v'],
      ['RENAME', 'r', 'r2'],
      ['RENAMENX', 'r2', 'r3'],
      ['RENAME', 'r3', 'r3'],
      ['COPY', 'r3', 'c'],
      ['COPY', 'r3', 'c', 'DB', '2'],
      ['MOVE', 'c', '1'],
      ['EXPIRE', 'r3', '100'],
      ['PEXPIRE', 'r3', '200000', 'GT'], // clearly later: same-millisecond ties would make it timing-dependent
      ['EXPIRE', 'r3', '10', 'GT'],
      ['PERSIST', 'r3'],
      ['PERSIST', 'r3'],
      ['EXPIREAT', 'r3', '1'],
      ['SET', 'p', 'v'],
      ['PEXPIRE', 'p', '-1'],
      ['SET', 'lazy', 'v'],
      ['PEXPIRE', 'lazy', '20'],
      ['SWAPDB', '0', '1'],
      ['FLUSHDB'],
      ['SWAPDB', '0', '1'],
    ];
    for (const argv of script) await d.both(...argv);
    await sleep(60);
    await d.both('GET', 'lazy');
    await d.both('FLUSHALL');
    const theirs: string[] = [];
    for (let r = await sub.nextReply(200); r !== undefined; r = await sub.nextReply(200)) {
      theirs.push(eventText(r));
    }
    sub.close();
    d.node.notify = original;
    d.total++;
    if (JSON.stringify(ours) === JSON.stringify(theirs)) d.matched++;
    else d.mismatches.push(`events\n    ours:  ${ours.join(' ')}\n    redis: ${theirs.join(' ')}`);
    console.log(`[differential] keys-events: ${theirs.length} events from Redis`);
    expect(theirs.length).toBeGreaterThan(20);
    expect(ours).toEqual(theirs);
  });
});
