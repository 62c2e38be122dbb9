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
});
