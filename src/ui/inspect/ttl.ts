/*
 * TTL countdowns on the virtual clock. A snapshot carries the virtual time it was taken at and the
 * clock's state; between snapshots the UI extrapolates with real time times the speed, and stands
 * still while the clock is paused (the worker posts a change event on pause/play/step/speed, so the
 * anchor is replaced at once).
 */
export interface ClockAnchor {
  /** Virtual ms at the anchor. */
  nowMs: number;
  paused: boolean;
  speed: number;
  /** Real ms (performance.now()) when the anchor was received. */
  realMs: number;
}

export function virtualNow(a: ClockAnchor, realNowMs: number): number {
  if (a.paused) return a.nowMs;
  return a.nowMs + Math.max(0, realNowMs - a.realMs) * a.speed;
}

/** Remaining time as the browser shows it: "—" for none, "expired", "950ms", "12.3s", "5m 03s", "2h 01m". */
export function formatTtl(expiresAtMs: number | null, nowMs: number): string {
  if (expiresAtMs === null) return '—';
  const left = expiresAtMs - nowMs;
  if (left <= 0) return 'expired';
  if (left < 1000) return `${Math.floor(left)}ms`;
  if (left < 60_000) return `${(Math.floor(left / 100) / 10).toFixed(1)}s`;
  const s = Math.floor(left / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const m = Math.floor(s / 60);
  if (m < 24 * 60) return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(m / 1440)}d ${Math.floor((m % 1440) / 60)}h`;
}

/** Approximate bytes as "812 B", "12.4 KB", "3.1 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
