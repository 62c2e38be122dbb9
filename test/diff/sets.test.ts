/*
 * Differential hand cases for the set family against a real redis-server: every command with its
 * errors, intset -> hashtable conversions (non-integer members, set-max-intset-entries), intset reply
 * order, encodings of *STORE results (including SDIFF's two algorithms), SMOVE corner cases, SPOP and
 * SRANDMEMBER count rules (as properties) and SPOP's rebuilding strategy, SSCAN on both encodings,
 * binary members, keyspace events, dirty and hit/miss counters, RESP3 reply types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import {
  backToResp2,
  checkEncoding,
  checkFullWalk,
  checkRandom,
  checkWatch,
  freshBatch,
  redisSet,
  type Cmd,
} from './hashes-helpers.ts';
import { batchCheck, checkTtl, EventRecorder, resetBoth } from './strings-helpers.ts';

const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));
const U = { unordered: true };

describe('differential sets', () => {
  const d = useDifferential('sets');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = async (label: string, cmds: Cmd[]): Promise<void> => {
    await freshBatch(d, events);
    await batchCheck(d, events, label, cmds);
  };

  it('member commands, missing keys, wrong types', async () => {
    await resetBoth(d);
    await batch('set basics', [
      ['SET', 'str', 'x'],
      ['SADD', 's', '3', '1', '2', '1'],
      ['SADD', 's', '2'],
      ['SADD', 'str', 'a'],
      ['SMEMBERS', 's'],
      ['SMEMBERS', 'nokey'],
      ['SMEMBERS', 'str'],
      ['SISMEMBER', 's', '1'],
      ['SISMEMBER', 's', '01'],
      ['SISMEMBER', 's', 'a'],
      ['SISMEMBER', 'nokey', '1'],
      ['SISMEMBER', 'str', '1'],
      ['SMISMEMBER', 's', '1', 'a', '3', '4'],
      ['SMISMEMBER', 'nokey', '1', '2'],
      ['SMISMEMBER', 'str', '1'],
      ['SCARD', 's'],
      ['SCARD', 'nokey'],
      ['SCARD', 'str'],
      ['SREM', 's', '1', 'a', '1'],
      ['SREM', 'nokey', '1'],
      ['SREM', 'str', '1'],
      ['SREM', 's', '2', '3', '4'],
      ['EXISTS', 's'],
      ['SADD', 'w', 'a', 'b', 'c'],
      ['SREM', 'w', 'x', 'y'],
      ['SCARD', 'w'],
      ['SADD', 's'],
      ['SREM', 's'],
      ['SISMEMBER', 's'],
      ['SMISMEMBER', 's'],
      ['SCARD'],
    ]);
  });

  it('intset: canonical integers only, sorted replies, conversion thresholds', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SADD', 'i', '5', '-3', '100', '0', '9223372036854775807', '-9223372036854775808'],
      ['SMEMBERS', 'i'],
      ['OBJECT', 'ENCODING', 'i'],
      ['SSCAN', 'i', '0'],
      ['SRANDMEMBER', 'i', '100'],
    ]);
    for (const odd of ['01', '+1', ' 1', '-0', '1.0', '9223372036854775808', '', 'a']) {
      await d.checkAll([
        ['SADD', `o${odd}`, '1', '2'],
        ['SADD', `o${odd}`, odd],
        ['OBJECT', 'ENCODING', `o${odd}`],
      ]);
      await d.check(['SMEMBERS', `o${odd}`], U);
      await d.checkAll([
        ['SREM', `o${odd}`, odd],
        ['OBJECT', 'ENCODING', `o${odd}`],
      ]);
    }
    await d.checkAll([
      ['SADD', 'first', 'x', '1'],
      ['OBJECT', 'ENCODING', 'first'],
    ]);
    await d.check(['SADD', 'big', ...range(512, (i) => String(i * 7 - 1000))]);
    await checkEncoding(d, 'big');
    await d.check(['SMEMBERS', 'big']);
    await d.check(['SADD', 'big', '100000']);
    await checkEncoding(d, 'big');
    await d.check(['SMEMBERS', 'big'], U);
    try {
      await d.checkAll([
        ['CONFIG', 'SET', 'set-max-intset-entries', '3'],
        ['SADD', 'c', '1', '2', '3'],
        ['OBJECT', 'ENCODING', 'c'],
        ['SADD', 'c', '4'],
        ['OBJECT', 'ENCODING', 'c'],
        ['CONFIG', 'SET', 'set-max-intset-entries', '0'],
        ['SADD', 'z', '1'],
        ['OBJECT', 'ENCODING', 'z'],
      ]);
    } finally {
      await d.both('CONFIG', 'SET', 'set-max-intset-entries', '512');
    }
  });

  it('SMOVE corner cases', async () => {
    await resetBoth(d);
    await batch('smove', [
      ['SET', 'str', 'x'],
      ['SADD', 'a', '1', '2', 'x'],
      ['SADD', 'b', '1'],
      ['SMOVE', 'nokey', 'b', '1'],
      ['SMOVE', 'nokey', 'str', '1'],
      ['SMOVE', 'str', 'b', '1'],
      ['SMOVE', 'a', 'str', '1'],
      ['SMOVE', 'a', 'a', '1'],
      ['SMOVE', 'a', 'a', 'zz'],
      ['SMOVE', 'a', 'b', 'zz'],
      ['SMOVE', 'a', 'b', '1'],
      ['SMOVE', 'a', 'b', 'x'],
      ['OBJECT', 'ENCODING', 'b'],
      ['SMOVE', 'a', 'newi', '2'],
      ['OBJECT', 'ENCODING', 'newi'],
      ['EXISTS', 'a'],
      ['SADD', 'a', 'y'],
      ['SMOVE', 'a', 'news', 'y'],
      ['OBJECT', 'ENCODING', 'news'],
      ['SMISMEMBER', 'b', '1', 'x', '2'],
    ]);
  });

  it('SINTER, SUNION, SDIFF and SINTERCARD', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SET', 'str', 'x'],
      ['SADD', 'i1', '1', '2', '3', '4'],
      ['SADD', 'i2', '3', '4', '5'],
      ['SADD', 'h1', 'a', 'b', '3', '4'],
      ['SADD', 'h2', 'b', 'c', '4'],
      ['SINTER', 'i1', 'i2'],
      ['SUNION', 'i1', 'i2'],
      ['SDIFF', 'i1', 'i2'],
      ['SDIFF', 'i1', 'i1'],
      ['SDIFF', 'i1', 'nokey', 'i1'],
      ['SDIFF', 'nokey', 'i1'],
      ['SINTER', 'i1', 'nokey'],
      ['SINTER', 'i1', 'str'],
      ['SINTER', 'nokey', 'str'],
      ['SUNION', 'nokey', 'str'],
      ['SDIFF', 'nokey', 'str'],
      ['SUNION', 'nokey'],
      ['SINTER', 'i1'],
      ['SINTER', 'i1', 'i1'],
      ['SINTERCARD', '2', 'i1', 'i2'],
      ['SINTERCARD', '2', 'h1', 'h2'],
      ['SINTERCARD', '1', 'h1', 'LIMIT', '2'],
      ['SINTERCARD', '1', 'h1', 'LIMIT', '0'],
      ['SINTERCARD', '1', 'h1', 'limit', '100'],
      ['SINTERCARD', '2', 'h1', 'nokey'],
      ['SINTERCARD', '2', 'h1', 'str'],
      ['SINTERCARD', '0', 'h1'],
      ['SINTERCARD', '-1', 'h1'],
      ['SINTERCARD', 'x', 'h1'],
      ['SINTERCARD', '3', 'h1', 'h2'],
      ['SINTERCARD', '1', 'h1', 'LIMIT', '-1'],
      ['SINTERCARD', '1', 'h1', 'LIMIT', 'x'],
      ['SINTERCARD', '1', 'h1', 'LIMIT'],
      ['SINTERCARD', '1', 'h1', 'FOO', '1'],
      ['SINTERCARD', '1', 'h1', 'h2'],
      ['SINTERCARD', '1'],
    ]);
    for (const op of ['SINTER', 'SUNION', 'SDIFF']) {
      await d.check([op, 'h1', 'h2'], U);
      await d.check([op, 'i1', 'h1', 'h2'], U);
      await d.check([op, 'h1', 'i1'], U);
    }
  });

  it('*STORE results: sizes, encodings, deadlines, empty results', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SADD', 'i1', '1', '2', '3', '4'],
      ['SADD', 'i2', '3', '4', '5'],
      ['SADD', 'h1', 'a', 'b', '3', '4'],
      ['SADD', 'h2', 'b', 'c', '4'],
    ]);
    const stores: Cmd[] = [
      ['SINTERSTORE', 'd', 'i1', 'i2'],
      ['SINTERSTORE', 'd', 'h1', 'i1'],
      ['SINTERSTORE', 'd', 'h1', 'h2'],
      ['SUNIONSTORE', 'd', 'i1', 'i2'],
      ['SUNIONSTORE', 'd', 'i1', 'h2'],
      ['SDIFFSTORE', 'd', 'i1', 'i2'],
      ['SDIFFSTORE', 'd', 'h1', 'h2'],
      ['SDIFFSTORE', 'd', 'h1', 'a'],
    ];
    for (const cmd of stores) {
      await d.check(cmd);
      await checkEncoding(d, 'd');
      await d.check(['SMEMBERS', 'd'], U);
    }
    await batch('store events', [
      ['SET', 'd', 'x', 'EX', '1000'],
      ['SUNIONSTORE', 'd', 'i1'],
      ['TTL', 'd'],
      ['SINTERSTORE', 'd', 'i1', 'nokey'],
      ['EXISTS', 'd'],
      ['SINTERSTORE', 'd', 'i1', 'nokey'],
      ['SUNIONSTORE', 'd', 'nokey'],
      ['SDIFFSTORE', 'd', 'i1', 'i1'],
      ['SADD', 'd', '1'],
      ['SDIFFSTORE', 'd', 'i1', 'i1'],
      ['SADD', 'd', '1'],
      ['SINTERSTORE', 'd', 'i1', 'h2'],
      ['SDIFFSTORE', 'd', 'i2', 'd'],
      ['SMEMBERS', 'd'],
      ['SUNIONSTORE', 'd', 'str'],
      ['SET', 'str', 'x'],
      ['SUNIONSTORE', 'str', 'i1'],
      ['TYPE', 'str'],
    ]);
    await checkTtl(d, 'd');
    // SDIFF's second algorithm: the first set's non-integer member is added, then removed.
    await d.checkAll([
      ['SADD', 'first', ...range(10, String), 'a'],
      ['SADD', 'o1', 'a'],
      ['SADD', 'o2', '100'],
      ['SADD', 'o3', '101'],
      ['SADD', 'o4', '102'],
      ['SADD', 'o5', '103'],
      ['SDIFFSTORE', 'algo2', 'first', 'o1', 'o2', 'o3', 'o4', 'o5'],
      ['OBJECT', 'ENCODING', 'algo2'],
      ['SDIFFSTORE', 'algo1', 'first', 'o1'],
      ['OBJECT', 'ENCODING', 'algo1'],
      ['SMEMBERS', 'algo1'],
    ]);
    await d.check(['SMEMBERS', 'algo2'], U);
    await d.check(['SUNIONSTORE', 'bigu', ...range(3, (i) => `i${i}`)]);
    await d.check(['SADD', 'many', ...range(600, String)]);
    await d.check(['SINTERSTORE', 'bigi', 'many', 'many']);
    await checkEncoding(d, 'bigi');
  });

  it('SRANDMEMBER and SPOP: count rules and errors (checked as properties)', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SET', 'str', 'x'],
      ['SRANDMEMBER', 'nokey'],
      ['SRANDMEMBER', 'nokey', '5'],
      ['SRANDMEMBER', 'nokey', '-5'],
      ['SRANDMEMBER', 'str'],
      ['SRANDMEMBER', 'str', '0'],
      ['SRANDMEMBER', 'nokey', 'x'],
      ['SRANDMEMBER', 'str', 'x'],
      ['SRANDMEMBER', 'nokey', '-9223372036854775808'],
      ['SRANDMEMBER', 'nokey', '1', '2'],
      ['SPOP', 'nokey'],
      ['SPOP', 'nokey', '3'],
      ['SPOP', 'nokey', '0'],
      ['SPOP', 'str'],
      ['SPOP', 'str', '1'],
      ['SPOP', 'str', '0'],
      ['SPOP', 'nokey', '-1'],
      ['SPOP', 'str', '-1'],
      ['SPOP', 'nokey', 'x'],
      ['SPOP', 'nokey', '1', '2'],
    ]);
    for (const [key, members] of [
      ['ints', range(20, String)],
      ['strs', range(20, (i) => `m${i}`)],
      ['large', range(700, (i) => `m${i}`)],
    ] as const) {
      await d.both('SADD', key, ...members);
      const m = await redisSet(d, key);
      for (const count of ['0', '1', '2', '6', '7', '19', '20', '21', '1000', '-1', '-5', '-30']) {
        await checkRandom(d, ['SRANDMEMBER', key, count], m, {
          pairs: false,
          repeats: count.startsWith('-'),
        });
      }
      await checkRandom(d, ['SRANDMEMBER', key], m);
    }
    await d.check(['SRANDMEMBER', 'ints', '50']);
    // SPOP: the popped members are random, so each case starts from fresh, equal sets.
    for (const [size, count] of [
      [20, 1],
      [20, 3],
      [20, 16],
      [20, 17],
      [20, 20],
      [20, 25],
    ]) {
      for (const kind of ['ints', 'strs']) {
        const key = `p${kind}`;
        await d.both('DEL', key);
        await d.both('SADD', key, ...range(size, (i) => (kind === 'ints' ? String(i) : `m${i}`)));
        const m = await redisSet(d, key);
        await checkRandom(d, ['SPOP', key, String(count)], m);
        await d.check(['SCARD', key]);
        await d.check(['EXISTS', key]);
        await checkEncoding(d, key);
      }
    }
    await d.both('SADD', 'one', 'a', 'b');
    const m = await redisSet(d, 'one');
    await checkRandom(d, ['SPOP', 'one'], m);
    await checkRandom(d, ['SPOP', 'one'], m);
    await d.check(['EXISTS', 'one']);
  });

  it('SPOP rebuilding turns an all-integer hashtable set into an intset, keeping the deadline', async () => {
    await resetBoth(d);
    await batch('spop rebuild', [
      ['SADD', 'r', '1', '2', '3', '4', '5', '6', 'a'],
      ['SREM', 'r', 'a'],
      ['EXPIRE', 'r', '1000'],
      ['OBJECT', 'ENCODING', 'r'],
    ]);
    const m = await redisSet(d, 'r');
    await checkRandom(d, ['SPOP', 'r', '5'], m);
    await d.checkAll([
      ['OBJECT', 'ENCODING', 'r'],
      ['SCARD', 'r'],
      ['TTL', 'r'],
    ]);
    await batch('spop events', [
      ['DEL', 'e'],
      ['SADD', 'e', '1', '2', '3'],
      ['SPOP', 'e', '3'],
      ['SADD', 'e', '1', '2', '3'],
      ['SPOP', 'e', '0'],
      ['SADD', 'f', '1'],
      ['SPOP', 'f'],
    ]);
  });

  it('SSCAN: options, errors, intset in one call, hashtable full walks', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['SET', 'str', 'x'],
      ['SADD', 'is', '10', '1', '11', '2'],
      ['SSCAN', 'is', '0'],
      ['SSCAN', 'is', '0', 'MATCH', '1*'],
      ['SSCAN', 'is', '77', 'COUNT', '1'],
      ['SSCAN', 'is', '0', 'COUNT', '0'],
      ['SSCAN', 'is', '0', 'TYPE', 'set'],
      ['SSCAN', 'is', 'x'],
      ['SSCAN', 'nokey', '0', 'BAD'],
      ['SSCAN', 'str', '0'],
      ['SSCAN', 'is'],
    ]);
    await d.both('SADD', 'hs', ...range(400, (i) => `m${i}`));
    await checkFullWalk(d, 'SSCAN', 'hs', [], false);
    await checkFullWalk(d, 'SSCAN', 'hs', ['COUNT', '3'], false);
    await checkFullWalk(d, 'SSCAN', 'hs', ['MATCH', '*7*', 'COUNT', '20'], false);
  });

  it('binary members', async () => {
    await resetBoth(d);
    const b1 = Uint8Array.from([0, 255, 13, 10]);
    const b2 = Uint8Array.from([49, 0]);
    await d.checkAll([
      ['SADD', 'b', b1, b2, '1'],
      ['SISMEMBER', 'b', b1],
      ['SISMEMBER', 'b', Uint8Array.from([49])],
      ['OBJECT', 'ENCODING', 'b'],
      ['SREM', 'b', b2],
      ['SMISMEMBER', 'b', b1, b2, '1'],
    ]);
    await d.check(['SMEMBERS', 'b'], U);
    await d.check(['SUNION', 'b', 'nokey'], U);
  });

  it('RESP3 reply types', async () => {
    await resetBoth(d);
    await d.both('HELLO', '3');
    try {
      await d.checkAll([
        ['SADD', 's', '1', '2'],
        ['SMEMBERS', 's'],
        ['SMEMBERS', 'nokey'],
        ['SINTER', 's', 'nokey'],
        ['SUNION', 's'],
        ['SDIFF', 's', 'nokey'],
        ['SMISMEMBER', 's', '1', '3'],
        ['SRANDMEMBER', 'nokey'],
        ['SRANDMEMBER', 's', '5'],
        ['SPOP', 'nokey'],
        ['SPOP', 'nokey', '2'],
        ['SPOP', 's', '0'],
        ['SSCAN', 's', '0'],
        ['SINTERCARD', '1', 's'],
      ]);
      await checkRandom(d, ['SPOP', 's', '5'], new Set(['1', '2']));
    } finally {
      await backToResp2(d);
    }
  });

  it('signals modified keys (WATCH) exactly when Redis does', async () => {
    await resetBoth(d);
    const base: Cmd[] = [
      ['SADD', 's', '1', '2', '3'],
      ['SADD', 't', '3', 'x'],
    ];
    const cases: [string, Cmd][] = [
      ['s', ['SADD', 's', '1']],
      ['s', ['SADD', 's', '4']],
      ['s', ['SREM', 's', '9']],
      ['s', ['SREM', 's', '1']],
      ['s', ['SPOP', 's', '0']],
      ['s', ['SPOP', 's', '1']],
      ['s', ['SPOP', 's', '5']],
      ['s', ['SPOP', 'nokey', '5']],
      ['s', ['SMOVE', 's', 't', '9']],
      ['s', ['SMOVE', 's', 't', '3']],
      ['t', ['SMOVE', 's', 't', '3']],
      ['t', ['SMOVE', 's', 't', '1']],
      ['s', ['SMOVE', 's', 's', '1']],
      ['d', ['SINTERSTORE', 'd', 's', 'nokey']],
      ['s', ['SINTERSTORE', 's', 's', 'nokey']],
      ['d', ['SUNIONSTORE', 'd', 's']],
      ['d', ['SDIFFSTORE', 'd', 's', 's']],
      ['s', ['SMEMBERS', 's']],
      ['s', ['SRANDMEMBER', 's', '2']],
    ];
    for (const [key, cmd] of cases) {
      if (cmd[0] === 'SPOP' || cmd[0] === 'SRANDMEMBER') {
        await checkWatch(d, key, base, ['SCARD', key]);
        await d.both('FLUSHALL');
        for (const b of base) await d.both(...b);
        await d.both('WATCH', key);
        await d.both(...cmd);
        await d.both('MULTI');
        await d.both('PING');
        await d.check(['EXEC']);
      } else {
        await checkWatch(d, key, base, cmd);
      }
    }
  });

  it('has no mismatches overall', () => {
    expect(d.mismatches).toEqual([]);
  });
});
