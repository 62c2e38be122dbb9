/*
 * When the lab's requests are sent: offsets in whole virtual milliseconds from the lab's start, one
 * after the other, strictly increasing (so every request has its own instant and the picture never
 * stacks two marks). Whole milliseconds because that is what the algorithms pass to Redis.
 *
 * - steady: request k (1, 2, ...) at round(k * 1000 / perSecond), computed from the start each time
 *   (no drift: 3/s gives exactly 3 requests a second);
 * - bursty: bursts of `burst` requests, GAP apart, one burst per period = burst / perSecond seconds
 *   (so the average rate is perSecond); each burst starts up to a quarter period late, drawn from the
 *   lab's seeded PRNG, so a session seed reproduces the same bursts;
 * - ramp: the rate grows linearly from perSecond / 5 to 2 * perSecond over RAMP_MS, then stays there.
 *   Request k is at the instant t where the integral of the rate reaches k: r0 t + a t^2 / 2 = k.
 */
import type { Random } from '../../engine/ports.ts';
import type { LabSettings } from './settings.ts';

export const RAMP_MS = 10_000;
/** Longest gap between two requests of one burst. */
export const BURST_GAP_MS_MAX = 20;

export class Traffic {
  private k = 0;
  private lastMs = 0;
  /** How late the current burst starts (drawn at its first request). */
  private jitterMs = 0;

  constructor(
    private readonly s: Pick<LabSettings, 'pattern' | 'perSecond' | 'burst'>,
    private readonly random: Random,
  ) {}

  /** Offset of the next request from the start, in ms (>= 1, strictly increasing). */
  next(): number {
    this.k++;
    const raw = this.rawOffset(this.k);
    this.lastMs = Math.max(this.lastMs + 1, raw);
    return this.lastMs;
  }

  private rawOffset(k: number): number {
    switch (this.s.pattern) {
      case 'steady':
        return Math.round((k * 1000) / this.s.perSecond);
      case 'bursty':
        return this.burstOffset(k);
      case 'ramp':
        return Math.round(rampOffsetMs(k, this.s.perSecond));
    }
  }

  private burstOffset(k: number): number {
    const b = this.s.burst;
    const periodMs = (b * 1000) / this.s.perSecond;
    const gapMs = Math.min(BURST_GAP_MS_MAX, Math.max(1, Math.floor(periodMs / (4 * b))));
    const burstIndex = Math.floor((k - 1) / b);
    const inBurst = (k - 1) % b;
    if (inBurst === 0) this.jitterMs = this.random.int(Math.max(1, Math.floor(periodMs / 4)));
    return Math.round(burstIndex * periodMs) + 1 + this.jitterMs + inBurst * gapMs;
  }
}

/** Instant (ms) at which the ramp's request count reaches k. */
export function rampOffsetMs(k: number, perSecond: number): number {
  const r0 = perSecond / 5;
  const r1 = 2 * perSecond;
  const rampS = RAMP_MS / 1000;
  const a = (r1 - r0) / rampS;
  const atEnd = r0 * rampS + (a * rampS * rampS) / 2;
  if (k > atEnd) return (rampS + (k - atEnd) / r1) * 1000;
  return ((-r0 + Math.sqrt(r0 * r0 + 2 * a * k)) / a) * 1000;
}
