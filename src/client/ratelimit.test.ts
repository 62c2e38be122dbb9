import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import type { RateLimitSnapshot } from '../protocol/ratelimit.ts';
// As in playground.test.ts: the real worker host runs in-process behind a fake Worker.
// eslint-disable-next-line no-restricted-imports
import { fakeHost } from '../worker/testenv.ts';
import { Playground, type WorkerLike } from './playground.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((ev: { data: FromWorker }) => void) | null = null;
  readonly host = fakeHost().host;
  constructor() {
    (this.host as unknown as { post: (m: FromWorker) => void }).post = (m) =>
      queueMicrotask(() => this.onmessage?.({ data: structuredClone(m) }));
  }
  postMessage(msg: ToWorker): void {
    queueMicrotask(() => this.host.handle(structuredClone(msg)));
  }
}

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
