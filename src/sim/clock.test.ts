import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  it('moves only when advanced, in whole microseconds', () => {
    const c = new VirtualClock(1000);
    expect(c.nowMs()).toBe(1000);
    expect(c.nowUs()).toBe(1_000_000);
    c.advance(0.4);
    c.advance(0.4);
    expect(c.nowMs()).toBe(1000);
    c.advance(0.2);
    expect(c.nowMs()).toBe(1001);
    expect(c.nowUs()).toBe(1_001_000);
  });

  it('never goes backwards', () => {
    const c = new VirtualClock(5000);
    c.advanceToUs(1);
    expect(c.nowMs()).toBe(5000);
    expect(() => c.advance(-1)).toThrow();
    expect(() => c.advance(NaN)).toThrow();
  });

  it('sleep jumps ahead', () => {
    const c = new VirtualClock(0);
    c.sleep(250);
    expect(c.nowMs()).toBe(250);
  });
});
