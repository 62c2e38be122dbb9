/*
 * The metrics part of the facade: the history of samples behind the "Memory & ops" charts, kept up to
 * date from the worker's pushes while at least one view watches (protocol/metrics.ts).
 *
 * The first watcher sends `metricsWatch` (watch: true) and receives the worker's whole history; later
 * pushes are appended by sequence number (a sample already held is never added twice, so a push racing
 * the answer does no harm). When the last watcher leaves, the pushes are turned off. The history is
 * capped at METRICS_HISTORY_MAX samples like the worker's.
 */
import type { MetricsHistory, MetricsPush, MetricsSample } from '../protocol/metrics.ts';
import { METRICS_HISTORY_MAX } from '../protocol/metrics.ts';
import type { Rpc } from './rpc.ts';

export type { MetricsEvent, MetricsHistory, MetricsSample } from '../protocol/metrics.ts';

export class MetricsClient {
  private samples: MetricsSample[] = [];
  private paused = false;
  private readonly listeners = new Set<(h: MetricsHistory) => void>();

  constructor(private readonly rpc: Rpc) {}

  /** Calls `cb` with the history now (once it arrived) and after every push. Returns an unsubscribe. */
  watch(cb: (h: MetricsHistory) => void): () => void {
    this.listeners.add(cb);
    if (this.listeners.size === 1) void this.start();
    else cb(this.history());
    return () => {
      if (!this.listeners.delete(cb) || this.listeners.size > 0) return;
      this.rpc.request({ type: 'metricsWatch', watch: false }, 'metrics').catch(() => {});
    };
  }

  /** @internal Samples pushed by the worker. */
  receive(push: Omit<MetricsPush, 'type'>): void {
    if (this.listeners.size === 0) return;
    this.paused = push.paused;
    this.append(push.samples);
    this.emit();
  }

  private async start(): Promise<void> {
    try {
      const a = await this.rpc.request({ type: 'metricsWatch', watch: true }, 'metrics');
      const newer = this.samples.filter((s) => s.seq > (a.history.samples.at(-1)?.seq ?? 0));
      this.samples = [];
      this.append([...a.history.samples, ...newer]);
      this.paused = a.history.paused;
      this.emit();
    } catch (e) {
      console.error('[playground] metrics watch failed:', e);
    }
  }

  private append(samples: readonly MetricsSample[]): void {
    let lastSeq = this.samples.at(-1)?.seq ?? 0;
    for (const s of samples) {
      if (s.seq <= lastSeq) continue;
      this.samples.push(s);
      lastSeq = s.seq;
    }
    const extra = this.samples.length - METRICS_HISTORY_MAX;
    if (extra > 0) this.samples.splice(0, extra);
  }

  private history(): MetricsHistory {
    return { samples: [...this.samples], paused: this.paused };
  }

  private emit(): void {
    const h = this.history();
    for (const cb of [...this.listeners]) {
      try {
        cb(h);
      } catch (e) {
        console.error('[playground] metrics listener failed:', e);
      }
    }
  }
}
