/*
 * Seeded random command sequences for the sorted-set family against a real redis-server. Small
 * listpack limits make conversions frequent; a few members are long enough to force skiplists; lex
 * queries run on a key whose members all share one score (Redis leaves lex ranges over mixed scores
 * unspecified). Every reply is compared, and every 50 steps each key's full content and encoding.
 * Replay a failure with DIFF_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';

type Cmd = string[];

const KEYS = ['z1', 'z2', 'z3', 'z4'];
const SCORES = ['0', '1', '-1', '2.5', '-0', '3', '10', '0.1', '1e300', 'inf', '-inf', '7', '(2', '42'];

function generator(r: SeededRandom) {
  const pick = <T>(a: readonly T[]): T => a[r.int(a.length)]!;
  const member = (): string => (r.int(40) === 0 ? 'long-' + 'x'.repeat(60 + r.int(10)) : 'm' + r.int(30));
  const score = (): string => pick(SCORES.filter((s) => !s.startsWith('(')));
  const bound = (): string => pick([...SCORES, '-inf', '+inf', '(0', '(10']);
  const lexBound = (): string => pick(['-', '+', '[m1', '(m1', '[m2', '(m25', '[m', '[n', '(m3']);
  const idx = (): string => String(r.int(12) - 6);
  const key = (): string => pick(KEYS);
  const pairs = (): string[] => {
    const out: string[] = [];
    for (let n = 1 + r.int(4); n > 0; n--) out.push(score(), member());
    return out;
  };
  const next = (): Cmd => {
    switch (r.int(22)) {
      case 0:
      case 1:
      case 2:
        return ['ZADD', key(), ...pairs()];
      case 3:
        return ['ZADD', key(), pick(['NX', 'XX', 'GT', 'LT', 'CH', 'XX CH', 'GT CH']), ...pairs()].flatMap(
          (s) => (s.includes(' ') ? s.split(' ') : [s]),
        );
      case 4:
        return ['ZINCRBY', key(), score(), member()];
      case 5:
        return ['ZREM', key(), member(), member()];
      case 6:
        return ['ZREMRANGEBYRANK', key(), idx(), idx()];
      case 7:
        return ['ZREMRANGEBYSCORE', key(), bound(), bound()];
      case 8:
        return [
          'ZRANGE',
          key(),
          idx(),
          idx(),
          ...(r.int(2) ? ['WITHSCORES'] : []),
          ...(r.int(2) ? ['REV'] : []),
        ];
      case 9:
        return ['ZRANGEBYSCORE', key(), bound(), bound(), 'WITHSCORES', 'LIMIT', String(r.int(3)), idx()];
      case 10:
        return ['ZREVRANGEBYSCORE', key(), bound(), bound()];
      case 11:
        return ['ZCOUNT', key(), bound(), bound()];
      case 12:
        return [pick(['ZRANK', 'ZREVRANK', 'ZSCORE']), key(), member()];
      case 13:
        return [pick(['ZPOPMIN', 'ZPOPMAX']), key(), String(r.int(3))];
      case 14:
        return [
          pick(['ZUNIONSTORE', 'ZINTERSTORE']),
          key(),
          '2',
          key(),
          key(),
          'WEIGHTS',
          score(),
          '2',
          'AGGREGATE',
          pick(['SUM', 'MIN', 'MAX']),
        ].filter((s) => s !== 'inf' && s !== '-inf');
      case 15:
        return ['ZDIFFSTORE', key(), '2', key(), key()];
      case 16:
        return [pick(['ZUNION', 'ZINTER']), '3', key(), key(), key(), 'WITHSCORES'];
      case 17:
        return ['ZRANGESTORE', key(), key(), bound(), bound(), 'BYSCORE'];
      case 18:
        return ['ZADD', 'lex', '0', member(), '0', member()];
      case 19:
        return [pick(['ZRANGEBYLEX', 'ZLEXCOUNT']), 'lex', lexBound(), lexBound()];
      case 20:
        return [pick(['ZREMRANGEBYLEX', 'ZREVRANGEBYLEX']), 'lex', lexBound(), lexBound()];
      default:
        return ['ZMPOP', '2', key(), key(), pick(['MIN', 'MAX']), 'COUNT', String(1 + r.int(3))];
    }
  };
  return next;
}

describe('differential sorted sets: random sequences', () => {
  const d = useDifferential('zsets random');
  const seed = diffSeed();

  it(`runs seeded sequences (seed=${seed})`, async () => {
    await d.both('FLUSHALL');
    await d.both('CONFIG', 'SET', 'zset-max-listpack-entries', '12');
    const next = generator(new SeededRandom(seed));
    for (let step = 1; step <= 3000; step++) {
      await d.check(next());
      if (step % 50 === 0) {
        for (const k of [...KEYS, 'lex']) {
          await d.check(['ZRANGE', k, '0', '-1', 'WITHSCORES']);
          await d.check(['OBJECT', 'ENCODING', k]);
        }
      }
    }
    await d.both('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    console.log(`[zsets random] seed=${seed} mismatches=${d.mismatches.length}`);
    expect(d.mismatches.slice(0, 5)).toEqual([]);
  }, 120_000);

  it(`runs a RESP3 sequence (seed=${seed + 1})`, async () => {
    await d.both('FLUSHALL');
    await d.both('HELLO', '3');
    const next = generator(new SeededRandom(seed + 1));
    for (let step = 1; step <= 1000; step++) await d.check(next());
    await d.both('HELLO', '2');
    expect(d.mismatches.slice(0, 5)).toEqual([]);
  }, 120_000);
});
