import { describe, expect, it } from 'vitest';
import type { MetricsSample } from '../../protocol/metrics.ts';
import { groupedInt, humanBytes, timeOfDay } from './chart-format.ts';
import { byteTicks, layoutCharts, MARGIN, memoryDomain, nearestIndex, timeDomain } from './chart-layout.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function sample(i: number, over: Partial<MetricsSample> = {}): MetricsSample {
  return {
    seq: i + 1,
    nowMs: T0 + (i + 1) * 1000,
    intervalMs: 1000,
    cause: 'second',
    maxmemory: 0,
    usedMemory: 900_000 + i * 1000,
    keys: i,
    totalCommands: i * 10,
    ops: 10,
    expiredKeys: 0,
    evictedKeys: 0,
    expiredDelta: 0,
    evictedDelta: 0,
    connectedClients: 1,
    events: [],
    ...over,
  };
}

describe('chart formats', () => {
  it('prints bytes as used_memory_human does', () => {
    expect(humanBytes(512)).toBe('512B');
    expect(humanBytes(876_064)).toBe('855.53K');
    expect(humanBytes(3 * 1024 * 1024)).toBe('3.00M');
    expect(timeOfDay(T0 + 7_250)).toBe('12:00:07');
    expect(groupedInt(1234567)).toBe('1,234,567');
  });
});

describe('layoutCharts', () => {
  it('shares one time axis: bars span their interval, points sit at the sample', () => {
    const samples = [0, 1, 2, 3].map((i) => sample(i));
    const l = layoutCharts(samples, 450, 150);
    expect(l.innerW).toBe(450 - MARGIN.left - MARGIN.right);
    // Domain: from 1 s before the first sample to the last one (4 s over 390 px).
    expect(timeDomain(samples)).toEqual([T0, T0 + 4000]);
    const px = l.innerW / 4;
    expect(l.memory.points.map((p) => p.x)).toEqual([1, 2, 3, 4].map((k) => k * px));
    expect(l.ops.bars[0]).toMatchObject({ x: 1, w: px - 1 });
    // Memory rises left to right (SVG y grows downwards).
    const ys = l.memory.points.map((p) => p.y);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    expect(l.memory.line.startsWith('M')).toBe(true);
    expect(l.memory.area.endsWith('Z')).toBe(true);
  });

  it('gives a short step a narrow bar, and ops ticks are integers from zero', () => {
    const samples = [sample(0, { ops: 7 }), sample(1, { nowMs: T0 + 1250, intervalMs: 250, ops: 3 })];
    const l = layoutCharts(samples, 360, 150);
    const [a, b] = l.ops.bars;
    expect(b!.w).toBeCloseTo((a!.w + 1) / 4 - 1, 5);
    expect(l.ops.yTicks[0]).toMatchObject({ label: '0', pos: l.innerH });
    expect(l.ops.yTicks.every((t) => /^[\d,]+$/.test(t.label))).toBe(true);
    // The 7-op bar is the tallest and reaches no higher than the top tick.
    expect(a!.h).toBeGreaterThan(b!.h);
    expect(a!.y).toBeGreaterThanOrEqual(Math.min(...l.ops.yTicks.map((t) => t.pos)));
  });

  it('has round 1024-based memory ticks inside a padded domain', () => {
    expect(memoryDomain([900_000, 900_000])).toEqual([900_000 - 1024, 900_000 + 1024]);
    const ticks = byteTicks(880 * 1024, 940 * 1024, 4);
    expect(ticks.map((t) => t.label)).toEqual(['880K', '900K', '920K', '940K']);
    expect(ticks[0]!.value).toBe(880 * 1024);
    const mib = byteTicks(0, 3.2 * 1024 * 1024, 4);
    expect(mib.map((t) => t.label)).toEqual(['0', '1M', '2M', '3M']);
    // A span just over 1 MiB gets fractional MiB labels, not KiB ones.
    const frac = byteTicks(780 * 1024, 1900 * 1024, 4);
    expect(frac.map((t) => t.label)).toEqual(['0.8M', '1M', '1.2M', '1.4M', '1.6M', '1.8M']);
    const l = layoutCharts([sample(0), sample(1, { usedMemory: 3_000_000 })], 360, 150);
    for (const t of l.memory.yTicks) {
      expect(t.pos).toBeGreaterThanOrEqual(0);
      expect(t.pos).toBeLessThanOrEqual(l.innerH);
    }
  });

  it('puts time ticks on round seconds, fewer on a narrow chart', () => {
    const samples = Array.from({ length: 60 }, (_, i) => sample(i));
    const wide = layoutCharts(samples, 900, 150).xTicks;
    const narrow = layoutCharts(samples, 360, 150).xTicks;
    expect(narrow.length).toBeLessThan(wide.length);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    // Labels on round 5 s steps; one crowding the end-aligned last label is left out.
    for (const t of wide) expect(t.label).toMatch(/^(12:0[01]:\d[05])?$/);
    expect(wide.filter((t) => t.label === '').length).toBeLessThanOrEqual(1);
    expect(narrow.filter((t) => t.label !== '').length).toBeGreaterThanOrEqual(2);
  });

  it('marks flushes, evictions and restarts, not expiries; finds the nearest point', () => {
    const samples = [
      sample(0, { events: ['expire'] }),
      sample(1, { events: ['flush'] }),
      sample(2, { events: ['evict', 'expire'] }),
    ];
    const l = layoutCharts(samples, 360, 150);
    expect(l.markers.map((m) => [m.seq, m.events])).toEqual([
      [2, ['flush']],
      [3, ['evict']],
    ]);
    expect(nearestIndex(l.memory.points, l.memory.points[1]!.x + 3)).toBe(1);
    expect(nearestIndex([], 10)).toBe(-1);
    expect(layoutCharts([], 360, 150).memory.points).toEqual([]);
  });

  it('draws maxmemory when it is set and near the data', () => {
    const near = layoutCharts([sample(0, { maxmemory: 1_000_000 })], 360, 150).memory;
    expect(near.limit?.bytes).toBe(1_000_000);
    expect(near.limit!.y).toBeGreaterThanOrEqual(0);
    expect(near.limit!.y).toBeLessThan(near.points[0]!.y);
    expect(layoutCharts([sample(0, { maxmemory: 100_000_000 })], 360, 150).memory.limit).toBeNull();
    expect(layoutCharts([sample(0)], 360, 150).memory.limit).toBeNull();
  });
});
