/*
 * Differential hand cases for the sorted-set family against a real redis-server: every command and
 * option, error texts and their order, score formats (1e300, -0, inf, 0.1, hex, strtod corner cases),
 * encodings and their conversions, keyspace events, dirty and hit/miss counters, RESP3 shapes.
 * Random replies (ZRANDMEMBER) are compared by their properties; ZSCAN of skiplists unordered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import { batchCheck, EventRecorder, resetBoth, type Cmd } from './strings-helpers.ts';

const enc = (k: string): Cmd => ['OBJECT', 'ENCODING', k];

describe('differential sorted sets', () => {
  const d = useDifferential('zsets');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

  it('ZADD options, errors and score formats', async () => {
    await resetBoth(d);
    await events.collect();
    await batch('zadd', [
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
      ['ZADD', 'z', '1', 'a'],
      ['ZADD', 'z', 'CH', '5', 'a', '9', 'new'],
      ['ZADD', 'z', 'NX', '7', 'a', '8', 'nx1'],
      ['ZADD', 'z', 'XX', '7', 'a', '8', 'xx1'],
      ['ZADD', 'z', 'XX', 'CH', '7', 'a', '8', 'b'],
      ['ZADD', 'z', 'GT', 'CH', '1', 'a', '100', 'b', '4', 'gtnew'],
      ['ZADD', 'z', 'LT', 'CH', '1', 'a', '100', 'b'],
      ['ZADD', 'z', 'XX', 'GT', '1000', 'a'],
      ['ZADD', 'z', 'NX', 'XX', '1', 'a'],
      ['ZADD', 'z', 'GT', 'LT', '1', 'a'],
      ['ZADD', 'z', 'GT', 'NX', '1', 'a'],
      ['ZADD', 'z', 'LT', 'NX', '1', 'a'],
      ['ZADD', 'z', 'INCR', '1', 'a', '2', 'b'],
      ['ZADD', 'z', 'INCR', '1.5', 'a'],
      ['ZADD', 'z', 'INCR', 'NX', '1', 'a'],
      ['ZADD', 'z', 'INCR', 'XX', '1', 'nosuch'],
      ['ZADD', 'z', 'INCR', 'GT', '-1', 'a'],
      ['ZADD', 'z', 'INCR', 'LT', '-1', 'a'],
      ['ZADD', 'z', '1'],
      ['ZADD', 'z', '1', 'a', '2'],
      ['ZADD', 'z', 'nx'],
      ['ZADD', 'z', 'abc', 'a'],
      ['ZADD', 'z', '1', 'a', 'abc', 'b'],
      ['ZADD', 'z', 'nan', 'a'],
      ['ZADD', 'z', 'NaN', 'a'],
      ['ZADD', 'z', '', 'a'],
      ['ZADD', 'z', ' 1', 'a'],
      ['ZADD', 'z', '1 ', 'a'],
      ['ZADD', 'z', '1e400', 'a'],
      ['ZADD', 'z', '1e-400', 'a'],
      ['ZADD', 'z', '0e-400', 'zero'],
      ['ZADD', 'z', '4.9e-324', 'tiny'],
      ['ZADD', 'nokey', 'XX', '1', 'a'],
      ['EXISTS', 'nokey'],
      ['ZADD', 'nokey', 'XX', 'INCR', '1', 'a'],
      ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
      ['ZCARD', 'z'],
      enc('z'),
    ]);
    await batch('scores', [
      ['ZADD', 's', '1e300', 'big', '-0', 'negzero', 'inf', 'pinf', '-inf', 'ninf', '0.1', 'tenth'],
      ['ZADD', 's', '+inf', 'pinf2', '-Infinity', 'ninf2', '0x10', 'hex', '0x1p-2', 'hexp', '1.', 'dot1'],
      [
        'ZADD',
        's',
        '.5',
        'half',
        '1e17',
        'e17',
        '123456789012345678',
        'long',
        '-1.5e-7',
        'small',
        '1E3',
        'cap',
      ],
      ['ZADD', 's', '0x', 'bad'],
      ['ZADD', 's', '1e', 'bad'],
      ['ZADD', 's', '+', 'bad'],
      ['ZADD', 's', '.', 'bad'],
      ['ZADD', 's', 'infinit', 'bad'],
      ['ZRANGE', 's', '0', '-1', 'WITHSCORES'],
      ['ZSCORE', 's', 'negzero'],
      ['ZSCORE', 's', 'tenth'],
      ['ZSCORE', 's', 'pinf'],
      ['ZSCORE', 's', 'ninf'],
      ['ZSCORE', 's', 'big'],
      ['ZSCORE', 's', 'nosuch'],
      ['ZSCORE', 'nokey', 'a'],
      ['ZMSCORE', 's', 'big', 'nosuch', 'tenth'],
      ['ZMSCORE', 'nokey', 'a', 'b'],
      ['ZINCRBY', 's', '0.2', 'tenth'],
      ['ZINCRBY', 's', '1', 'newmember'],
      ['ZINCRBY', 's', '-inf', 'pinf'],
      ['ZINCRBY', 's', 'inf', 'pinf'],
      ['ZINCRBY', 's', 'abc', 'x'],
      ['ZINCRBY', 's', 'nx', 'x'],
      ['ZINCRBY', 'newz', '2.5', 'm'],
      ['ZADD', 's', 'INCR', 'inf', 'ninf'],
      ['ZSCAN', 's', '0'],
      enc('s'),
    ]);
  });

  it('encodings and conversions', async () => {
    await resetBoth(d);
    await d.both('CONFIG', 'SET', 'zset-max-listpack-entries', '4');
    await d.both('CONFIG', 'SET', 'zset-max-listpack-value', '8');
    await events.collect();
    const long = 'x'.repeat(9);
    await batch('conversions', [
      ['ZADD', 'a', '1', 'm1', '2', 'm2', '3', 'm3', '4', 'm4'],
      enc('a'),
      ['ZADD', 'a', '5', 'm5'],
      enc('a'),
      ['ZREM', 'a', 'm1', 'm2', 'm3', 'm4'],
      enc('a'),
      ['ZADD', 'b', '1', long],
      enc('b'),
      ['ZADD', 'c', '1', 'short', '2', long],
      enc('c'),
      ['ZADD', 'd', '1', 'short'],
      ['ZADD', 'd', '2', long],
      enc('d'),
      ['ZADD', 'e', '-0', 'z1', '-0', 'z0'],
      ['ZSCORE', 'e', 'z1'],
      ['ZADD', 'f', '1', 'p', '2', 'q', '3', 'r', '4', 's', '5', 't', '-0', 'nz'],
      ['ZSCORE', 'f', 'nz'],
      enc('f'),
      ['ZUNIONSTORE', 'u1', '1', 'a'],
      enc('u1'),
      ['ZUNIONSTORE', 'u2', '1', 'f'],
      enc('u2'),
      ['ZINTERSTORE', 'u3', '2', 'f', 'f'],
      enc('u3'),
      ['ZDIFFSTORE', 'u4', '1', 'c'],
      enc('u4'),
      ['ZUNIONSTORE', 'u5', '2', 'f', 'b'],
      enc('u5'),
      ['ZSCORE', 'u2', 'nz'],
      ['ZRANGESTORE', 'r1', 'f', '0', '3'],
      enc('r1'),
      ['ZRANGESTORE', 'r2', 'f', '0', '-1'],
      enc('r2'),
      ['ZRANGESTORE', 'r3', 'f', '-inf', '+inf', 'BYSCORE'],
      enc('r3'),
      ['ZRANGESTORE', 'r4', 'c', '0', '-1'],
      enc('r4'),
      ['COPY', 'f', 'fcopy'],
      enc('fcopy'),
      ['ZRANGE', 'fcopy', '0', '-1', 'WITHSCORES'],
      ['TYPE', 'f'],
    ]);
    await d.both('CONFIG', 'SET', 'zset-max-listpack-entries', '0');
    await batch('entries 0', [['ZADD', 'g', '1', 'a'], enc('g'), ['ZADD', 'g', '2', 'b'], enc('g')]);
    await d.both('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    await d.both('CONFIG', 'SET', 'zset-max-listpack-value', '64');
    const many: Cmd = ['ZADD', 'h'];
    for (let i = 0; i < 129; i++) many.push(String(i % 7), `m${i}`);
    await batch('129 entries', [many, enc('h'), ['ZCARD', 'h'], ['ZRANGE', 'h', '100', '110', 'WITHSCORES']]);
  });

  it('ranges by rank, score and lex', async () => {
    await resetBoth(d);
    await events.collect();
    await d.both(
      'ZADD',
      'z',
      '1',
      'a',
      '2',
      'b',
      '2',
      'bb',
      '3',
      'c',
      '4',
      'd',
      '5',
      'e',
      '-inf',
      'lo',
      '+inf',
      'hi',
    );
    await d.both('ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e', '0', 'f', '0', 'g');
    await d.both('SET', 'str', 'x');
    const cases: Cmd[] = [];
    const ranks = [
      ['0', '-1'],
      ['2', '4'],
      ['-3', '-1'],
      ['5', '2'],
      ['-100', '100'],
      ['7', '7'],
      ['8', '9'],
    ];
    for (const [a, b] of ranks) {
      cases.push(
        ['ZRANGE', 'z', a!, b!],
        ['ZRANGE', 'z', a!, b!, 'REV', 'WITHSCORES'],
        ['ZREVRANGE', 'z', a!, b!],
      );
    }
    const scores = [
      ['-inf', '+inf'],
      ['2', '4'],
      ['(2', '4'],
      ['2', '(4'],
      ['(2', '(2'],
      ['5', '1'],
      ['', ''],
      ['(', '3'],
    ];
    for (const [a, b] of scores) {
      cases.push(
        ['ZRANGEBYSCORE', 'z', a!, b!, 'WITHSCORES'],
        ['ZREVRANGEBYSCORE', 'z', b!, a!],
        ['ZRANGE', 'z', a!, b!, 'BYSCORE', 'LIMIT', '1', '2'],
        ['ZRANGE', 'z', b!, a!, 'BYSCORE', 'REV', 'LIMIT', '1', '-1'],
        ['ZCOUNT', 'z', a!, b!],
      );
    }
    const lex = [
      ['-', '+'],
      ['[b', '[d'],
      ['(b', '(d'],
      ['[d', '[b'],
      ['+', '-'],
      ['(a', '[a'],
      ['-', '(c'],
      ['[c', '+'],
    ];
    for (const [a, b] of lex) {
      cases.push(
        ['ZRANGEBYLEX', 'l', a!, b!],
        ['ZREVRANGEBYLEX', 'l', b!, a!, 'LIMIT', '1', '3'],
        ['ZRANGE', 'l', a!, b!, 'BYLEX', 'LIMIT', '0', '2'],
        ['ZLEXCOUNT', 'l', a!, b!],
      );
    }
    await batch('ranges', [
      ...cases,
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '-1', '2'],
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '100', '2'],
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '2', '0'],
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', '2'],
      ['ZRANGEBYSCORE', 'z', '-inf', '+inf', 'LIMIT', 'x', '2'],
      ['ZRANGEBYSCORE', 'z', 'x', '2'],
      ['ZRANGEBYSCORE', 'z', 'nan', '2'],
      ['ZRANGEBYSCORE', 'z', '1', '2', 'REV'],
      ['ZRANGEBYSCORE', 'z', '1', '2', 'BYLEX'],
      ['ZRANGEBYSCORE', 'z', '(1e400', '+inf'],
      ['ZRANGEBYSCORE', 'z', ' 2', '0x3'],
      ['ZRANGE', 'z', '0', '1', 'LIMIT', '0', '1'],
      ['ZRANGE', 'l', '-', '+', 'BYLEX', 'WITHSCORES'],
      ['ZRANGE', 'z', '0', '1', 'BYSCORE', 'BYLEX'],
      ['ZRANGE', 'z', '0', 'x'],
      ['ZRANGE', 'z', '0', '1', 'FOO'],
      ['ZRANGE', 'z', '0', '1', 'REV', 'REV'],
      ['ZRANGEBYLEX', 'l', 'b', 'd'],
      ['ZRANGEBYLEX', 'l', '', '+'],
      ['ZRANGEBYLEX', 'l', '-x', '+'],
      ['ZRANGEBYLEX', 'l', '[b', '[d', 'WITHSCORES'],
      ['ZLEXCOUNT', 'l', 'x', '+'],
      ['ZCOUNT', 'z', 'x', '1'],
      ['ZRANGE', 'nokey', '0', '-1'],
      ['ZRANGE', 'str', '0', '-1'],
      ['ZRANGE', 'str', '0', 'x'],
      ['ZRANGEBYSCORE', 'str', 'x', '1'],
      ['ZCOUNT', 'str', '1', '2'],
      ['ZCOUNT', 'str', 'x', '2'],
      ['ZLEXCOUNT', 'nokey', '-', '+'],
      ['ZRANK', 'z', 'c'],
      ['ZREVRANK', 'z', 'c'],
      ['ZRANK', 'z', 'nosuch'],
      ['ZRANK', 'nokey', 'a'],
      ['ZRANK', 'str', 'a'],
      ['ZCARD', 'nokey'],
      ['ZCARD', 'str'],
      ['ZRANGESTORE', 'dst', 'z', '1', '3'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'dst', 'z', '5', '1', 'BYSCORE', 'REV', 'LIMIT', '0', '2'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'dst', 'l', '[b', '(e', 'BYLEX'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'dst', 'z', '10', '20'],
      ['EXISTS', 'dst'],
      ['ZRANGESTORE', 'dst', 'nokey', '0', '-1'],
      ['ZRANGESTORE', 'dst', 'z', '0', '-1', 'WITHSCORES'],
      ['ZRANGESTORE', 'str', 'z', '0', '0'],
      ['TYPE', 'str'],
    ]);
  });

  it('removals and pops', async () => {
    await resetBoth(d);
    await events.collect();
    const fill: Cmd = ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e', '6', 'f'];
    await d.both('SET', 'str', 'x');
    await batch('removals', [
      fill,
      ['ZREM', 'z', 'a', 'nosuch', 'b'],
      ['ZREM', 'z', 'nosuch'],
      ['ZREM', 'nokey', 'a'],
      ['ZREM', 'str', 'a'],
      ['ZREMRANGEBYRANK', 'z', '0', '0'],
      ['ZREMRANGEBYRANK', 'z', '5', '10'],
      ['ZREMRANGEBYRANK', 'z', 'x', '1'],
      ['ZREMRANGEBYSCORE', 'z', '(4', '5'],
      ['ZREMRANGEBYSCORE', 'z', 'x', '5'],
      ['ZREMRANGEBYSCORE', 'str', 'x', '5'],
      ['ZREMRANGEBYSCORE', 'str', '1', '5'],
      ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
      ['ZREMRANGEBYRANK', 'z', '0', '-1'],
      ['EXISTS', 'z'],
      ['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd'],
      ['ZREMRANGEBYLEX', 'l', '[b', '(d'],
      ['ZREMRANGEBYLEX', 'l', 'b', '(d'],
      ['ZREMRANGEBYLEX', 'l', '-', '+'],
      ['EXISTS', 'l'],
      ['ZREM', 'nokey'],
    ]);
    await batch('pops', [
      fill,
      ['ZPOPMIN', 'z'],
      ['ZPOPMAX', 'z'],
      ['ZPOPMIN', 'z', '2'],
      ['ZPOPMAX', 'z', '0'],
      ['ZPOPMAX', 'z', '-1'],
      ['ZPOPMAX', 'z', 'x'],
      ['ZPOPMAX', 'z', '1', '2'],
      ['ZPOPMIN', 'nokey'],
      ['ZPOPMIN', 'nokey', '3'],
      ['ZPOPMIN', 'str'],
      ['ZPOPMAX', 'z', '10'],
      ['EXISTS', 'z'],
      fill,
      ['ZMPOP', '2', 'nokey', 'z', 'MIN'],
      ['ZMPOP', '2', 'nokey', 'z', 'max', 'COUNT', '2'],
      ['ZMPOP', '1', 'nokey', 'MIN'],
      ['ZMPOP', '0', 'z', 'MIN'],
      ['ZMPOP', 'x', 'z', 'MIN'],
      ['ZMPOP', '1', 'z', 'MIDDLE'],
      ['ZMPOP', '2', 'z', 'MIN'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '0'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '1', 'COUNT', '1'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT'],
      ['ZMPOP', '2', 'str', 'z', 'MIN'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '100'],
      ['EXISTS', 'z'],
      fill,
      ['BZPOPMIN', 'nokey', 'z', '0'],
      ['BZPOPMAX', 'z', '0.5'],
      ['BZPOPMAX', 'z', 'x'],
      ['BZPOPMAX', 'z', '-1'],
      ['BZPOPMIN', 'str', '0'],
      ['BZMPOP', '0', '1', 'z', 'MAX', 'COUNT', '2'],
      ['BZMPOP', 'x', '1', 'z', 'MAX'],
      ['BZMPOP', '0', '0', 'z', 'MAX'],
      ['MULTI'],
      ['BZPOPMIN', 'nokey', '0'],
      ['BZMPOP', '0', '1', 'nokey', 'MIN'],
      ['EXEC'],
    ]);
  });

  it('ZUNION ZINTER ZDIFF and their STORE forms, with sets as inputs', async () => {
    await resetBoth(d);
    await events.collect();
    await d.both('ZADD', 'z1', '1', 'a', '2', 'b', '3', 'c');
    await d.both('ZADD', 'z2', '10', 'b', '20', 'c', '30', 'd');
    await d.both('ZADD', 'zi', 'inf', 'a', '-inf', 'b');
    await d.both('SADD', 's1', 'a', 'd', 'e');
    await d.both('SADD', 's2', '1', '2', '3');
    await d.both('SET', 'str', 'x');
    const ops: Cmd[] = [];
    for (const op of ['ZUNION', 'ZINTER']) {
      ops.push(
        [op, '2', 'z1', 'z2'],
        [op, '2', 'z1', 'z2', 'WITHSCORES'],
        [op, '2', 'z1', 'z2', 'WEIGHTS', '2', '0.5', 'WITHSCORES'],
        [op, '2', 'z1', 'z2', 'AGGREGATE', 'MIN', 'WITHSCORES'],
        [op, '2', 'z1', 'z2', 'AGGREGATE', 'max', 'WITHSCORES'],
        [op, '3', 'z1', 's1', 'z2', 'WITHSCORES'],
        [op, '2', 's2', 'z1', 'WITHSCORES'],
        [op, '2', 'zi', 'zi', 'WITHSCORES'],
        [op, '2', 'zi', 'z1', 'WEIGHTS', '0', '1', 'WITHSCORES'],
        [op, '2', 'zi', 'z1', 'WEIGHTS', '-1', '1', 'WITHSCORES'],
        [op, '2', 'z1', 'nokey', 'WITHSCORES'],
        [op, '2', 'z1', 'z2', 'WEIGHTS', '1'],
        [op, '2', 'z1', 'z2', 'WEIGHTS', '1', 'x'],
        [op, '2', 'z1', 'z2', 'AGGREGATE', 'AVG'],
        [op, '2', 'z1', 'z2', 'AGGREGATE'],
        [op, '0', 'z1'],
        [op, '-1', 'z1'],
        [op, '3', 'z1', 'z2'],
        [op, 'x', 'z1'],
        [op, '2', 'z1', 'str'],
        [op, '2', 'z1', 'str', 'BADOPT'],
        [op, '1', 'z1', 'WITHSCORES', 'WITHSCORES'],
      );
    }
    await batch('algebra', [
      ...ops,
      ['ZDIFF', '2', 'z1', 'z2', 'WITHSCORES'],
      ['ZDIFF', '2', 'z1', 's1', 'WITHSCORES'],
      ['ZDIFF', '2', 's1', 'z1', 'WITHSCORES'],
      ['ZDIFF', '2', 'z1', 'z1'],
      ['ZDIFF', '1', 'nokey'],
      ['ZDIFF', '2', 'z1', 'z2', 'WEIGHTS', '1', '2'],
      ['ZDIFF', '0', 'z1'],
      ['ZUNIONSTORE', 'dst', '2', 'z1', 'z2', 'WEIGHTS', '1', '2'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZINTERSTORE', 'dst', '2', 'z1', 'z2', 'AGGREGATE', 'MAX'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZDIFFSTORE', 'dst', '2', 'z1', 'z2'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['ZINTERSTORE', 'dst', '2', 'z1', 's2'],
      ['EXISTS', 'dst'],
      ['ZUNIONSTORE', 'dst', '1', 'nokey'],
      ['ZUNIONSTORE', 'dst', '2', 'z1', 'z2', 'WITHSCORES'],
      ['ZUNIONSTORE', 'str', '1', 'z1'],
      ['TYPE', 'str'],
      ['ZUNIONSTORE', 'z1', '2', 'z1', 'z2'],
      ['ZRANGE', 'z1', '0', '-1', 'WITHSCORES'],
      ['ZINTERCARD', '2', 'z1', 'z2'],
      ['ZINTERCARD', '2', 'z1', 'z2', 'LIMIT', '1'],
      ['ZINTERCARD', '2', 'z1', 'z2', 'LIMIT', '0'],
      ['ZINTERCARD', '2', 'z1', 'z2', 'LIMIT', '-1'],
      ['ZINTERCARD', '2', 'z1', 'z2', 'LIMIT', 'x'],
      ['ZINTERCARD', '2', 'z1', 's1'],
      ['ZINTERCARD', '2', 'z1', 'z2', 'WEIGHTS', '1', '1'],
      ['ZINTERCARD', '0', 'z1'],
      ['ZINTERCARD', '1', 'str'],
    ]);
  });

  it('ZSCAN and ZRANDMEMBER', async () => {
    await resetBoth(d);
    await d.both('ZADD', 'small', '1', 'a', '2.5', 'b', '1e17', 'c', '-0', 'd', 'inf', 'e');
    const big: Cmd = ['ZADD', 'big'];
    for (let i = 0; i < 200; i++) big.push(String(i / 4), `m${i}`);
    await d.both(...big);
    await d.both('SET', 'str', 'x');
    await d.checkAll([
      ['ZSCAN', 'small', '0'],
      ['ZSCAN', 'small', '0', 'MATCH', 'a*'],
      ['ZSCAN', 'small', '0', 'COUNT', '0'],
      ['ZSCAN', 'small', '0', 'COUNT', 'x'],
      ['ZSCAN', 'small', 'x'],
      ['ZSCAN', 'nokey', '0', 'BAD'],
      ['ZSCAN', 'nokey', 'x'],
      ['ZSCAN', 'str', '0'],
      ['ZSCAN', 'small', '0', 'TYPE', 'zset'],
    ]);
    // Full walks of a skiplist-encoded set: same member/score pairs, in any order.
    const walk = async (which: 'ours' | 'theirs', match?: string): Promise<string[]> => {
      const out: string[] = [];
      let cursor = '0';
      for (let n = 0; n < 1000; n++) {
        const args = ['ZSCAN', 'big', cursor, 'COUNT', '7', ...(match ? ['MATCH', match] : [])];
        const [ours, theirs] = await d.both(...args);
        const r = which === 'ours' ? ours! : theirs;
        if (r.t !== 'array') throw new Error('bad ZSCAN reply');
        const [c, items] = r.a;
        cursor = c!.t === 'bulk' ? String.fromCharCode(...c!.b) : '0';
        if (items!.t !== 'array') throw new Error('bad ZSCAN page');
        for (let i = 0; i < items!.a.length; i += 2) {
          const m = items!.a[i]!;
          const s = items!.a[i + 1]!;
          if (m.t === 'bulk' && s.t === 'bulk')
            out.push(`${String.fromCharCode(...m.b)}=${String.fromCharCode(...s.b)}`);
        }
        if (cursor === '0') break;
      }
      return [...new Set(out)].sort();
    };
    for (const match of [undefined, 'm1*']) {
      const ours = await walk('ours', match);
      const theirs = await walk('theirs', match);
      d.total++;
      if (JSON.stringify(ours) === JSON.stringify(theirs)) d.matched++;
      else d.mismatches.push(`ZSCAN big walk ${match}: ${ours.length} vs ${theirs.length}`);
    }
    await d.checkAll(
      [
        ['ZRANDMEMBER', 'nokey'],
        ['ZRANDMEMBER', 'nokey', '5'],
        ['ZRANDMEMBER', 'str'],
        ['ZRANDMEMBER', 'small', '0'],
        ['ZRANDMEMBER', 'small', 'x'],
        ['ZRANDMEMBER', 'small', '1', 'WITHSCORE'],
        ['ZRANDMEMBER', 'small', '1', 'WITHSCORES', 'x'],
        ['ZRANDMEMBER', 'small', '-9223372036854775808'],
        ['ZRANDMEMBER', 'small', '9223372036854775807', 'WITHSCORES'],
        ['ZRANDMEMBER', 'small', '5', 'WITHSCORES'],
        ['ZRANDMEMBER', 'small', '50', 'WITHSCORES'],
      ],
      { unordered: true },
    );
    // Properties of random replies.
    const props = (r: unknown): string => JSON.stringify(r);
    for (const [key, count, ws] of [
      ['small', '3', false],
      ['small', '-8', true],
      ['big', '10', true],
      ['big', '150', false],
      ['big', '-30', false],
      ['small', '1', true],
    ] as const) {
      const args = ['ZRANDMEMBER', key, count, ...(ws ? ['WITHSCORES'] : [])];
      const [ours] = await d.both(...args);
      const all = await d.real.call('ZRANGE', key, '0', '-1', 'WITHSCORES');
      const scoreOf = new Map<string, string>();
      if (all.t === 'array') {
        for (let i = 0; i < all.a.length; i += 2) {
          const m = all.a[i]!;
          const s = all.a[i + 1]!;
          if (m.t === 'bulk' && s.t === 'bulk')
            scoreOf.set(String.fromCharCode(...m.b), String.fromCharCode(...s.b));
        }
      }
      const n = Number(count);
      const items = ours?.t === 'array' ? ours.a : [];
      const step = ws ? 2 : 1;
      const members = items
        .filter((_, i) => i % step === 0)
        .map((m) => (m.t === 'bulk' ? String.fromCharCode(...m.b) : '?'));
      const okCount = members.length === (n < 0 ? -n : Math.min(n, scoreOf.size));
      const okMembers = members.every((m) => scoreOf.has(m));
      const okDistinct = n < 0 || new Set(members).size === members.length;
      const okScores =
        !ws || items.every((s, i) => i % 2 === 0 || (s.t === 'double' && scoreOf.has(members[(i - 1) / 2]!)));
      d.total++;
      if (okCount && okMembers && okDistinct && okScores) d.matched++;
      else
        d.mismatches.push(
          `ZRANDMEMBER properties ${args.join(' ')}: ${props([okCount, okMembers, okDistinct, okScores])}`,
        );
    }
  });

  it('edge cases: binary members, bounds, sums order, limits', async () => {
    await resetBoth(d);
    await events.collect();
    const nul = (s: string): Uint8Array =>
      Uint8Array.from([...s].map((ch) => (ch === '~' ? 0 : ch.charCodeAt(0))));
    await d.both('SET', 'str', 'x');
    await batch('binary', [
      [
        'ZADD',
        'bin',
        '0',
        nul('a~b'),
        '0',
        nul('a'),
        '0',
        nul('a~'),
        '0',
        nul('~'),
        '0',
        Uint8Array.from([255, 1]),
      ],
      ['ZRANGE', 'bin', '0', '-1'],
      ['ZRANGEBYLEX', 'bin', nul('[a~'), '+'],
      ['ZRANGEBYLEX', 'bin', nul('(a'), nul('[a~z')],
      ['ZRANGEBYLEX', 'bin', nul('+~x'), '+'],
      ['ZRANGEBYLEX', 'bin', nul('-~x'), nul('+')],
      ['ZLEXCOUNT', 'bin', '[', '+'],
      ['ZSCORE', 'bin', nul('a~b')],
      ['ZRANGEBYSCORE', 'bin', nul('0~x'), nul('(1~')],
      ['ZRANGEBYSCORE', 'bin', '( 0', '0x1p0'],
      ['ZRANGEBYSCORE', 'bin', '-0', '+0'],
      ['ZRANGEBYSCORE', 'bin', '(-0', '+0'],
      ['ZCOUNT', 'bin', '-1e-400', '1e-400'],
      ['ZCOUNT', 'bin', '(0', '(0'],
      ['ZCOUNT', 'bin', '0', '(0'],
      ['ZCOUNT', 'bin', '0', '-1'],
    ]);
    await batch('mixed-score lex on a listpack', [
      ['ZADD', 'mix', '1', 'd', '2', 'a', '3', 'c', '4', 'b', '5', 'e'],
      ['ZRANGEBYLEX', 'mix', '[b', '[d'],
      ['ZREVRANGEBYLEX', 'mix', '[d', '[b'],
      ['ZLEXCOUNT', 'mix', '[b', '[d'],
      ['ZLEXCOUNT', 'mix', '-', '[c'],
      ['ZRANGEBYLEX', 'mix', '(a', '+', 'LIMIT', '1', '2'],
      ['ZREMRANGEBYLEX', 'mix', '[c', '[d'],
      ['ZRANGE', 'mix', '0', '-1'],
    ]);
    await batch('sum order', [
      ['ZADD', 'p', '0.1', 'x', '1e16', 'y'],
      ['ZADD', 'q', '0.2', 'x', '1', 'y', '5', 'q1', '6', 'q2'],
      ['ZADD', 'r', '0.3', 'x', '-1e16', 'y', '1', 'r1', '2', 'r2', '3', 'r3'],
      ['ZUNION', '3', 'r', 'q', 'p', 'WITHSCORES'],
      ['ZUNION', '3', 'p', 'q', 'r', 'WITHSCORES'],
      ['ZINTER', '3', 'r', 'p', 'q', 'WITHSCORES'],
      ['ZINTER', '3', 'r', 'p', 'q', 'WEIGHTS', '0.7', '1.3', '3.1', 'WITHSCORES'],
      ['ZUNION', '2', 'p', 'q', 'WEIGHTS', 'inf', '-inf', 'WITHSCORES'],
      ['ZUNION', '2', 'p', 'q', 'WEIGHTS', '1e308', '1e308', 'WITHSCORES'],
      ['ZINTER', '2', 'p', 'q', 'WEIGHTS', 'inf', '-inf', 'AGGREGATE', 'MIN', 'WITHSCORES'],
      ['ZUNION', '1', 'p', 'WEIGHTS', '1e400'],
      ['ZUNION', '1', 'p', 'WEIGHTS', 'nan'],
    ]);
    await d.both('CONFIG', 'SET', 'zset-max-listpack-value', '4');
    await batch('value limit boundary', [
      ['ZADD', 'v4', '1', 'abcd'],
      enc('v4'),
      ['ZADD', 'v5', '1', 'abcde'],
      enc('v5'),
      ['ZADD', 'v4', '2', 'abcde'],
      enc('v4'),
      ['ZADD', 'vx', 'XX', '1', 'abcdef'],
      ['ZADD', 'vn', 'NX', '1', 'ab', '2', 'abcdefg'],
      enc('vn'),
      ['ZRANGESTORE', 'vs', 'vn', '0', '0'],
      enc('vs'),
      ['ZRANGESTORE', 'vs2', 'vn', '0', '-1'],
      enc('vs2'),
    ]);
    await d.both('CONFIG', 'SET', 'zset-max-listpack-value', '64');
    await batch('wrong types', [
      ['ZSCORE', 'str', 'a'],
      ['ZMSCORE', 'str', 'a'],
      ['ZINCRBY', 'str', '1', 'a'],
      ['ZADD', 'str', '1', 'a'],
      ['ZADD', 'str', 'x', 'a'],
      ['ZRANDMEMBER', 'str', '1'],
      ['ZRANDMEMBER', 'str', 'x'],
      ['ZREMRANGEBYRANK', 'str', '0', '1'],
      ['ZREMRANGEBYLEX', 'str', '-', '+'],
      ['ZINTERCARD', '2', 'str', 'nokey'],
      ['ZRANGEBYLEX', 'str', '-', '+'],
      ['ZREVRANGE', 'str', '0', '1'],
      ['ZUNIONSTORE', 'dst', '1', 'str'],
      ['ZDIFF', '2', 'nokey', 'str'],
    ]);
  });

  it('RESP3 shapes', async () => {
    await resetBoth(d);
    await d.both('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '-0.5', 'd');
    await d.both('HELLO', '3');
    await d.checkAll(
      [
        ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'],
        ['ZRANGEBYSCORE', 'z', '-inf', 'inf', 'WITHSCORES', 'LIMIT', '1', '2'],
        ['ZSCORE', 'z', 'd'],
        ['ZMSCORE', 'z', 'a', 'x'],
        ['ZINCRBY', 'z', '1.5', 'a'],
        ['ZADD', 'z', 'INCR', '1', 'a'],
        ['ZUNION', '1', 'z', 'WITHSCORES'],
        ['ZINTER', '1', 'z', 'WITHSCORES'],
        ['ZDIFF', '1', 'z', 'WITHSCORES'],
        ['ZRANDMEMBER', 'z', '10', 'WITHSCORES'],
        ['ZPOPMIN', 'z'],
        ['ZPOPMIN', 'z', '1'],
        ['ZPOPMAX', 'z', '5'],
        ['ZADD', 'z', '1', 'a', '2', 'b'],
        ['ZMPOP', '1', 'z', 'MIN'],
        ['BZPOPMAX', 'z', '0'],
        ['ZMPOP', '1', 'z', 'MIN'],
        ['ZRANK', 'z', 'x'],
        ['ZSCORE', 'z', 'x'],
      ],
      { unordered: false },
    );
    await d.both('HELLO', '2');
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});
