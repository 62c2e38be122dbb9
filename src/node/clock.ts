/*
 * The Node host's real-time Clock.
 *
 * Time is read the way Redis reads it: the dispatcher asks for microseconds (nowUs) once when a
 * command starts, and that reading is cached as the millisecond time the command sees from nowMs()
 * (Redis's server.mstime, refreshed in call() before each command, so a command sees one fixed "now"
 * for expiry checks). The host also calls refresh() when input arrives and before serverCron, as
 * Redis updates its cached time in beforeSleep and serverCron, so idle periods never leave the cache
 * stale. This saves several clock reads per command on the hot path.
 *
 * Microseconds come from the monotonic high-resolution timer plus an offset to wall time, re-anchored
 * to Date.now() on every refresh() so the two never drift apart. sleep() (DEBUG SLEEP) parks the thread
 * with Atomics.wait, blocking every client as Redis's sleep does, then refreshes.
 */
import type { Clock } from '../engine/ports.ts';

export class RealClock implements Clock {
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));
  /** Wall-clock ms minus monotonic ms, re-measured on refresh(). */
  private offsetMs = 0;
  private cachedMs = 0;

  constructor() {
    this.refresh();
  }

  /** Re-reads the wall clock (call when input arrives and before periodic jobs). */
  refresh(): void {
    const wall = Date.now();
    this.offsetMs = wall - performance.now();
    this.cachedMs = wall;
  }

  nowMs(): number {
    return this.cachedMs;
  }

  nowUs(): number {
    const ms = this.offsetMs + performance.now();
    this.cachedMs = Math.floor(ms);
    return Math.round(ms * 1000);
  }

  sleep(ms: number): void {
    if (ms > 0) Atomics.wait(this.sleeper, 0, 0, ms);
    this.refresh();
  }
}
