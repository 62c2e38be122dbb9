/*
 * The UI's copy of the lab's recent requests, fed by the worker: a whole snapshot (the answer to a
 * start / stop / reset / state request) replaces it; a `rateLimitEvents` push appends the requests
 * made since the previous push. A push of another run (a start from another view, a reload) replaces
 * what was kept, so the picture never mixes two runs. At most RECORDS_MAX requests are kept, the
 * newest, which is what the worker keeps too.
 */
import type { RateLimitRecord, RateLimitSnapshot, RateLimitStatus } from '../../protocol/ratelimit.ts';

export const RECORDS_MAX = 1000;

export class LabFeed {
  status: RateLimitStatus | null = null;
  records: RateLimitRecord[] = [];
  nowMs = 0;

  /** A full snapshot: replaces everything. */
  replace(s: RateLimitSnapshot): void {
    this.status = s.status;
    this.records = s.records.slice(-RECORDS_MAX);
    this.nowMs = Math.max(this.nowMs, s.nowMs);
  }

  /** Requests since the previous push (a different run replaces). */
  append(s: RateLimitSnapshot): void {
    if (!this.status || this.status.run !== s.status.run) return this.replace(s);
    this.status = s.status;
    const last = this.records.at(-1)?.seq ?? 0;
    const fresh = s.records.filter((r) => r.seq > last);
    this.records = this.records.concat(fresh).slice(-RECORDS_MAX);
    this.nowMs = Math.max(this.nowMs, s.nowMs);
  }

  /** The clock moved (a keyspaceChanged event): the picture's strip ends here. */
  clock(nowMs: number): void {
    this.nowMs = Math.max(this.nowMs, nowMs);
  }
}
