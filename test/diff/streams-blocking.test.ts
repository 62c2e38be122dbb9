/*
 * Differential tests of XREAD BLOCK with several connections to both servers: wake-ups by XADD from
 * another client, "$" versus explicit IDs, several keys, COUNT and the default count, entries added
 * inside MULTI, timeouts, BLOCK inside MULTI, keys deleted or turned into another type while clients
 * wait, RESP3 replies, and CLIENT UNBLOCK.
 */
import { describe, expect, it } from 'vitest';
import { type ClientPair, type Differential, useDifferential } from './harness.ts';
import { resetBoth } from './strings-helpers.ts';

const settle = (ms = 40): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function expectNext(d: Differential, p: ClientPair, what: string, timeoutMs = 2000): Promise<void> {
  const [ours, theirs] = await p.next(timeoutMs);
  d.record(what, ours, theirs);
}

async function block(p: ClientPair, ...args: string[]): Promise<void> {
  p.send(...args);
  await settle();
}

describe('differential streams blocking', () => {
  const d = useDifferential('streams-blocking');

  it('XREAD BLOCK is woken by XADD from another client', async () => {
    await resetBoth(d);
    const [a, b, c] = [await d.openPair(), await d.openPair(), await d.openPair()];
    await d.check(['XADD', 's', '1-1', 'f', 'v']);
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
    await block(b, 'XREAD', 'BLOCK', '0', 'STREAMS', 'other', 's', '$', '1-1');
    await block(c, 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '100-0');
    await d.check(['XADD', 's', '2-1', 'f', 'w']);
    await expectNext(d, a, 'blocked on $');
    await expectNext(d, b, 'blocked on two keys');
    expect(c.oursWaiting).toBe(0);
    await d.check(['XADD', 's', '50-0', 'f', 'x']);
    await settle();
    expect(c.oursWaiting).toBe(0);
    await d.check(['XADD', 's', '101-0', 'f', 'y', 'g', 'z']);
    await expectNext(d, c, 'blocked on an ID in the future');
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 'new', '$');
    await d.check(['XADD', 'new', '5-5', 'a', 'b']);
    await expectNext(d, a, 'blocked on a missing key');
    for (const p of [a, b, c]) p.close();
  });

  it('COUNT, the default count, and entries added inside MULTI', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await d.check(['XADD', 'm', '1-0', 'f', 'v']);
    await block(a, 'XREAD', 'COUNT', '2', 'BLOCK', '0', 'STREAMS', 'm', '$');
    await block(b, 'XREAD', 'BLOCK', '0', 'STREAMS', 'm', '$');
    await d.checkAll([['MULTI'], ['XADD', 'm', '2-0', 'f', '1'], ['XADD', 'm', '3-0', 'f', '2']]);
    await d.check(['XADD', 'm', '4-0', 'f', '3']);
    await d.check(['EXEC']);
    await expectNext(d, a, 'served with COUNT 2 after EXEC');
    await expectNext(d, b, 'served all after EXEC');
    const cmds: string[][] = [];
    for (let i = 10; i < 1210; i++) cmds.push(['XADD', 'big', `${i}-0`, 'f', String(i)]);
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 'big', '0-0');
    await d.checkAll([['MULTI'], ...cmds]);
    await d.check(['EXEC'], { project: (r) => (r.t === 'array' ? r.a.length : r.t) });
    await expectNext(d, a, 'served at most 1000 by default');
    for (const p of [a, b]) p.close();
  });

  it('timeouts, MULTI, deleted keys, type changes, RESP3, CLIENT UNBLOCK', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    const idTheirs = await a.real.call('CLIENT', 'ID');
    const theirsId = idTheirs.t === 'int' ? String(idTheirs.n) : '?';
    a.send('XREAD', 'BLOCK', '100', 'STREAMS', 't', '$');
    await expectNext(d, a, 'XREAD BLOCK timeout', 3000);
    await d.checkAll([['MULTI'], ['XREAD', 'BLOCK', '0', 'STREAMS', 't', '$'], ['EXEC']]);
    await d.check(['XADD', 'd', '1-0', 'f', 'v']);
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 'd', '$');
    await d.check(['DEL', 'd']);
    await d.check(['LPUSH', 'd', 'x']);
    await settle();
    expect(a.oursWaiting).toBe(0);
    await d.check(['DEL', 'd']);
    await d.check(['XADD', 'd', '1-0', 'f', 'w']);
    await settle();
    expect(a.oursWaiting).toBe(0);
    await d.check(['XADD', 'd', '2-0', 'f', 'w']);
    await expectNext(d, a, 'served once the re-created stream passed the ID');
    await block(b, 'HELLO', '3');
    await b.next();
    await block(b, 'XREAD', 'BLOCK', '0', 'STREAMS', 'r3', '$');
    await d.check(['XADD', 'r3', '1-0', 'f', 'v']);
    const [ours, theirs] = await b.next();
    d.resp = 3;
    d.record('RESP3 blocked reply', ours, theirs);
    d.resp = 2;
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 'u', '$');
    b.sendEach(['CLIENT', 'UNBLOCK', String(a.ours.id)], ['CLIENT', 'UNBLOCK', theirsId]);
    await expectNext(d, b, 'CLIENT UNBLOCK answer');
    await expectNext(d, a, 'unblocked XREAD');
    for (const p of [a, b]) p.close();
  });

  it('a stream arriving by RENAME, COPY or MOVE wakes XREAD clients', async () => {
    await resetBoth(d);
    const [a, b, c] = [await d.openPair(), await d.openPair(), await d.openPair()];
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 'dst', '$');
    await block(b, 'XREAD', 'BLOCK', '0', 'STREAMS', 'cp', '0-0');
    await block(c, 'XREAD', 'BLOCK', '0', 'STREAMS', 'mv', '$');
    await d.checkAll([
      ['XADD', 'src', '1-1', 'a', 'b'],
      ['RENAME', 'src', 'dst'],
    ]);
    await expectNext(d, a, 'woken by RENAME');
    await d.check(['COPY', 'dst', 'cp']);
    await expectNext(d, b, 'woken by COPY');
    await d.checkAll([
      ['SELECT', '1'],
      ['XADD', 'mv', '5-5', 'x', 'y'],
      ['MOVE', 'mv', '0'],
      ['SELECT', '0'],
    ]);
    await expectNext(d, c, 'woken by MOVE');
    await block(a, 'XREAD', 'BLOCK', '0', 'STREAMS', 'dst', '$');
    await d.checkAll([
      ['XADD', 'old', '1-0', 'a', 'b'],
      ['RENAME', 'old', 'dst'],
    ]);
    await settle();
    expect(a.oursWaiting).toBe(0);
    await d.check(['XADD', 'dst', '2-0', 'c', 'd']);
    await expectNext(d, a, 'an older stream moved in does not serve, the next XADD does');
    for (const p of [a, b, c]) p.close();
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});
