/*
 * Seeded random sequences for SORT / SORT_RO against a real redis-server: the sources (lists, intset
 * and hashtable sets, listpack and skiplist sorted sets) and the weight keys (strings, hash fields)
 * change between random SORTs with random options. The seed is printed; DIFF_SEED=<n> replays a run
 * (DIFF_STEPS sets the length).
 *
 * Replies are compared exactly, except where Redis's own order comes from a hash table (seeded at
 * random per process): a hashtable set left unsorted, and ties among equal ALPHA BY values over a
 * hashtable set or a sorted set. Those are compared as sorted lists, without LIMIT (a window over an
 * arbitrary order would pick arbitrary elements). Out-of-range weights are avoided (see sort.test.ts
 * on Redis's sticky errno).
 */
import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import type { Cmd } from './hashes-helpers.ts';
import { resetBoth } from './strings-helpers.ts';

const STEPS = Number(process.env.DIFF_STEPS ?? 1500);
const SOURCES = ['l0', 'l1', 's0', 's1', 'z0', 'z1', 'str', 'none'];

class Gen {
  constructor(readonly r: SeededRandom) {}

  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)]!;
  }

  element(): string {
    return this.pick<() => string>([
      () => String(this.r.int(40) - 10),
      () => String(this.r.int(40) - 10),
      () => `${this.r.int(20)}.${this.r.int(10)}`,
      () => this.pick(['a', 'b', 'B', 'c', 'ab', 'Z', '']),
      () => this.pick(['1e3', ' 4', '0x1A', '-0', 'inf', 'x1']),
    ])();
  }

  weight(): string {
    return this.pick([
      String(this.r.int(10)),
      String(this.r.int(10)),
      this.pick(['a', 'b', 'c', '', '1.5', 'x']),
    ]);
  }

  elements(n = 5): string[] {
    return Array.from({ length: 1 + this.r.int(n) }, () => this.element());
  }
}

function writeCommand(g: Gen): Cmd {
  const gens: (() => Cmd)[] = [
    () => ['RPUSH', g.pick(['l0', 'l1']), ...g.elements(8)],
    () => ['LPOP', g.pick(['l0', 'l1']), String(1 + g.r.int(3))],
    () => ['SADD', g.pick(['s0', 's1']), ...g.elements(8)],
    () => ['SREM', g.pick(['s0', 's1']), ...g.elements()],
    () => ['ZADD', g.pick(['z0', 'z1']), ...g.elements(6).flatMap((e) => [String(g.r.int(8)), e])],
    () => ['ZREM', g.pick(['z0', 'z1']), ...g.elements()],
    () => ['SET', `w_${g.element()}`, g.weight()],
    () => ['HSET', `h_${g.element()}`, 'f', g.weight(), 'g', g.element()],
    () => ['DEL', g.pick(SOURCES)],
  ];
  return g.pick(gens)();
}

interface SortPlan {
  cmd: Cmd;
  alpha: boolean;
  byPattern: boolean;
  dontSort: boolean;
  limit: boolean;
  store: string | null;
}

function sortCommand(g: Gen): SortPlan {
  const ro = g.r.int(4) === 0;
  const cmd: Cmd = [ro ? 'SORT_RO' : 'SORT', g.pick(SOURCES)];
  const plan: SortPlan = { cmd, alpha: false, byPattern: false, dontSort: false, limit: false, store: null };
  const by = g.r.int(4);
  if (by === 1) cmd.push('BY', g.pick(['w_*', 'h_*->f', 'h_*->g', 'missing_*']));
  if (by === 2) cmd.push('BY', 'nosort');
  plan.byPattern = by === 1;
  plan.dontSort = by === 2;
  if (g.r.int(2)) cmd.push(g.pick(['ASC', 'DESC']));
  plan.alpha = g.r.int(2) === 0;
  if (plan.alpha) cmd.push('ALPHA');
  if (g.r.int(2)) {
    plan.limit = true;
    cmd.push('LIMIT', String(g.r.int(8) - 2), String(g.r.int(8) - 2));
  }
  for (let n = g.r.int(3); n > 0; n--) cmd.push('GET', g.pick(['#', 'w_*', 'h_*->g', 'h_*->f']));
  if (!ro && g.r.int(3) === 0) {
    plan.store = 'dst';
    cmd.push('STORE', 'dst');
  }
  return plan;
}

/** Does Redis's reply order depend on its hash tables here? */
function orderIsArbitrary(d: ReturnType<typeof useDifferential>, plan: SortPlan): boolean {
  const v = d.node.dbs[0]!.dict.get(bin(utf8(bin(plan.cmd[1] as Uint8Array))));
  if (v === undefined) return false;
  const hashed = (v.type === 'set' && v.enc === 'hashtable') || v.type === 'zset';
  if (!hashed) return false;
  if (v.type === 'set' && plan.dontSort && plan.store === null) return true;
  return plan.alpha && plan.byPattern;
}

describe('differential sort, random sequences', () => {
  const d = useDifferential('sort-random');
  const seed = diffSeed();

  it(`seed ${seed}`, async () => {
    await resetBoth(d);
    const g = new Gen(new SeededRandom(seed));
    let dstLoose = false;
    for (let step = 0; step < STEPS; step++) {
      if (g.r.int(3) !== 0) {
        await d.check(writeCommand(g));
        continue;
      }
      const plan = sortCommand(g);
      plan.cmd[1] = utf8(plan.cmd[1] as string);
      if (orderIsArbitrary(d, plan))
        plan.cmd = plan.cmd.filter(
          (_, i, a) => a[i - 1] !== 'LIMIT' && a[i] !== 'LIMIT' && a[i - 2] !== 'LIMIT',
        );
      const loose = orderIsArbitrary(d, plan);
      const dirtyBefore = d.node.dirty;
      await d.check(plan.cmd, { unordered: loose });
      if (plan.store === null) continue;
      // A failed SORT leaves the destination as an earlier STORE wrote it.
      if (d.node.dbs[0]!.dict.get('dst') !== undefined && d.node.dirty !== dirtyBefore) dstLoose = loose;
      await d.check(['LRANGE', 'dst', '0', '-1'], { unordered: dstLoose });
    }
    for (const k of SOURCES) await d.check(['OBJECT', 'ENCODING', k]);
    console.log(`[sort-random] seed=${seed} steps=${STEPS}`);
    if (d.mismatches.length) console.log(d.mismatches.slice(0, 20).join('\n'));
    expect(d.mismatches).toEqual([]);
  });
});
