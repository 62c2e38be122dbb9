import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../testkit.ts';

function setup(config: Record<string, string> = {}) {
  const { node, clock } = testNode({ config });
  const t = testClient(node);
  return { node, clock, t };
}

describe('active expire cycle', () => {
  it('removes stale keys nobody touches, counting them', () => {
    const { node, clock, t } = setup();
    for (let i = 0; i < 100; i++) t.call('SET', `k${i}`, 'v', 'PX', '50');
    if (node.dbs[0]!.expires.size === 0) {
      // SET's PX option may not exist yet: give the deadlines through PEXPIRE.
      for (let i = 0; i < 100; i++) t.call('PEXPIRE', `k${i}`, '50');
    }
    for (let i = 0; i < 50; i++) t.call('SET', `p${i}`, 'v');
    expect(node.dbs[0]!.size).toBe(150);
    node.cron();
    expect(node.dbs[0]!.size).toBe(150);
    clock.advance(51);
    node.cron();
    expect(node.dbs[0]!.size).toBe(50);
    expect(node.stats.expiredKeys).toBe(100);
    expect(node.stats.expiredStalePerc).toBeGreaterThan(0);
  });

  it('keeps sampling a database while most samples are stale, within a work budget', () => {
    const { node, clock, t } = setup({ hz: '10' });
    for (let i = 0; i < 30000; i++) {
      t.call('SET', `k${i}`, 'v');
      t.call('PEXPIRE', `k${i}`, '10');
    }
    clock.advance(11);
    node.cron();
    const left = node.dbs[0]!.size;
    // 25 ms of budget at 1 simulated us per key: the first tick cannot sample all 30000 keys.
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(30000);
    expect(node.stats.expiredTimeCapReachedCount).toBe(1);
    for (let i = 0; i < 10 && node.dbs[0]!.size > 0; i++) node.cron();
    expect(node.dbs[0]!.size).toBe(0);
    expect(node.stats.expiredKeys).toBe(30000);
  });

  it('reaches every database and leaves keys with a future deadline alone', () => {
    const { node, clock, t } = setup();
    for (let db = 0; db < 16; db++) {
      t.call('SELECT', String(db));
      t.call('SET', 'gone', 'v');
      t.call('PEXPIRE', 'gone', '100');
      t.call('SET', 'stays', 'v');
      t.call('PEXPIRE', 'stays', '100000');
    }
    clock.advance(101);
    node.cron();
    for (const db of node.dbs) {
      expect(db.dict.has('gone')).toBe(false);
      expect(db.dict.has('stays')).toBe(true);
    }
  });

  it('a key exactly at its deadline is not yet expired (Redis: now > when)', () => {
    const { node, clock, t } = setup();
    t.call('SET', 'k', 'v');
    t.call('PEXPIRE', 'k', '100');
    clock.advance(100);
    node.cron();
    expect(node.dbs[0]!.dict.has('k')).toBe(true);
    expect(t.call('PTTL', 'k')).toEqual({ t: 'int', n: 0 });
    clock.advance(1);
    node.cron();
    expect(node.dbs[0]!.dict.has('k')).toBe(false);
  });

  it('does nothing while activeExpireEnabled is off (DEBUG SET-ACTIVE-EXPIRE 0)', () => {
    const { node, clock, t } = setup();
    t.call('SET', 'k', 'v');
    t.call('PEXPIRE', 'k', '10');
    node.activeExpireEnabled = false;
    clock.advance(20);
    node.cron();
    expect(node.dbs[0]!.dict.has('k')).toBe(true);
    expect(t.call('GET', 'k')).toEqual({ t: 'nil' });
    expect(node.dbs[0]!.dict.has('k')).toBe(false);
    expect(node.stats.expiredKeys).toBe(1);
  });

  it('is deterministic: the same script removes the same keys in the same order', () => {
    const run = (): string[] => {
      const { node, clock, t } = setup();
      const removed: string[] = [];
      const orig = node.expireKey.bind(node);
      node.expireKey = (db, key) => {
        removed.push(key);
        orig(db, key);
      };
      for (let i = 0; i < 500; i++) {
        t.call('SET', `k${i}`, 'v');
        t.call('PEXPIRE', `k${i}`, String(1 + (i % 7) * 10));
      }
      for (let i = 0; i < 10; i++) {
        clock.advance(10);
        node.cron();
      }
      for (const db of node.dbs) expect(db.indexConsistent()).toBe(true);
      return removed;
    };
    const a = run();
    expect(a.length).toBe(500);
    expect(run()).toEqual(a);
  });
});
