/*
 * A hand-driven environment for PlaygroundHost in tests: real time and the ticker move only when the
 * test says so, and every posted message is recorded.
 */
import type { FromWorker } from '../protocol/messages.ts';
import { type HostEnv, PlaygroundHost } from './host.ts';

export interface FakeEnv extends HostEnv {
  /** Moves real time forward and fires the ticker once per elapsed interval. */
  passRealTime(ms: number): void;
  tickerRunning(): boolean;
  errors: string[];
}

export function fakeEnv(startRealMs = 0): FakeEnv {
  let real = startRealMs;
  let ticker: { tick: () => void; intervalMs: number; dueMs: number } | undefined;
  const env: FakeEnv = {
    errors: [],
    realNowMs: () => real,
    wallClockMs: () => 1_750_000_000_000,
    randomSeed: () => 12345,
    logError: (what, e) => void env.errors.push(`${what}: ${String(e)}`),
    startTicker(tick, intervalMs) {
      const t = { tick, intervalMs, dueMs: real + intervalMs };
      ticker = t;
      return () => {
        if (ticker === t) ticker = undefined;
      };
    },
    passRealTime(ms) {
      const end = real + ms;
      while (ticker && ticker.dueMs <= end) {
        real = ticker.dueMs;
        ticker.dueMs += ticker.intervalMs;
        ticker.tick();
      }
      real = end;
    },
    tickerRunning: () => ticker !== undefined,
  };
  return env;
}

/** A host on a fake env with its posted messages collected. */
export function fakeHost(env: FakeEnv = fakeEnv()): {
  host: PlaygroundHost;
  posted: FromWorker[];
  env: FakeEnv;
} {
  const posted: FromWorker[] = [];
  const host = new PlaygroundHost(env, (m) => posted.push(m));
  return { host, posted, env };
}
