/*
 * Consumer groups on a node with a hand-driven clock: the time-dependent parts the differential tests
 * can only compare by range (idle times, delivery and seen times, min-idle filters, BLOCK timeouts)
 * are exact here, plus the PEL invariant (group PEL = union of consumer PELs, shared objects).
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../bytes.ts';
import type { Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';
import { lookupGroup } from './groups.ts';
import type { StreamValue } from './model.ts';

/** Replies as plain data (bulk -> string, int -> number, nil -> null, maps -> flat arrays). */
function p(r: Reply | undefined): unknown {
  if (r === undefined) return undefined;
  switch (r.t) {
    case 'bulk':
      return bin(r.b);
    case 'int':
      return Number(r.n);
    case 'nil':
    case 'nilarray':
      return null;
    case 'array':
      return r.a.map(p);
    case 'map':
      return r.m.flatMap(([k, v]) => [p(k), p(v)]);
    case 'simple':
      return r.s;
    case 'error':
      return `ERR:${r.s}`;
    default:
      return r.t;
  }
}

function setup() {
  const { node, clock } = testNode();
  const c = testClient(node);
  const call = (...args: string[]): unknown => p(c.call(...args));
  for (const id of ['1-0', '2-0', '3-0']) call('XADD', 's', id, 'f', id);
  call('XGROUP', 'CREATE', 's', 'g', '0');
  return { node, clock, c, call };
}

/** Group PEL == union of consumer PELs, sharing each PendingEntry object. */
function checkPelInvariant(s: StreamValue): void {
  for (const g of s.groups?.values() ?? []) {
    let total = 0;
    for (const k of g.consumers.values()) {
      k.pel.forEach((id, pe) => {
        expect(g.pel.get(id)).toBe(pe);
        expect(pe.consumer).toBe(k);
      });
      total += k.pel.size;
    }
    expect(total).toBe(g.pel.size);
  }
}

describe('consumer groups on the node clock', () => {
  it('idle times, delivery counts and seen times follow the clock exactly', () => {
    const { node, clock, call } = setup();
    const t0 = node.nowMs();
    call('XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '>');
    clock.advance(1500);
    expect(call('XPENDING', 's', 'g', '-', '+', '10')).toEqual([
      ['1-0', 'alice', 1500, 1],
      ['2-0', 'alice', 1500, 1],
    ]);
    expect(call('XPENDING', 's', 'g', 'IDLE', '1501', '-', '+', '10')).toEqual([]);
    expect(call('XINFO', 'CONSUMERS', 's', 'g')).toEqual([['name', 'alice', 'pending', 2, 'idle', 1500]]);
    call('XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 's', '0');
    expect(call('XPENDING', 's', 'g', '-', '+', '10')).toEqual([
      ['1-0', 'alice', 0, 2],
      ['2-0', 'alice', 1500, 1],
    ]);
    const full = call('XINFO', 'STREAM', 's', 'FULL') as unknown[];
    const group = (full[full.indexOf('groups') + 1] as unknown[][])[0]!;
    expect(group[group.indexOf('pending') + 1]).toEqual([
      ['1-0', 'alice', t0 + 1500, 2],
      ['2-0', 'alice', t0, 1],
    ]);
    const consumer = (group[group.indexOf('consumers') + 1] as unknown[][])[0]!;
    expect(consumer.slice(0, 4)).toEqual(['name', 'alice', 'seen-time', t0 + 1500]);
    checkPelInvariant(node.dbs[0]!.peek('s') as StreamValue);
  });

  it('XCLAIM and XAUTOCLAIM honour min-idle-time on the node clock', () => {
    const { node, clock, call } = setup();
    call('XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>');
    clock.advance(999);
    expect(call('XCLAIM', 's', 'g', 'bob', '1000', '1-0', 'JUSTID')).toEqual([]);
    expect(call('XAUTOCLAIM', 's', 'g', 'bob', '1000', '0', 'JUSTID')).toEqual(['0-0', [], []]);
    clock.advance(1);
    expect(call('XCLAIM', 's', 'g', 'bob', '1000', '1-0', 'JUSTID')).toEqual(['1-0']);
    expect(call('XAUTOCLAIM', 's', 'g', 'bob', '1000', '0', 'COUNT', '1')).toEqual([
      '3-0',
      [['2-0', ['f', '2-0']]],
      [],
    ]);
    expect(call('XPENDING', 's', 'g', '-', '+', '10')).toEqual([
      ['1-0', 'bob', 0, 1],
      ['2-0', 'bob', 0, 2],
      ['3-0', 'alice', 1000, 1],
    ]);
    call('XCLAIM', 's', 'g', 'carol', '0', '3-0', 'IDLE', '250', 'RETRYCOUNT', '9', 'JUSTID');
    expect(call('XPENDING', 's', 'g', '-', '+', '10', 'carol')).toEqual([['3-0', 'carol', 250, 9]]);
    call('XCLAIM', 's', 'g', 'carol', '0', '3-0', 'TIME', String(node.nowMs() - 40), 'JUSTID');
    expect(call('XPENDING', 's', 'g', '-', '+', '10', 'carol')).toEqual([['3-0', 'carol', 40, 9]]);
    checkPelInvariant(node.dbs[0]!.peek('s') as StreamValue);
  });

  it('a blocked XREADGROUP times out on the clock and is woken by XADD', () => {
    const { node, clock, call } = setup();
    const waiter = testClient(node);
    call('XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>');
    expect(
      waiter.call('XREADGROUP', 'GROUP', 'g', 'bob', 'BLOCK', '100', 'STREAMS', 's', '>'),
    ).toBeUndefined();
    clock.advance(100);
    node.beforeSleep();
    expect(waiter.replies).toEqual([]);
    clock.advance(1);
    node.beforeSleep();
    expect(p(waiter.replies.pop())).toEqual(null);
    waiter.call('XREADGROUP', 'GROUP', 'g', 'bob', 'BLOCK', '0', 'STREAMS', 's', '>');
    call('XADD', 's', '4-0', 'f', 'new');
    expect(p(waiter.replies.pop())).toEqual([['s', [['4-0', ['f', 'new']]]]]);
    expect(call('XINFO', 'GROUPS', 's')).toEqual([
      ['name', 'g', 'consumers', 2, 'pending', 4, 'last-delivered-id', '4-0', 'entries-read', 4, 'lag', 0],
    ]);
  });

  it('XGROUP DELCONSUMER and XACK keep both PELs in step', () => {
    const { node, call } = setup();
    call('XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 's', '>');
    call('XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>');
    const s = node.dbs[0]!.peek('s') as StreamValue;
    checkPelInvariant(s);
    expect(call('XACK', 's', 'g', '2-0')).toBe(1);
    checkPelInvariant(s);
    expect(call('XGROUP', 'DELCONSUMER', 's', 'g', 'bob')).toBe(1);
    checkPelInvariant(s);
    expect(
      lookupGroup(s, 'g')!
        .pel.keys()
        .map((id) => `${id.ms}-${id.seq}`),
    ).toEqual(['1-0']);
  });
});

describe('blocked XREADGROUP and the keyspace', () => {
  it('unblocks with UNBLOCKED when the stream expires, is swapped away or moved', () => {
    const { node, clock } = testNode();
    const c = testClient(node);
    const waiter = testClient(node);
    const block = (): void =>
      void waiter.call('XREADGROUP', 'GROUP', 'g', 'w', 'BLOCK', '0', 'STREAMS', 's', '>');
    const lastReply = (): unknown => p(waiter.replies.pop());
    c.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    c.call('PEXPIRE', 's', '100');
    block();
    clock.advance(200);
    node.cron();
    node.beforeSleep();
    expect(lastReply()).toBe('ERR:UNBLOCKED the stream key no longer exists');
    c.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    block();
    c.call('SWAPDB', '0', '1');
    expect(lastReply()).toBe('ERR:UNBLOCKED the stream key no longer exists');
    c.call('SWAPDB', '0', '1');
    block();
    c.call('MOVE', 's', '2');
    expect(lastReply()).toBe('ERR:UNBLOCKED the stream key no longer exists');
    expect(waiter.replies).toEqual([]);
  });
});
