import { describe, expect, it } from 'vitest';
import type { RateLimitSnapshot } from '../protocol/ratelimit.ts';
import { FakeWorker } from './fake-worker.test-util.ts';
import { Playground } from './playground.ts';

describe('Playground rate-limit lab', () => {
  it('starts the lab, receives its requests as events when the clock steps, stops and resets', async () => {
    const pg = await Playground.attach(new FakeWorker(), { seed: 1, startMs: 1_000_000 });
    await pg.pause();
    const events: RateLimitSnapshot[] = [];
    const off = pg.onRateLimitEvents((s) => events.push(s));
    const started = await pg.rateLimitStart({ algorithm: 'fixed-window', limit: 3, perSecond: 5 });
    expect(started.status).toMatchObject({ state: 'running', run: 1, allowed: 0 });
    await pg.step(1000);
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]!.records.map((r) => r.allowed)).toEqual([true, true, true, false, true]);
    expect((await pg.rateLimit('state')).records).toHaveLength(5);
    expect((await pg.rateLimit('stop')).status.state).toBe('stopped');
    expect((await pg.rateLimit('reset')).status).toMatchObject({ state: 'idle', allowed: 0 });
    await expect(pg.rateLimitStart({ limit: 0 })).rejects.toThrow(/limit must be/);
    off();
  });
});
