import { describe, expect, it } from 'vitest';
import { World } from '../sim/world.ts';
import { TimeDriver } from './time-driver.ts';

describe('TimeDriver', () => {
  it('accumulates fractional real time exactly and scales it by the speed', () => {
    let real = 0;
    const world = new World({ seed: 1, startMs: 0 });
    const d = new TimeDriver(world, () => real);
    for (let i = 0; i < 10; i++) {
      real += 0.1;
      d.sync();
    }
    expect(world.clock.nowUs()).toBe(1000);
    d.setSpeed(0.5);
    real += 10;
    d.sync();
    expect(world.nowMs()).toBe(6);
  });

  it('ignores real time while paused but still steps', () => {
    let real = 100;
    const world = new World({ seed: 1, startMs: 0 });
    const d = new TimeDriver(world, () => real);
    d.pause();
    real += 1000;
    expect(d.sync()).toBe(0);
    d.step(40);
    d.play();
    real += 10;
    d.sync();
    expect(world.nowMs()).toBe(50);
    expect(() => d.setSpeed(Infinity)).toThrow();
  });
});
