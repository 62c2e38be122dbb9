import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode, type TestClient } from '../testkit.ts';

/** Replies as plain data: pushes as ['>', ...], bulks as text, null as null. */
function plain(r: Reply | undefined): unknown {
  if (r === undefined) return undefined;
  switch (r.t) {
    case 'push':
      return ['>', ...r.a.map(plain)];
    case 'array':
    case 'set':
      return r.a.map(plain);
    case 'bulk':
    case 'verbatim':
      return bin(r.b);
    case 'simple':
    case 'error':
      return r.s;
    case 'int':
      return Number(r.n);
    case 'nil':
    case 'nilarray':
      return null;
    default:
      return r.t;
  }
}

function take(t: TestClient): unknown[] {
  const out = t.replies.map(plain);
  t.replies.length = 0;
  return out;
}

function setup(): { node: ReturnType<typeof testNode>['node']; a: TestClient; b: TestClient } {
  const { node } = testNode();
  const a = testClient(node);
  const b = testClient(node);
  a.call('HELLO', '3');
  take(a);
  return { node, a, b };
}

describe('client-side caching', () => {
  it('invalidates a key read in default mode once, after a write by another client', () => {
    const { a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on');
    b.call('SET', 'k', '1');
    a.call('GET', 'k');
    take(a);
    b.call('SET', 'k', '2');
    b.call('SET', 'k', '3');
    expect(take(a)).toEqual([['>', 'invalidate', ['k']]]);
  });

  it("sends the writer's own invalidation after its reply", () => {
    const { a } = setup();
    a.call('CLIENT', 'TRACKING', 'on');
    a.call('MSET', 'x', '1', 'y', '2');
    a.call('GET', 'x');
    take(a);
    a.call('MULTI');
    a.call('INCR', 'x');
    a.call('GET', 'y');
    a.call('EXEC');
    expect(take(a)).toEqual(['OK', 'QUEUED', 'QUEUED', [2, '2'], ['>', 'invalidate', ['x']]]);
  });

  it('NOLOOP skips changes made by the client itself', () => {
    const { a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on', 'NOLOOP');
    a.call('GET', 'k');
    a.call('SET', 'k', '1');
    expect(take(a)).toEqual(['OK', null, 'OK']);
    a.call('GET', 'k');
    b.call('DEL', 'k');
    expect(take(a).slice(-1)).toEqual([['>', 'invalidate', ['k']]]);
  });

  it('OPTIN remembers only after CLIENT CACHING yes, for the next command', () => {
    const { a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on', 'OPTIN');
    a.call('GET', 'k1');
    a.call('CLIENT', 'CACHING', 'yes');
    a.call('GET', 'k2');
    a.call('GET', 'k3');
    take(a);
    b.call('MSET', 'k1', '1', 'k2', '2', 'k3', '3');
    expect(take(a)).toEqual([['>', 'invalidate', ['k2']]]);
  });

  it('BCAST collects keys per prefix and sends them from beforeSleep in byte order', () => {
    const { node, a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'a:', 'PREFIX', 'b:');
    take(a);
    b.call('MSET', 'b:2', '1', 'a:1', '1', 'b:1', '1', 'c', '1');
    expect(take(a)).toEqual([]);
    node.beforeSleep();
    expect(take(a)).toEqual([
      ['>', 'invalidate', ['a:1']],
      ['>', 'invalidate', ['b:1', 'b:2']],
    ]);
    expect(plain(a.call('INFO', 'stats'))).toMatch(/tracking_total_prefixes:2/);
  });

  it('FLUSHALL sends null to every tracking client and empties the table', () => {
    const { a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on');
    a.call('GET', 'k');
    take(a);
    b.call('FLUSHALL');
    expect(take(a)).toEqual([['>', 'invalidate', null]]);
    expect(plain(a.call('INFO', 'stats'))).toMatch(/tracking_total_keys:0/);
  });

  it('redirects to a RESP2 client only in Pub/Sub mode, and reports a vanished target', () => {
    const { node, a, b } = setup();
    const r = testClient(node);
    r.client.flags.add('pubsub');
    b.call('CLIENT', 'TRACKING', 'on', 'REDIRECT', String(r.client.id));
    b.call('GET', 'k');
    a.call('SET', 'k', '1');
    expect(take(r)).toEqual([['>', 'message', '__redis__:invalidate', ['k']]]);
    a.call('CLIENT', 'TRACKING', 'on', 'REDIRECT', String(r.client.id));
    a.call('GET', 'k');
    node.disconnect(r.client);
    b.call('SET', 'k', '2');
    expect(take(a).slice(-1)).toEqual([['>', 'tracking-redir-broken', r.client.id]]);
    expect(take(b).slice(-1)).toEqual(['OK']);
  });

  it('tracking-table-max-keys evicts keys from the table with an invalidation', () => {
    const { node, a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on');
    for (let i = 0; i < 5; i++) a.call('GET', `k${i}`);
    take(a);
    b.call('CONFIG', 'SET', 'tracking-table-max-keys', '2');
    node.cron();
    expect(take(a)).toHaveLength(3);
    expect(node.tracking.totalKeys).toBe(2);
  });
});

describe('client-side caching with blocked clients', () => {
  it('an unblocked BLMOVE gets its invalidation after its reply', () => {
    const { node, a, b } = setup();
    a.call('CLIENT', 'TRACKING', 'on');
    b.call('RPUSH', 'dst', 'x');
    a.call('LRANGE', 'dst', '0', '-1');
    a.call('BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', '0');
    take(a);
    b.call('RPUSH', 'src', 'foo');
    node.beforeSleep();
    expect(take(a)).toEqual(['foo', ['>', 'invalidate', ['dst']]]);
  });
});
