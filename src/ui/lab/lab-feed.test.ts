import { describe, expect, it } from 'vitest';
import type { RateLimitRecord, RateLimitSnapshot, RateLimitStatus } from '../../protocol/ratelimit.ts';
import { LabFeed, RECORDS_MAX } from './lab-feed.ts';

const status = (run: number): RateLimitStatus => ({
  state: 'running',
  settings: null,
  run,
  startedAtMs: 0,
  allowed: 0,
  rejected: 0,
  skipped: 0,
  clientId: 9,
  lastError: null,
});
const rec = (seq: number): RateLimitRecord => ({
  seq,
  atMs: seq * 10,
  allowed: true,
  count: 1,
  limit: 5,
  key: 'k',
  commands: [],
});
const snap = (run: number, seqs: number[], nowMs = 0): RateLimitSnapshot => ({
  status: status(run),
  nowMs,
  records: seqs.map(rec),
});

describe('LabFeed', () => {
  it('appends pushes of the same run, skips repeats, and replaces on another run', () => {
    const f = new LabFeed();
    f.append(snap(1, [1, 2], 100));
    f.append(snap(1, [2, 3], 90));
    expect(f.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(f.nowMs).toBe(100);
    f.clock(150);
    expect(f.nowMs).toBe(150);
    f.append(snap(2, [1], 160));
    expect(f.records.map((r) => r.seq)).toEqual([1]);
    f.replace(snap(2, []));
    expect(f.records).toEqual([]);
  });

  it('keeps the newest RECORDS_MAX requests', () => {
    const f = new LabFeed();
    f.replace(snap(1, [1]));
    f.append(
      snap(
        1,
        Array.from({ length: RECORDS_MAX + 5 }, (_, i) => i + 2),
      ),
    );
    expect(f.records).toHaveLength(RECORDS_MAX);
    expect(f.records.at(-1)!.seq).toBe(RECORDS_MAX + 6);
  });
});
