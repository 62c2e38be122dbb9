import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

/** Replies as compact text for assertions. */
function show(r: Reply | undefined): unknown {
  if (r === undefined) return undefined;
  switch (r.t) {
    case 'bulk':
      return bin(r.b);
    case 'array':
      return r.a.map(show);
    case 'int':
      return Number(r.n);
    case 'nil':
    case 'nilarray':
      return null;
    case 'error':
    case 'simple':
      return r.s;
    default:
      return r.t;
  }
}

const last = (t: { replies: Reply[] }): unknown => show(t.replies[t.replies.length - 1]);

describe('blocking registry', () => {
  it('serves blocked clients in blocking order, after the pushing command', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    const w = testClient(node);
    expect(a.call('BLPOP', 'q', '0')).toBeUndefined();
    expect(b.call('BLPOP', 'q', '0')).toBeUndefined();
    expect(node.blocking.blockedCount).toBe(2);
    expect(show(w.call('RPUSH', 'q', 'x', 'y', 'z'))).toBe(3);
    expect(last(a)).toEqual(['q', 'x']);
    expect(last(b)).toEqual(['q', 'y']);
    expect(show(w.call('LRANGE', 'q', '0', '-1'))).toEqual(['z']);
    expect(node.blocking.blockedCount).toBe(0);
  });

  it('times out strictly after the deadline on the manual clock', () => {
    const { node, clock } = testNode();
    const a = testClient(node);
    a.call('BRPOP', 'q', '0.25');
    clock.advance(250);
    node.beforeSleep();
    expect(a.replies.length).toBe(0);
    clock.advance(1);
    node.beforeSleep();
    expect(a.replies[0]).toEqual({ t: 'nilarray' });
    expect(a.client.flags.has('blocked')).toBe(false);
  });

  it('holds commands a blocked client sends and runs them after it is served', () => {
    const { node } = testNode();
    const a = testClient(node);
    const w = testClient(node);
    a.call('BLPOP', 'q', '0');
    a.call('PING');
    expect(a.replies.length).toBe(0);
    w.call('LPUSH', 'q', 'v');
    expect(a.replies.map(show)).toEqual([['q', 'v'], 'PONG']);
  });

  it('serves after EXEC, not inside the transaction', () => {
    const { node } = testNode();
    const a = testClient(node);
    const w = testClient(node);
    a.call('BLPOP', 'q', '0');
    w.call('MULTI');
    w.call('LPUSH', 'q', 'a');
    w.call('LPUSH', 'q', 'b');
    w.call('LPOP', 'q');
    expect(a.replies.length).toBe(0);
    expect(show(w.call('EXEC'))).toEqual([1, 2, 'b']);
    expect(last(a)).toEqual(['q', 'a']);
  });

  it('chains BLMOVE targets and answers WRONGTYPE for a bad destination', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    const w = testClient(node);
    a.call('BLMOVE', 'src', 'mid', 'LEFT', 'RIGHT', '0');
    b.call('BLPOP', 'mid', '0');
    w.call('RPUSH', 'src', 'v');
    expect(last(a)).toBe('v');
    expect(last(b)).toEqual(['mid', 'v']);
    a.call('BRPOPLPUSH', 'src', 'str', '0');
    w.call('SET', 'str', 'x');
    w.call('RPUSH', 'src', 'v2');
    expect(last(a)).toMatch(/^WRONGTYPE/);
    expect(show(w.call('LLEN', 'src'))).toBe(1);
  });

  it('CLIENT UNBLOCK with TIMEOUT or ERROR, and disconnection leaves the queues', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    const w = testClient(node);
    a.call('BLPOP', 'q', '0');
    b.call('BLPOP', 'q', '0');
    expect(show(w.call('CLIENT', 'UNBLOCK', String(a.client.id), 'ERROR'))).toBe(1);
    expect(last(a)).toBe('UNBLOCKED client unblocked via CLIENT UNBLOCK');
    expect(show(w.call('CLIENT', 'UNBLOCK', String(a.client.id)))).toBe(0);
    node.disconnect(b.client);
    expect(node.blocking.blockedCount).toBe(0);
    w.call('LPUSH', 'q', 'v');
    expect(show(w.call('LLEN', 'q'))).toBe(1);
  });

  it('wakes clients on a list that arrives by RENAME', () => {
    const { node } = testNode();
    const a = testClient(node);
    const w = testClient(node);
    a.call('BLPOP', 'dst', '0');
    w.call('RPUSH', 'src', 'v');
    w.call('RENAME', 'src', 'dst');
    expect(last(a)).toEqual(['dst', 'v']);
  });
});
