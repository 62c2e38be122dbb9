/*
 * The lab against the engine: for every algorithm and traffic pattern, the requests the engine's
 * replies allowed are exactly those an independent model (written here from the algorithm's
 * definition, not from algorithms.ts) allows, given the instants the requests were sent at.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../engine/bytes.ts';
import { textOf } from '../bots/replies.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import { World } from '../world.ts';
import { RateLimitLab, type RequestRecord } from './lab.ts';
import { ALGORITHMS, DEFAULT_SETTINGS, type LabSettings, PATTERNS } from './settings.ts';

const START_MS = 1_700_000_000_250;

function setup(seed = 3) {
  const world = new World({ seed, startMs: START_MS });
  const node = world.addNode();
  const lab = new RateLimitLab(world, () => node);
  const user = node.connect({ write: (r) => replies.push(r), close: () => {} });
  const replies: Reply[] = [];
  const cmd = (...args: string[]): Reply => {
    const before = replies.length;
    node.execute(user, args.map(utf8));
    return replies[before]!;
  };
  return { world, node, lab, cmd };
}

/** Allowed flags and counts the algorithm's definition gives for requests at `times`. */
function model(s: LabSettings, times: number[]): { allowed: boolean; count: number }[] {
  const W = s.windowMs;
  const L = s.limit;
  switch (s.algorithm) {
    case 'fixed-window': {
      const perWindow = new Map<number, number>();
      return times.map((t) => {
        const w = Math.floor(t / W);
        const n = (perWindow.get(w) ?? 0) + 1;
        perWindow.set(w, n);
        return { allowed: n <= L, count: n };
      });
    }
    case 'sliding-log':
      return times.map((t, i) => {
        const n = times.slice(0, i + 1).filter((u) => u > t - W).length;
        return { allowed: n <= L, count: n };
      });
    case 'sliding-counter': {
      const allowedIn = new Map<number, number>();
      return times.map((t) => {
        const w = Math.floor(t / W);
        const prev = allowedIn.get(w - 1) ?? 0;
        const cur = allowedIn.get(w) ?? 0;
        const estimate = prev * ((W - (t - w * W)) / W) + cur + 1;
        const ok = estimate <= L + 1e-9;
        if (ok) allowedIn.set(w, cur + 1);
        return { allowed: ok, count: Math.round(estimate * 100) / 100 };
      });
    }
    case 'token-bucket': {
      let tokens = L;
      let last = times[0] ?? 0;
      return times.map((t) => {
        tokens = Math.min(L, tokens + ((t - last) / 1000) * s.refillPerSecond);
        last = t;
        const ok = tokens >= 1 - 1e-9;
        if (ok) tokens -= 1;
        return { allowed: ok, count: Math.round(tokens * 1000) / 1000 };
      });
    }
  }
}

function runLab(settings: Partial<LabSettings>, ms: number, seed = 3): RequestRecord[] {
  const { world, lab } = setup(seed);
  lab.start({ ...DEFAULT_SETTINGS, ...settings });
  world.advance(ms);
  return lab.recent();
}

describe('rate-limit lab against the engine', () => {
  for (const algorithm of ALGORITHMS) {
    for (const pattern of PATTERNS) {
      it(`${algorithm}, ${pattern} traffic: rejects exactly the requests the model rejects`, () => {
        const s: LabSettings = { ...DEFAULT_SETTINGS, algorithm, pattern, limit: 5, windowMs: 1000 };
        const records = runLab(s, 12_000);
        const want = model(
          s,
          records.map((r) => r.atMs),
        );
        expect(records.map((r) => r.allowed)).toEqual(want.map((w) => w.allowed));
        expect(records.map((r) => r.count)).toEqual(want.map((w) => w.count));
        expect(records.some((r) => r.allowed)).toBe(true);
        expect(records.some((r) => !r.allowed)).toBe(true);
      });
    }
  }

  it('steady 8/s with a fixed window of 5 per second: 5 allowed then 3 rejected in each full window', () => {
    const records = runLab({ algorithm: 'fixed-window', pattern: 'steady', perSecond: 8, limit: 5 }, 4000);
    expect(records.map((r) => r.atMs - START_MS)).toEqual(
      Array.from({ length: 32 }, (_, i) => Math.round(((i + 1) * 1000) / 8)),
    );
    const windows = new Map<number, RequestRecord[]>();
    for (const r of records) {
      const w = Math.floor(r.atMs / 1000);
      windows.set(w, [...(windows.get(w) ?? []), r]);
    }
    for (const [w, rs] of windows) {
      if (rs.length < 8 || w === Math.floor(START_MS / 1000)) continue;
      expect(rs.map((r) => (r.allowed ? 'a' : 'r')).join('')).toBe('aaaaarrr');
    }
  });

  it('sends the real commands and records their replies; the keys are in the keyspace', () => {
    const { world, lab, cmd } = setup();
    lab.start({ ...DEFAULT_SETTINGS, algorithm: 'fixed-window', perSecond: 2 });
    world.advance(500);
    const [first] = lab.recent();
    const key = `rl:fixed:alice:${Math.floor((START_MS + 500) / 1000)}`;
    expect(first!.commands.map((c) => c.argv)).toEqual([
      ['INCR', key],
      ['PEXPIRE', key, '1000', 'NX'],
    ]);
    expect(first!.commands.map((c) => c.reply)).toEqual([
      { t: 'int', n: 1 },
      { t: 'int', n: 1 },
    ]);
    expect(cmd('GET', key)).toEqual({ t: 'bulk', b: utf8('1') });
    const list = cmd('CLIENT', 'LIST');
    expect(textOf(list)).toContain('name=bot-ratelimit ');
  });

  it('token bucket: loads the script on NOSCRIPT, then uses EVALSHA', () => {
    const { world, lab } = setup();
    lab.start({ ...DEFAULT_SETTINGS, algorithm: 'token-bucket', perSecond: 4 });
    world.advance(500);
    const [a, b] = lab.recent();
    expect(a!.commands.map((c) => c.argv[0])).toEqual(['EVALSHA', 'EVAL']);
    expect(a!.commands[0]!.reply).toMatchObject({ t: 'error', s: expect.stringMatching(/^NOSCRIPT/) });
    expect(b!.commands.map((c) => c.argv[0])).toEqual(['EVALSHA']);
    expect(b).toMatchObject({ allowed: true, count: 4 });
  });

  it('follows the virtual clock only, is reproducible from the seed, and stops and resets', () => {
    const a = runLab({ pattern: 'bursty', perSecond: 10, burst: 6 }, 5000, 11);
    const b = runLab({ pattern: 'bursty', perSecond: 10, burst: 6 }, 5000, 11);
    const c = runLab({ pattern: 'bursty', perSecond: 10, burst: 6 }, 5000, 12);
    expect(a.map((r) => r.atMs)).toEqual(b.map((r) => r.atMs));
    expect(a.map((r) => r.atMs)).not.toEqual(c.map((r) => r.atMs));
    const { world, lab, cmd } = setup();
    lab.start(DEFAULT_SETTINGS);
    expect(lab.recent()).toHaveLength(0);
    // Requests at +125 ms steps from ...250: windows of 5, 8 (5 allowed, 3 rejected), then 3.
    world.advance(2000);
    expect(lab.stop()).toMatchObject({ state: 'stopped', allowed: 13, rejected: 3 });
    expect(cmd('DBSIZE')).toEqual({ t: 'int', n: 1 });
    world.advance(500);
    expect(lab.status()).toMatchObject({ allowed: 13, rejected: 3, clientId: null });
    expect(lab.reset()).toMatchObject({ state: 'idle', allowed: 0 });
    expect(cmd('DBSIZE')).toEqual({ t: 'int', n: 0 });
  });

  it('stops as closed when CLIENT KILL closes its connection, and refuses bad settings', () => {
    const { world, lab, cmd } = setup();
    const s = lab.start(DEFAULT_SETTINGS);
    cmd('CLIENT', 'KILL', 'ID', String(s.clientId));
    world.advance(1000);
    expect(lab.status()).toMatchObject({ state: 'closed', allowed: 0 });
    expect(() => lab.start({ algorithm: 'leaky' })).toThrow(/unknown algorithm/);
    expect(() => lab.start({ limit: 0 })).toThrow(/limit must be/);
    expect(() => lab.start({ perSecond: 1000 })).toThrow(/perSecond/);
  });

  it('refuses to start while the server is down, and stops when the node is replaced', () => {
    const world = new World({ seed: 1, startMs: START_MS });
    let node: ReturnType<World['addNode']> | null = world.addNode();
    const lab = new RateLimitLab(world, () => node);
    lab.start(DEFAULT_SETTINGS);
    world.advance(500);
    node = null;
    world.advance(500);
    expect(lab.status()).toMatchObject({ state: 'closed', lastError: 'the server restarted', allowed: 4 });
    expect(() => lab.start(DEFAULT_SETTINGS)).toThrow('the server is not running');
  });
});
