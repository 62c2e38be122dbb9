/*
 * Per-command latency tracking (latency-tracking, latency-tracking-info-percentiles): one histogram
 * per command or subcommand, created at its first recorded call, fed each call's duration in ns while
 * latency-tracking is on (a blocked command when it is served, with its whole duration). CONFIG
 * RESETSTAT drops them all. INFO latencystats prints, for each command with a histogram, the configured
 * percentiles as "p<label>=<µs with 3 decimals>"; nothing at all while tracking is off.
 */
import type { Command } from '../commands/registry.ts';
import { LatencyHistogram } from './latency-histogram.ts';
import { followConfig } from './latency-monitor.ts';
import type { ServerNode } from './node.ts';

export class CommandLatencies {
  enabled = true;
  /** The percentiles as CONFIG GET prints them (also the INFO labels) and their values. */
  percentileLabels: string[] = [];
  private readonly histograms = new Map<Command, LatencyHistogram>();

  constructor(node: ServerNode) {
    followConfig(node, 'latency-tracking', (v) => (this.enabled = v === 'yes'));
    followConfig(node, 'latency-tracking-info-percentiles', (v) => {
      this.percentileLabels = v === '' ? [] : v.split(' ');
    });
  }

  /** updateCommandLatencyHistogram: `durationUs` of one call of `cmd`. */
  record(cmd: Command, durationUs: number): void {
    if (!this.enabled) return;
    let h = this.histograms.get(cmd);
    if (h === undefined) {
      h = new LatencyHistogram();
      this.histograms.set(cmd, h);
    }
    h.record(durationUs * 1000);
  }

  of(cmd: Command): LatencyHistogram | undefined {
    return this.histograms.get(cmd);
  }

  reset(): void {
    this.histograms.clear();
  }

  /** The INFO latencystats value for a histogram, e.g. "p50=1.003,p99=1.003,p99.9=1.003". */
  percentilesLine(h: LatencyHistogram): string {
    return this.percentileLabels
      .map((label) => `p${label}=${(h.valueAtPercentile(Number(label)) / 1000).toFixed(3)}`)
      .join(',');
  }
}
