/*
 * Differential tests of XREADGROUP ... BLOCK with several connections to both servers: a blocked
 * consumer woken by another client's XADD, service order among consumers of one group, COUNT on
 * wake-up, NOACK, entries added and deleted inside MULTI, the key deleted / overwritten / flushed
 * (UNBLOCKED), the group destroyed or the key replaced by RENAME (NOGROUP, or data), timeouts, and
 * the error statistics of a failed blocked command. Waiting replies are compared as they arrive
 * (ours are produced when the test runs the node's beforeSleep, as a host would).
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

async function block(p: ClientPair, ...args: string[]): Promise<void> {
  p.send(...args);
  await settle();
}

const readGroup = (consumer: string, ...rest: string[]): string[] => [
  'XREADGROUP',
  'GROUP',
  'g',
  consumer,
  ...rest,
];

function infoField(r: Reply | undefined, pattern: RegExp): string {
  const text = r?.t === 'bulk' || r?.t === 'verbatim' ? bin(r.b) : '';
  return pattern.exec(text)?.[1] ?? '-';
}

describe('differential blocking XREADGROUP', () => {
  const d = useDifferential('streams groups blocking');

  it('XADD from another client wakes blocked consumers in order, with COUNT', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await d.check(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await block(b, ...readGroup('bob', 'COUNT', '1', 'BLOCK', '0', 'STREAMS', 's', '>'));
    expect(a.oursWaiting).toBe(0);
    await d.check(['XADD', 's', '1-0', 'f', 'v1']);
    await expectNext(d, a, 'first consumer served');
    await d.checkAll([
      ['XINFO', 'GROUPS', 's'],
      ['XPENDING', 's', 'g'],
      ['MULTI'],
      ['XADD', 's', '2-0', 'f', 'v2'],
      ['XADD', 's', '3-0', 'f', 'v3'],
      ['EXEC'],
    ]);
    await expectNext(d, b, 'second consumer served with COUNT 1');
    await d.checkAll([
      ['XPENDING', 's', 'g'],
      ['XINFO', 'GROUPS', 's'],
    ]);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 'other', 's', '>', '>'));
    await d.check(['XADD', 's', '4-0', 'f', 'v4']);
    await expectNext(d, a, 'the group had 3-0 undelivered: served at once (sync)');
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.check(['XADD', 's', '5-0', 'f', 'v5']);
    await expectNext(d, a, 'served the new entry');
    for (const p of [a, b]) p.close();
  });

  it('NOACK, entries deleted in the same transaction, two keys', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await d.checkAll([
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 't', 'g', '$', 'MKSTREAM'],
    ]);
    await block(a, ...readGroup('alice', 'NOACK', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.check(['XADD', 's', '1-0', 'f', 'v']);
    await expectNext(d, a, 'NOACK served');
    await d.checkAll([
      ['XPENDING', 's', 'g'],
      ['XINFO', 'GROUPS', 's'],
    ]);
    await block(b, ...readGroup('bob', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.checkAll([['MULTI'], ['XADD', 's', '2-0', 'f', 'v'], ['XDEL', 's', '2-0'], ['EXEC']]);
    await expectNext(d, b, 'served an empty list');
    await d.checkAll([
      ['XINFO', 'GROUPS', 's'],
      ['XPENDING', 's', 'g'],
    ]);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', 't', '>', '>'));
    await d.check(['XADD', 't', '1-0', 'f', 'v']);
    await expectNext(d, a, 'served from the second key');
    for (const p of [a, b]) p.close();
  });

  it('key deleted, overwritten, flushed: UNBLOCKED; group destroyed: NOGROUP', async () => {
    await resetBoth(d);
    const a = await d.openPair();
    const cases: [string, string[][]][] = [
      ['DEL', [['DEL', 's']]],
      ['SET', [['SET', 's', 'v']]],
      ['MULTI DEL SADD', [['MULTI'], ['DEL', 's'], ['SADD', 's', 'e'], ['EXEC']]],
      ['MULTI DEL XADD', [['MULTI'], ['DEL', 's'], ['XADD', 's', '9-0', 'f', 'v'], ['EXEC']]],
      ['FLUSHALL', [['FLUSHALL']]],
      ['XGROUP DESTROY', [['XGROUP', 'DESTROY', 's', 'g']]],
    ];
    for (const [label, cmds] of cases) {
      await d.checkAll([
        ['DEL', 's'],
        ['XADD', 's', '1-0', 'f', 'v'],
        ['XGROUP', 'CREATE', 's', 'g', '$'],
      ]);
      await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
      await d.checkAll(cmds);
      await expectNext(d, a, `blocked XREADGROUP after ${label}`);
    }
    a.close();
  });

  it('RENAME onto the key serves data or answers NOGROUP; XREAD on the same key stays blocked', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await d.check(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.checkAll([
      ['XGROUP', 'CREATE', 's2', 'g', '$', 'MKSTREAM'],
      ['XADD', 's2', '100', 'f1', 'v1'],
      ['RENAME', 's2', 's'],
    ]);
    await expectNext(d, a, 'RENAME with the group and data');
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.checkAll([
      ['XADD', 's3', '100', 'f1', 'v1'],
      ['RENAME', 's3', 's'],
    ]);
    await expectNext(d, a, 'RENAME without the group');
    await d.checkAll([
      ['DEL', 's'],
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
    ]);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await block(b, 'XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
    await d.check(['DEL', 's']);
    await expectNext(d, a, 'XREADGROUP unblocked by DEL');
    await settle();
    expect(b.oursWaiting).toBe(0);
    await d.check(['XADD', 's', '5-0', 'f', 'v']);
    await expectNext(d, b, 'XREAD served by the later XADD');
    for (const p of [a, b]) p.close();
  });

  it('timeouts answer a nil array; the consumer is not created', async () => {
    await resetBoth(d);
    const a = await d.openPair();
    await d.check(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    a.send(...readGroup('alice', 'BLOCK', '100', 'STREAMS', 's', '>'));
    await expectNext(d, a, 'timeout', 3000);
    await d.check(['XINFO', 'GROUPS', 's']);
    a.send('PING');
    await expectNext(d, a, 'still usable');
    a.close();
  });

  it('counts, events and error statistics of woken consumers', async () => {
    await resetBoth(d);
    const events = new EventRecorder(d);
    await events.start();
    const [a, b] = [await d.openPair(), await d.openPair()];
    await d.check(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await block(b, ...readGroup('bob', 'NOACK', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await events.collect();
    const dirtyBefore = await dirtyCounters(d);
    await d.checkAll([['MULTI'], ['XADD', 's', '1-0', 'f', 'v'], ['XADD', 's', '2-0', 'f', 'v'], ['EXEC']]);
    await expectNext(d, a, 'served');
    await checkDirty(d, dirtyBefore, 'XADD that wakes a consumer');
    await events.check('woken consumers');
    await d.checkAll([
      ['CONFIG', 'RESETSTAT'],
      ['XADD', 's', '3-0', 'f', 'v'],
    ]);
    await expectNext(d, b, 'NOACK consumer served');
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.check(['XGROUP', 'DESTROY', 's', 'g']);
    await expectNext(d, a, 'NOGROUP after DESTROY');
    const [ours, theirs] = await d.both('INFO', 'all');
    for (const [what, re] of [
      ['errorstat NOGROUP', /errorstat_NOGROUP:(count=\d+)/],
      ['xreadgroup calls', /cmdstat_xreadgroup:(calls=\d+)/],
      ['xreadgroup failed', /cmdstat_xreadgroup:.*(rejected_calls=\d+,failed_calls=\d+)/],
      ['total_error_replies', /total_error_replies:(\d+)/],
    ] as const) {
      d.record(what, { t: 'simple', s: infoField(ours, re) }, { t: 'simple', s: infoField(theirs, re) });
    }
    events.stop();
    for (const p of [a, b]) p.close();
  });

  it('RESP3 consumers get a map; CLIENT UNBLOCK; a deleted consumer is re-created when served', async () => {
    await resetBoth(d);
    const [a, u] = [await d.openPair(), await d.openPair()];
    a.send('HELLO', '3');
    const [hello] = await a.next();
    expect(hello?.t).toBe('map');
    await d.check(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.check(['XADD', 's', '1-0', 'f', 'v']);
    await expectNext(d, a, 'RESP3 map reply');
    const realId = await a.real.call('CLIENT', 'ID');
    const theirsId = realId.t === 'int' ? String(realId.n) : '?';
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    u.sendEach(['CLIENT', 'UNBLOCK', String(a.ours.id)], ['CLIENT', 'UNBLOCK', theirsId]);
    await expectNext(d, u, 'CLIENT UNBLOCK answer');
    // RESP3 has one null: the real side decodes it as a nil bulk, ours is a nil array (same bytes).
    const [ours, theirs] = await a.next();
    d.record('unblocked: null', ours?.t === 'nilarray' ? { t: 'nil' } : ours, theirs);
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    u.sendEach(['CLIENT', 'UNBLOCK', String(a.ours.id), 'ERROR'], ['CLIENT', 'UNBLOCK', theirsId, 'ERROR']);
    await expectNext(d, u, 'CLIENT UNBLOCK ERROR answer');
    await expectNext(d, a, 'unblocked with an error');
    await block(a, ...readGroup('alice', 'BLOCK', '0', 'STREAMS', 's', '>'));
    await d.checkAll([
      ['XGROUP', 'DELCONSUMER', 's', 'g', 'alice'],
      ['XADD', 's', '2-0', 'f', 'v'],
    ]);
    await expectNext(d, a, 'served after its consumer was deleted');
    await d.checkAll([
      ['XPENDING', 's', 'g'],
      ['XINFO', 'GROUPS', 's'],
    ]);
    for (const p of [a, u]) p.close();
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});
