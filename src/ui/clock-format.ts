/*
 * How the header shows the virtual clock: UTC time of day with milliseconds, and the speed factor.
 */

/** "14:03:07.250" (UTC) for a unix ms instant. */
export function formatClock(nowMs: number): string {
  const d = new Date(nowMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** Speeds the header offers (virtual ms per real ms). */
export const SPEEDS: readonly number[] = [0.1, 1, 10, 100];

export function formatSpeed(factor: number): string {
  return `${factor}×`;
}
