/*
 * Differential hand cases for the hash family against a real redis-server: every command with its
 * errors, listpack -> hashtable conversions at both thresholds (and with other config values), reply
 * order of listpack hashes, binary fields, HINCRBY* limits, HRANDFIELD count rules (as properties),
 * HSCAN on both encodings, keyspace events, dirty and hit/miss counters, RESP3 reply shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import {
  checkEncoding,
  checkFullWalk,
  backToResp2,
  checkRandom,
  checkWatch,
  freshBatch,
  redisHash,
  sortedPairs,
  type Cmd,
} from './hashes-helpers.ts';
import { batchCheck, EventRecorder, resetBoth } from './strings-helpers.ts';

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

describe('differential hashes', () => {
  const d = useDifferential('hashes');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = async (label: string, cmds: Cmd[]): Promise<void> => {
    await freshBatch(d, events);
    await batchCheck(d, events, label, cmds);
  };

  it('field commands, missing keys, wrong types and arity', async () => {
    await resetBoth(d);
    await batch('hash basics', [
      ['SET', 'str', 'x'],
      ['HSET', 'h', 'a', '1', 'b', '2', 'c', '3'],
      ['HSET', 'h', 'a', '10', 'd', '4'],
      ['HSET', 'h', 'a'],
      ['HSET', 'h', 'a', '1', 'b'],
      ['HSET', 'h'],
      ['HMSET', 'h', 'e', '5', 'a', '11'],
      ['HMSET', 'h', 'e'],
      ['HMSET', 'h', 'e', '5', 'f'],
      ['HGET', 'h', 'a'],
      ['HGET', 'h', 'zz'],
      ['HGET', 'nokey', 'a'],
      ['HGET', 'str', 'a'],
      ['HMGET', 'h', 'a', 'zz', 'b'],
      ['HMGET', 'nokey', 'a', 'b'],
      ['HMGET', 'str', 'a'],
      ['HGETALL', 'h'],
      ['HGETALL', 'nokey'],
      ['HGETALL', 'str'],
      ['HKEYS', 'h'],
      ['HVALS', 'h'],
      ['HKEYS', 'nokey'],
      ['HVALS', 'str'],
      ['HLEN', 'h'],
      ['HLEN', 'nokey'],
      ['HLEN', 'str'],
      ['HEXISTS', 'h', 'a'],
      ['HEXISTS', 'h', 'zz'],
      ['HEXISTS', 'nokey', 'a'],
      ['HEXISTS', 'str', 'a'],
      ['HSTRLEN', 'h', 'a'],
      ['HSTRLEN', 'h', 'zz'],
      ['HSTRLEN', 'nokey', 'a'],
      ['HSTRLEN', 'str', 'a'],
      ['HSETNX', 'h', 'a', 'x'],
      ['HSETNX', 'h', 'new', 'x'],
      ['HSETNX', 'h2', 'f', 'v'],
      ['HSETNX', 'str', 'f', 'v'],
      ['HSET', 'str', 'f', 'v'],
      ['HMSET', 'str', 'f', 'v'],
      ['HDEL', 'h', 'a', 'a', 'zz', 'b'],
      ['HDEL', 'nokey', 'a'],
      ['HDEL', 'str', 'a'],
      ['HDEL', 'h2', 'f', 'g'],
      ['EXISTS', 'h2'],
      ['HGETALL', 'h'],
      ['HGET', 'h'],
      ['HMGET', 'h'],
      ['HLEN', 'h', 'x'],
      ['HDEL', 'h'],
      ['TYPE', 'h'],
    ]);
    await batch('hdel all then more', [
      ['HSET', 'h3', 'a', '1', 'b', '2'],
      ['HDEL', 'h3', 'a', 'b', 'c'],
      ['EXISTS', 'h3'],
    ]);
    await checkEncoding(d, 'h');
  });

  it('listpack keeps insertion order, in-place updates and re-added fields at the end', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['HSET', 'o', 'z', '1', 'y', '2', 'x', '3', '10', 'n', '-5', 'neg'],
      ['HSET', 'o', 'y', 'updated'],
      ['HDEL', 'o', 'z'],
      ['HSET', 'o', 'z', 'back'],
      ['HINCRBY', 'o', 'x', '7'],
      ['HINCRBYFLOAT', 'o', 'new', '1.5'],
      ['HGETALL', 'o'],
      ['HKEYS', 'o'],
      ['HVALS', 'o'],
      ['HSCAN', 'o', '0'],
      ['HSCAN', 'o', '0', 'MATCH', '*z*'],
      ['HSCAN', 'o', '12345', 'COUNT', '1'],
      ['HRANDFIELD', 'o', '100'],
      ['HRANDFIELD', 'o', '100', 'WITHVALUES'],
      ['OBJECT', 'ENCODING', 'o'],
    ]);
  });

  it('converts to hashtable past hash-max-listpack-entries and -value', async () => {
    await resetBoth(d);
    const fields = range(128, (i) => `f${i}`).flatMap((f) => [f, 'v']);
    await d.check(['HSET', 'big', ...fields]);
    await checkEncoding(d, 'big');
    await d.check(['HSET', 'big', 'f129', 'v']);
    await checkEncoding(d, 'big');
    await d.check(['HDEL', 'big', ...range(120, (i) => `f${i}`)]);
    await checkEncoding(d, 'big');
    await d.check(['HGETALL', 'big'], { project: sortedPairs });
    await d.check(['HKEYS', 'big'], { unordered: true });
    await d.check(['HVALS', 'big'], { unordered: true });
    const v64 = 'v'.repeat(64);
    const v65 = 'v'.repeat(65);
    const cases: [string, Cmd][] = [
      ['val64', ['HSET', 'val64', 'f', v64]],
      ['val65', ['HSET', 'val65', 'f', v65]],
      ['field65', ['HSET', 'field65', v65, 'v']],
      ['nx65', ['HSETNX', 'nx65', 'f', v65]],
      ['mset65', ['HMSET', 'mset65', 'a', '1', 'b', v65]],
      ['incr65', ['HINCRBY', 'incr65', v65, '1']],
      ['incrf65', ['HINCRBYFLOAT', 'incrf65', v65, '1.5']],
    ];
    for (const [key, cmd] of cases) {
      await d.check(cmd);
      await checkEncoding(d, key);
    }
    // An existing field: HSETNX does not convert; an update with a long value does.
    await d.checkAll([
      ['HSET', 'upd', 'f', 'short'],
      ['HSETNX', 'upd', 'f', v65],
    ]);
    await checkEncoding(d, 'upd');
    await d.check(['HSET', 'upd', 'f', v65]);
    await checkEncoding(d, 'upd');
  });

  it('honours other thresholds set with CONFIG SET (and the ziplist aliases)', async () => {
    await resetBoth(d);
    try {
      await d.checkAll([
        ['CONFIG', 'SET', 'hash-max-listpack-entries', '2'],
        ['CONFIG', 'SET', 'hash-max-ziplist-value', '3'],
        ['HSET', 'a', 'f1', 'v', 'f2', 'v'],
        ['OBJECT', 'ENCODING', 'a'],
        ['HSET', 'a', 'f3', 'v'],
        ['OBJECT', 'ENCODING', 'a'],
        ['HSET', 'b', 'f', 'abcd'],
        ['OBJECT', 'ENCODING', 'b'],
        ['HSET', 'c', 'f', 'abc'],
        ['OBJECT', 'ENCODING', 'c'],
        ['HINCRBY', 'c', 'f2', '1000'],
        ['OBJECT', 'ENCODING', 'c'],
        ['CONFIG', 'SET', 'hash-max-listpack-entries', '0'],
        ['HSET', 'z', 'f', 'v'],
        ['OBJECT', 'ENCODING', 'z'],
      ]);
    } finally {
      await d.both('CONFIG', 'SET', 'hash-max-listpack-entries', '128');
      await d.both('CONFIG', 'SET', 'hash-max-listpack-value', '64');
    }
  });

  it('HINCRBY and HINCRBYFLOAT: values, limits and errors', async () => {
    await resetBoth(d);
    await batch('hincr', [
      ['SET', 'str', 'x'],
      ['HINCRBY', 'c', 'n', '5'],
      ['HINCRBY', 'c', 'n', '-10'],
      ['HINCRBY', 'c', 'n', 'x'],
      ['HINCRBY', 'c', 'n', '1.5'],
      ['HINCRBY', 'c', 'n', '9223372036854775807'],
      ['HINCRBY', 'c', 'big', '9223372036854775807'],
      ['HINCRBY', 'c', 'big', '1'],
      ['HINCRBY', 'c', 'small', '-9223372036854775808'],
      ['HINCRBY', 'c', 'small', '-1'],
      ['HINCRBY', 'c', 'n', '99999999999999999999'],
      ['HSET', 'c', 's', 'abc', 'sp', ' 1', 'f', '1.5', 'lz', '01', 'e', ''],
      ['HINCRBY', 'c', 's', '1'],
      ['HINCRBY', 'c', 'sp', '1'],
      ['HINCRBY', 'c', 'f', '1'],
      ['HINCRBY', 'c', 'lz', '1'],
      ['HINCRBY', 'c', 'e', '1'],
      ['HINCRBY', 'str', 'n', '1'],
      ['HINCRBY', 'str', 'n', 'x'],
      ['HINCRBYFLOAT', 'c', 'fl', '10.5'],
      ['HINCRBYFLOAT', 'c', 'fl', '0.1'],
      ['HINCRBYFLOAT', 'c', 'fl', '-5e3'],
      ['HINCRBYFLOAT', 'c', 'fl', '1e-17'],
      ['HINCRBYFLOAT', 'c', 'f', '0x1p-2'],
      ['HINCRBYFLOAT', 'c', 'n', '1'],
      ['HINCRBYFLOAT', 'c', 's', '1'],
      ['HINCRBYFLOAT', 'c', 'sp', '1'],
      ['HINCRBYFLOAT', 'c', 'e', '1'],
      ['HINCRBYFLOAT', 'c', 'fl', 'inf'],
      ['HINCRBYFLOAT', 'c', 'fl', '-infinity'],
      ['HINCRBYFLOAT', 'c', 'fl', 'nan'],
      ['HINCRBYFLOAT', 'c', 'fl', 'abc'],
      ['HINCRBYFLOAT', 'c', 'fl', ''],
      ['HINCRBYFLOAT', 'c', 'huge', '1e4000'],
      ['HINCRBYFLOAT', 'c', 'huge', '1e4000'],
      ['HINCRBYFLOAT', 'c', 'huge', '1.18e4932'],
      ['HSET', 'c', 'inf', 'inf'],
      ['HINCRBYFLOAT', 'c', 'inf', '1'],
      ['HINCRBYFLOAT', 'str', 'fl', '1'],
      ['HINCRBYFLOAT', 'str', 'fl', 'x'],
    ]);
    await d.check(['HGETALL', 'c'], { project: sortedPairs });
  });

  it('binary fields and values', async () => {
    await resetBoth(d);
    const bin1 = Uint8Array.from([0, 255, 13, 10, 128]);
    const bin2 = Uint8Array.from([0]);
    await d.checkAll([
      ['HSET', bin1, bin1, bin2, bin2, '', ''],
      ['HGET', bin1, bin1],
      ['HGET', bin1, bin2],
      ['HGET', bin1, ''],
      ['HSTRLEN', bin1, bin1],
      ['HGETALL', bin1],
      ['HSCAN', bin1, '0', 'MATCH', Uint8Array.from([0, 42])],
      ['HDEL', bin1, bin2],
      ['HKEYS', bin1],
    ]);
  });

  it('HRANDFIELD: count rules, WITHVALUES, errors (checked as properties)', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SET', 'str', 'x'],
      ['HRANDFIELD', 'nokey'],
      ['HRANDFIELD', 'nokey', '5'],
      ['HRANDFIELD', 'nokey', '-5', 'WITHVALUES'],
      ['HRANDFIELD', 'str'],
      ['HRANDFIELD', 'str', '3'],
      ['HRANDFIELD', 'str', 'x'],
      ['HRANDFIELD', 'nokey', 'x'],
      ['HRANDFIELD', 'nokey', '1', 'WITHVAL'],
      ['HRANDFIELD', 'nokey', '1', 'WITHVALUES', 'x'],
      ['HRANDFIELD', 'nokey', '-9223372036854775808'],
      ['HRANDFIELD', 'nokey', '9223372036854775807', 'WITHVALUES'],
      ['HRANDFIELD', 'nokey', '-4611686018427387904', 'WITHVALUES'],
      ['HRANDFIELD', 'nokey', '4611686018427387903', 'WITHVALUES'],
      ['HRANDFIELD', 'str', '1', 'WITHVALUES', 'x'],
    ]);
    for (const [key, n] of [
      ['small', 5],
      ['large', 300],
    ] as const) {
      await d.both('HSET', key, ...range(n, (i) => `f${i}`).flatMap((f, i) => [f, `v${i}`]));
      const m = await redisHash(d, key);
      const counts = ['0', '1', '2', '4', '5', '6', '100', '299', '300', '1000', '-1', '-3', '-20'];
      for (const count of counts) {
        const repeats = count.startsWith('-');
        await checkRandom(d, ['HRANDFIELD', key, count], m, { pairs: false, repeats });
        await checkRandom(d, ['HRANDFIELD', key, count, 'withvalues'], m, { pairs: true, repeats });
      }
      for (let i = 0; i < 5; i++) await checkRandom(d, ['HRANDFIELD', key], m);
      await d.both('HELLO', '3');
      await checkRandom(d, ['HRANDFIELD', key, '3', 'WITHVALUES'], m, { pairs: true, resp3Pairs: true });
      await checkRandom(d, ['HRANDFIELD', key, '-7', 'WITHVALUES'], m, {
        pairs: true,
        resp3Pairs: true,
        repeats: true,
      });
      await checkRandom(d, ['HRANDFIELD', key, '1000', 'WITHVALUES'], m, { pairs: true, resp3Pairs: true });
      await backToResp2(d);
    }
  });

  it('HSCAN: options, errors, listpack in one call, hashtable full walks', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SET', 'str', 'x'],
      ['HSET', 'lp', 'a1', '1', 'b1', '2', 'a2', '3'],
      ['HSCAN', 'lp', '0'],
      ['HSCAN', 'lp', '0', 'MATCH', 'a*'],
      ['HSCAN', 'lp', '0', 'match', 'a*', 'count', '1'],
      ['HSCAN', 'lp', '0', 'COUNT', '0'],
      ['HSCAN', 'lp', '0', 'COUNT', '-1'],
      ['HSCAN', 'lp', '0', 'COUNT', 'x'],
      ['HSCAN', 'lp', '0', 'TYPE', 'hash'],
      ['HSCAN', 'lp', '0', 'MATCH'],
      ['HSCAN', 'lp', '0', 'FOO', 'bar'],
      ['HSCAN', 'lp', 'x'],
      ['HSCAN', 'lp', '-1'],
      ['HSCAN', 'lp', ' 1'],
      ['HSCAN', 'lp', '18446744073709551616'],
      ['HSCAN', 'nokey', '0'],
      ['HSCAN', 'nokey', '0', 'FOO'],
      ['HSCAN', 'nokey', 'x'],
      ['HSCAN', 'str', '0'],
      ['HSCAN', 'str', 'x'],
      ['HSCAN', 'lp'],
    ]);
    await d.both('HSET', 'ht', ...range(500, (i) => `k${i}`).flatMap((f, i) => [f, `v${i}`]));
    await checkEncoding(d, 'ht');
    await checkFullWalk(d, 'HSCAN', 'ht', [], true);
    await checkFullWalk(d, 'HSCAN', 'ht', ['COUNT', '7'], true);
    await checkFullWalk(d, 'HSCAN', 'ht', ['MATCH', 'k1*', 'COUNT', '50'], true);
    await checkFullWalk(d, 'HSCAN', 'ht', ['COUNT', '1000'], true);
  });

  it('RESP3 reply types', async () => {
    await resetBoth(d);
    await d.both('HELLO', '3');
    try {
      await d.checkAll([
        ['HSET', 'h', 'a', '1', 'b', '2'],
        ['HGETALL', 'h'],
        ['HGETALL', 'nokey'],
        ['HKEYS', 'h'],
        ['HVALS', 'nokey'],
        ['HGET', 'nokey', 'a'],
        ['HMGET', 'h', 'a', 'zz'],
        ['HRANDFIELD', 'nokey'],
        ['HRANDFIELD', 'nokey', '3', 'WITHVALUES'],
        ['HRANDFIELD', 'h', '5', 'WITHVALUES'],
        ['HINCRBYFLOAT', 'h', 'a', '1.5'],
        ['HSCAN', 'h', '0'],
      ]);
    } finally {
      await backToResp2(d);
    }
  });

  it('COPY, RENAME and MULTI keep hashes intact', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['HSET', 'src', 'a', '1', 'b', '2'],
      ['COPY', 'src', 'dst'],
      ['HSET', 'dst', 'c', '3'],
      ['HGETALL', 'src'],
      ['HGETALL', 'dst'],
      ['OBJECT', 'ENCODING', 'dst'],
      ['MULTI'],
      ['HSET', 'm', 'a', '1'],
      ['HINCRBY', 'm', 'a', 'x'],
      ['HGET', 'm', 'a'],
      ['EXEC'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('signals modified keys (WATCH) exactly when Redis does', async () => {
    await resetBoth(d);
    const base: Cmd[] = [['HSET', 'h', 'a', '1', 'b', 'x']];
    const cases: Cmd[] = [
      ['HSET', 'h', 'a', '1'],
      ['HSETNX', 'h', 'a', '2'],
      ['HSETNX', 'h', 'c', '2'],
      ['HDEL', 'h', 'zz'],
      ['HDEL', 'h', 'a'],
      ['HINCRBY', 'h', 'a', '0'],
      ['HINCRBY', 'h', 'b', '1'],
      ['HINCRBYFLOAT', 'h', 'a', '0'],
      ['HINCRBYFLOAT', 'h', 'b', '1'],
      ['HGET', 'h', 'a'],
      ['HRANDFIELD', 'h', '-3'],
    ];
    for (const cmd of cases) {
      if (cmd[0] === 'HRANDFIELD') {
        await d.both('FLUSHALL');
        for (const b of base) await d.both(...b);
        await d.both('WATCH', 'h');
        await d.both(...cmd);
        await d.both('MULTI');
        await d.both('PING');
        await d.check(['EXEC']);
      } else {
        await checkWatch(d, 'h', base, cmd);
      }
    }
  });

  it('has no mismatches overall', () => {
    expect(d.mismatches).toEqual([]);
  });
});
