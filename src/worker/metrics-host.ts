/*
 * The worker's side of the metrics messages: owns the session's MetricsSampler and pushes its new
 * samples to the UI while a view watches (`metricsWatch`), so the charts never poll.
 *
 * Throttle, as inspect/change-watch.ts does it, with no timers of its own: new samples wait in a
 * bounded queue; the host's ticker calls flush(true), which posts them when PUSH_INTERVAL_MS of real
 * time passed since the last push (so a clock at 100x, sampling 100 times a real second, still sends
 * a few pushes a second, each with a batch). A step calls flush(false): the clock is usually paused
 * then and no ticker would come to post later.
 */
import type { ServerNode } from '../engine/server/node.ts';
import type { MetricsSample } from '../protocol/metrics.ts';
import { METRICS_HISTORY_MAX } from '../protocol/metrics.ts';
import type { RequestOf } from '../protocol/messages.ts';
import type { World } from '../sim/world.ts';
import type { Post } from './host.ts';
import { MetricsSampler } from './metrics-sampler.ts';

export const PUSH_INTERVAL_MS = 250;

export interface MetricsHostDeps {
  world: World;
  /** The node to sample; null while the server is stopped. */
  nodeOf: () => ServerNode | null;
  realNowMs: () => number;
  paused: () => boolean;
  post: Post;
}

export class MetricsHost {
  private readonly sampler: MetricsSampler;
  private watching = false;
  private queue: MetricsSample[] = [];
  private lastPushMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: MetricsHostDeps) {
    this.sampler = new MetricsSampler(deps.world, deps.nodeOf, (s) => this.queued(s));
  }

  /** `metricsWatch`: answers the history (also when stopping), then pushes while watched. */
  handle(msg: RequestOf<'metricsWatch'>): void {
    this.watching = msg.watch === true;
    this.queue = [];
    this.lastPushMs = this.deps.realNowMs();
    const history = { samples: this.sampler.samples(), paused: this.deps.paused() };
    this.deps.post({ type: 'metrics', id: msg.id, history });
  }

  /** A clock step, sampled at its end (see metrics-sampler.ts); the new samples are pushed at once. */
  step(ms: number, advance: () => void): void {
    try {
      this.sampler.step(ms, advance);
    } finally {
      this.flush(false);
    }
  }

  /** Posts the queued samples; `throttled` (from the ticker) waits for PUSH_INTERVAL_MS between pushes. */
  flush(throttled: boolean): void {
    if (this.queue.length === 0) return;
    const now = this.deps.realNowMs();
    if (throttled && now - this.lastPushMs < PUSH_INTERVAL_MS) return;
    const samples = this.queue;
    this.queue = [];
    this.lastPushMs = now;
    this.deps.post({ type: 'metricsPushed', samples, paused: this.deps.paused() });
  }

  dispose(): void {
    this.sampler.dispose();
  }

  private queued(s: MetricsSample): void {
    if (!this.watching) return;
    this.queue.push(s);
    if (this.queue.length > METRICS_HISTORY_MAX)
      this.queue.splice(0, this.queue.length - METRICS_HISTORY_MAX);
  }
}
