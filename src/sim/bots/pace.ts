/*
 * When a bot acts. A bot doing N operations per second does its k-th operation (k = 1, 2, ...) at
 * start + k/N seconds, computed from the start instant each time (not by adding periods), so rates
 * that are not whole milliseconds do not drift: 3/s for one second is exactly 3 operations.
 *
 * Fast rates are batched: the bot wakes at most once every MIN_TICK_US and then does every operation
 * that fell due since, up to MAX_OPS_PER_TICK (the rest follow at the next wake-up). That keeps the
 * scheduler's queue to one timer per bot whatever the rate.
 */

export const MIN_TICK_US = 10_000;
export const MAX_OPS_PER_TICK = 1000;

export class Pace {
  /** Operations handed out so far. */
  private done = 0;

  constructor(
    readonly startUs: number,
    readonly perSecond: number,
  ) {
    if (!(perSecond > 0)) throw new Error(`bad rate ${perSecond}`);
  }

  /** Instant of operation k (1-based). */
  dueUs(k: number): number {
    return this.startUs + Math.round((k * 1_000_000) / this.perSecond);
  }

  /** How many operations fell due at or before `nowUs` and were not handed out yet (bounded). */
  take(nowUs: number): number {
    let n = 0;
    while (n < MAX_OPS_PER_TICK && this.dueUs(this.done + 1) <= nowUs) {
      this.done++;
      n++;
    }
    return n;
  }

  /** When to wake next, having woken at `nowUs`. */
  nextWakeUs(nowUs: number): number {
    return Math.max(this.dueUs(this.done + 1), nowUs + MIN_TICK_US);
  }
}
