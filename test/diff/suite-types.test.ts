/*
 * Differential cases from running Redis's own Tcl suite (unit/type/*, bitops, bitfield, hyperloglog,
 * geo, sort, dump, scan in external-server mode) against our server: DEBUG QUICKLIST-PACKED-THRESHOLD
 * as unit/type/list drives it, and the range errors of the random-pick commands at the edges of their
 * count limits (the counts Redis accepts but would never finish answering are unit-tested instead, in
 * src/engine/commands/random-count.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';

describe('differential: data-type cases from the Redis Tcl suite', () => {
  const d = useDifferential('suite-types');

  it('DEBUG QUICKLIST-PACKED-THRESHOLD accepts memory values and refuses the rest', async () => {
    const sizes = ['1b', '5b', '100b', '10b', '0', '1', '1k', '1KB', '4095mb', '4096mb', '4gb', '3gb'];
    const bad = [
      '-1',
      '1x',
      'b',
      '',
      '18446744073709551616',
      '99999999999999999999gb',
      '1.5',
      ' 1',
      'kb',
      'B',
      'x',
    ];
    await d.checkAll([
      ...[...sizes, ...bad].map((s) => ['DEBUG', 'QUICKLIST-PACKED-THRESHOLD', s]),
      ['DEBUG', 'quicklist-packed-threshold'],
      ['DEBUG', 'quicklist-packed-threshold', '1', '2'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('lists behave the same with a tiny packed threshold (plain nodes in Redis)', async () => {
    const a = 'a'.repeat(500);
    const b = 'b'.repeat(500);
    await d.checkAll([
      ['FLUSHALL'],
      ['CONFIG', 'SET', 'list-compress-depth', '2'],
      ['CONFIG', 'SET', 'list-max-listpack-size', '1'],
      ['DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '1b'],
      ['LPUSH', 'l', a, b, '9', 'xxxxxxxxxx'],
      ['LINSERT', 'l', 'AFTER', b, 'mid'],
      ['LSET', 'l', '0', 'yy'],
      ['LRANGE', 'l', '0', '-1'],
      ['LPOS', 'l', '9'],
      ['LREM', 'l', '0', a],
      ['LTRIM', 'l', '1', '-1'],
      ['LMOVE', 'l', 'm', 'LEFT', 'RIGHT'],
      ['LRANGE', 'l', '0', '-1'],
      ['LRANGE', 'm', '0', '-1'],
      ['OBJECT', 'ENCODING', 'l'],
      ['DEBUG', 'QUICKLIST-PACKED-THRESHOLD', '0'],
      ['CONFIG', 'SET', 'list-compress-depth', '0'],
      ['CONFIG', 'SET', 'list-max-listpack-size', '-2'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('SRANDMEMBER / HRANDFIELD / ZRANDMEMBER count range errors', async () => {
    const min = '-9223372036854775808';
    const half = '4611686018427387904'; // LONG_MAX/2 + 1
    await d.checkAll(
      [
        ['FLUSHALL'],
        ['SADD', 's', 'a', 'b', 'c'],
        ['HSET', 'h', 'a', '1', 'b', '2'],
        ['ZADD', 'z', '1', 'a', '2', 'b'],
        ['SRANDMEMBER', 's', min],
        ['SRANDMEMBER', 'missing', min],
        ['SRANDMEMBER', 'missing', '-9223372036854775807'],
        ['HRANDFIELD', 'h', min],
        ['HRANDFIELD', 'h', '-9223372036854770000', 'WITHVALUES'],
        ['HRANDFIELD', 'h', half, 'WITHVALUES'],
        ['HRANDFIELD', 'h', `-${half}`, 'WITHVALUES'],
        ['HRANDFIELD', 'missing', '-9223372036854775807'],
        ['ZRANDMEMBER', 'z', min],
        ['ZRANDMEMBER', 'z', '-9223372036854770000', 'WITHSCORES'],
        ['ZRANDMEMBER', 'z', half, 'WITHSCORES'],
        ['ZRANDMEMBER', 'missing', '-9223372036854775807'],
        ['ZRANDMEMBER', 'z', '9223372036854775807'],
        ['SRANDMEMBER', 's', '9223372036854775807'],
        ['HRANDFIELD', 'h', '9223372036854775807'],
      ],
      { unordered: true },
    );
    expect(d.mismatches).toEqual([]);
  });
});
