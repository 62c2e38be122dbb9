/*
 * Seeded random sequences of XADD / XDEL / XTRIM / XRANGE / XREVRANGE / XREAD / XSETID over a few
 * stream keys (one key holds a string, for the WRONGTYPE paths), compared with a real redis-server
 * reply by reply. IDs are explicit (mostly increasing, sometimes stale or malformed, sometimes
 * "<ms>-*"), so both servers see the same data. stream-node-max-entries / -max-bytes change now and
 * then, and values vary in size, so node boundaries (what "~" trimming may drop, what XINFO STREAM
 * reports as radix-tree-keys) are exercised too. Every 100 steps the whole content and the digests
 * are compared. The seed is printed; DIFF_SEED=<n> replays a run.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { resetBoth } from './strings-helpers.ts';

const KEYS = ['s0', 's1', 's2', 'str'];
const STEPS = Number(process.env.DIFF_STEPS ?? 2000);

class Gen {
  /** Per key, the ms part the next "fresh" ID starts from. */
  private readonly nextMs = new Map<string, number>();
  constructor(readonly r: SeededRandom) {}
  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }
  key(): string {
    return this.r.int(12) === 0 ? 'str' : this.pick(KEYS.slice(0, 3));
  }
  freshId(k: string): string {
    const ms = (this.nextMs.get(k) ?? 1) + this.r.int(3);
    this.nextMs.set(k, ms + 1);
    return this.pick([`${ms}-${this.r.int(5)}`, `${ms}`, `${ms}-*`, `${ms}-${this.r.int(5)}`]);
  }
  /** An ID somewhere in the key's used range (for XDEL, ranges, XREAD). */
  someId(k: string): string {
    const top = this.nextMs.get(k) ?? 1;
    const ms = this.r.int(top + 3);
    return this.pick([`${ms}-${this.r.int(5)}`, `${ms}`, `${ms}-0`]);
  }
  bound(k: string): string {
    return this.pick(['-', '+', this.someId(k), `(${this.someId(k)}`, this.someId(k)]);
  }
  value(): string {
    return this.pick(['a', '1', '-7', '', 'v'.repeat(this.r.int(20)), 'x'.repeat(this.r.int(600))]);
  }
  fields(): string[] {
    const n = 1 + this.r.int(3);
    const out: string[] = [];
    const names = this.r.int(3) === 0 ? ['f', 'g', 'h'] : ['a', 'b', 'c'];
    for (let i = 0; i < n; i++) out.push(names[i]!, this.value());
    return out;
  }
  trim(k: string): string[] {
    const approx = this.pick([[], ['~'], ['=']]);
    const limit = approx[0] === '~' && this.r.int(3) === 0 ? ['LIMIT', String(this.r.int(30))] : [];
    if (this.r.int(2) === 0) return ['MAXLEN', ...approx, String(this.r.int(80)), ...limit];
    return ['MINID', ...approx, this.someId(k), ...limit];
  }
}

function randomCommand(g: Gen): string[] {
  const k = g.key();
  const gens: (() => string[])[] = [
    () => ['XADD', k, g.freshId(k), ...g.fields()],
    () => ['XADD', k, g.freshId(k), ...g.fields()],
    () => ['XADD', k, g.freshId(k), ...g.fields()],
    () => ['XADD', k, g.freshId(k), ...g.fields()],
    () => ['XADD', k, ...g.trim(k), g.freshId(k), ...g.fields()],
    () => ['XADD', k, g.someId(k), ...g.fields()],
    () => ['XDEL', k, g.someId(k), g.someId(k)],
    () => ['XTRIM', k, ...g.trim(k)],
    () => ['XRANGE', k, g.bound(k), g.bound(k), ...g.pick([[], ['COUNT', String(g.r.int(6))]])],
    () => ['XREVRANGE', k, g.bound(k), g.bound(k), ...g.pick([[], ['COUNT', String(g.r.int(6))]])],
    () => ['XREAD', ...g.pick([[], ['COUNT', '3']]), 'STREAMS', k, g.key(), g.someId(k), g.pick(['$', '0'])],
    () => ['XLEN', k],
    () => ['XSETID', k, g.someId(k)],
    () => ['XINFO', 'STREAM', k],
  ];
  return g.pick(gens)();
}

describe('differential streams: random sequences', () => {
  const d = useDifferential('streams-random');
  it('matches Redis reply by reply', async () => {
    const seed = diffSeed();
    console.log(`[streams-random] seed=${seed}`);
    const g = new Gen(new SeededRandom(seed));
    await resetBoth(d);
    await d.check(['SET', 'str', 'v']);
    for (let step = 0; step < STEPS; step++) {
      if (g.r.int(150) === 0) {
        await d.check(['CONFIG', 'SET', 'stream-node-max-entries', g.pick(['0', '3', '10', '100'])]);
        await d.check(['CONFIG', 'SET', 'stream-node-max-bytes', g.pick(['0', '200', '1000', '4096'])]);
      }
      await d.check(randomCommand(g));
      if (step % 100 === 99) {
        for (const k of KEYS.slice(0, 3)) await d.check(['XRANGE', k, '-', '+']);
        await d.check(['DEBUG', 'DIGEST']);
      }
      if (d.mismatches.length > 0) {
        console.log(`[streams-random] first mismatch at step ${step}, seed=${seed}`);
        break;
      }
    }
    expect(d.mismatches).toEqual([]);
  });
});
