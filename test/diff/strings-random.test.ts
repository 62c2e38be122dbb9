/*
 * Seeded random sequences of string commands over a small key space, compared with a real redis-server
 * reply by reply. The seed is printed; DIFF_SEED=<n> replays a run. Deadlines are either far in the
 * future or already past, so no key expires between the two servers' executions of one command; TTLs
 * are compared within a tolerance at the end, with the encodings of every key and the hit/miss counters.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { checkEncoding, checkHitsMisses, checkTtl, makeNonString, resetBoth } from './strings-helpers.ts';

type Arg = string | Uint8Array;

const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'lst'];
const STEPS = Number(process.env.DIFF_STEPS ?? 1500);

class Gen {
  constructor(readonly r: SeededRandom) {}

  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }

  key(): string {
    return this.pick(KEYS);
  }

  intText(): string {
    return this.pick([
      () => String(this.r.int(200) - 100),
      () => String(this.r.int(2 ** 31)),
      () => this.pick(['9223372036854775807', '-9223372036854775808', '9223372036854775806', '-1', '0']),
      () => this.pick(['01', '+1', '-0', ' 1', '1.0', 'abc', '', '99999999999999999999']),
    ])();
  }

  floatText(): string {
    return this.pick([
      () => (this.r.next() * 200 - 100).toFixed(this.r.int(8)),
      () => `${this.r.int(1000)}.${this.r.int(1000)}e${this.r.int(40) - 20}`,
      () =>
        this.pick(['0.1', '-0.1', '1e-17', '3.0e3', '-5.0e3', '0x1p-2', 'inf', 'nan', '1e', '.5', '5.', '']),
      () => this.intText(),
    ])();
  }

  value(): Arg {
    return this.pick<() => Arg>([
      () => this.intText(),
      () => this.floatText(),
      () => 'v'.repeat(this.r.int(60)),
      () => Uint8Array.from({ length: this.r.int(12) }, () => this.pick([0, 255, 13, 10, 97, 98, 128])),
      () => this.pick(['abc', 'abcabc', 'bca', 'hello world', '']),
    ])();
  }

  offset(): string {
    return this.pick([
      () => String(this.r.int(80) - 40),
      () => this.pick(['0', '-1', 'x', '9223372036854775807']),
    ])();
  }

  expireOption(): Arg[] {
    const now = Date.now();
    return this.pick<() => Arg[]>([
      () => [],
      () => ['EX', String(100 + this.r.int(1000))],
      () => ['PX', String(100000 + this.r.int(100000))],
      () => ['EXAT', String(Math.floor(now / 1000) + 1000 + this.r.int(100))],
      () => ['PXAT', this.pick([String(now + 1_000_000), '1', String(this.r.int(1000) + 1)])],
      () => ['EX', this.pick(['0', '-1', 'x'])],
    ])();
  }
}

/** One random command of the string family (with a few malformed variants). */
function randomCommand(g: Gen): Arg[] {
  const k = g.key();
  const gens: (() => Arg[])[] = [
    () => ['GET', k],
    () => [
      'SET',
      k,
      g.value(),
      ...g.pick([[], ['NX'], ['XX'], ['GET'], ['NX', 'GET'], ['KEEPTTL']]),
      ...g.expireOption(),
    ],
    () => ['SETNX', k, g.value()],
    () => ['SETEX', k, g.pick(['100', '0', '5000']), g.value()],
    () => ['PSETEX', k, g.pick(['100000', '-5']), g.value()],
    () => ['GETSET', k, g.value()],
    () => ['GETEX', k, ...g.pick<Arg[]>([[], ['PERSIST'], ...[g.expireOption()]])],
    () => ['GETDEL', k],
    () => ['MSET', k, g.value(), g.key(), g.value()],
    () => ['MSETNX', k, g.value(), g.key(), g.value()],
    () => ['MGET', k, g.key(), g.key()],
    () => ['APPEND', k, g.value()],
    () => ['STRLEN', k],
    () => ['INCR', k],
    () => ['DECR', k],
    () => ['INCRBY', k, g.intText()],
    () => ['DECRBY', k, g.intText()],
    () => ['INCRBYFLOAT', k, g.floatText()],
    () => ['INCRBYFLOAT', k, g.floatText()],
    () => ['SETRANGE', k, g.offset(), g.value()],
    () => ['GETRANGE', k, g.offset(), g.offset()],
    () => ['SUBSTR', k, g.offset(), g.offset()],
    () => [
      'LCS',
      k,
      g.key(),
      ...g.pick<Arg[]>([[], ['LEN'], ['IDX'], ['IDX', 'WITHMATCHLEN', 'MINMATCHLEN', '2']]),
    ],
  ];
  return g.pick(gens)();
}

describe('differential strings: seeded random sequence', () => {
  const d = useDifferential('strings-random');
  // One seed per run for both sequences, so DIFF_SEED replays the whole file.
  const seed = diffSeed();

  it('matches Redis reply for reply', async () => {
    console.log(`[strings-random] seed=${seed} (replay with DIFF_SEED=${seed})`);
    await resetBoth(d);
    await makeNonString(d, 'lst');
    const g = new Gen(new SeededRandom(seed));
    for (let i = 0; i < STEPS; i++) {
      await d.check(randomCommand(g));
      if (i % 100 === 99) {
        await checkHitsMisses(d);
        const k = g.key();
        await checkTtl(d, k, 2000);
        await checkEncoding(d, k);
        // Those checks count as lookups on Redis only: restart both counters.
        await d.real.call('CONFIG', 'RESETSTAT');
        d.node.stats.reset();
      }
    }
    await checkHitsMisses(d);
    for (const k of KEYS) {
      await checkEncoding(d, k);
      await checkTtl(d, k, 2000);
    }
    console.log(d.report('strings-random', seed));
    expect(d.mismatches.slice(0, 10)).toEqual([]);
  });

  it('matches INCRBYFLOAT on random long decimals, exponents and hex floats', async () => {
    console.log(`[strings-random] float sequence seed=${seed} (replay with DIFF_SEED=${seed})`);
    await resetBoth(d);
    const r = new SeededRandom(seed + 1);
    const digits = (n: number): string => Array.from({ length: n }, () => String(r.int(10))).join('');
    const operand = (): string => {
      const sign = ['', '-', '+'][r.int(3)]!;
      switch (r.int(5)) {
        case 0:
          return `${sign}${digits(1 + r.int(25))}.${digits(r.int(30))}`;
        case 1:
          return `${sign}${digits(1 + r.int(20))}e${r.int(80) - 40}`;
        case 2:
          return `${sign}0.${'0'.repeat(r.int(20))}${digits(1 + r.int(20))}`;
        case 3:
          return `${sign}0x${r.int(2 ** 30).toString(16)}p${r.int(60) - 30}`;
        default:
          return `${sign}${digits(1 + r.int(19))}`;
      }
    };
    for (let i = 0; i < 1500; i++) {
      const key = `f${r.int(4)}`;
      if (r.int(10) === 0) await d.check(['SET', key, operand()]);
      else await d.check(['INCRBYFLOAT', key, operand()]);
    }
    console.log(d.report('strings-random (both sequences)', seed));
    expect(d.mismatches.slice(0, 10)).toEqual([]);
  });
});
