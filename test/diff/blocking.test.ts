/*
 * Differential tests of blocking list commands with several connections to both servers: wake-ups by
 * another client's push, service order among blocked clients, BLMOVE chains, timeouts, pushes inside
 * MULTI served after EXEC, CLIENT UNBLOCK, commands pipelined behind a blocked one, disconnection,
 * and the blocked-client counters (INFO blocked_clients, CLIENT LIST flags).
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential, type ClientPair, type Differential } from './harness.ts';
import { checkDirty, dirtyCounters, EventRecorder, resetBoth } from './strings-helpers.ts';

/** Lets the real server read what was just sent on another connection before we go on. */
const settle = (ms = 40): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function expectNext(d: Differential, p: ClientPair, what: string, timeoutMs = 2000): Promise<void> {
  const [ours, theirs] = await p.next(timeoutMs);
  d.record(what, ours, theirs);
}

/** Sends a (blocking) command on a pair and waits until the real server has it. */
async function block(p: ClientPair, ...args: string[]): Promise<void> {
  p.send(...args);
  await settle();
}

function field(r: Reply, name: string): string {
  const text = r.t === 'bulk' || r.t === 'verbatim' ? bin(r.b) : '';
  return new RegExp(`(?:^|[\\n ])${name}[:=]([^\\r\\n ]*)`).exec(text)?.[1] ?? '?';
}

async function compareBlockedCount(d: Differential, label: string): Promise<void> {
  const [ours, theirs] = await d.both('INFO', 'clients');
  const o = field(ours!, 'blocked_clients');
  const t = field(theirs, 'blocked_clients');
  d.record(`blocked_clients ${label}`, { t: 'simple', s: o }, { t: 'simple', s: t });
}

describe('differential blocking', () => {
  const d = useDifferential('blocking');

  it('BLPOP is woken by another client, in blocking order', async () => {
    await resetBoth(d);
    const [a, b, c] = [await d.openPair(), await d.openPair(), await d.openPair()];
    await block(a, 'BLPOP', 'q', '0');
    await block(b, 'BLPOP', 'other', 'q', '0');
    await block(c, 'BRPOP', 'q', '0');
    await compareBlockedCount(d, 'with three blocked');
    await d.check(['RPUSH', 'q', '1', '2']);
    await expectNext(d, a, 'first blocked');
    await expectNext(d, b, 'second blocked');
    expect(c.oursWaiting).toBe(0);
    await d.check(['LLEN', 'q']);
    await d.check(['RPUSH', 'other', 'o1', 'o2']);
    await d.check(['LPUSH', 'q', 'z']);
    await expectNext(d, c, 'third blocked');
    await d.check(['LRANGE', 'other', '0', '-1']);
    await compareBlockedCount(d, 'after service');
    for (const p of [a, b, c]) p.close();
  });

  it('BLMOVE chains and BLMPOP counts', async () => {
    await resetBoth(d);
    const [a, b, c, e] = [await d.openPair(), await d.openPair(), await d.openPair(), await d.openPair()];
    await block(a, 'BLMOVE', 's1', 's2', 'LEFT', 'RIGHT', '0');
    await block(b, 'BRPOPLPUSH', 's2', 's3', '0');
    await block(c, 'BLMPOP', '0', '2', 'x', 's3', 'RIGHT', 'COUNT', '5');
    await d.check(['RPUSH', 's1', 'v', 'w']);
    await expectNext(d, a, 'BLMOVE served');
    await expectNext(d, b, 'BRPOPLPUSH served by the chain');
    await expectNext(d, c, 'BLMPOP served by the chain');
    await d.checkAll([
      ['LRANGE', 's1', '0', '-1'],
      ['EXISTS', 's2', 's3'],
    ]);
    await block(e, 'BLMOVE', 'src', 'str', 'LEFT', 'LEFT', '0');
    await d.check(['SET', 'str', 'x']);
    await d.check(['RPUSH', 'src', 'v']);
    await expectNext(d, e, 'BLMOVE onto a string');
    await d.check(['LLEN', 'src']);
    for (const p of [a, b, c, e]) p.close();
  });

  it('timeouts answer a nil array', async () => {
    await resetBoth(d);
    const a = await d.openPair();
    for (const cmd of [
      ['BLPOP', 'q', '0.1'],
      ['BRPOP', 'q', 'r', '0.05'],
      ['BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0.1'],
      ['BRPOPLPUSH', 'q', 'd', '0.1'],
      ['BLMPOP', '0.1', '1', 'q', 'LEFT'],
    ]) {
      a.send(...cmd);
      await expectNext(d, a, `${cmd[0]} timeout`, 3000);
    }
    a.send('PING');
    await expectNext(d, a, 'still usable');
    a.close();
  });

  it('pushes inside MULTI are served after EXEC', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await block(a, 'BLPOP', 'q', '0');
    await block(b, 'BLPOP', 'q', '0');
    await d.checkAll([['MULTI'], ['LPUSH', 'q', 'a'], ['LPUSH', 'q', 'b'], ['RPOP', 'q']]);
    expect(a.oursWaiting).toBe(0);
    await d.check(['EXEC']);
    await expectNext(d, a, 'served after EXEC');
    await d.checkAll([['MULTI'], ['LPUSH', 'q', 'x'], ['DEL', 'q'], ['EXEC']]);
    await settle();
    expect(b.oursWaiting).toBe(0);
    await d.check(['RPUSH', 'q', 'y']);
    await expectNext(d, b, 'served by a later push');
    for (const p of [a, b]) p.close();
  });

  it('CLIENT UNBLOCK with TIMEOUT and ERROR; pipelined commands wait', async () => {
    await resetBoth(d);
    const [a, u] = [await d.openPair(), await d.openPair()];
    const realId = await a.real.call('CLIENT', 'ID');
    const theirsId = realId.t === 'int' ? String(realId.n) : '?';
    const oursId = String(a.ours.id);
    await block(a, 'BLPOP', 'q', '0');
    a.send('PING', 'after');
    await settle();
    const [flagsOurs, flagsTheirs] = await d.both('CLIENT', 'LIST');
    const pick = (r: Reply | undefined, id: string): string => {
      const line = (r?.t === 'bulk' || r?.t === 'verbatim' ? bin(r.b) : '')
        .split('\n')
        .find((l) => l.startsWith(`id=${id} `));
      return field({ t: 'bulk', b: new TextEncoder().encode(line ?? '') }, 'flags');
    };
    d.record(
      'CLIENT LIST flags',
      { t: 'simple', s: pick(flagsOurs, oursId) },
      {
        t: 'simple',
        s: pick(flagsTheirs, theirsId),
      },
    );
    u.sendEach(['CLIENT', 'UNBLOCK', oursId], ['CLIENT', 'UNBLOCK', theirsId]);
    await expectNext(d, u, 'CLIENT UNBLOCK answer');
    await expectNext(d, a, 'unblocked by TIMEOUT');
    await expectNext(d, a, 'pipelined PING');
    await block(a, 'BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0');
    u.sendEach(['CLIENT', 'UNBLOCK', oursId, 'ERROR'], ['CLIENT', 'UNBLOCK', theirsId, 'ERROR']);
    await expectNext(d, u, 'CLIENT UNBLOCK ERROR answer');
    await expectNext(d, a, 'unblocked by ERROR');
    u.sendEach(['CLIENT', 'UNBLOCK', oursId, 'ERROR'], ['CLIENT', 'UNBLOCK', theirsId, 'ERROR']);
    await expectNext(d, u, 'CLIENT UNBLOCK of a client not blocked');
    u.send('CLIENT', 'UNBLOCK', 'x');
    await expectNext(d, u, 'CLIENT UNBLOCK bad id');
    u.send('CLIENT', 'UNBLOCK', '1', 'maybe');
    await expectNext(d, u, 'CLIENT UNBLOCK bad reason');
    for (const p of [a, u]) p.close();
  });

  it('a disconnected blocked client leaves the queue', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await block(a, 'BLPOP', 'q', '0');
    await block(b, 'BLPOP', 'q', '0');
    a.close();
    await settle();
    await d.check(['RPUSH', 'q', 'v', 'w']);
    await expectNext(d, b, 'next in line served');
    await d.check(['LRANGE', 'q', '0', '-1']);
    await compareBlockedCount(d, 'after disconnect');
    b.close();
  });

  it('served clients notify and count like Redis', async () => {
    await resetBoth(d);
    const events = new EventRecorder(d);
    await events.start();
    const [a, b, c] = [await d.openPair(), await d.openPair(), await d.openPair()];
    await block(a, 'BLPOP', 'e1', '0');
    await block(b, 'BLMOVE', 'e2', 'e3', 'RIGHT', 'LEFT', '0');
    await block(c, 'BLMPOP', '0', '1', 'e3', 'LEFT', 'COUNT', '2');
    await events.collect();
    const dirtyBefore = await dirtyCounters(d);
    await d.checkAll([
      ['RPUSH', 'e1', 'x'],
      ['RPUSH', 'e2', 'y', 'z'],
    ]);
    for (const p of [a, b, c]) await expectNext(d, p, 'served');
    await checkDirty(d, dirtyBefore, 'pushes that wake clients');
    await events.check('served clients');
    events.stop();
    for (const p of [a, b, c]) p.close();
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});
