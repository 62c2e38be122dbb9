/*
 * Memory model and eviction against a real redis-server 7.0.15:
 *   1. MEMORY USAGE of small encodings must match exactly (byte for byte the same reply), larger ones
 *      within a tolerance;
 *   2. the used_memory delta after loading N keys of each type/encoding is compared (tolerance 10%);
 *   3. eviction: both servers get the same data, the same hot keys are touched, then maxmemory is set
 *      to free the same number of bytes on each; the fraction of hot and cold keys surviving is
 *      compared per policy (sampled policies statistically, within a tolerance).
 * Figures are printed ([memory] lines) for the report.
 */
import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';

type Arg = string;

describe('memory model vs redis-server', () => {
  const d = useDifferential('memory');
  const ours = (): { call: (...a: Arg[]) => Reply } => {
    const replies: Reply[] = [];
    const c = d.node.connect({ write: (r) => replies.push(r), close: () => undefined });
    return {
      call: (...a) => {
        d.node.execute(c, a.map(utf8));
        return replies[replies.length - 1]!;
      },
    };
  };

  const num = (r: Reply | undefined): number => (r && r.t === 'int' ? Number(r.n) : NaN);

  async function usedMemory(): Promise<[number, number]> {
    const [a, b] = await d.both('INFO', 'memory');
    const pick = (r: Reply | undefined): number => {
      const s = r && (r.t === 'bulk' || r.t === 'verbatim') ? bin(r.b) : '';
      return Number(/used_memory:(\d+)/.exec(s)?.[1]);
    };
    return [pick(a), pick(b)];
  }

  async function load(cmds: Arg[][]): Promise<void> {
    for (const c of cmds) await d.both(...c);
  }

  /**
   * Loads through an extra connection that is closed before measuring: Redis counts a client's query
   * and reply buffers in used_memory, and the loader's would otherwise blur the dataset's figure.
   */
  async function loadApart(n: number, gen: (i: number) => Arg[][]): Promise<void> {
    const pair = await d.openPair();
    for (let i = 0; i < n; i++) {
      for (const c of gen(i)) {
        pair.send(...c);
        await pair.next();
      }
    }
    pair.close();
    await new Promise((r) => setTimeout(r, 100));
  }

  it('MEMORY USAGE matches exactly for small encodings', async () => {
    await d.both('FLUSHALL');
    const setup: Arg[][] = [
      ['SET', 's1', 'v'],
      ['SET', 's44', 'x'.repeat(44)],
      ['SET', 's45', 'x'.repeat(45)],
      ['SET', 's300', 'y'.repeat(300)],
      ['SET', 'int', '12345678'],
      ['SET', 'a-much-longer-key-name-over-32-bytes!!', 'v'],
      ['HSET', 'h', 'a', '1', 'b', 'two', 'c', '3'],
      ['RPUSH', 'l', 'a', 'b', 'c', '100', '-5'],
      ['SADD', 'si', '1', '2', '3', '70000'],
      ['SADD', 'ss', 'a', 'b', 'c'],
      ['ZADD', 'z', '1', 'a', '2.5', 'b', '3', 'c'],
      ['XADD', 'st', '1-1', 'f', 'v'],
    ];
    await load(setup);
    for (const k of ['s1', 's44', 's45', 's300', 'int', 'a-much-longer-key-name-over-32-bytes!!']) {
      await d.check(['MEMORY', 'USAGE', k]);
    }
    for (const k of ['h', 'l', 'si', 'ss', 'z', 'st']) await d.check(['MEMORY', 'USAGE', k, 'SAMPLES', '0']);
    await d.checkAll([
      ['MEMORY', 'USAGE', 'nokey'],
      ['MEMORY', 'USAGE', 's1', 'SAMPLES', '-1'],
    ]);
    await d.checkAll([
      ['MEMORY', 'USAGE', 's1', 'SAMPLES', 'x'],
      ['MEMORY', 'USAGE', 's1', 'FOO'],
    ]);
    await d.checkAll([['MEMORY', 'PURGE'], ['MEMORY', 'NOPE'], ['MEMORY']]);
    expect(d.mismatches).toEqual([]);
  });

  const datasets: [string, (i: number) => Arg[][]][] = [
    ['string embstr', (i) => [['SET', `key:${i}`, `value-${i}`]]],
    ['string raw 100B', (i) => [['SET', `key:${i}`, 'r'.repeat(100)]]],
    ['string int', (i) => [['SET', `key:${i}`, String(100000 + i)]]],
    ['string shared int (0..9999)', (i) => [['SET', `key:${i}`, String(i)]]],
    ['string with TTL', (i) => [['SET', `key:${i}`, 'v', 'EX', '1000']]],
    ['hash listpack (4 fields)', (i) => [['HSET', `h:${i}`, 'a', '1', 'b', '2', 'name', `n${i}`, 'x', 'yy']]],
    ['list (3 items)', (i) => [['RPUSH', `l:${i}`, 'a', 'bb', 'ccc']]],
    ['set intset (3)', (i) => [['SADD', `s:${i}`, '1', '2', String(i)]]],
    ['zset listpack (3)', (i) => [['ZADD', `z:${i}`, '1', 'a', '2', 'b', '3', `m${i}`]]],
  ];

  it('used_memory deltas after loading N keys per type agree within 2%', async () => {
    const n = 2000;
    // Warm-up pass: Redis's first fills after startup cost tens of KB more once (lazily created
    // internals, allocator caches); the figures compared are those of the second pass.
    for (const [pass, [label, gen]] of [
      ...datasets.map((x) => [0, x] as const),
      ...datasets.map((x) => [1, x] as const),
    ]) {
      await d.both('FLUSHALL');
      const [a0, b0] = await usedMemory();
      await loadApart(n, gen);
      const [a1, b1] = await usedMemory();
      const ourDelta = a1 - a0;
      const theirDelta = b1 - b0;
      const errPct = (100 * (ourDelta - theirDelta)) / theirDelta;
      if (pass === 0) continue;
      console.log(
        `[memory] ${label}: ${n} keys ours +${ourDelta} redis +${theirDelta} (${errPct.toFixed(1)}%)`,
      );
      expect(Math.abs(errPct)).toBeLessThan(2);
    }
    // One big hash (hashtable encoding) and one big sorted set (skiplist): MEMORY USAGE SAMPLES 0.
    await d.both('FLUSHALL');
    for (let i = 0; i < 1000; i++) await d.both('HSET', 'bigh', `field:${i}`, `value:${i}`);
    for (let i = 0; i < 1000; i++) await d.both('ZADD', 'bigz', String(i), `member:${i}`);
    for (const k of ['bigh', 'bigz']) {
      const [a, b] = await d.both('MEMORY', 'USAGE', k, 'SAMPLES', '0');
      const errPct = (100 * (num(a) - num(b))) / num(b);
      console.log(
        `[memory] MEMORY USAGE ${k} (1000 elements): ours ${num(a)} redis ${num(b)} (${errPct.toFixed(1)}%)`,
      );
      expect(Math.abs(errPct)).toBeLessThan(10);
    }
  });

  /** Loads `total` keys, touches the first `hot` of them, frees `fraction` of the dataset. */
  async function survival(policy: string, total: number, hot: number): Promise<number[][]> {
    await d.both('CONFIG', 'SET', 'maxmemory', '0');
    await d.both('FLUSHALL');
    await d.both('CONFIG', 'SET', 'maxmemory-policy', policy);
    const [a0, b0] = await usedMemory();
    for (let i = 0; i < total; i++) {
      await d.both('SET', `k:${i}`, 'x'.repeat(1000), ...(i % 2 === 0 ? ['EX', String(100 + i)] : []));
    }
    await new Promise((r) => setTimeout(r, 2100));
    for (let round = 0; round < 8; round++) for (let i = 0; i < hot; i++) await d.both('GET', `k:${i}`);
    const [a1, b1] = await usedMemory();
    // Ask each side to shed half of its dataset bytes.
    ours().call('CONFIG', 'SET', 'maxmemory', String(Math.round(a1 - (a1 - a0) / 2)));
    await d.real.call('CONFIG', 'SET', 'maxmemory', String(Math.round(b1 - (b1 - b0) / 2)));
    await d.both('PING');
    // Two commands only: every command runs eviction again, and Redis counts its query buffers.
    const hotKeys = Array.from({ length: hot }, (_, i) => `k:${i}`);
    const [oursHot, realHot] = await d.both('EXISTS', ...hotKeys);
    const [oursAll, realAll] = await d.both('DBSIZE');
    const out = [
      [num(oursHot) / hot, (num(oursAll) - num(oursHot)) / (total - hot)],
      [num(realHot) / hot, (num(realAll) - num(realHot)) / (total - hot)],
    ];
    await d.both('CONFIG', 'SET', 'maxmemory', '0');
    return out;
  }

  /**
   * Where eviction picks at random, each side's kept fraction of n keys is binomial, so two honest runs
   * differ by about sqrt(2 p (1 - p) / n): 9 points for the 60 hot keys at p = 0.5. The bound is 15
   * points or 4 such standard deviations, whichever is wider; deterministic outcomes (LRU keeping every
   * hot key) have p near 1 and keep the 15-point bound.
   */
  function tolerance(ours: number, real: number, n: number): number {
    const p = (ours + real) / 2;
    return Math.max(0.15, 4 * Math.sqrt((2 * p * (1 - p)) / n));
  }

  it('eviction: surviving fractions of hot and cold keys per policy are close to Redis', async () => {
    const policies = [
      'allkeys-lru',
      'allkeys-lfu',
      'allkeys-random',
      'volatile-lru',
      'volatile-lfu',
      'volatile-random',
      'volatile-ttl',
    ];
    for (const p of policies) {
      const [[oh, oc], [rh, rc]] = await survival(p, 600, 60);
      const f = (x: number): string => (100 * x).toFixed(1) + '%';
      console.log(
        `[memory] ${p}: hot kept ours ${f(oh!)} redis ${f(rh!)}; cold kept ours ${f(oc!)} redis ${f(rc!)}`,
      );
      expect(Math.abs(oh! - rh!)).toBeLessThan(tolerance(oh!, rh!, 60));
      expect(Math.abs(oc! - rc!)).toBeLessThan(tolerance(oc!, rc!, 540));
    }
  }, 120_000);

  it('noeviction answers OOM like Redis', async () => {
    await d.both('FLUSHALL');
    await d.both('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    await d.both('SET', 'a', 'b');
    await d.both('CONFIG', 'SET', 'maxmemory', '1');
    await d.checkAll([
      ['SET', 'x', 'y'],
      ['GET', 'a'],
      ['DEL', 'a'],
    ]);
    await d.both('CONFIG', 'SET', 'maxmemory', '0');
    expect(d.mismatches).toEqual([]);
  });
});
