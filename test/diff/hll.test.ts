/*
 * Differential tests of the HyperLogLog commands against a real redis-server. The stored strings
 * must be byte-identical (GET after PFADD / PFCOUNT / PFMERGE, through the sparse -> dense promotion and
 * with a changed hll-sparse-max-bytes), PFCOUNT must give the same estimates for single keys and
 * unions, and errors, events, dirty counts and encodings must match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import {
  batchCheck,
  checkEncoding,
  EventRecorder,
  makeNonString,
  resetBoth,
  type Cmd,
} from './strings-helpers.ts';

describe('differential hyperloglog', () => {
  const d = useDifferential('hll');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

  it('PFADD, PFCOUNT, PFMERGE basics and errors', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await d.both('SET', 'str', 'hello');
    await d.both('SET', 'int', '12345678901234567');
    await d.both('SET', 'fake', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00');
    await d.both('SET', 'bad', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\x00');
    await d.both('SET', 'badval', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\xff');
    await events.collect();
    await batch('hll basics', [
      ['PFADD', 'h'],
      ['GET', 'h'],
      ['PFADD', 'h'],
      ['PFADD', 'h', 'a', 'b', 'c'],
      ['PFADD', 'h', 'a'],
      ['GET', 'h'],
      ['PFCOUNT', 'h'],
      ['GET', 'h'],
      ['PFCOUNT', 'h'],
      ['PFCOUNT', 'nokey'],
      ['PFCOUNT', 'nokey', 'h'],
      ['PFADD', 'h2', 'x', 'y', 'a'],
      ['PFCOUNT', 'h', 'h2'],
      ['PFMERGE', 'm', 'h', 'h2'],
      ['GET', 'm'],
      ['PFCOUNT', 'm'],
      ['PFMERGE', 'empty'],
      ['GET', 'empty'],
      ['PFMERGE', 'h', 'nokey'],
      ['GET', 'h'],
      ['PFADD', 'lst', 'a'],
      ['PFADD', 'str', 'a'],
      ['PFADD', 'int', 'a'],
      ['PFADD', 'fake', 'a'],
      ['PFCOUNT', 'str'],
      ['PFCOUNT', 'h', 'str'],
      ['PFCOUNT', 'h', 'lst'],
      ['PFMERGE', 'h', 'str'],
      ['PFMERGE', 'str', 'h'],
      ['PFCOUNT', 'bad'],
      ['PFCOUNT', 'bad', 'h'],
      ['PFMERGE', 'x', 'bad'],
      ['PFADD', 'bad', 'a', 'b'],
      ['PFCOUNT', 'badval'],
      ['PFADD', 'badval', 'q'],
      ['GET', 'badval'],
    ]);
    for (const k of ['h', 'm', 'empty']) await checkEncoding(d, k);
    expect(d.mismatches).toEqual([]);
  });

  it('PFDEBUG and PFSELFTEST', async () => {
    await resetBoth(d);
    await d.both('PFADD', 'h', 'a', 'b', 'c', 'd');
    await d.both('SET', 'str', 'x');
    await events.collect();
    await batch('pfdebug', [
      ['PFDEBUG', 'ENCODING', 'h'],
      ['PFDEBUG', 'DECODE', 'h'],
      ['PFDEBUG', 'NOPE', 'h'],
      ['PFDEBUG', 'ENCODING', 'nokey'],
      ['PFDEBUG', 'ENCODING', 'str'],
      ['PFDEBUG', 'GETREG', 'h'],
      ['PFDEBUG', 'ENCODING', 'h'],
      ['PFDEBUG', 'DECODE', 'h'],
      ['PFDEBUG', 'TODENSE', 'h'],
      ['GET', 'h'],
      ['PFADD', 'h2', 'z'],
      ['PFDEBUG', 'TODENSE', 'h2'],
      ['GET', 'h2'],
      ['PFCOUNT', 'h2'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('random PFADDs: stored bytes identical through the promotion to dense', async () => {
    const seed = diffSeed();
    const rng = new SeededRandom(seed);
    await resetBoth(d);
    const before = d.mismatches.length;
    for (const max of ['3000', '300']) {
      await d.check(['CONFIG', 'SET', 'hll-sparse-max-bytes', max]);
      for (const key of ['r1', 'r2', 'r3']) {
        let n = 0;
        while (n < 4000) {
          const batchSize = 1 + Math.floor(rng.next() * (n < 500 ? 5 : 80));
          const cmd = ['PFADD', `${key}:${max}`];
          for (let i = 0; i < batchSize; i++) cmd.push(`el-${Math.floor(rng.next() * 1e9)}`);
          n += batchSize;
          await d.check(cmd);
          if (rng.next() < 0.2) await d.check(['PFCOUNT', `${key}:${max}`]);
          if (rng.next() < 0.3) await d.check(['GET', `${key}:${max}`]);
          if (rng.next() < 0.05) await d.check(['PFDEBUG', 'ENCODING', `${key}:${max}`]);
        }
        await d.check(['GET', `${key}:${max}`]);
      }
      await d.check(['PFMERGE', `all:${max}`, `r1:${max}`, `r2:${max}`]);
      await d.check(['GET', `all:${max}`]);
      await d.check(['PFCOUNT', `r1:${max}`, `r2:${max}`, `r3:${max}`]);
    }
    await d.check(['CONFIG', 'SET', 'hll-sparse-max-bytes', '3000']);
    if (d.mismatches.length > before) console.log(`hll random seed=${seed}`);
    expect(d.mismatches.slice(before)).toEqual([]);
  });

  it('PFCOUNT over many sets of different sizes, and merges of sparse HLLs into sparse ones', async () => {
    await resetBoth(d);
    const before = d.mismatches.length;
    const sizes = [1, 2, 5, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000];
    for (const size of sizes) {
      for (let start = 0; start < size; start += 500) {
        const cmd = ['PFADD', `s${size}`];
        for (let i = start; i < Math.min(size, start + 500); i++) cmd.push(`member:${i}:${size}`);
        await d.both(...cmd);
      }
      await d.check(['PFCOUNT', `s${size}`]);
      await d.check(['GET', `s${size}`]);
    }
    for (let i = 0; i + 1 < sizes.length; i++) {
      await d.check(['PFCOUNT', `s${sizes[i]}`, `s${sizes[i + 1]}`]);
      await d.check(['PFMERGE', `u${i}`, `s${sizes[i]}`, `s${sizes[i + 1]}`]);
      await d.check(['GET', `u${i}`]);
    }
    await d.check(['PFCOUNT', ...sizes.map((s) => `s${s}`)]);
    expect(d.mismatches.slice(before)).toEqual([]);
  });
});
