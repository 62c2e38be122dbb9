/*
 * VirtualClock: the world's clock. Time moves only when the world advances it (or when a node sleeps in
 * DEBUG SLEEP), never by itself, so a run is a pure function of its seed and its sequence of advances.
 *
 * Invariants:
 * - Time never goes backwards: advanceTo() to an earlier instant is a no-op.
 * - Time is kept in whole microseconds, so fractional millisecond advances (real time times a speed
 *   factor) accumulate exactly instead of drifting; nowMs() is the floor of the microsecond count, as
 *   Redis's mstime() is the floor of its ustime().
 */
import type { Clock } from '../engine/ports.ts';

/** 2023-11-14T22:13:20Z: a fixed, plausible epoch for tests and reproducible sessions. */
export const DEFAULT_EPOCH_MS = 1_700_000_000_000;

export class VirtualClock implements Clock {
  private us: number;

  constructor(startMs = DEFAULT_EPOCH_MS) {
    if (!Number.isFinite(startMs) || startMs < 0) throw new Error(`bad clock start ${startMs}`);
    this.us = Math.floor(startMs * 1000);
  }

  nowMs(): number {
    return Math.floor(this.us / 1000);
  }

  nowUs(): number {
    return this.us;
  }

  /** DEBUG SLEEP on a virtual clock: the node is "blocked" for `ms`, i.e. time jumps ahead. */
  sleep(ms: number): void {
    this.advance(ms);
  }

  /** Moves time forward by `ms` (may be fractional; negative or non-finite amounts are refused). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`bad clock advance ${ms}`);
    this.us += Math.round(ms * 1000);
  }

  /** Moves time forward to `us` (microseconds); earlier instants leave the clock where it is. */
  advanceToUs(us: number): void {
    if (us > this.us) this.us = Math.floor(us);
  }
}
