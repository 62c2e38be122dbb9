import { describe, expect, it } from 'vitest';
import { RealClock } from './clock.ts';

describe('RealClock', () => {
  it('agrees with wall time and sleeps for real', () => {
    const c = new RealClock();
    expect(Math.abs(c.nowMs() - Date.now())).toBeLessThan(50);
    expect(Math.abs(c.nowUs() / 1000 - c.nowMs())).toBeLessThan(50);
    const t0 = performance.now();
    c.sleep(30);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(29);
  });

  it('caches the millisecond time between nowUs() readings and refreshes', () => {
    const c = new RealClock();
    const before = c.nowMs();
    c.sleep(5);
    expect(c.nowMs()).toBeGreaterThanOrEqual(before + 5);
    const cached = c.nowMs();
    const spin = performance.now() + 3;
    while (performance.now() < spin);
    expect(c.nowMs()).toBe(cached);
    const us = c.nowUs();
    expect(c.nowMs()).toBe(Math.floor(us / 1000));
    expect(c.nowMs()).toBeGreaterThan(cached);
  });
});
