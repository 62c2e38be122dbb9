import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../../testkit.ts';
import { inspectStream } from './inspect.ts';
import type { StreamValue } from './model.ts';

describe('inspectStream', () => {
  it('shows the entry window, entry status per group, PELs and consumers', () => {
    const { node, clock } = testNode();
    const c = testClient(node);
    for (let i = 1; i <= 5; i++) c.call('XADD', 's', `${i}-0`, 'f', `v${i}`);
    c.call('XGROUP', 'CREATE', 's', 'g1', '0');
    c.call('XGROUP', 'CREATE', 's', 'g2', '$');
    const t0 = node.nowMs();
    c.call('XREADGROUP', 'GROUP', 'g1', 'alice', 'COUNT', '3', 'STREAMS', 's', '>');
    c.call('XACK', 's', 'g1', '2-0');
    c.call('XDEL', 's', '3-0');
    clock.advance(250);
    const view = inspectStream(node.dbs[0]!.peek('s') as StreamValue, { nowMs: node.nowMs(), maxEntries: 3 });
    expect(view).toMatchObject({
      length: 4,
      firstId: '1-0',
      lastId: '5-0',
      maxDeletedId: '3-0',
      entriesAdded: '5',
    });
    expect(view.entries.map((e) => e.id)).toEqual(['2-0', '4-0', '5-0']);
    expect(view.entries[0]).toEqual({
      id: '2-0',
      fields: [['f', 'v2']],
      groups: [
        { group: 'g1', status: 'acked' },
        { group: 'g2', status: 'acked' },
      ],
    });
    expect(view.entries[1]!.groups[0]).toEqual({ group: 'g1', status: 'new' });
    const [g1, g2] = view.groups;
    expect(g1).toMatchObject({
      name: 'g1',
      lastDeliveredId: '3-0',
      entriesRead: 3,
      lag: null,
      pendingCount: 2,
    });
    expect(g1!.pending).toEqual([
      { id: '1-0', consumer: 'alice', deliveryTimeMs: t0, deliveryCount: 1, idleMs: 250, exists: true },
      { id: '3-0', consumer: 'alice', deliveryTimeMs: t0, deliveryCount: 1, idleMs: 250, exists: false },
    ]);
    expect(g1!.consumers).toEqual([
      { name: 'alice', seenTimeMs: t0, idleMs: 250, pendingCount: 2, pending: g1!.pending },
    ]);
    expect(g2).toMatchObject({
      name: 'g2',
      lastDeliveredId: '5-0',
      entriesRead: null,
      lag: 0,
      consumers: [],
    });
    const head = inspectStream(node.dbs[0]!.peek('s') as StreamValue, {
      nowMs: node.nowMs(),
      from: 'head',
      maxEntries: 1,
      maxPending: 1,
    });
    expect(head.entries.map((e) => [e.id, e.groups[0]])).toEqual([
      ['1-0', { group: 'g1', status: 'pending', consumer: 'alice' }],
    ]);
    expect(head.groups[0]!.pending.length).toBe(1);
  });
});
