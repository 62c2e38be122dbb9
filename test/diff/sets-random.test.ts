/*
 * Seeded random sequences of set commands over a few keys, compared with a real redis-server reply by
 * reply. The seed is printed; DIFF_SEED=<n> replays a run (DIFF_STEPS sets the length). Runs with the
 * default set-max-intset-entries and with a tiny one. SMEMBERS of an intset is compared in order (it
 * is sorted in Redis), other whole-set replies as sorted lists; SRANDMEMBER and SPOP as properties.
 * SPOP removes different members on the two servers, so afterwards our key is rebuilt with Redis's
 * members and encoding (the resync), and counters restart; encodings are compared every 100 steps.
 */
import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../src/engine/bytes.ts';
import { HashTable } from '../../src/engine/ds/hashtable.ts';
import { Intset } from '../../src/engine/ds/intset.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { diffSeed, useDifferential, type Differential } from './harness.ts';
import { checkRandom, ourSet, type Cmd } from './hashes-helpers.ts';
import { checkHitsMisses, resetBoth } from './strings-helpers.ts';

const KEYS = ['s0', 's1', 's2', 's3', 'str'];
const STEPS = Number(process.env.DIFF_STEPS ?? 1200);

class Gen {
  constructor(readonly r: SeededRandom) {}

  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }

  key(): string {
    return this.pick(KEYS);
  }

  member(): string | Uint8Array {
    return this.pick<() => string | Uint8Array>([
      () => String(this.r.int(30) - 5),
      () => String(this.r.int(30) - 5),
      () =>
        this.pick(['9223372036854775807', '-9223372036854775808', '9223372036854775808', '01', '+1', '-0']),
      () => this.pick(['a', 'b', 'c', 'd', 'e', '']),
      () => Uint8Array.from([0, 255, this.r.int(3)]),
    ])();
  }

  members(n = 4): (string | Uint8Array)[] {
    return Array.from({ length: 1 + this.r.int(n) }, () => this.member());
  }

  keys(): string[] {
    return Array.from({ length: 1 + this.r.int(3) }, () => this.key());
  }
}

function randomCommand(g: Gen): Cmd {
  const k = g.key();
  const gens: (() => Cmd)[] = [
    () => ['SADD', k, ...g.members(6)],
    () => ['SADD', k, ...g.members(6)],
    () => ['SREM', k, ...g.members()],
    () => ['SISMEMBER', k, g.member()],
    () => ['SMISMEMBER', k, ...g.members()],
    () => ['SCARD', k],
    () => ['SMOVE', k, g.key(), g.member()],
    () => ['SMEMBERS', k],
    () => [g.pick(['SINTER', 'SUNION', 'SDIFF']), ...g.keys()],
    () => [g.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), k, ...g.keys()],
    () => ['SINTERCARD', '2', k, g.key(), ...g.pick<Cmd>([[], ['LIMIT', String(g.r.int(4))]])],
    () => ['SRANDMEMBER', k, ...g.pick<Cmd>([[], ['2'], ['-5'], ['40']])],
    () => ['SPOP', k, ...g.pick<Cmd>([[], ['1'], ['3'], ['40']])],
    () => ['SSCAN', k, '0', ...g.pick<Cmd>([[], ['MATCH', '1*']])],
    () =>
      g.pick<Cmd>([
        ['DEL', k],
        ['COPY', k, g.key()],
      ]),
  ];
  return g.pick(gens)();
}

function text(r: Reply): string {
  return r.t === 'bulk' ? bin(r.b) : r.t;
}

/** Rebuilds our value of `key` with Redis's members and encoding (after SPOP), keeping the deadline. */
async function resync(d: Differential, key: string): Promise<void> {
  const k = bin(utf8(key));
  const db = d.node.dbs[0]!;
  const type = await d.real.call('TYPE', key);
  if (type.t === 'simple' && type.s === 'string') {
    await d.real.call('CONFIG', 'RESETSTAT');
    d.node.stats.reset();
    return;
  }
  const enc = text(await d.real.call('OBJECT', 'ENCODING', key));
  const members = await d.real.call('SMEMBERS', key);
  if (members.t !== 'array' || members.a.length === 0) {
    db.delete(k);
  } else {
    const ints = enc === 'intset' ? new Intset() : null;
    const table = enc === 'intset' ? null : new HashTable<null>();
    for (const m of members.a) {
      if (ints) ints.add(BigInt(text(m)));
      else table!.set(text(m), null);
    }
    const old = db.dict.get(k);
    const value = { type: 'set' as const, enc: enc as 'intset' | 'hashtable', ints, table, lru: 0, lfu: 5 };
    if (old) db.overwrite(k, value);
    else db.set(k, value);
  }
  await d.real.call('CONFIG', 'RESETSTAT');
  d.node.stats.reset();
}

async function step(d: Differential, cmd: Cmd): Promise<void> {
  const name = String(cmd[0]);
  const key = String(cmd[1]);
  const v = d.node.dbs[0]!.peek(bin(utf8(key)));
  if (name === 'SRANDMEMBER' || name === 'SPOP') {
    const count = cmd[2] === undefined ? 0 : Number(cmd[2]);
    await checkRandom(d, cmd, ourSet(d, key), { pairs: false, repeats: count < 0 });
    if (name === 'SPOP') await resync(d, key);
  } else if (name === 'SMEMBERS' && v?.type === 'set' && v.enc === 'intset') {
    await d.check(cmd);
  } else if (['SMEMBERS', 'SINTER', 'SUNION', 'SDIFF'].includes(name)) {
    await d.check(cmd, { unordered: true });
  } else if (name === 'SSCAN' && v?.type === 'set' && v.enc === 'hashtable') {
    await d.both(...cmd); // page boundaries differ by design; full walks are checked in sets.test.ts
  } else {
    await d.check(cmd);
  }
}

async function checkpoint(d: Differential): Promise<void> {
  await checkHitsMisses(d);
  for (const k of KEYS) {
    await d.check(['OBJECT', 'ENCODING', k]);
    await d.check(['SCARD', k]);
  }
  await d.real.call('CONFIG', 'RESETSTAT');
  d.node.stats.reset();
}

async function runSequence(d: Differential, seed: number, intsetMax: string): Promise<void> {
  await resetBoth(d);
  await d.both('CONFIG', 'SET', 'set-max-intset-entries', intsetMax);
  await d.both('SET', 'str', 'x');
  const g = new Gen(new SeededRandom(seed));
  try {
    for (let i = 0; i < STEPS; i++) {
      const cmd = randomCommand(g);
      await step(d, cmd);
      if (process.env.DIFF_TRACE) {
        const before = d.mismatches.length;
        await checkHitsMisses(d);
        if (d.mismatches.length > before) console.log('AFTER', cmd.map(String).join(' '));
      }
      if (i % 100 === 99) await checkpoint(d);
    }
    await checkpoint(d);
  } finally {
    await d.both('CONFIG', 'SET', 'set-max-intset-entries', '512');
  }
}

describe('differential sets: seeded random sequence', () => {
  const d = useDifferential('sets-random');
  const seed = diffSeed();

  it('matches Redis with the default and a tiny set-max-intset-entries', async () => {
    console.log(`[sets-random] seed=${seed} (replay with DIFF_SEED=${seed})`);
    await runSequence(d, seed, '512');
    await runSequence(d, seed + 1, '4');
    console.log(d.report('sets-random', seed));
    expect(d.mismatches.slice(0, 10)).toEqual([]);
  });
});
