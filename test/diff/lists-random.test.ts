/*
 * Seeded random sequences of list commands over a small key space (one key holds a string, for the
 * WRONGTYPE paths), compared with a real redis-server reply by reply, with full list contents compared
 * every 100 steps. Blocking commands only appear inside MULTI, where they never block. The seed is
 * printed; DIFF_SEED=<n> replays a run.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { resetBoth } from './strings-helpers.ts';

const KEYS = ['l0', 'l1', 'l2', 'str'];
const STEPS = Number(process.env.DIFF_STEPS ?? 1500);

class Gen {
  constructor(readonly r: SeededRandom) {}
  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }
  key(): string {
    return this.pick(KEYS);
  }
  elem(): string {
    return this.pick(['a', 'b', 'c', '1', '-7', '300', '', 'x'.repeat(this.r.int(70))]);
  }
  elems(): string[] {
    return Array.from({ length: 1 + this.r.int(4) }, () => this.elem());
  }
  index(): string {
    return this.pick([String(this.r.int(12) - 6), String(this.r.int(40) - 20), '0', '-1', 'x', '']);
  }
  end(): string {
    return this.pick(['LEFT', 'RIGHT', 'left', 'right', 'UP']);
  }
}

function randomCommand(g: Gen): string[] {
  const k = g.key();
  const gens: (() => string[])[] = [
    () => [g.pick(['LPUSH', 'RPUSH', 'LPUSHX', 'RPUSHX']), k, ...g.elems()],
    () => [g.pick(['LPOP', 'RPOP']), k],
    () => [g.pick(['LPOP', 'RPOP']), k, g.pick(['0', '1', '3', '-1', 'x'])],
    () => ['LLEN', k],
    () => ['LINDEX', k, g.index()],
    () => ['LRANGE', k, g.index(), g.index()],
    () => ['LSET', k, g.index(), g.elem()],
    () => ['LINSERT', k, g.pick(['BEFORE', 'AFTER', 'after', 'X']), g.elem(), g.elem()],
    () => ['LREM', k, g.pick(['0', '1', '-1', '2', '-2']), g.elem()],
    () => ['LTRIM', k, g.index(), g.index()],
    () => [
      'LPOS',
      k,
      g.elem(),
      ...g.pick([[], ['RANK', g.index()], ['COUNT', '0'], ['COUNT', '2', 'MAXLEN', '4']]),
    ],
    () => ['LMOVE', k, g.key(), g.end(), g.end()],
    () => ['RPOPLPUSH', k, g.key()],
    () => ['LMPOP', '2', k, g.key(), g.end(), ...g.pick([[], ['COUNT', '2'], ['COUNT', '0']])],
    () => ['TYPE', k],
    () => ['OBJECT', 'ENCODING', k],
  ];
  return g.pick(gens)();
}

describe('differential lists: random sequences', () => {
  const d = useDifferential('lists-random');
  it('matches Redis reply by reply', async () => {
    const seed = diffSeed();
    console.log(`[lists-random] seed=${seed}`);
    const g = new Gen(new SeededRandom(seed));
    await resetBoth(d);
    await d.check(['SET', 'str', 'v']);
    for (let step = 0; step < STEPS; step++) {
      if (g.r.int(40) === 0) {
        await d.check(['MULTI']);
        for (let i = 0; i < 3; i++) await d.check(randomCommand(g));
        await d.check([g.pick(['BLPOP', 'BRPOP']), g.key(), g.key(), '0']);
        await d.check(['BLMOVE', g.key(), g.key(), 'LEFT', 'RIGHT', '0']);
        await d.check(['EXEC']);
      } else {
        await d.check(randomCommand(g));
      }
      if (step % 100 === 99) for (const k of KEYS) await d.check(['LRANGE', k, '0', '-1']);
    }
    if (d.mismatches.length > 0) console.log(`seed=${seed}\n${d.mismatches.slice(0, 10).join('\n')}`);
    expect(d.mismatches).toEqual([]);
  });
});
