/*
 * Seeded random sequences of hash commands over a few keys, compared with a real redis-server reply by
 * reply. The seed is printed; DIFF_SEED=<n> replays a run (DIFF_STEPS sets the length). The sequence
 * runs twice: with Redis's default thresholds and with tiny ones (so conversions to hashtable happen
 * all the time). Whole-hash replies are compared exactly while the hash is a listpack (Redis's order
 * is deterministic there) and as sorted pairs once it is a hashtable; HRANDFIELD is compared as
 * properties; encodings and hit/miss counters are compared every 100 steps.
 */
import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential, type Differential } from './harness.ts';
import { checkRandom, ourHash, sortedPairs, type Cmd } from './hashes-helpers.ts';
import { checkHitsMisses, resetBoth } from './strings-helpers.ts';

const KEYS = ['h0', 'h1', 'h2', 'h3', 'str'];
const STEPS = Number(process.env.DIFF_STEPS ?? 1200);

class Gen {
  constructor(readonly r: SeededRandom) {}

  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }

  key(): string {
    return this.pick(KEYS);
  }

  field(): string | Uint8Array {
    return this.pick<() => string | Uint8Array>([
      () => `f${this.r.int(12)}`,
      () => String(this.r.int(5)),
      () => 'x'.repeat(10 + this.r.int(60)),
      () => Uint8Array.from([0, 255, this.r.int(3)]),
      () => '',
    ])();
  }

  value(): string | Uint8Array {
    return this.pick<() => string | Uint8Array>([
      () => String(this.r.int(200) - 100),
      () => this.pick(['9223372036854775807', '-9223372036854775808', '1.5', '1e3', 'abc', '01', '']),
      () => 'v'.repeat(this.r.int(80)),
      () => Uint8Array.from({ length: this.r.int(6) }, () => this.pick([0, 13, 10, 200, 97])),
    ])();
  }

  pairs(): (string | Uint8Array)[] {
    return Array.from({ length: 1 + this.r.int(3) }, () => [this.field(), this.value()]).flat();
  }

  incr(): string {
    return this.pick([
      () => String(this.r.int(100) - 50),
      () => this.pick(['9223372036854775807', '-9223372036854775808', 'x', '1.5']),
    ])();
  }

  incrFloat(): string {
    return this.pick([
      () => (this.r.next() * 100 - 50).toFixed(this.r.int(6)),
      () => this.pick(['1e-5', '-0.1', '3e30', 'inf', 'nan', 'x', '0x10']),
    ])();
  }
}

function randomCommand(g: Gen): Cmd {
  const k = g.key();
  const gens: (() => Cmd)[] = [
    () => ['HSET', k, ...g.pairs()],
    () => ['HSET', k, ...g.pairs()],
    () => ['HMSET', k, ...g.pairs()],
    () => ['HSETNX', k, g.field(), g.value()],
    () => ['HGET', k, g.field()],
    () => ['HMGET', k, g.field(), g.field()],
    () => ['HDEL', k, g.field(), g.field()],
    () => ['HLEN', k],
    () => ['HEXISTS', k, g.field()],
    () => ['HSTRLEN', k, g.field()],
    () => ['HINCRBY', k, g.field(), g.incr()],
    () => ['HINCRBYFLOAT', k, g.field(), g.incrFloat()],
    () => ['HGETALL', k],
    () => ['HKEYS', k],
    () => ['HVALS', k],
    () => ['HRANDFIELD', k, ...g.pick<Cmd>([[], ['3'], ['-4', 'WITHVALUES'], ['50', 'WITHVALUES'], ['x']])],
    () => ['HSCAN', k, '0', ...g.pick<Cmd>([[], ['MATCH', 'f*'], ['COUNT', '2']])],
    () =>
      g.pick<Cmd>([
        ['DEL', k],
        ['COPY', k, g.key()],
        ['EXISTS', k],
      ]),
  ];
  return g.pick(gens)();
}

/** Compares one command, choosing the projection its reply needs given the hash's encoding. */
async function step(d: Differential, cmd: Cmd): Promise<void> {
  const name = String(cmd[0]);
  const key = typeof cmd[1] === 'string' ? cmd[1] : '';
  const v = d.node.dbs[0]!.peek(bin(utf8(key)));
  const table = v?.type === 'hash' && v.enc === 'hashtable';
  if (name === 'HRANDFIELD' && cmd.length > 2) {
    const m = ourHash(d, key);
    await checkRandom(d, cmd, m, { pairs: cmd[3] === 'WITHVALUES', repeats: String(cmd[2]).startsWith('-') });
  } else if (name === 'HRANDFIELD') {
    await checkRandom(d, cmd, ourHash(d, key));
  } else if (table && name === 'HGETALL') {
    await d.check(cmd, { project: sortedPairs });
  } else if (table && (name === 'HKEYS' || name === 'HVALS')) {
    await d.check(cmd, { unordered: true });
  } else if (table && name === 'HSCAN') {
    await d.both(...cmd); // page boundaries differ by design; full walks are checked in hashes.test.ts
  } else {
    await d.check(cmd);
  }
}

async function checkpoint(d: Differential): Promise<void> {
  await checkHitsMisses(d);
  for (const k of KEYS) await d.check(['OBJECT', 'ENCODING', k]);
  await d.real.call('CONFIG', 'RESETSTAT');
  d.node.stats.reset();
}

async function runSequence(d: Differential, seed: number, config: [string, string][]): Promise<void> {
  await resetBoth(d);
  for (const [name, value] of config) await d.both('CONFIG', 'SET', name, value);
  await d.both('SET', 'str', 'x');
  const g = new Gen(new SeededRandom(seed));
  try {
    for (let i = 0; i < STEPS; i++) {
      await step(d, randomCommand(g));
      if (i % 100 === 99) await checkpoint(d);
    }
    await checkpoint(d);
  } finally {
    await d.both('CONFIG', 'SET', 'hash-max-listpack-entries', '128');
    await d.both('CONFIG', 'SET', 'hash-max-listpack-value', '64');
  }
}

describe('differential hashes: seeded random sequence', () => {
  const d = useDifferential('hashes-random');
  const seed = diffSeed();

  it('matches Redis with default and with tiny listpack limits', async () => {
    console.log(`[hashes-random] seed=${seed} (replay with DIFF_SEED=${seed})`);
    await runSequence(d, seed, []);
    await runSequence(d, seed + 1, [
      ['hash-max-listpack-entries', '4'],
      ['hash-max-listpack-value', '8'],
    ]);
    console.log(d.report('hashes-random', seed));
    expect(d.mismatches.slice(0, 10)).toEqual([]);
  });
});
