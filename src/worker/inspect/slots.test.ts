import { describe, expect, it } from 'vitest';
import type { KeyspaceSnapshot } from '../../protocol/inspect.ts';
import { startedHost } from '../testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('keyspace snapshot by hash slot', () => {
  it('groups live keys by the slot CLUSTER KEYSLOT gives, with a sorted sample', () => {
    const { req } = startedHost(3);
    const c = req({ type: 'connect' });
    const clientId = c.type === 'connected' ? c.state.clientId : -1;
    const run = (...a: string[]) => req({ type: 'command', clientId, argv: a.map(enc) });
    for (const k of ['foo', 'bar', '{foo}7', '{foo}6', '{foo}5', '{foo}4', '{foo}3', '{foo}2', '{foo}1'])
      run('SET', k, 'v');
    run('SET', 'gone', 'v', 'PX', '1');
    const a = req({ type: 'keyspace', query: { db: 0, limit: 1, slots: true } });
    const snap = (a as { snapshot: KeyspaceSnapshot }).snapshot;
    expect(snap.rows).toHaveLength(1);
    const byGone = snap.slots!.filter((s) => s.sample.includes('gone'));
    expect(snap.slots!.map((s) => [s.slot, s.count])).toEqual(
      [[5061, 1], ...byGone.map((s) => [s.slot, 1]), [12182, 8]].sort((x, y) => x[0]! - y[0]!),
    );
    expect(snap.slots!.find((s) => s.slot === 12182)!.sample).toEqual([
      'foo',
      '{foo}1',
      '{foo}2',
      '{foo}3',
      '{foo}4',
    ]);
    const plain = req({ type: 'keyspace', query: { db: 0 } });
    expect((plain as { snapshot: KeyspaceSnapshot }).snapshot.slots).toBeUndefined();
  });
});
