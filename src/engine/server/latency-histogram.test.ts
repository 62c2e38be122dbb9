import { describe, expect, it } from 'vitest';
import { highestEquivalent, LatencyHistogram, lowestEquivalent, slotOf } from './latency-histogram.ts';

/** Highest equivalent value of the slot a value falls in (what Redis reports). */
const reported = (ns: number): number => highestEquivalent(slotOf(ns));

describe('LatencyHistogram bucketing (HdrHistogram 1 ns..1 s, 2 significant digits)', () => {
  it('counts small values one by one and larger ones in ranges that double per bucket', () => {
    expect(reported(1)).toBe(1);
    expect(reported(255)).toBe(255);
    expect(reported(1000)).toBe(1003);
    expect(reported(16000)).toBe(16063);
    expect(reported(90000)).toBe(90111);
    expect(reported(1032000)).toBe(1032191);
    expect(reported(600_500_000)).toBe(603979775);
    expect(lowestEquivalent(slotOf(16000))).toBe(16000);
  });

  it('answers percentiles as Redis prints them in INFO latencystats', () => {
    const h = new LatencyHistogram();
    h.record(16000);
    h.record(16000);
    h.record(90000);
    expect(h.valueAtPercentile(50)).toBe(16063);
    expect(h.valueAtPercentile(99)).toBe(90111);
    expect(h.valueAtPercentile(100)).toBe(90111);
    expect(h.valueAtPercentile(0)).toBe(16000);
  });

  it('clamps to 1 ns .. 1 s', () => {
    const h = new LatencyHistogram();
    h.record(0);
    expect(h.valueAtPercentile(50)).toBe(1);
    h.record(5e9);
    expect(h.valueAtPercentile(100)).toBe(highestEquivalent(slotOf(1e9)));
  });

  it('reports the cumulative distribution at power-of-two levels from 1024 ns', () => {
    const h = new LatencyHistogram();
    h.record(16000);
    h.record(16000);
    h.record(90000);
    // Matches redis-server 7.0.15: LATENCY HISTOGRAM set -> 16 => 2, 132 => 3
    expect(h.cdf()).toEqual([
      [16, 2],
      [132, 3],
    ]);
    const one = new LatencyHistogram();
    one.record(1_032_000);
    expect(one.cdf()).toEqual([[1056, 1]]);
  });

  it('stops at the last slot for durations above 2^29 ns', () => {
    const h = new LatencyHistogram();
    h.record(600_500_000);
    expect(h.cdf()).toEqual([[1073741, 1]]);
    h.record(1000);
    expect(h.cdf()).toEqual([
      [1, 1],
      [1073741, 2],
    ]);
  });
});
