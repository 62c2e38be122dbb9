import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../testkit.ts';
import { instantMetrics } from './stats-instant.ts';

describe('instantaneous metrics', () => {
  it('averages 16 samples of 100 ms at a steady rate, and decays when idle', () => {
    const { node, clock } = testNode();
    const t = testClient(node);
    for (let tick = 0; tick < 20; tick++) {
      for (let i = 0; i < 10; i++) t.call('PING');
      clock.advance(100);
    }
    const m = instantMetrics(node);
    m.tick();
    expect(Math.abs(m.ops.mean() - 100)).toBeLessThanOrEqual(2);
    clock.advance(1600);
    m.tick();
    expect(m.ops.mean()).toBe(0);
  });

  it('puts a burst followed by silence in one 100 ms sample', () => {
    const { node, clock } = testNode();
    const t = testClient(node);
    for (let i = 0; i < 32; i++) t.call('PING');
    clock.advance(1000);
    const m = instantMetrics(node);
    m.tick();
    // 32 commands in 100 ms = 320/s, then 9 empty ticks: mean 320 / 16 = 20
    expect(m.ops.mean()).toBe(20);
  });

  it('is cleared by CONFIG RESETSTAT and shown by INFO stats', () => {
    const { node, clock } = testNode();
    const t = testClient(node);
    for (let i = 0; i < 160; i++) t.call('PING');
    clock.advance(100);
    const info = t.call('INFO', 'stats');
    const text = info && info.t === 'verbatim' ? new TextDecoder().decode(info.b) : '';
    expect(text).toMatch(/instantaneous_ops_per_sec:100\r\n/);
    t.call('CONFIG', 'RESETSTAT');
    expect(instantMetrics(node).ops.mean()).toBe(0);
  });
});
