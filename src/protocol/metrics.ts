/*
 * Metrics messages between the UI and the worker (types only): the samples behind the "Memory & ops"
 * charts.
 *
 * The worker samples the node once per virtual second while the clock runs, and once more at the end
 * of a step (never while paused, when nothing happens on the virtual clock). A sample carries the same
 * numbers INFO prints at that instant (used_memory, total_commands_processed, expired_keys,
 * evicted_keys, connected_clients) plus deltas since the previous sample, so a chart needs no history
 * of its own to draw bars. The worker keeps a bounded history (METRICS_HISTORY_MAX samples).
 *
 * A view asks `metricsWatch` (watch: true) and gets the whole history in the answer, then
 * `metricsPushed` with the samples taken since, throttled (a few pushes a second at most, however fast
 * the clock runs). `metricsWatch` with watch: false stops the pushes.
 */

/** Samples the worker keeps (five minutes of virtual time at one a second). */
export const METRICS_HISTORY_MAX = 300;

/** Why a sample was taken: the once-a-second timer, or the end of a clock step. */
export type SampleCause = 'second' | 'step';

/** Something a chart marks at the sample that saw it. */
export type MetricsEvent = 'flush' | 'evict' | 'expire' | 'restart';

export interface MetricsSample {
  /** Increases by one per sample; a gap means samples fell out of the history. */
  seq: number;
  /** Virtual unix ms of the sample. */
  nowMs: number;
  /** Virtual ms since the previous sample (1000 on the timer; a step's sample may cover less). */
  intervalMs: number;
  cause: SampleCause;
  /** INFO memory's used_memory. */
  usedMemory: number;
  /** The maxmemory config (0: no limit), so a chart can draw the line eviction starts at. */
  maxmemory: number;
  /** Keys in all databases (the sum of INFO keyspace's keys=). */
  keys: number;
  /** INFO stats' total_commands_processed. */
  totalCommands: number;
  /** Commands processed since the previous sample (the ops of that second). */
  ops: number;
  /** INFO stats' expired_keys and evicted_keys, and their deltas since the previous sample. */
  expiredKeys: number;
  evictedKeys: number;
  expiredDelta: number;
  evictedDelta: number;
  /** INFO clients' connected_clients (console tabs and bots). */
  connectedClients: number;
  /** What happened since the previous sample: FLUSHALL/FLUSHDB ran, keys were evicted or expired. */
  events: MetricsEvent[];
}

export interface MetricsHistory {
  samples: MetricsSample[];
  /** The clock's state when the answer was built (a paused clock takes no samples). */
  paused: boolean;
}

export type MetricsRequest = { type: 'metricsWatch'; id: number; watch: boolean };

export type MetricsAnswer = { type: 'metrics'; id: number; history: MetricsHistory };

/** Unsolicited, while watched: samples taken since the last push (oldest first). */
export type MetricsPush = { type: 'metricsPushed'; samples: MetricsSample[]; paused: boolean };
