import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_SETTINGS,
  type RateLimitRecord,
  type RateLimitSettings,
} from '../../protocol/ratelimit.ts';
import { boundaries, countNow, layoutLab, PAD, spanMsOf, timeTicks, tokenLevel } from './ratelimit-layout.ts';

const S: RateLimitSettings = { ...DEFAULT_RATE_LIMIT_SETTINGS };

function rec(seq: number, atMs: number, allowed: boolean, count: number): RateLimitRecord {
  return { seq, atMs, allowed, count, limit: 5, key: 'k', commands: [] };
}

describe('rate-limit picture layout', () => {
  it('spans four windows or four refills, clamped', () => {
    expect(spanMsOf(S)).toBe(4000);
    expect(spanMsOf({ ...S, windowMs: 100 })).toBe(2000);
    expect(spanMsOf({ ...S, windowMs: 3_600_000 })).toBe(60_000);
    expect(spanMsOf({ ...S, algorithm: 'token-bucket', limit: 10, refillPerSecond: 5 })).toBe(8000);
  });

  it('places marks by time and count, rejected ones above the limit line', () => {
    const records = [
      rec(1, 5000, true, 1),
      rec(2, 8000, true, 5),
      rec(3, 9000, false, 6),
      rec(4, 12000, true, 1),
    ];
    const l = layoutLab(S, records, 10_000, 434, 200);
    expect(l.marks.map((m) => m.seq)).toEqual([2, 3]);
    const [a, r] = l.marks;
    expect(a!.x).toBeCloseTo(PAD.left + (2000 / 4000) * 390);
    expect(a!.y).toBeCloseTo(l.limitY);
    expect(r!.y).toBeLessThan(l.limitY);
    expect(l.yMax).toBe(8);
    expect(l.boundaries.map((b) => b.atMs)).toEqual([7000, 8000, 9000, 10000]);
    expect(l.span).toBeNull();
    expect(layoutLab({ ...S, algorithm: 'sliding-log' }, records, 10_000, 434, 200).span).toEqual({
      x0: PAD.left + (3000 / 4000) * 390,
      x1: PAD.left + 390,
    });
  });

  it('draws window boundaries only while they stay readable', () => {
    expect(boundaries(1500, 4000, 1000)).toEqual([2000, 3000, 4000]);
    expect(boundaries(0, 100_000, 100)).toEqual([]);
  });

  it('follows the token level: refill up to the capacity, one token per allowed request', () => {
    const b = { ...S, algorithm: 'token-bucket' as const, limit: 2, refillPerSecond: 1 };
    const records = [rec(1, 1000, true, 1), rec(2, 1200, true, 0.2), rec(3, 1300, false, 0.3)];
    expect(tokenLevel(b, records, 0, 5000)).toEqual([
      [1000, 1],
      [1200, 1.2],
      [1200, 0.2],
      [1300, 0.30000000000000004],
      [1300, 0.3],
      [3000, 2],
      [5000, 2],
    ]);
    // A request before the strip gives the level at its start.
    expect(tokenLevel(b, records.slice(0, 1), 1500, 4000)).toEqual([
      [1500, 1.5],
      [2000, 2],
      [4000, 2],
    ]);
  });

  it('counts what a request sent now would see', () => {
    const records = [
      rec(1, 500, true, 1),
      rec(2, 1100, true, 1),
      rec(3, 1200, true, 2),
      rec(4, 1300, false, 3),
    ];
    expect(countNow(S, records, 1500)).toBe(3);
    expect(countNow({ ...S, algorithm: 'sliding-log' }, records, 1550)).toBe(3);
    expect(countNow({ ...S, algorithm: 'sliding-counter' }, records, 1500)).toBe(2.5);
    const b = { ...S, algorithm: 'token-bucket' as const, refillPerSecond: 2 };
    expect(countNow(b, [rec(1, 1000, true, 1)], 2000)).toBe(3);
    expect(countNow(b, [], 2000)).toBe(5);
  });

  it('ticks the time axis in round steps ending at now', () => {
    expect(timeTicks(6000, 10_000)).toEqual([6000, 7000, 8000, 9000, 10_000]);
    expect(timeTicks(8000, 10_000)).toEqual([8000, 8500, 9000, 9500, 10_000]);
  });
});
