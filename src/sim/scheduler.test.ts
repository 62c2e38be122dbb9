import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { Scheduler } from './scheduler.ts';

describe('Scheduler', () => {
  it('fires due timers in time order, at their own instant', () => {
    const clock = new VirtualClock(0);
    const s = new Scheduler(clock);
    const seen: string[] = [];
    s.after(30, () => seen.push(`c@${clock.nowMs()}`));
    s.after(10, () => seen.push(`a@${clock.nowMs()}`));
    s.after(20, () => seen.push(`b@${clock.nowMs()}`));
    s.after(50, () => seen.push('late'));
    expect(s.runUntil(40_000)).toBe(3);
    expect(seen).toEqual(['a@10', 'b@20', 'c@30']);
    expect(clock.nowMs()).toBe(40);
    expect(s.pending).toBe(1);
  });

  it('breaks ties by scheduling order', () => {
    const clock = new VirtualClock(0);
    const s = new Scheduler(clock);
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) s.after(5, () => seen.push(i));
    s.runUntil(5000);
    expect(seen).toEqual([...Array(20).keys()]);
  });

  it('cancels timers', () => {
    const clock = new VirtualClock(0);
    const s = new Scheduler(clock);
    let fired = 0;
    const h = s.after(1, () => fired++);
    s.after(2, () => fired++);
    h.cancel();
    h.cancel();
    expect(s.pending).toBe(1);
    s.runUntil(10_000);
    expect(fired).toBe(1);
    expect(s.pending).toBe(0);
    expect(s.nextDueUs()).toBeUndefined();
  });

  it('runs timers scheduled by callbacks for the past within the same advance', () => {
    const clock = new VirtualClock(0);
    const s = new Scheduler(clock);
    const seen: string[] = [];
    s.after(10, () => {
      seen.push('first');
      s.after(0, () => seen.push('chained'));
    });
    s.after(10, () => seen.push('second'));
    s.runUntil(10_000);
    expect(seen).toEqual(['first', 'second', 'chained']);
  });

  it('bounds the work of one advance and leaves the rest due', () => {
    const clock = new VirtualClock(0);
    const s = new Scheduler(clock, 3);
    let fired = 0;
    for (let i = 1; i <= 5; i++) s.after(i, () => fired++);
    expect(s.runUntil(100_000)).toBe(3);
    expect(clock.nowMs()).toBe(100);
    expect(s.runUntil(100_000)).toBe(2);
    expect(fired).toBe(5);
  });
});
