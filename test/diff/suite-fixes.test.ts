/*
 * Differential cases for behaviour that Redis's own Tcl suite (unit/type/string, unit/type/incr,
 * unit/keyspace, unit/expire, in external-server mode) exercised and we got wrong, plus the generic
 * commands the suite's harness itself calls between test files (FUNCTION FLUSH).
 */
import { describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';

describe('differential: cases from the Redis Tcl suite', () => {
  const d = useDifferential('suite-fixes');

  it('FUNCTION FLUSH as the external-mode harness calls it', async () => {
    await d.checkAll([
      ['FUNCTION', 'FLUSH'],
      ['FUNCTION', 'FLUSH', 'SYNC'],
      ['function', 'flush', 'async'],
      ['FUNCTION', 'FLUSH', 'later'],
      ['FUNCTION', 'FLUSH', 'SYNC', 'ASYNC'],
      ['FUNCTION'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('DEBUG DIGEST and DIGEST-VALUE over strings, with and without TTLs, across DBs', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['DEBUG', 'DIGEST'],
      ['SET', 'a', 'foobar'],
      ['SET', 'n', '-42'],
      ['SET', 'big', 'x'.repeat(100)],
      ['SET', 'ttl', 'v', 'EX', '1000'],
      ['DEBUG', 'DIGEST-VALUE', 'a', 'n', 'big', 'ttl', 'missing'],
      ['DEBUG', 'DIGEST-VALUE'],
      ['DEBUG', 'DIGEST'],
      ['SELECT', '5'],
      ['SET', 'a', 'foobar'],
      ['DEBUG', 'DIGEST'],
      ['DEBUG', 'DIGEST', 'extra'],
      ['SELECT', '0'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  /** Runs `steps` on both servers; a pause lets px-1 keys go stale on both clocks. */
  async function run(steps: string[][]): Promise<void> {
    for (const step of steps) {
      if (step[0] === 'SLEEP') await new Promise((r) => setTimeout(r, Number(step[1])));
      else await d.check(step);
    }
  }

  it('SWAPDB touches watchers as Redis does when stale keys are involved', async () => {
    const cases: string[][][] = [
      // A missing key replaced with a stale one: no change, EXEC runs.
      [
        ['SELECT', '0'],
        ['SET', 'x', 'foo', 'PX', '1'],
        ['SLEEP', '5'],
        ['SELECT', '1'],
        ['WATCH', 'x'],
      ],
      // A stale key replaced with another stale key: no change.
      [
        ['SELECT', '1'],
        ['SET', 'x', 'foo', 'PX', '1'],
        ['SELECT', '0'],
        ['SET', 'x', 'bar', 'PX', '1'],
        ['SLEEP', '5'],
        ['SELECT', '1'],
        ['WATCH', 'x'],
      ],
      // A live key replaced with nothing: EXEC aborts.
      [
        ['SELECT', '1'],
        ['SET', 'x', 'live'],
        ['WATCH', 'x'],
      ],
      // A stale key replaced with a live one: EXEC aborts.
      [
        ['SELECT', '1'],
        ['SET', 'x', 'old', 'PX', '1'],
        ['SELECT', '0'],
        ['SET', 'x', 'new'],
        ['SLEEP', '5'],
        ['SELECT', '1'],
        ['WATCH', 'x'],
      ],
      // A stale key replaced with nothing: its memory is cleared, EXEC runs.
      [
        ['SELECT', '1'],
        ['SET', 'x', 'old', 'PX', '1'],
        ['SLEEP', '5'],
        ['WATCH', 'x'],
      ],
    ];
    for (const setup of cases) {
      await run([['FLUSHALL'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], ...setup]);
      await run([['SWAPDB', '0', '1'], ['MULTI'], ['PING'], ['EXEC'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '1']]);
    }
    await run([['SELECT', '0'], ['FLUSHALL']]);
    expect(d.mismatches).toEqual([]);
  });

  it('DEBUG PROTOCOL answers every sample type as Redis, in RESP2 and RESP3', async () => {
    const types = ['string', 'integer', 'double', 'bignum', 'null', 'array', 'set', 'map'];
    types.push('verbatim', 'true', 'false', 'nosuchtype', 'STRING');
    for (const protocol of ['2', '3']) {
      await d.check(['HELLO', protocol], { project: () => 'hello' });
      d.resp = protocol === '3' ? 3 : 2;
      for (const t of types) await d.check(['DEBUG', 'PROTOCOL', t]);
    }
    // RESP2 only: in RESP3 Redis sends an attribute map first, which our Reply model cannot express.
    // PUSH in RESP3 sends two replies (see debug-protocol.test.ts); in RESP2 it is refused.
    await d.check(['HELLO', '2'], { project: () => 'hello' });
    d.resp = 2;
    await d.checkAll([
      ['DEBUG', 'PROTOCOL', 'attrib'],
      ['DEBUG', 'PROTOCOL', 'push'],
      ['DEBUG', 'PROTOCOL'],
    ]);
    expect(d.mismatches).toEqual([]);
  });
});
