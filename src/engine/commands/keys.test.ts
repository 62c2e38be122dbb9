import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

function setup(config: Record<string, string> = {}) {
  const { node, clock } = testNode({ config });
  return { node, clock, t: testClient(node) };
}

const n = (r: Reply | undefined): number | bigint | undefined => (r?.t === 'int' ? r.n : undefined);
const s = (r: Reply | undefined): string | undefined =>
  r?.t === 'bulk' ? bin(r.b) : r?.t === 'simple' || r?.t === 'error' ? r.s : r?.t;

function scanAll(t: ReturnType<typeof testClient>, ...extra: string[]): string[] {
  const out: string[] = [];
  let cursor = '0';
  do {
    const r = t.call('SCAN', cursor, ...extra)!;
    const page = r.t === 'array' ? r.a[1] : undefined;
    if (r.t !== 'array' || page?.t !== 'array') throw new Error(JSON.stringify(r));
    cursor = s(r.a[0])!;
    for (const k of page.a) out.push(s(k)!);
  } while (cursor !== '0');
  return out.sort();
}

describe('keyspace commands', () => {
  it('count dirty changes as Redis does', () => {
    const { node, t } = setup({ save: '' });
    t.call('SET', 'a', '1');
    t.call('SET', 'b', '1');
    const base = node.dirty;
    t.call('DEL', 'a', 'b', 'c');
    expect(node.dirty - base).toBe(2);
    t.call('SET', 'a', '1');
    t.call('EXPIRE', 'a', '100');
    t.call('PERSIST', 'a');
    t.call('PERSIST', 'a');
    expect(node.dirty - base).toBe(5);
    t.call('SET', 'b', '1');
    const before = node.dirty;
    t.call('FLUSHALL');
    expect(node.dirty - before).toBe(2);
    t.call('SWAPDB', '0', '1');
    expect(node.dirty - before).toBe(3);
  });

  it('FLUSHALL with save points configured resets dirty (the snapshot is current)', () => {
    const { node, clock, t } = setup();
    t.call('SET', 'a', '1');
    clock.advance(5000);
    t.call('FLUSHALL');
    expect(node.dirty).toBe(0);
    expect(node.lastSaveMs).toBe(clock.nowMs());
  });

  it('SWAPDB is seen by every client that selected either database', () => {
    const { node, t } = setup();
    const other = testClient(node);
    other.call('SELECT', '1');
    t.call('SET', 'in0', 'x');
    other.call('SET', 'in1', 'y');
    t.call('EXPIRE', 'in0', '100');
    expect(s(t.call('SWAPDB', '0', '1'))).toBe('OK');
    expect(s(t.call('GET', 'in1'))).toBe('y');
    expect(s(other.call('GET', 'in0'))).toBe('x');
    expect(n(other.call('TTL', 'in0'))).toBe(100);
    expect(scanAll(t)).toEqual(['in1']);
    expect(scanAll(other)).toEqual(['in0']);
  });

  it('EXPIRE with a deadline in the past deletes at once, as a DEL', () => {
    const { node, t } = setup();
    const events: string[] = [];
    node.notify = (_cls, event, key) => void events.push(`${event}:${key}`);
    t.call('SET', 'k', 'v');
    expect(n(t.call('PEXPIRE', 'k', '0'))).toBe(1);
    expect(node.dbs[0]!.dict.has('k')).toBe(false);
    expect(node.stats.expiredKeys).toBe(0);
    expect(events).toEqual(['set:k', 'del:k']);
  });

  it('KEYS hides stale keys without deleting them; SCAN and RANDOMKEY expire them', () => {
    const { node, clock, t } = setup();
    node.activeExpireEnabled = false;
    for (let i = 0; i < 20; i++) {
      t.call('SET', `k${i}`, 'v');
      if (i % 2) t.call('PEXPIRE', `k${i}`, '10');
    }
    clock.advance(11);
    const keys = t.call('KEYS', '*');
    expect(keys?.t === 'array' && keys.a.length).toBe(10);
    expect(n(t.call('DBSIZE'))).toBe(20);
    for (let i = 0; i < 50; i++) expect(Number(s(t.call('RANDOMKEY'))!.slice(1)) % 2).toBe(0);
    expect(scanAll(t, 'COUNT', '3')).toEqual([
      'k0',
      'k10',
      'k12',
      'k14',
      'k16',
      'k18',
      'k2',
      'k4',
      'k6',
      'k8',
    ]);
    expect(n(t.call('DBSIZE'))).toBe(10);
    expect(node.stats.expiredKeys).toBe(10);
  });

  it('RANDOMKEY answers nil once every key turned out stale', () => {
    const { clock, t } = setup();
    t.call('SET', 'a', 'v');
    t.call('PEXPIRE', 'a', '5');
    clock.advance(6);
    expect(t.call('RANDOMKEY')).toEqual({ t: 'nil' });
  });

  it('SCAN filters by TYPE case-insensitively and by MATCH on bytes', () => {
    const { t } = setup();
    t.call('SET', 'a\x00b', '1');
    t.call('SET', 'ab', '1');
    expect(scanAll(t, 'TYPE', 'STRING')).toEqual(['a\x00b', 'ab']);
    expect(scanAll(t, 'TYPE', 'hash')).toEqual([]);
    expect(scanAll(t, 'MATCH', 'a?b')).toEqual(['a\x00b']);
    expect(s(t.call('SCAN', 'abc'))).toBe('ERR invalid cursor');
    expect(s(t.call('SCAN', '0', 'COUNT', '0'))).toBe('ERR syntax error');
  });

  it('OBJECT IDLETIME follows the clock and resets on access', () => {
    const { clock, t } = setup();
    t.call('SET', 'k', 'v');
    clock.advance(7500);
    expect(n(t.call('OBJECT', 'IDLETIME', 'k'))).toBe(7);
    t.call('TYPE', 'k');
    expect(n(t.call('OBJECT', 'IDLETIME', 'k'))).toBe(7);
    t.call('GET', 'k');
    expect(n(t.call('OBJECT', 'IDLETIME', 'k'))).toBe(0);
  });

  it('OBJECT FREQ grows with accesses and decays with time under an LFU policy', () => {
    const { clock, t } = setup({ 'maxmemory-policy': 'allkeys-lfu', 'lfu-log-factor': '0' });
    t.call('SET', 'k', 'v');
    expect(n(t.call('OBJECT', 'FREQ', 'k'))).toBe(5);
    for (let i = 0; i < 10; i++) t.call('GET', 'k');
    expect(n(t.call('OBJECT', 'FREQ', 'k'))).toBe(15);
    clock.advance(3 * 60_000);
    expect(n(t.call('OBJECT', 'FREQ', 'k'))).toBe(12);
    expect(s(t.call('OBJECT', 'IDLETIME', 'k'))).toMatch(/^ERR An LFU maxmemory policy is selected/);
  });

  it('OBJECT REFCOUNT reports shared integers unless maxmemory with LRU/LFU forbids them', () => {
    const { node, t } = setup();
    t.call('SET', 'i', '9999');
    t.call('SET', 'j', '10000');
    expect(n(t.call('OBJECT', 'REFCOUNT', 'i'))).toBe(2147483647);
    expect(n(t.call('OBJECT', 'REFCOUNT', 'j'))).toBe(1);
    node.config.setRaw('maxmemory', '100mb');
    expect(n(t.call('OBJECT', 'REFCOUNT', 'i'))).toBe(2147483647);
    node.config.setRaw('maxmemory-policy', 'volatile-lru');
    expect(n(t.call('OBJECT', 'REFCOUNT', 'i'))).toBe(1);
  });

  it('RENAME and MOVE keep the deadline and the value object; COPY duplicates', () => {
    const { node, t } = setup();
    t.call('SET', 'a', 'hello');
    t.call('PEXPIRE', 'a', '5000');
    const v = node.dbs[0]!.dict.get('a');
    t.call('RENAME', 'a', 'b');
    expect(node.dbs[0]!.dict.get('b')).toBe(v);
    expect(n(t.call('PTTL', 'b'))).toBe(5000);
    t.call('COPY', 'b', 'c', 'DB', '3');
    expect(node.dbs[3]!.dict.get('c')).not.toBe(v);
    expect(node.dbs[3]!.getExpire('c')).toBe(node.dbs[0]!.getExpire('b'));
    t.call('MOVE', 'b', '2');
    expect(node.dbs[2]!.dict.get('b')).toBe(v);
    expect(node.dbs[2]!.getExpire('b')).toBeDefined();
  });
});
