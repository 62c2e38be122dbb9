import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../testkit.ts';
import { usedMemory } from './memory.ts';

function fill(policy: string, maxExtra: number) {
  const { node, clock } = testNode();
  const c = testClient(node);
  const base = usedMemory(node);
  c.call('config', 'set', 'maxmemory-policy', policy);
  c.call('config', 'set', 'maxmemory', String(base + maxExtra));
  return { node, clock, c };
}

describe('maxmemory eviction', () => {
  it('noeviction refuses writes with the OOM error once over the limit', () => {
    const { c } = fill('noeviction', 2000);
    let last;
    for (let i = 0; i < 100; i++) last = c.call('set', `k${i}`, 'x'.repeat(50));
    expect(last).toEqual({ t: 'error', s: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(c.call('get', 'k0')).toMatchObject({ t: 'bulk' });
  });

  it('allkeys-lru keeps recently touched keys', () => {
    const { node, clock, c } = fill('allkeys-lru', 20000);
    for (let i = 0; i < 50; i++) c.call('set', `hot${i}`, 'v');
    for (let i = 0; i < 1000; i++) {
      clock.advance(10);
      if (i % 10 === 0) for (let h = 0; h < 50; h++) c.call('get', `hot${h}`);
      c.call('set', `cold${i}`, 'x'.repeat(20));
    }
    let hot = 0;
    for (let i = 0; i < 50; i++) if (node.dbs[0]!.dict.has(`hot${i}`)) hot++;
    expect(hot).toBeGreaterThan(45);
    expect(node.stats.evictedKeys).toBeGreaterThan(100);
    expect(usedMemory(node)).toBeLessThanOrEqual(Number(node.config.get('maxmemory')) + 200);
  });

  it('volatile-ttl evicts the soonest deadline first; keys without TTL stay', () => {
    const { node, c } = fill('volatile-ttl', 6000);
    for (let i = 0; i < 20; i++) c.call('set', `p${i}`, 'v');
    for (let i = 0; i < 200; i++) c.call('set', `t${i}`, 'v', 'EX', String(1000 + i));
    for (let i = 0; i < 20; i++) expect(node.dbs[0]!.dict.has(`p${i}`)).toBe(true);
    expect(node.dbs[0]!.dict.has('t199')).toBe(true);
    expect(node.stats.evictedKeys).toBeGreaterThan(0);
  });

  it('volatile-* without volatile keys fails with OOM', () => {
    const { c } = fill('volatile-lru', 1000);
    let last;
    for (let i = 0; i < 100; i++) last = c.call('set', `k${i}`, 'x'.repeat(50));
    expect(last).toMatchObject({ t: 'error' });
  });

  it('allkeys-random and allkeys-lfu stay under the limit', () => {
    for (const p of ['allkeys-random', 'allkeys-lfu', 'volatile-random', 'volatile-lfu']) {
      const { node, c } = fill(p, 8000);
      for (let i = 0; i < 500; i++) c.call('set', `k${i}`, 'x'.repeat(30), 'EX', '1000');
      expect(usedMemory(node)).toBeLessThanOrEqual(Number(node.config.get('maxmemory')) + 200);
      expect(node.stats.evictedKeys).toBeGreaterThan(0);
    }
  });

  it('an eviction invalidates a tracked key before the reply of the command that caused it', () => {
    const { node, c } = fill('volatile-random', 100 * 1024);
    c.call('HELLO', '3');
    c.call('CLIENT', 'TRACKING', 'on');
    c.call('SETEX', 'volatile-key', '10000', 'x');
    c.call('GET', 'volatile-key');
    c.call('SETBIT', 'big-key', '1600000', '0');
    const before = c.replies.length;
    c.call('GETBIT', 'big-key', '0');
    const [first, second] = c.replies.slice(before);
    expect(first?.t).toBe('push');
    expect(second).toEqual({ t: 'int', n: 0 });
    expect(node.stats.evictedKeys).toBe(1);
  });
});
