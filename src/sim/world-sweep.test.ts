/*
 * Seed sweep (TigerBeetle-style): a random workload of SETs with TTLs, reads and clock advances, all
 * drawn from the seed, against a World. Checked outside the system: a model of deadlines says which
 * keys must be visible; the active expire cycle may only remove keys whose deadline has passed; and a
 * replay of the same seed gives the same reply trace. A failure names its seed.
 */
import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../engine/bytes.ts';
import { SeededRandom } from '../engine/ds/prng.ts';
import type { Reply } from '../engine/resp/reply.ts';
import { World } from './world.ts';

const KEYS = 12;
const STEPS = 300;

function runWorkload(seed: number): string[] {
  const world = new World({ seed });
  const node = world.addNode();
  const db = node.dbs[0]!;
  const gen = new SeededRandom(seed ^ 0x5eed);
  const replies: Reply[] = [];
  const client = node.connect({ write: (r) => replies.push(r), close: () => {} });
  const call = (...a: string[]): Reply => {
    node.execute(client, a.map(utf8));
    return replies.at(-1)!;
  };
  const deadlines = new Map<string, number>();
  const trace: string[] = [];
  for (let step = 0; step < STEPS; step++) {
    const key = `k${gen.int(KEYS)}`;
    const roll = gen.int(10);
    if (roll < 4) {
      const ttl = 1 + gen.int(3000);
      call('SET', key, `v${step}`, 'PX', String(ttl));
      deadlines.set(key, world.nowMs() + ttl);
    } else if (roll < 7) {
      world.advance(gen.int(400));
      for (const [k, when] of deadlines) {
        if (when > world.nowMs() && !db.dict.has(k)) throw new Error(`seed ${seed}: live key ${k} removed`);
      }
    } else {
      const r = call('GET', key);
      const live = (deadlines.get(key) ?? 0) > world.nowMs();
      if ((r.t === 'bulk') !== live)
        throw new Error(`seed ${seed}: GET ${key} at ${world.nowMs()} gave ${r.t}`);
      trace.push(`${world.nowMs()} ${key} ${r.t === 'bulk' ? bin(r.b) : r.t}`);
    }
  }
  trace.push(`expired=${node.stats.expiredKeys} runId=${node.runId}`);
  return trace;
}

describe('World seed sweep', () => {
  it('keeps TTL invariants and replays identically for 10 seeds', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const first = runWorkload(seed);
      expect(runWorkload(seed), `seed ${seed} did not replay`).toEqual(first);
    }
  });
});
