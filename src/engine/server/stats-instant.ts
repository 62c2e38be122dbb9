/*
 * INFO's instantaneous figures (instantaneous_ops_per_sec, instantaneous_input_kbps,
 * instantaneous_output_kbps), as Redis's trackInstantaneousMetric computes them: every 100 ms a sample
 * of "units per second since the previous sample" goes into a ring of 16, and INFO shows the integer
 * mean of the ring (kbps: that mean / 1024, two decimals).
 *
 * Redis samples from serverCron; we sample lazily, whenever a command runs or INFO is asked, and
 * replay the 100 ms ticks that passed since: the units counted since the last tick are attributed to
 * the first missed tick (they arrived before it, or a tick would already have been taken), the other
 * missed ticks saw nothing. At a steady rate this gives Redis's figures; when idle the mean decays to
 * 0 after 1.6 s, as in Redis.
 */
import type { ServerNode } from './node.ts';

const SAMPLES = 16;
const PERIOD_MS = 100;

class InstantMetric {
  private readonly samples: number[] = new Array<number>(SAMPLES).fill(0);
  private idx = 0;
  private lastCount = 0;

  push(perSecond: number): void {
    this.samples[this.idx] = perSecond;
    this.idx = (this.idx + 1) % SAMPLES;
  }

  /** One tick covering `elapsedMs` with the counter now at `reading`; then `idle` empty ticks. */
  track(reading: number, elapsedMs: number, idle: number): void {
    const delta = reading - this.lastCount;
    this.push(elapsedMs > 0 ? Math.trunc((delta * 1000) / elapsedMs) : 0);
    for (let i = 0; i < Math.min(idle, SAMPLES); i++) this.push(0);
    this.lastCount = reading;
  }

  /** Forget the history (CONFIG RESETSTAT); counting restarts from `reading`. */
  reset(reading: number): void {
    this.samples.fill(0);
    this.idx = 0;
    this.lastCount = reading;
  }

  mean(): number {
    return Math.trunc(this.samples.reduce((a, b) => a + b, 0) / SAMPLES);
  }
}

export class InstantMetrics {
  readonly ops = new InstantMetric();
  readonly netInput = new InstantMetric();
  readonly netOutput = new InstantMetric();
  private lastTickMs: number;

  constructor(private readonly node: ServerNode) {
    this.lastTickMs = node.nowMs();
  }

  /** Takes the samples of every 100 ms tick that passed since the last one. */
  tick(): void {
    const now = this.node.nowMs();
    const elapsed = now - this.lastTickMs;
    if (elapsed < PERIOD_MS) return;
    const ticks = Math.floor(elapsed / PERIOD_MS);
    const firstSpan = ticks === 1 ? elapsed : PERIOD_MS;
    const s = this.node.stats;
    this.ops.track(s.numCommands, firstSpan, ticks - 1);
    this.netInput.track(s.netInputBytes, firstSpan, ticks - 1);
    this.netOutput.track(s.netOutputBytes, firstSpan, ticks - 1);
    this.lastTickMs = ticks === 1 ? now : this.lastTickMs + ticks * PERIOD_MS;
  }

  reset(): void {
    const s = this.node.stats;
    this.ops.reset(s.numCommands);
    this.netInput.reset(s.netInputBytes);
    this.netOutput.reset(s.netOutputBytes);
    this.lastTickMs = this.node.nowMs();
  }
}

const perNode = new WeakMap<ServerNode, InstantMetrics>();

/** The node's instantaneous metrics (created on first use). */
export function instantMetrics(node: ServerNode): InstantMetrics {
  let m = perNode.get(node);
  if (m === undefined) {
    m = new InstantMetrics(node);
    perNode.set(node, m);
  }
  return m;
}
