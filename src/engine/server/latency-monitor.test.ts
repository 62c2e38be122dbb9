import { describe, expect, it } from 'vitest';
import { testNode } from '../testkit.ts';
import { LATENCY_TS_LEN, LatencyTimeSeries } from './latency-monitor.ts';

describe('LatencyTimeSeries', () => {
  it('keeps the larger latency of two samples in one second and the all-time max', () => {
    const ts = new LatencyTimeSeries();
    ts.add(100, 5);
    ts.add(100, 9);
    ts.add(100, 7);
    ts.add(101, 3);
    expect(ts.history()).toEqual([
      { timeS: 100, latencyMs: 9 },
      { timeS: 101, latencyMs: 3 },
    ]);
    expect(ts.latest()).toEqual({ timeS: 101, latencyMs: 3 });
    expect(ts.max).toBe(9);
  });

  it('holds the latest 160 samples, oldest first', () => {
    const ts = new LatencyTimeSeries();
    for (let s = 1; s <= LATENCY_TS_LEN + 5; s++) ts.add(s, s);
    const h = ts.history();
    expect(h).toHaveLength(LATENCY_TS_LEN);
    expect(h[0]).toEqual({ timeS: 6, latencyMs: 6 });
    expect(h[h.length - 1]).toEqual({ timeS: LATENCY_TS_LEN + 5, latencyMs: LATENCY_TS_LEN + 5 });
  });
});

describe('LatencyMonitor', () => {
  it('records only when enabled and at or above the threshold', () => {
    const { node } = testNode();
    node.latency.addSampleIfNeeded('command', 500);
    expect(node.latency.events.size).toBe(0);
    node.config.setRaw('latency-monitor-threshold', '100');
    node.latency.addSampleIfNeeded('command', 99);
    node.latency.addSampleIfNeeded('fast-command', 100);
    expect([...node.latency.events.keys()]).toEqual(['fast-command']);
  });

  it('analyses samples as DOCTOR reports them (integer average and mean deviation)', () => {
    const { node, clock } = testNode({ config: { 'latency-monitor-threshold': '1' } });
    for (const ms of [200, 350, 500]) {
      node.latency.addSample('command', ms);
      clock.advance(2000);
    }
    const a = node.latency.analyze('command');
    expect(a).toEqual({ samples: 3, avg: 350, min: 200, max: 500, mad: 100, periodS: 6, allTimeHigh: 500 });
    expect(node.latency.reset('COMMAND')).toBe(1);
    expect(node.latency.analyze('command').samples).toBe(0);
  });
});

describe('modelled free time of expired and evicted values', () => {
  it('reports expire-del and expire-cycle for a big set, nothing with lazyfree', async () => {
    const { testClient } = await import('../testkit.ts');
    for (const lazy of ['no', 'yes']) {
      const { node, clock } = testNode({
        config: { 'latency-monitor-threshold': '5', 'lazyfree-lazy-expire': lazy },
      });
      const t = testClient(node);
      const members = Array.from({ length: 200_000 }, (_, i) => `m${i}`);
      for (let i = 0; i < members.length; i += 10_000) t.call('SADD', 'big', ...members.slice(i, i + 10_000));
      t.call('PEXPIRE', 'big', '10');
      clock.advance(20);
      node.cron();
      const events = [...node.latency.events.keys()].filter((e) => e.startsWith('expire'));
      // 200k allocations at 50 ns each: 10 ms
      expect(events.sort()).toEqual(lazy === 'no' ? ['expire-cycle', 'expire-del'] : []);
    }
  });
});
