import { describe, expect, it } from 'vitest';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

const text = (r: Reply | undefined): string =>
  r === undefined ? '<none>' : r.t === 'simple' || r.t === 'error' ? r.s : r.t;

describe('admission checks', () => {
  it('refuses denyoom commands and any queueing over maxmemory; EXEC aborts on a denyoom queue', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    a.call('SET', 'x', 'v');
    a.call('MULTI');
    a.call('SET', 'y', '1');
    a.call('GET', 'x');
    b.call('CONFIG', 'SET', 'maxmemory', '1');
    expect(text(a.call('EXEC'))).toMatch(/^EXECABORT Transaction discarded because of: OOM /);
    expect(text(a.call('SET', 'y', '1'))).toBe("OOM command not allowed when used memory > 'maxmemory'.");
    expect(text(a.call('GET', 'x'))).toBe('bulk');
    a.call('MULTI');
    expect(text(a.call('GET', 'x'))).toMatch(/^OOM /);
    expect(text(a.call('DISCARD'))).toBe('OK');
  });

  it('refuses writes with min-replicas-to-write and no replicas', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('CONFIG', 'SET', 'min-replicas-to-write', '1');
    expect(text(a.call('SET', 'k', 'v'))).toBe('NOREPLICAS Not enough good replicas to write.');
    expect(text(a.call('GET', 'k'))).toBe('nil');
  });
});

describe('admission under eviction policies', () => {
  it('evicts first and refuses when that does not get under the limit', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-lru');
    a.call('CONFIG', 'SET', 'maxmemory', '1');
    expect(text(a.call('SET', 'k', 'v'))).toMatch(/^OOM /);
    a.call('CONFIG', 'SET', 'maxmemory', '0');
    a.call('SET', 'k', 'v', 'EX', '100');
    a.call('CONFIG', 'SET', 'maxmemory', '1');
    // Redis evicts k (the only volatile key), is still over 1 byte, and refuses.
    expect(text(a.call('SET', 'k2', 'v'))).toMatch(/^OOM /);
    expect(a.call('EXISTS', 'k')).toEqual({ t: 'int', n: 0 });
    expect(node.stats.evictedKeys).toBe(1);
  });
});
