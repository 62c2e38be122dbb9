/*
 * The latency monitor (Redis's latency.c): per event class ("command", "fast-command", "expire-cycle",
 * "eviction-cycle", "command-unblocking" ...), a ring of the latest 160 samples and the all-time max.
 *
 * Invariants, as Redis keeps them:
 *   - A sample is (unix seconds, latency ms). Samples are only added when latency-monitor-threshold is
 *     non-zero and the latency reaches it (latencyAddSampleIfNeeded).
 *   - Two samples of one event within the same second merge: the slot keeps the larger latency.
 *   - The ring holds at most LATENCY_TS_LEN samples; the oldest is overwritten. Empty slots (time 0)
 *     are skipped by every reader. `max` is the all-time high since the event was last reset.
 *   - Events are listed in creation order (Redis iterates a hash table, whose order is unspecified).
 */
import { modelledFreeUs } from './latency-free.ts';
import type { ServerNode } from './node.ts';
import type { RValue } from './object.ts';

export const LATENCY_TS_LEN = 160;

export interface LatencySample {
  timeS: number;
  latencyMs: number;
}

export class LatencyTimeSeries {
  /** Index of the next slot to write. */
  idx = 0;
  max = 0;
  readonly samples: LatencySample[] = Array.from({ length: LATENCY_TS_LEN }, () => ({
    timeS: 0,
    latencyMs: 0,
  }));

  add(nowS: number, latencyMs: number): void {
    if (latencyMs > this.max) this.max = latencyMs;
    const prev = this.samples[(this.idx + LATENCY_TS_LEN - 1) % LATENCY_TS_LEN]!;
    if (prev.timeS === nowS) {
      if (latencyMs > prev.latencyMs) prev.latencyMs = latencyMs;
      return;
    }
    this.samples[this.idx] = { timeS: nowS, latencyMs };
    this.idx = (this.idx + 1) % LATENCY_TS_LEN;
  }

  /** Non-empty samples, oldest first. */
  history(): LatencySample[] {
    const out: LatencySample[] = [];
    for (let j = 0; j < LATENCY_TS_LEN; j++) {
      const s = this.samples[(this.idx + j) % LATENCY_TS_LEN]!;
      if (s.timeS !== 0) out.push(s);
    }
    return out;
  }

  /** The most recently written slot (LATENCY LATEST). */
  latest(): LatencySample {
    return this.samples[(this.idx + LATENCY_TS_LEN - 1) % LATENCY_TS_LEN]!;
  }
}

/** Figures DOCTOR prints per event (analyzeLatencyForEvent). */
export interface LatencyAnalysis {
  samples: number;
  avg: number;
  min: number;
  max: number;
  /** Mean absolute deviation from the (integer) average. */
  mad: number;
  /** Seconds from the oldest sample to now (at least 1 when there are samples). */
  periodS: number;
  allTimeHigh: number;
}

/**
 * Runs `fn` with the current value of a config parameter and again after every change, so hot paths
 * read a field instead of parsing the config string per command.
 */
export function followConfig(node: ServerNode, name: string, fn: (value: string) => void): void {
  fn(node.config.get(name));
  node.config.onChange(name, fn);
}

export class LatencyMonitor {
  readonly events = new Map<string, LatencyTimeSeries>();
  /** latency-monitor-threshold in ms; 0 disables the monitor. */
  thresholdMs = 0;

  constructor(private readonly node: ServerNode) {
    followConfig(node, 'latency-monitor-threshold', (v) => (this.thresholdMs = Number(v)));
  }

  /** Modelled free time (latency-free.ts) of deletions since the last takeFreeCharge(), in µs. */
  private chargedFreeUs = 0;

  /**
   * Runs `del`, the deletion of value `v`, and records `event` (expire-del, eviction-del) with its
   * measured time plus the modelled cost of freeing `v` (none when the `lazyConfig` lazyfree setting
   * hands it to the background). Without monitoring it only deletes.
   */
  timeDeletion(event: string, v: RValue | undefined, lazyConfig: string, del: () => void): void {
    if (this.thresholdMs === 0) return del();
    const startUs = this.node.clock.nowUs();
    del();
    const freeUs = modelledFreeUs(v, this.node.config.getBool(lazyConfig));
    this.chargedFreeUs += freeUs;
    this.addSampleIfNeeded(event, Math.floor((this.node.clock.nowUs() - startUs + freeUs) / 1000));
  }

  /** The modelled free time charged since the previous call (for the cycle events). */
  takeFreeCharge(): number {
    const us = this.chargedFreeUs;
    this.chargedFreeUs = 0;
    return us;
  }

  /** latencyAddSampleIfNeeded: records when monitoring is on and `latencyMs` reaches the threshold. */
  addSampleIfNeeded(event: string, latencyMs: number): void {
    if (this.thresholdMs === 0 || latencyMs < this.thresholdMs) return;
    this.addSample(event, latencyMs);
  }

  addSample(event: string, latencyMs: number): void {
    let ts = this.events.get(event);
    if (ts === undefined) {
      ts = new LatencyTimeSeries();
      this.events.set(event, ts);
    }
    ts.add(Math.floor(this.node.nowMs() / 1000), Math.floor(latencyMs));
  }

  /** Drops one event (matched case-insensitively, as Redis's strcasecmp) or all; returns how many. */
  reset(event?: string): number {
    let n = 0;
    for (const name of [...this.events.keys()]) {
      if (event === undefined || name.toLowerCase() === event.toLowerCase()) {
        this.events.delete(name);
        n++;
      }
    }
    return n;
  }

  analyze(event: string): LatencyAnalysis {
    const ts = this.events.get(event);
    const out: LatencyAnalysis = { samples: 0, avg: 0, min: 0, max: 0, mad: 0, periodS: 0, allTimeHigh: 0 };
    if (ts === undefined) return out;
    out.allTimeHigh = ts.max;
    const samples = ts.samples.filter((s) => s.timeS !== 0);
    if (samples.length === 0) return out;
    let sum = 0;
    let oldest = Infinity;
    out.min = Infinity;
    for (const s of samples) {
      out.min = Math.min(out.min, s.latencyMs);
      out.max = Math.max(out.max, s.latencyMs);
      sum += s.latencyMs;
      oldest = Math.min(oldest, s.timeS);
    }
    out.samples = samples.length;
    out.avg = Math.floor(sum / samples.length);
    out.periodS = Math.max(1, Math.floor(this.node.nowMs() / 1000) - oldest);
    let dev = 0;
    for (const s of samples) dev += Math.abs(out.avg - s.latencyMs);
    out.mad = Math.floor(dev / samples.length);
    return out;
  }
}
