import { describe, expect, it } from 'vitest';
import type { Bytes } from '../../bytes.ts';
import type { Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';

function setup() {
  const { node, clock } = testNode();
  const t = testClient(node);
  const events: string[] = [];
  node.notify = (cls, event, key) => void events.push(`${cls}:${event}:${key}`);
  const payloadOf = (key: string): Bytes => (t.call('DUMP', key) as { b: Bytes }).b;
  return { node, clock, t, events, payloadOf };
}

const ok: Reply = { t: 'simple', s: 'OK' };

describe('DUMP / RESTORE', () => {
  it('restores a value with its TTL on the node clock, notifying and counting a change', () => {
    const { node, clock, t, events, payloadOf } = setup();
    t.call('RPUSH', 'l', 'a', 'b');
    const p = payloadOf('l');
    const dirty = node.dirty;
    events.length = 0;
    expect(t.call('RESTORE', 'copy', '5000', p)).toEqual(ok);
    expect(events).toEqual(['g:restore:copy']);
    expect(node.dirty).toBe(dirty + 1);
    expect(t.call('PTTL', 'copy')).toEqual({ t: 'int', n: 5000 });
    clock.advance(5001);
    expect(t.call('EXISTS', 'copy')).toEqual({ t: 'int', n: 0 });
  });

  it('REPLACE with a TTL already past deletes the old key and reports a del', () => {
    const { node, t, events, payloadOf } = setup();
    t.call('SET', 'k', 'v');
    const p = payloadOf('k');
    events.length = 0;
    const dirty = node.dirty;
    expect(t.call('RESTORE', 'k', '1', p, 'ABSTTL', 'REPLACE')).toEqual(ok);
    expect(events).toEqual(['g:del:k']);
    expect(node.dirty).toBe(dirty + 1);
    expect(t.call('EXISTS', 'k')).toEqual({ t: 'int', n: 0 });
    events.length = 0;
    expect(t.call('RESTORE', 'k', '1', p, 'ABSTTL')).toEqual(ok);
    expect(events).toEqual([]);
    expect(node.dirty).toBe(dirty + 1);
  });

  it('applies IDLETIME under LRU policies and FREQ under LFU ones', () => {
    const { clock, t, payloadOf } = setup();
    clock.advance(10_000_000);
    t.call('SET', 'k', 'v');
    const p = payloadOf('k');
    t.call('RESTORE', 'idle', '0', p, 'IDLETIME', '3600');
    expect(t.call('OBJECT', 'IDLETIME', 'idle')).toEqual({ t: 'int', n: 3600 });
    t.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    t.call('RESTORE', 'hot', '0', p, 'FREQ', '200');
    expect(t.call('OBJECT', 'FREQ', 'hot')).toEqual({ t: 'int', n: 200 });
  });

  it('changes nothing when the payload is rejected', () => {
    const { node, t, events, payloadOf } = setup();
    t.call('SET', 'k', 'v');
    const p = payloadOf('k').slice();
    p[1] ^= 0xff;
    events.length = 0;
    const dirty = node.dirty;
    expect(t.call('RESTORE', 'n', '0', p)).toEqual({
      t: 'error',
      s: 'ERR DUMP payload version or checksum are wrong',
    });
    expect(t.call('RESTORE', 'k', '0', payloadOf('k'))).toEqual({
      t: 'error',
      s: 'BUSYKEY Target key name already exists.',
    });
    expect(events).toEqual([]);
    expect(node.dirty).toBe(dirty);
    expect(t.call('DBSIZE')).toEqual({ t: 'int', n: 1 });
  });
});
