/*
 * Sorted-set scaling: the per-command cost of ZADD, ZRANK and ZRANGE on a 1k-member versus a 1M-member
 * sorted set (both skiplist-encoded: 1k is above zset-max-listpack-entries), and the ratio between the
 * two. A skiplist makes these O(log N) (plus the reply length for ZRANGE), so going from 1k to 1M
 * members multiplies the comparisons by about 2 (log 1M / log 1k); what the ratio shows beyond that is
 * mostly cache misses on a structure far larger than the CPU caches.
 *
 * Shape of the data: member:<i> with score perm(i), a shuffled permutation of 0..N-1 (so a score range
 * of width 10 holds 11 members), inserted in shuffled order with many members per ZADD so the 1M set is
 * built quickly and the node order in memory is unrelated to the list order (as in real use).
 *
 * Writes keep the set's size steady: "ZADD (update)" moves an existing member to a new score (the
 * skiplist's delete + re-insert path); "ZADD (insert)" adds 100 new members, timed, then removes them
 * untimed, in many small batches.
 */
import type { Bytes } from '../src/engine/bytes.ts';
import { SeededRandom } from '../src/engine/ds/prng.ts';
import { argv, bestOf, bestRounds, newBenchNode, timeBatch, type BenchNode, type Cost } from './dt-timing.ts';

export const ZSET_OPS = ['ZADD (update)', 'ZADD (insert)', 'ZRANK', 'ZRANGE i i+10', 'ZRANGE BYSCORE s s+10'];

export interface ZsetFigures {
  size: number;
  buildMs: number;
  costs: Map<string, Cost>;
}

const KEY = 'bench:zset';
const BUILD_BATCH = 1000;

function shuffled(n: number, rng: SeededRandom): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

/** ZADD in batches of BUILD_BATCH members; returns the build time in ms. */
function buildSet(b: BenchNode, size: number, rng: SeededRandom): number {
  const scores = shuffled(size, rng);
  const order = shuffled(size, rng);
  const t0 = performance.now();
  for (let start = 0; start < size; start += BUILD_BATCH) {
    const args: string[] = ['ZADD', KEY];
    for (let k = start; k < Math.min(size, start + BUILD_BATCH); k++) {
      const i = order[k]!;
      args.push(String(scores[i]), `member:${i}`);
    }
    b.run(...args);
  }
  return performance.now() - t0;
}

function readArgvs(op: string, size: number, count: number, rng: SeededRandom): Bytes[][] {
  const out: Bytes[][] = [];
  for (let k = 0; k < count; k++) {
    const r = rng.int(size - 11);
    if (op === 'ZRANK') out.push(argv('ZRANK', KEY, `member:${r}`));
    else if (op === 'ZRANGE i i+10') out.push(argv('ZRANGE', KEY, String(r), String(r + 10)));
    else out.push(argv('ZRANGE', KEY, String(r), String(r + 10), 'BYSCORE'));
  }
  return out;
}

function updateArgvs(size: number, count: number, rng: SeededRandom): Bytes[][] {
  const out: Bytes[][] = [];
  for (let k = 0; k < count; k++)
    out.push(argv('ZADD', KEY, String(rng.int(size)), `member:${rng.int(size)}`));
  return out;
}

/** Inserts `batches` x 100 new members (timed) and removes each batch again (untimed). */
function timeInserts(b: BenchNode, size: number, batches: number, rng: SeededRandom): Cost {
  const costs: Cost[] = [];
  for (let t = 0; t < batches; t++) {
    const members = Array.from({ length: 100 }, (_, j) => `new:${t}:${j}`);
    const adds = members.map((m) => argv('ZADD', KEY, String(rng.int(size)), m));
    costs.push(timeBatch(b, adds));
    b.run('ZREM', KEY, ...members);
  }
  const sum = costs.reduce((s, c) => ({ wallNs: s.wallNs + c.wallNs, cpuNs: s.cpuNs + c.cpuNs }));
  return { wallNs: sum.wallNs / batches, cpuNs: sum.cpuNs / batches };
}

/** Builds a sorted set of `size` members and times each operation of ZSET_OPS on it. */
export function benchZset(size: number, opsPerRound: number, rounds: number): ZsetFigures {
  const rng = new SeededRandom(size);
  const b = newBenchNode();
  const buildMs = buildSet(b, size, rng);
  const costs = new Map<string, Cost>();
  for (const op of ZSET_OPS.slice(2)) {
    const argvs = readArgvs(op, size, opsPerRound, rng);
    costs.set(
      op,
      bestRounds(rounds, () => timeBatch(b, argvs)),
    );
  }
  // Fresh scores every round: replaying one batch would find each score already set (a no-op path).
  costs.set(
    ZSET_OPS[0]!,
    bestRounds(rounds, () => timeBatch(b, updateArgvs(size, opsPerRound, rng))),
  );
  const batches = Math.max(1, Math.floor(opsPerRound / 100));
  costs.set(ZSET_OPS[1]!, bestOf([0, 1, 2].map(() => timeInserts(b, size, batches, rng))));
  b.close();
  return { size, buildMs, costs };
}
