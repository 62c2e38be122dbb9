import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages.ts';
import { DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSnapshot } from '../protocol/ratelimit.ts';
import { DEFAULT_SETTINGS } from '../sim/ratelimit/settings.ts';
import { startedHost } from './testenv.ts';

function pushes(posted: FromWorker[]): RateLimitSnapshot[] {
  return posted.flatMap((m) => (m.type === 'rateLimitEvents' ? [m.snapshot] : []));
}

describe('rate-limit lab host', () => {
  it('the form starts from the settings the lab fills missing fields with', () => {
    expect(DEFAULT_RATE_LIMIT_SETTINGS).toEqual(DEFAULT_SETTINGS);
  });

  it('starts the lab, pushes the requests made by each clock step, and answers snapshots', () => {
    const { req, posted } = startedHost();
    req({ type: 'clock', action: 'pause' });
    const started = req({ type: 'rateLimitStart', settings: { limit: 2, perSecond: 4, windowMs: 1000 } });
    expect(started).toMatchObject({ type: 'rateLimit', snapshot: { status: { state: 'running', run: 1 } } });
    const before = posted.length;
    req({ type: 'clock', action: 'step', stepMs: 1000 });
    const [events] = pushes(posted.slice(before));
    // The clock starts at 1,000,000 ms: requests at +250, +500, +750, +1000 (a new window).
    expect(events!.records.map((r) => [r.atMs, r.allowed, r.count])).toEqual([
      [1_000_250, true, 1],
      [1_000_500, true, 2],
      [1_000_750, false, 3],
      [1_001_000, true, 1],
    ]);
    expect(events!.status).toMatchObject({ allowed: 3, rejected: 1 });
    expect(events!.records[0]!.commands).toEqual([
      { argv: ['INCR', 'rl:fixed:alice:1000'], reply: { t: 'int', n: 1 } },
      { argv: ['PEXPIRE', 'rl:fixed:alice:1000', '1000', 'NX'], reply: { t: 'int', n: 1 } },
    ]);
    const state = req({ type: 'rateLimitState' });
    expect(state.type === 'rateLimit' && state.snapshot.records).toHaveLength(4);
    const n = posted.length;
    req({ type: 'clock', action: 'step', stepMs: 0 });
    expect(pushes(posted.slice(n))).toHaveLength(0);
  });

  it('while playing, pushes about ten times a virtual second, not on every tick', () => {
    const { req, posted, env } = startedHost();
    req({ type: 'rateLimitStart', settings: { perSecond: 100, limit: 50 } });
    const before = posted.length;
    env.passRealTime(1000);
    const sent = pushes(posted.slice(before));
    expect(sent.length).toBe(10);
    expect(sent.reduce((n, s) => n + s.records.length, 0)).toBe(100);
  });

  it('refuses bad settings with the reason, stops and resets', () => {
    const { req, posted } = startedHost();
    expect(req({ type: 'rateLimitStart', settings: { algorithm: 'leaky' } })).toMatchObject({
      type: 'error',
      message: 'bad lab settings: unknown algorithm "leaky"',
    });
    req({ type: 'clock', action: 'pause' });
    req({ type: 'rateLimitStart', settings: { algorithm: 'token-bucket' } });
    req({ type: 'clock', action: 'step', stepMs: 500 });
    expect(req({ type: 'rateLimitStop' })).toMatchObject({ snapshot: { status: { state: 'stopped' } } });
    const before = posted.length;
    req({ type: 'clock', action: 'step', stepMs: 500 });
    expect(pushes(posted.slice(before))).toHaveLength(0);
    const reset = req({ type: 'rateLimitReset' });
    expect(reset).toMatchObject({ snapshot: { status: { state: 'idle', allowed: 0 }, records: [] } });
  });
});
