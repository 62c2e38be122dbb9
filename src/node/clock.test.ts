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
});
