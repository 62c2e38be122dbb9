/*
 * Geometry of the rate-limit picture, pure so it is unit-tested. The picture is a strip of virtual
 * time ending at the clock's "now" (the newest instant the worker reported), spanning a few windows:
 *   - each request is a mark at (its send time, the count the algorithm saw; one count of headroom), so allowed requests sit
 *     at or under the limit line and rejected ones above it (for the token bucket: tokens left after
 *     the request, under the capacity line);
 *   - window boundaries (multiples of windowMs on the unix-ms axis, as the keys' window index is
 *     floor(now / window)) for the fixed window and the sliding window counter;
 *   - the sliding window span (now - window, now] for the sliding log and the counter;
 *   - the token level over time for the bucket: after each request it rises at the refill rate up to
 *     the capacity and drops by one at the next allowed request (exactly what the script computes).
 * Marks outside the strip are not drawn; the counters say how many requests the run made in total.
 */
import type { RateLimitRecord, RateLimitSettings } from '../../protocol/ratelimit.ts';

export const PAD = { left: 34, right: 10, top: 12, bottom: 22 };
export const SPAN_MIN_MS = 2000;
export const SPAN_MAX_MS = 60_000;
/** Window boundaries drawn at most (a short window in a long strip draws none rather than a smear). */
export const BOUNDARIES_MAX = 60;

export interface Mark {
  seq: number;
  atMs: number;
  x: number;
  y: number;
  allowed: boolean;
  count: number;
}

export interface LabLayout {
  width: number;
  height: number;
  startMs: number;
  endMs: number;
  /** y of the limit (window algorithms) or the capacity (bucket). */
  limitY: number;
  /** Largest value on the y axis. */
  yMax: number;
  marks: Mark[];
  boundaries: { atMs: number; x: number }[];
  /** The sliding window (now - window, now], or null. */
  span: { x0: number; x1: number } | null;
  /** Token level polyline (bucket only), in pixels. */
  level: [number, number][];
  /** Ticks of the time axis: seconds before now. */
  ticks: { x: number; label: string }[];
}

/** How much virtual time the strip shows: four windows (or four full refills), clamped. */
export function spanMsOf(s: RateLimitSettings): number {
  const unitMs = s.algorithm === 'token-bucket' ? (s.limit * 1000) / s.refillPerSecond : s.windowMs;
  return Math.min(SPAN_MAX_MS, Math.max(SPAN_MIN_MS, Math.round(unitMs * 4)));
}

export function layoutLab(
  s: RateLimitSettings,
  records: readonly RateLimitRecord[],
  nowMs: number,
  width: number,
  height: number,
): LabLayout {
  const endMs = nowMs;
  const startMs = endMs - spanMsOf(s);
  const visible = records.filter((r) => r.atMs > startMs && r.atMs <= endMs);
  const bucket = s.algorithm === 'token-bucket';
  const seen = visible.reduce((m, r) => Math.max(m, r.count), 0);
  const yMax = bucket ? s.limit * 1.2 : Math.max(Math.ceil(s.limit * 1.5), Math.ceil(seen) + 1);
  const x = (t: number) => PAD.left + ((t - startMs) / (endMs - startMs)) * (width - PAD.left - PAD.right);
  const y = (v: number) => height - PAD.bottom - (v / yMax) * (height - PAD.top - PAD.bottom);
  const windowed = s.algorithm === 'fixed-window' || s.algorithm === 'sliding-counter';
  const sliding = s.algorithm === 'sliding-log' || s.algorithm === 'sliding-counter';
  return {
    width,
    height,
    startMs,
    endMs,
    limitY: y(s.limit),
    yMax,
    marks: visible.map((r) => ({
      seq: r.seq,
      atMs: r.atMs,
      x: x(r.atMs),
      y: y(r.count),
      allowed: r.allowed,
      count: r.count,
    })),
    boundaries: windowed ? boundaries(startMs, endMs, s.windowMs).map((t) => ({ atMs: t, x: x(t) })) : [],
    span: sliding ? { x0: x(Math.max(startMs, endMs - s.windowMs)), x1: x(endMs) } : null,
    level: bucket ? tokenLevel(s, records, startMs, endMs).map(([t, v]) => [x(t), y(v)]) : [],
    ticks: timeTicks(startMs, endMs).map((t) => ({ x: x(t), label: `${((t - endMs) / 1000).toFixed(1)}s` })),
  };
}

/** Multiples of windowMs strictly inside (startMs, endMs], none when there would be too many. */
export function boundaries(startMs: number, endMs: number, windowMs: number): number[] {
  const first = Math.floor(startMs / windowMs) + 1;
  const last = Math.floor(endMs / windowMs);
  if (last - first + 1 > BOUNDARIES_MAX) return [];
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i * windowMs);
  return out;
}

/**
 * The bucket's level as (time, tokens) points from startMs to endMs: after each request the level
 * rises at refillPerSecond (a corner where it reaches the capacity) until the next request, where it
 * jumps to that request's tokens-left. Before the first request in view the level is unknown and not
 * drawn, unless an earlier request gives it.
 */
export function tokenLevel(
  s: RateLimitSettings,
  records: readonly RateLimitRecord[],
  startMs: number,
  endMs: number,
): [number, number][] {
  const points: [number, number][] = [];
  const levelAt = (from: number, tokens: number, t: number) =>
    Math.min(s.limit, tokens + ((t - from) * s.refillPerSecond) / 1000);
  const rise = (from: number, tokens: number, to: number) => {
    if (from < startMs) points.push([startMs, levelAt(from, tokens, startMs)]);
    const fullAt = from + ((s.limit - tokens) * 1000) / s.refillPerSecond;
    if (fullAt > Math.max(from, startMs) && fullAt < to) points.push([fullAt, s.limit]);
    points.push([to, levelAt(from, tokens, to)]);
  };
  let prev: RateLimitRecord | null = null;
  for (const r of records) {
    if (r.atMs > endMs) break;
    if (r.atMs > startMs) {
      if (prev) rise(prev.atMs, prev.count, r.atMs);
      points.push([r.atMs, r.count]);
    }
    prev = r;
  }
  if (prev) rise(prev.atMs, prev.count, endMs);
  return points;
}

/**
 * What the algorithm would count for a request sent now (the bar "count now / limit"), from the
 * requests seen: the fixed window's requests in the current window; the log's requests in
 * (now - window, now]; the counter's weighted estimate of allowed requests; the bucket's tokens.
 */
export function countNow(s: RateLimitSettings, records: readonly RateLimitRecord[], nowMs: number): number {
  const W = s.windowMs;
  const index = Math.floor(nowMs / W);
  const inWindow = (i: number, onlyAllowed: boolean) =>
    records.filter((r) => Math.floor(r.atMs / W) === i && (r.allowed || !onlyAllowed)).length;
  switch (s.algorithm) {
    case 'fixed-window':
      return inWindow(index, false);
    case 'sliding-log':
      return records.filter((r) => r.atMs > nowMs - W && r.atMs <= nowMs).length;
    case 'sliding-counter': {
      const weight = (W - (nowMs - index * W)) / W;
      return Math.round((inWindow(index - 1, true) * weight + inWindow(index, true)) * 100) / 100;
    }
    case 'token-bucket': {
      const last = records.at(-1);
      if (!last) return s.limit;
      const t = Math.min(s.limit, last.count + ((nowMs - last.atMs) * s.refillPerSecond) / 1000);
      return Math.round(t * 1000) / 1000;
    }
  }
}

/** About five round time ticks, in whole seconds or tenths before now. */
export function timeTicks(startMs: number, endMs: number): number[] {
  const span = endMs - startMs;
  const steps = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000];
  const step = steps.find((s) => span / s <= 6) ?? 30_000;
  const out: number[] = [];
  for (let t = endMs; t >= startMs; t -= step) out.push(t);
  return out.reverse();
}
