import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../engine/ds/prng.ts';
import { DEFAULT_SETTINGS, validateSettings } from './settings.ts';
import { RAMP_MS, rampOffsetMs, Traffic } from './traffic.ts';

function offsets(pattern: 'steady' | 'bursty' | 'ramp', perSecond: number, n: number, seed = 1, burst = 5) {
  const t = new Traffic({ pattern, perSecond, burst }, new SeededRandom(seed));
  return Array.from({ length: n }, () => t.next());
}

describe('lab traffic', () => {
  it('steady: evenly spaced, no drift for rates that are not whole milliseconds', () => {
    expect(offsets('steady', 8, 4)).toEqual([125, 250, 375, 500]);
    expect(offsets('steady', 3, 6)).toEqual([333, 667, 1000, 1333, 1667, 2000]);
    expect(offsets('steady', 0.5, 2)).toEqual([2000, 4000]);
  });

  it('bursty: bursts of B close requests, one burst per B / rate seconds, starts drawn from the seed', () => {
    const a = offsets('bursty', 5, 20, 7);
    // Burst k starts within a quarter period after k * 1000 ms; requests in a burst are 20 ms apart.
    for (let k = 0; k < 4; k++) {
      const burst = a.slice(k * 5, k * 5 + 5);
      expect(burst[0]).toBeGreaterThan(k * 1000);
      expect(burst[0]).toBeLessThanOrEqual(k * 1000 + 251);
      expect(burst.slice(1).map((t, i) => t - burst[i]!)).toEqual([20, 20, 20, 20]);
    }
    expect(offsets('bursty', 5, 20, 7)).toEqual(a);
    expect(offsets('bursty', 5, 20, 8)).not.toEqual(a);
  });

  it('ramp: the rate grows from a fifth to twice the rate over RAMP_MS, then stays', () => {
    const r = offsets('ramp', 10, 200);
    const inSecond = (s: number) => r.filter((t) => t > s * 1000 && t <= (s + 1) * 1000).length;
    expect(inSecond(0)).toBeLessThanOrEqual(4);
    expect(inSecond(9)).toBeGreaterThanOrEqual(18);
    expect(inSecond(11)).toBe(20);
    expect(rampOffsetMs(0, 10)).toBe(0);
    // The integral up to RAMP_MS: (2 + 20) / 2 * 10 = 110 requests.
    expect(rampOffsetMs(110, 10)).toBeCloseTo(RAMP_MS);
    expect(r.every((t, i) => i === 0 || t > r[i - 1]!)).toBe(true);
  });

  it('validates settings, filling in defaults', () => {
    expect(validateSettings({ algorithm: 'token-bucket' })).toEqual({
      ...DEFAULT_SETTINGS,
      algorithm: 'token-bucket',
    });
    expect(validateSettings(null)).toBe('lab settings must be an object');
    expect(validateSettings({ pattern: 'zigzag' })).toBe('unknown traffic pattern "zigzag"');
    expect(validateSettings({ windowMs: 50 })).toBe('windowMs must be an integer from 100 to 3600000');
    expect(validateSettings({ refillPerSecond: 1.5 })).toMatch(/^refillPerSecond must be an integer/);
    expect(validateSettings({ client: 'a b' })).toMatch(/^client must be/);
    expect(validateSettings({ limit: null })).toMatch(/^limit must be/);
  });
});
