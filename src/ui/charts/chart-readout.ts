/*
 * The words of the metrics charts: the readout of one sample (hover, keyboard, and the latest one when
 * no sample is chosen) and the charts' accessible labels. Plain text, rendered as text.
 */
import type { MetricsEvent, MetricsSample } from '../../protocol/metrics.ts';
import { groupedInt, humanBytes, timeOfDay } from './chart-format.ts';

const EVENT_WORDS: Record<MetricsEvent, string> = {
  flush: 'FLUSHALL/FLUSHDB ran',
  evict: 'keys evicted',
  expire: 'keys expired',
  restart: 'server restarted',
};

/** "30 ops in 1 s" / "3 ops in 0.25 s". */
export function opsText(s: MetricsSample): string {
  const secs = s.intervalMs / 1000;
  return `${groupedInt(s.ops)} ops in ${Number(secs.toFixed(3))} s`;
}

/** The parts of one sample's readout, in reading order. */
export function readoutParts(s: MetricsSample): string[] {
  const parts = [
    timeOfDay(s.nowMs),
    `used_memory ${humanBytes(s.usedMemory)}`,
    opsText(s),
    `${groupedInt(s.keys)} ${s.keys === 1 ? 'key' : 'keys'}`,
    `${s.connectedClients} ${s.connectedClients === 1 ? 'client' : 'clients'}`,
  ];
  if (s.evictedDelta > 0) parts.push(`${groupedInt(s.evictedDelta)} evicted`);
  if (s.expiredDelta > 0) parts.push(`${groupedInt(s.expiredDelta)} expired`);
  for (const e of s.events) if (e === 'flush' || e === 'restart') parts.push(EVENT_WORDS[e]);
  return parts;
}

export function memoryLabel(samples: readonly MetricsSample[]): string {
  const last = samples.at(-1);
  if (!last) return 'Memory chart: no samples yet';
  const min = Math.min(...samples.map((s) => s.usedMemory));
  const max = Math.max(...samples.map((s) => s.usedMemory));
  return (
    `Memory over the last ${samples.length} samples: used_memory now ${humanBytes(last.usedMemory)}, ` +
    `lowest ${humanBytes(min)}, highest ${humanBytes(max)}`
  );
}

export function opsLabel(samples: readonly MetricsSample[]): string {
  const last = samples.at(-1);
  if (!last) return 'Operations chart: no samples yet';
  const max = Math.max(...samples.map((s) => s.ops));
  return `Commands per sample: latest ${opsText(last)}, highest ${groupedInt(max)}`;
}
