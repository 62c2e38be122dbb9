/*
 * List and HyperLogLog throughput in-process (through node.execute, replies dropped).
 *
 * Lists: a 1M-element list is built with RPUSH of 1000 elements per call; then LPUSH and LPOP are timed
 * in alternating batches so the list stays at about 1M elements. Both ends of a quicklist are O(1), so
 * the figures should not depend on the length.
 *
 * PFADD: distinct elements are added to one key, either one element per call or 100 per call, and the
 * figure is elements per second. A HyperLogLog starts sparse and turns dense after a few thousand
 * distinct elements (hll-sparse-max-bytes 3000), so these runs measure mostly the dense register update.
 */
import type { Bytes } from '../src/engine/bytes.ts';
import { argv, bestRounds, newBenchNode, timeBatch, type Cost } from './dt-timing.ts';

export interface ListFigures {
  size: number;
  buildMs: number;
  lpush: Cost;
  lpop: Cost;
}

export function benchList(size: number, opsPerRound: number, rounds: number): ListFigures {
  const b = newBenchNode();
  const t0 = performance.now();
  for (let start = 0; start < size; start += 1000) {
    const els: string[] = [];
    for (let i = start; i < Math.min(size, start + 1000); i++) els.push(`element:${i}`);
    b.run('RPUSH', 'bench:list', ...els);
  }
  const buildMs = performance.now() - t0;
  const pushes = Array.from({ length: opsPerRound }, (_, i) => argv('LPUSH', 'bench:list', `pushed:${i}`));
  const pops = Array.from({ length: opsPerRound }, () => argv('LPOP', 'bench:list'));
  const lpush: Cost[] = [];
  const lpop: Cost[] = [];
  for (let r = 0; r <= rounds; r++) {
    const push = timeBatch(b, pushes);
    const pop = timeBatch(b, pops);
    if (r > 0) lpush.push(push);
    if (r > 0) lpop.push(pop);
  }
  b.close();
  const best = (cs: Cost[]): Cost => ({
    wallNs: Math.min(...cs.map((c) => c.wallNs)),
    cpuNs: Math.min(...cs.map((c) => c.cpuNs)),
  });
  return { size, buildMs, lpush: best(lpush), lpop: best(lpop) };
}

export interface PfaddFigures {
  perCall: number;
  /** Elements per second of wall / CPU time. */
  elementsPerSec: number;
  elementsPerCpuSec: number;
}

/** PFADD of `elements` distinct elements per round, `perCall` per command. */
export function benchPfadd(perCall: number, elements: number, rounds: number): PfaddFigures {
  const b = newBenchNode();
  let round = 0;
  const makeRound = (): Bytes[][] => {
    const out: Bytes[][] = [];
    for (let start = 0; start < elements; start += perCall) {
      const els: string[] = [];
      for (let i = start; i < start + perCall; i++) els.push(`el:${round}:${i}`);
      out.push(argv('PFADD', 'bench:hll', ...els));
    }
    round++;
    return out;
  };
  const cost = bestRounds(rounds, () => timeBatch(b, makeRound()));
  b.close();
  const calls = elements / perCall;
  const toRate = (nsPerCall: number): number => (calls * perCall * 1e9) / (nsPerCall * calls);
  return { perCall, elementsPerSec: toRate(cost.wallNs), elementsPerCpuSec: toRate(cost.cpuNs) };
}
