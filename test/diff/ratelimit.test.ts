/*
 * Differential test of the rate-limit lab's command sequences: each algorithm runs its requests on
 * our engine (through the lab's own connection class, which journals every command and reply) and
 * each journaled command is replayed, in order, on redis-server; every reply must be identical. Since
 * the next command depends only on the previous replies, equal replies mean Redis would have sent the
 * very same sequence and made the very same decisions.
 *
 * The request instants are passed explicitly (virtual ms, steady and bursty traffic from a seed), so
 * no reply depends on the servers' clocks. TTLs are set relative to the real clocks, so the windows
 * and refill times are long enough that nothing expires while the test runs, and afterwards only
 * "has a TTL" is compared, never its value.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { limiterFor } from '../../src/sim/ratelimit/algorithms.ts';
import { LabConnection } from '../../src/sim/ratelimit/connection.ts';
import {
  ALGORITHMS,
  DEFAULT_SETTINGS,
  type LabSettings,
  type Pattern,
} from '../../src/sim/ratelimit/settings.ts';
import { Traffic } from '../../src/sim/ratelimit/traffic.ts';
import { diffSeed, useDifferential, type Differential } from './harness.ts';

const BASE_MS = 1_700_000_000_000;
const REQUESTS = 40;

/**
 * Windows of 60 s (a request every 2.5 s on average), and a bucket of 20 tokens refilling 1 a second
 * (a request every 250 ms): keys live 20 s or more of real time, far longer than the test runs.
 */
function settingsFor(algorithm: LabSettings['algorithm'], pattern: Pattern): LabSettings {
  const bucket = algorithm === 'token-bucket';
  return {
    ...DEFAULT_SETTINGS,
    algorithm,
    pattern,
    limit: bucket ? 20 : 5,
    windowMs: 60_000,
    refillPerSecond: 1,
    perSecond: bucket ? 4 : 0.4,
    burst: 8,
  };
}

async function runOnBoth(d: Differential, s: LabSettings, seed: number): Promise<boolean[]> {
  await d.both('FLUSHALL');
  await d.both('SCRIPT', 'FLUSH');
  const conn = new LabConnection(d.node, 'diff-ratelimit', 0, () => {});
  const limiter = limiterFor(s);
  const traffic = new Traffic(s, new SeededRandom(seed));
  const decisions: boolean[] = [];
  for (let seq = 1; seq <= REQUESTS; seq++) {
    const atMs = BASE_MS + traffic.next();
    decisions.push(limiter.request((argv) => conn.send(argv), atMs, seq).allowed);
    for (const c of conn.takeJournal()) {
      const theirs = await d.real.call(...c.argv.map(utf8));
      d.record(
        `${s.algorithm}/${s.pattern} #${seq}: ${c.argv.join(' ').slice(0, 80)}`,
        c.reply ?? undefined,
        theirs,
      );
    }
  }
  conn.close();
  return decisions;
}

async function compareState(d: Differential, s: LabSettings): Promise<void> {
  const keys = await d.both('KEYS', 'rl:*');
  await d.check(['KEYS', 'rl:*'], { unordered: true });
  const names = keys[1].t === 'array' ? keys[1].a.map((k) => (k.t === 'bulk' ? k.b : utf8(''))) : [];
  for (const k of names) {
    await d.check(['TYPE', k]);
    await d.check(['PTTL', k], { project: (r) => r.t === 'int' && Number(r.n) > 0 });
    if (s.algorithm === 'token-bucket') await d.check(['HGETALL', k]);
    else if (s.algorithm === 'sliding-log') await d.check(['ZRANGE', k, '0', '-1', 'WITHSCORES']);
    else await d.check(['GET', k]);
  }
}

describe('differential rate-limit lab commands', () => {
  const d = useDifferential('ratelimit');
  const seed = diffSeed();

  for (const algorithm of ALGORITHMS) {
    for (const pattern of ['steady', 'bursty'] as const) {
      it(`${algorithm} with ${pattern} traffic: the same replies on redis-server (seed ${seed})`, async () => {
        const before = d.mismatches.length;
        const s = settingsFor(algorithm, pattern);
        const decisions = await runOnBoth(d, s, seed);
        await compareState(d, s);
        expect(d.mismatches.slice(before)).toEqual([]);
        expect(decisions.some((a) => a)).toBe(true);
        expect(decisions.some((a) => !a)).toBe(true);
      });
    }
  }
});
