/*
 * The Node host's real-time Clock: wall time in milliseconds from Date.now(), microseconds from the
 * high-resolution monotonic timer anchored at the process's time origin (so the two agree to within
 * clock drift), and a blocking sleep for DEBUG SLEEP that parks the thread with Atomics.wait, as
 * Redis's own sleep blocks its event loop: no other client is served meanwhile.
 */
import type { Clock } from '../engine/ports.ts';

export class RealClock implements Clock {
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));

  nowMs(): number {
    return Date.now();
  }

  nowUs(): number {
    return Math.round((performance.timeOrigin + performance.now()) * 1000);
  }

  sleep(ms: number): void {
    if (ms > 0) Atomics.wait(this.sleeper, 0, 0, ms);
  }
}
