/*
 * A hand-driven environment for PlaygroundHost in tests: real time and the ticker move only when the
 * test says so, and every posted message is recorded.
 */
import type { ServerNode } from '../engine/server/node.ts';
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { type HostEnv, PlaygroundHost } from './host.ts';

export interface FakeEnv extends HostEnv {
  /** Moves real time forward and fires the ticker once per elapsed interval. */
  passRealTime(ms: number): void;
  tickerRunning(): boolean;
  /** Runs the deferred tasks (script slices) until none is left, at most `max` of them. */
  runDeferred(max?: number): number;
  errors: string[];
}

export function fakeEnv(startRealMs = 0): FakeEnv {
  let real = startRealMs;
  let ticker: { tick: () => void; intervalMs: number; dueMs: number } | undefined;
  const deferred: (() => void)[] = [];
  const env: FakeEnv = {
    errors: [],
    realNowMs: () => real,
    wallClockMs: () => 1_750_000_000_000,
    randomSeed: () => 12345,
    logError: (what, e) => void env.errors.push(`${what}: ${String(e)}`),
    defer: (fn) => void deferred.push(fn),
    runDeferred(max = 10000) {
      let n = 0;
      while (deferred.length > 0 && n < max) {
        deferred.shift()!();
        n++;
      }
      return n;
    },
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

/** A request without its id (the helper numbers them). */
export type TestRequest = Record<string, unknown> & { type: ToWorker['type'] };

/**
 * A fake host after `hello` (seed, virtual clock starting at 1,000,000 ms): `req` sends a request and
 * returns the answer with its id (throwing when none comes); `node` is the world's node, for checks
 * against the engine's own state.
 */
export function startedHost(seed = 7): ReturnType<typeof fakeHost> & {
  req: (m: TestRequest) => FromWorker;
  node: ServerNode;
} {
  const t = fakeHost();
  let id = 0;
  const req = (m: TestRequest): FromWorker => {
    const before = t.posted.length;
    t.host.handle({ ...m, id: ++id } as ToWorker);
    const answer = t.posted.slice(before).find((p) => 'id' in p && p.id === id);
    if (!answer) throw new Error(`no answer to ${m.type}`);
    return answer;
  };
  req({ type: 'hello', seed, startMs: 1_000_000 });
  const node = (t.host as unknown as { session: { node: ServerNode } }).session.node;
  return { ...t, req, node };
}
