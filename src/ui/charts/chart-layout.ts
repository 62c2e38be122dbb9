/*
 * Layout of the metrics charts: pure functions from samples and a pixel size to what the SVG draws
 * (paths, bars, ticks, event markers), so the geometry is unit-tested without a DOM.
 *
 * Both charts share one x scale over virtual time. A sample at T covers (T - intervalMs, T]: its ops
 * bar spans that interval and its memory point sits at T, so a bar never claims time it did not see
 * (a 250 ms step draws a narrow bar). The domain starts where the first sample's interval starts.
 *
 * Memory's y domain hugs the data (used_memory starts near 860 KiB, so a zero-based axis would hide
 * every change) with 10% headroom, and its ticks are round numbers of a 1024-based unit so the labels
 * read like used_memory_human ("860K", "1.5M"). Ops start at zero with integer ticks only.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import type { MetricsEvent, MetricsSample } from '../../protocol/metrics.ts';
import { groupedInt, timeOfDay } from './chart-format.ts';
import { type Anchor, AXIS_CHAR_PX, MARKER_CHAR_PX, placeLabels } from './chart-labels.ts';

export const MARGIN = { top: 8, right: 10, bottom: 20, left: 50 };

export interface Tick {
  /** Pixel offset inside the plot area (x from its left, y from its top). */
  pos: number;
  /** Empty when the label would overlap its neighbour (the tick itself stays). */
  label: string;
  /** How the label aligns to its tick (x axis: inwards near the ends). */
  anchor?: Anchor;
}

export interface MemoryPoint {
  x: number;
  y: number;
  sample: MetricsSample;
}

export interface OpsBar {
  x: number;
  y: number;
  w: number;
  h: number;
  sample: MetricsSample;
}

export interface EventMarker {
  x: number;
  seq: number;
  events: MetricsEvent[];
  /** "flush", "evict, restart"...; null when it would overlap the previous marker's label. */
  label: string | null;
  anchor: Anchor;
}

export interface ChartsLayout {
  /** Plot area size (the SVG is this plus MARGIN). */
  innerW: number;
  innerH: number;
  xTicks: Tick[];
  memory: {
    line: string;
    area: string;
    points: MemoryPoint[];
    yTicks: Tick[];
    /** The latest maxmemory as a horizontal line, when set and near the data (else null). */
    limit: { y: number; bytes: number } | null;
  };
  ops: { bars: OpsBar[]; yTicks: Tick[] };
  /** FLUSHALL/FLUSHDB, evictions and restarts (expiries are too common to mark). */
  markers: EventMarker[];
}

const MARKED: readonly MetricsEvent[] = ['flush', 'evict', 'restart'];

/** Lays out both charts for `width` x `plotHeight` pixels each (plot areas `width - margins` wide). */
export function layoutCharts(
  samples: readonly MetricsSample[],
  width: number,
  plotHeight: number,
): ChartsLayout {
  const innerW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(30, plotHeight - MARGIN.top - MARGIN.bottom);
  const empty = { innerW, innerH, xTicks: [], markers: [] };
  if (samples.length === 0)
    return {
      ...empty,
      memory: { line: '', area: '', points: [], yTicks: [], limit: null },
      ops: { bars: [], yTicks: [] },
    };
  const [t0, t1] = timeDomain(samples);
  const x = scaleLinear().domain([t0, t1]).range([0, innerW]);
  return {
    innerW,
    innerH,
    xTicks: timeTicks(t0, t1, innerW),
    memory: memoryLayout(samples, x, innerH),
    ops: opsLayout(samples, x, innerH),
    markers: eventMarkers(samples, x, innerW),
  };
}

function eventMarkers(
  samples: readonly MetricsSample[],
  x: (t: number) => number,
  innerW: number,
): EventMarker[] {
  const marked = samples
    .map((s) => ({ s, events: s.events.filter((e) => MARKED.includes(e)) }))
    .filter((m) => m.events.length > 0);
  const items = marked.map((m) => ({ pos: x(m.s.nowMs), text: m.events.join(', ') }));
  const placed = placeLabels(items, innerW, { charPx: MARKER_CHAR_PX, centred: false, leftRoom: 0 });
  return marked.map((m, i) => ({
    x: items[i]!.pos,
    seq: m.s.seq,
    events: m.events,
    label: placed[i]!.shown ? items[i]!.text : null,
    anchor: placed[i]!.anchor,
  }));
}

/** From the start of the first sample's interval to the last sample (at least one second). */
export function timeDomain(samples: readonly MetricsSample[]): [number, number] {
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const start = first.nowMs - (first.intervalMs > 0 ? first.intervalMs : 1000);
  return [Math.min(start, last.nowMs - 1000), last.nowMs];
}

/** Round UTC times of day, about one per 90 px. */
export function timeTicks(t0: number, t1: number, innerW: number): Tick[] {
  const utc = scaleUtc()
    .domain([new Date(t0), new Date(t1)])
    .range([0, innerW]);
  const count = Math.max(2, Math.floor(innerW / 90));
  const ticks = utc.ticks(count).map((d) => ({ pos: utc(d), text: timeOfDay(d.getTime()) }));
  const placed = placeLabels(ticks, innerW, { charPx: AXIS_CHAR_PX, centred: true, leftRoom: MARGIN.left });
  return ticks.map((t, i) => ({
    pos: t.pos,
    label: placed[i]!.shown ? t.text : '',
    anchor: placed[i]!.anchor,
  }));
}

type Scale = (v: number) => number;

function memoryLayout(samples: readonly MetricsSample[], x: Scale, innerH: number): ChartsLayout['memory'] {
  const used = samples.map((s) => s.usedMemory);
  const maxmemory = samples.at(-1)!.maxmemory;
  // A limit far above the data would flatten it: draw it only within twice the highest used_memory.
  const showLimit = maxmemory > 0 && maxmemory <= 2 * Math.max(...used);
  const [lo, hi] = memoryDomain(showLimit ? [...used, maxmemory] : used);
  const y = scaleLinear().domain([lo, hi]).range([innerH, 0]);
  const points = samples.map((s) => ({ x: x(s.nowMs), y: y(s.usedMemory), sample: s }));
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fix(p.x)},${fix(p.y)}`).join('');
  const area =
    points.length > 0 ? `${line}L${fix(points.at(-1)!.x)},${innerH}L${fix(points[0]!.x)},${innerH}Z` : '';
  const yTicks = byteTicks(lo, hi, 4).map((t) => ({ pos: y(t.value), label: t.label }));
  const limit = showLimit ? { y: y(maxmemory), bytes: maxmemory } : null;
  return { line, area, points, yTicks, limit };
}

/** [min, max] of used_memory with 10% headroom (at least 1 KiB each side), never below zero. */
export function memoryDomain(values: readonly number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max((max - min) * 0.1, 1024);
  return [Math.max(0, min - pad), max + pad];
}

/**
 * Round ticks in the largest 1024-power unit that fits the span (K for KiB spans, M for MiB...),
 * labelled in that unit ("0.8M", not the "819.2K" the same bytes would print as on their own).
 */
export function byteTicks(lo: number, hi: number, count: number): { value: number; label: string }[] {
  const span = Math.max(1, hi - lo);
  const power = Math.max(0, Math.min(5, Math.floor(Math.log(span) / Math.log(1024))));
  const unit = 1024 ** power;
  return scaleLinear()
    .domain([lo / unit, hi / unit])
    .ticks(count)
    .map((t) => ({
      value: t * unit,
      label: t === 0 ? '0' : `${Number(t.toPrecision(6))}${BYTE_UNITS[power]}`,
    }));
}

const BYTE_UNITS = ['B', 'K', 'M', 'G', 'T', 'P'];

function opsLayout(samples: readonly MetricsSample[], x: Scale, innerH: number): ChartsLayout['ops'] {
  const maxOps = Math.max(1, ...samples.map((s) => s.ops));
  const y = scaleLinear().domain([0, maxOps]).nice(3).range([innerH, 0]);
  const bars = samples.map((s) => {
    const left = x(s.nowMs - (s.intervalMs > 0 ? s.intervalMs : 1000));
    const right = x(s.nowMs);
    // A one-pixel gap between neighbours while bars are wide enough to show it.
    const gap = right - left > 3 ? 1 : 0;
    const top = y(s.ops);
    return { x: left + gap, y: top, w: Math.max(1, right - left - gap), h: innerH - top, sample: s };
  });
  const yTicks = y
    .ticks(3)
    .filter((t) => Number.isInteger(t))
    .map((t) => ({ pos: y(t), label: groupedInt(t) }));
  return { bars, yTicks };
}

/** The index of the sample whose point is nearest to plot x `px` (-1 with no samples). */
export function nearestIndex(points: readonly { x: number }[], px: number): number {
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i < points.length; i++) {
    const d = Math.abs(points[i]!.x - px);
    if (d < bestDist) {
      best = i;
      bestDist = d;
    }
  }
  return best;
}

function fix(n: number): string {
  return n.toFixed(1);
}
