/*
 * Differential test of EVAL and friends against a real redis-server: conversions of script results,
 * redis.call replies in RESP2 and RESP3, the redis.* API and its misuse, error texts (with the script
 * SHA and line), shebang flags, read-only refusals and SCRIPT subcommands. Cases: scripting-cases.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';
import { CALL_CASES, CONVERSION_CASES, ERROR_CASES, SCRIPT_CASES, SHEBANG_CASES } from './scripting-cases.ts';

/** INFO commandstats / errorstats / stats reduced to the counters (timings differ by nature). */
function counters(r: Reply): unknown {
  if (r.t !== 'bulk' && r.t !== 'verbatim') return r.t;
  return new TextDecoder()
    .decode(r.b)
    .split('\r\n')
    .filter((l) => /^(cmdstat_|errorstat_|total_error_replies)/.test(l))
    .map((l) => l.replace(/usec=\d+,usec_per_call=[\d.]+,/, ''))
    .sort();
}

describe('scripting differential', () => {
  const d = useDifferential('scripting');
  /** Runs cases and expects no new mismatch (earlier tests' mismatches are theirs). */
  async function expectSame(cases: string[][]): Promise<void> {
    const before = d.mismatches.length;
    await d.checkAll(cases);
    expect(d.mismatches.slice(before)).toEqual([]);
  }

  it('converts script results as Redis does', async () => {
    await expectSame([['FLUSHALL'], ...CONVERSION_CASES]);
  });

  it('runs commands through redis.call / redis.pcall', async () => {
    await expectSame(CALL_CASES);
  });

  it('reports errors with the same text', async () => {
    await expectSame(ERROR_CASES);
  });

  it('honours shebang flags and read-only variants', async () => {
    await expectSame(SHEBANG_CASES);
  });

  it('manages the script cache', async () => {
    await expectSame(SCRIPT_CASES);
  });

  it('keeps math.random one deterministic sequence', async () => {
    const draws = Array.from({ length: 5 }, () => ['EVAL', 'return math.random(1000000)', '0']);
    await expectSame([
      ['SCRIPT', 'FLUSH'],
      ...draws,
      ['EVAL', 'return tostring(math.random())', '0'],
      ['EVAL', 'math.randomseed(42) return math.random(1000)', '0'],
      ['EVAL', 'return math.random(5, 10)', '0'],
    ]);
  });

  it('answers the same in RESP3', async () => {
    await d.both('HELLO', '3');
    await expectSame([
      ['EVAL', 'return true', '0'],
      ['EVAL', 'return false', '0'],
      ['EVAL', 'return nil', '0'],
      ['EVAL', "redis.setresp(3) return redis.call('hgetall', 'h1')", '0'],
      ['EVAL', 'redis.setresp(3) return true', '0'],
      ['EVAL', 'redis.setresp(3) return {double = 0.5}', '0'],
      ['EVAL', 'return {map = {a = 1}}', '0'],
      ['EVAL', 'redis.setresp(3) return {map = {a = 1}}', '0'],
      ['EVAL', 'redis.setresp(3) return {set = {a = true}}', '0'],
      ['EVAL', "redis.setresp(3) return redis.call('zscore', 'z', 'a')", '0'],
      ['EVAL', "return redis.call('hgetall', 'h')", '0'],
    ]);
    await d.both('HELLO', '2');
    d.resp = 2;
  });

  it('counts calls, rejections and errors as Redis does', async () => {
    const stats = async (): Promise<void> => {
      for (const section of ['commandstats', 'errorstats']) {
        await d.check(['INFO', section], { project: counters });
      }
      await d.check(['INFO', 'stats'], { project: counters });
    };
    const scripts = [
      "return redis.call('select', 99)",
      "local t = redis.pcall('select', 99) return 1",
      "return redis.pcall('select', 99)",
      "return redis.call('nosuch')",
      "return redis.pcall('nosuch')",
      "error('plain')",
      "return {err = 'MINE own'}",
      "return redis.call('set', 'statkey', 'v')",
    ];
    for (const script of scripts) {
      await d.check(['CONFIG', 'RESETSTAT']);
      await d.check(['EVAL', script, '0']);
      await stats();
    }
    await d.check(['CONFIG', 'RESETSTAT']);
    await d.check(['EVAL', 'return 1']);
    await d.check(['EVAL_RO', "return redis.call('set', 'k', 'v')", '0']);
    await stats();
    const before = 0;
    expect(d.mismatches.slice(before).filter((m) => m.includes('INFO') || m.includes('EVAL'))).toEqual([]);
  });
});
