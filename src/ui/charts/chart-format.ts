/*
 * Number formats of the metrics charts. Byte counts read like INFO's used_memory_human (Redis's
 * bytesToHuman: bytes below 1 KiB, else 1024-based K/M/G/T/P with two decimals), so a value on the
 * chart can be compared with what `INFO memory` prints.
 */

import { formatClock } from '../clock-format.ts';

const UNITS = ['K', 'M', 'G', 'T', 'P'];

/** "876.00K", "1.23M", "512B": the used_memory_human form. */
export function humanBytes(n: number): string {
  if (!Number.isFinite(n)) return '?';
  if (Math.abs(n) < 1024) return `${Math.round(n)}B`;
  let d = n / 1024;
  for (const u of UNITS) {
    if (Math.abs(d) < 1024 || u === 'P') return `${d.toFixed(2)}${u}`;
    d /= 1024;
  }
  return `${n}B`;
}

/** "14:03:07" (UTC time of day of a virtual unix ms instant): the header clock without milliseconds. */
export function timeOfDay(ms: number): string {
  return formatClock(ms).slice(0, 8);
}

/** "12,345" (grouped, locale-independent so tests and screenshots agree). */
export function groupedInt(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
