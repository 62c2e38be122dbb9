import { describe, expect, it } from 'vitest';
import type { StreamSnapView } from '../../protocol/inspect.ts';
import { compareId, formatIdle, layoutStream, markerX, slotX } from './stream-layout.ts';

const pending = (id: string, deliveryCount = 1) => ({
  id,
  consumer: 'c',
  deliveryCount,
  idleMs: 5,
  exists: true,
});

const view: StreamSnapView = {
  kind: 'stream',
  length: 3,
  firstId: '1-0',
  lastId: '3-0',
  entriesAdded: '3',
  entries: ['1-0', '2-0', '3-0'].map((id) => ({ id, fields: [['f', 'v']] as [string, string][] })),
  groups: [
    {
      name: 'g',
      lastDeliveredId: '2-0',
      entriesRead: 2,
      lag: 1,
      pendingCount: 3,
      consumers: [
        { name: 'alice', idleMs: 1, pendingCount: 2, pending: [pending('0-5'), pending('2-0', 3)] },
        { name: 'bob', idleMs: 2, pendingCount: 1, pending: [pending('1-0')] },
      ],
    },
  ],
};

describe('stream layout', () => {
  it('compares IDs numerically', () => {
    expect(compareId('10-0', '9-0')).toBe(1);
    expect(compareId('5-2', '5-10')).toBe(-1);
    expect(compareId('18446744073709551615-0', '18446744073709551614-9')).toBe(1);
  });

  it('puts the last-delivered marker after the last entry <= it', () => {
    const ids = ['1-0', '2-0', '3-0'];
    expect(markerX(ids, '2-0')).toBe(slotX(2) - 4);
    expect(markerX(ids, '2-5')).toBe(slotX(2) - 4);
    expect(markerX(ids, '0-1')).toBe(slotX(0) - 4);
    expect(markerX(ids, '9-0')).toBe(slotX(3) - 4);
  });

  it('lays out chips under their entries, counting the hidden ones', () => {
    const l = layoutStream(view);
    const [alice, bob] = l.groups[0]!.consumers;
    expect(alice!.chips.map((c) => [c.id, c.x, c.deliveryCount])).toEqual([['2-0', slotX(1), 3]]);
    expect(alice!.hidden).toBe(1);
    expect(bob!.chips.map((c) => c.x)).toEqual([slotX(0)]);
    expect(bob!.y).toBeGreaterThan(alice!.y);
    expect(l.height).toBeGreaterThan(bob!.y);
  });

  it('formats idle times', () => {
    expect([formatIdle(850), formatIdle(12_340), formatIdle(245_000)]).toEqual(['850ms', '12.3s', '4m05s']);
  });
});
