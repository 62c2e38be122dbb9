/*
 * The metrics sampler: one sample of the node's figures per virtual second, kept in a bounded ring, for
 * the "Memory & ops" charts (protocol/metrics.ts describes a sample).
 *
 * Timing. The sampler is a timer on the world's scheduler, re-armed 1000 virtual ms after each sample,
 * so it only fires while virtual time moves: once a second while the clock plays, never while paused.
 * A step re-bases the timer at the step's start and samples at its end if no timer did, so "pause,
 * type 30 commands, step 1 s" gives exactly one new sample whose ops are those 30 commands, and a
 * 250 ms step gives one sample covering 250 ms. Commands run while paused count in the next sample.
 *
 * Cost. Every figure is a counter the node keeps anyway (stats, client map, dict sizes) or used_memory,
 * which INFO computes through server/memory.ts's incremental accounting (re-measuring only keys written
 * since the last reading): no keyspace scan per sample. The history is capped at `capacity` samples.
 *
 * Counters can go down (CONFIG RESETSTAT) or restart from zero (a new node after a crash or
 * SHUTDOWN): a delta is then the reading itself, since the counting restarted from zero in between.
 */
import { usedMemory } from '../engine/server/memory.ts';
import type { ServerNode } from '../engine/server/node.ts';
import type { MetricsEvent, MetricsSample, SampleCause } from '../protocol/metrics.ts';
import { METRICS_HISTORY_MAX } from '../protocol/metrics.ts';
import type { TimerHandle } from '../sim/scheduler.ts';
import type { World } from '../sim/world.ts';

export const SAMPLE_PERIOD_MS = 1000;

/** The monotonic counters a sample turns into deltas. */
interface Counters {
  commands: number;
  expired: number;
  evicted: number;
  flushes: number;
}

interface Baseline {
  node: ServerNode;
  nowMs: number;
  counters: Counters;
}

export class MetricsSampler {
  private readonly ring: MetricsSample[] = [];
  private timer: TimerHandle | undefined;
  private baseline: Baseline | undefined;
  private nextSeq = 1;

  /**
   * `nodeOf` gives the node to sample, or null while the server is stopped (no samples then);
   * `onSample` hears every new sample (the feed that pushes them to watching views).
   */
  constructor(
    private readonly world: World,
    private readonly nodeOf: () => ServerNode | null,
    private readonly onSample: (s: MetricsSample) => void = () => {},
    private readonly capacity = METRICS_HISTORY_MAX,
  ) {
    const node = nodeOf();
    if (node) this.baseline = { node, nowMs: world.nowMs(), counters: countersOf(node) };
    this.arm();
  }

  /** The history, oldest first (a copy). */
  samples(): MetricsSample[] {
    return [...this.ring];
  }

  /**
   * Runs a clock step (`advance` moves the world by `ms`), sampling at its end unless a timer sample
   * landed there. A zero step (reading the clock) neither samples nor re-bases the timer.
   */
  step(ms: number, advance: () => void): void {
    if (!(ms > 0)) return advance();
    this.arm();
    try {
      advance();
    } finally {
      if (this.ring.at(-1)?.nowMs !== this.world.nowMs()) this.take('step');
      this.arm();
    }
  }

  /** Stops the timer (session end, tests). */
  dispose(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private arm(): void {
    this.timer?.cancel();
    this.timer = this.world.scheduler.after(SAMPLE_PERIOD_MS, () => {
      this.timer = undefined;
      this.take('second');
      this.arm();
    });
  }

  private take(cause: SampleCause): void {
    const node = this.nodeOf();
    if (!node) return;
    const nowMs = this.world.nowMs();
    const counters = countersOf(node);
    const prev = this.baseline;
    const restarted = prev !== undefined && prev.node !== node;
    const before = prev && !restarted ? prev.counters : ZERO;
    const sample = buildSample(node, counters, before, {
      seq: this.nextSeq++,
      nowMs,
      intervalMs: prev ? nowMs - prev.nowMs : 0,
      cause,
      restarted,
    });
    this.baseline = { node, nowMs, counters };
    this.ring.push(sample);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    this.onSample(sample);
  }
}

const ZERO: Counters = { commands: 0, expired: 0, evicted: 0, flushes: 0 };

function countersOf(node: ServerNode): Counters {
  const calls = (name: string) => node.commands.lookupByName(name)?.stats.calls ?? 0;
  return {
    commands: node.stats.numCommands,
    expired: node.stats.expiredKeys,
    evicted: node.stats.evictedKeys,
    flushes: calls('flushall') + calls('flushdb'),
  };
}

/** now - before, or `now` itself when the counter restarted from zero in between. */
function delta(now: number, before: number): number {
  return now >= before ? now - before : now;
}

interface SampleFrame {
  seq: number;
  nowMs: number;
  intervalMs: number;
  cause: SampleCause;
  restarted: boolean;
}

function buildSample(node: ServerNode, now: Counters, before: Counters, f: SampleFrame): MetricsSample {
  let keys = 0;
  for (const db of node.dbs) keys += db.dict.size;
  const expiredDelta = delta(now.expired, before.expired);
  const evictedDelta = delta(now.evicted, before.evicted);
  const events: MetricsEvent[] = [];
  if (f.restarted) events.push('restart');
  if (delta(now.flushes, before.flushes) > 0) events.push('flush');
  if (evictedDelta > 0) events.push('evict');
  if (expiredDelta > 0) events.push('expire');
  return {
    seq: f.seq,
    nowMs: f.nowMs,
    intervalMs: f.intervalMs,
    cause: f.cause,
    usedMemory: usedMemory(node),
    maxmemory: Number(node.config.get('maxmemory')) || 0,
    keys,
    totalCommands: now.commands,
    ops: delta(now.commands, before.commands),
    expiredKeys: now.expired,
    evictedKeys: now.evicted,
    expiredDelta,
    evictedDelta,
    connectedClients: node.clients.size,
    events,
  };
}
