/*
 * Differential hand cases for the string family: every command, option and error path, binary and big
 * values, encodings, TTLs, keyspace events and hit/miss counters, compared with a real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from '../../src/engine/testkit.ts';
import { useDifferential } from './harness.ts';
import { RespConnection } from './redis.ts';
import {
  bytesArg,
  checkEncoding,
  checkHitsMisses,
  checkTtl,
  checkDirty,
  dirtyCounters,
  EventRecorder,
  makeNonString,
  resetBoth,
} from './strings-helpers.ts';

type Cmd = (string | Uint8Array)[];

describe('differential strings', () => {
  const d = useDifferential('strings');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());

  async function batch(label: string, cmds: Cmd[]): Promise<void> {
    const dirtyBefore = await dirtyCounters(d);
    await d.checkAll(cmds);
    await checkDirty(d, dirtyBefore, label);
    await events.check(label);
    await checkHitsMisses(d);
  }

  it('GET and SET with every option and conflict', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('set basics', [
      ['GET', 'k'],
      ['SET', 'k', 'v'],
      ['GET', 'k'],
      ['SET', 'k', 'v2', 'NX'],
      ['SET', 'k', 'v3', 'XX'],
      ['SET', 'nokey', 'v', 'XX'],
      ['SET', 'k', 'v4', 'nx', 'GET'],
      ['SET', 'k', 'v5', 'XX', 'GET'],
      ['SET', 'new', 'v', 'NX', 'GET'],
      ['SET', 'new2', 'v', 'XX', 'GET'],
      ['SET', 'k', 'v', 'GET', 'GET'],
      ['SET', 'k', 'v', 'NX', 'NX'],
      ['SET', 'k', 'v', 'NX', 'XX'],
      ['SET', 'k', 'v', 'XX', 'NX'],
      ['SET', 'k', 'v', 'FOO'],
      ['SET', 'k', 'v', 'EX'],
      ['SET', 'k', 'v', 'EX', '10', 'PX', '100'],
      ['SET', 'k', 'v', 'EX', '10', 'EX', '20'],
      ['SET', 'k', 'v', 'PX', '100', 'EXAT', '9999999999'],
      ['SET', 'k', 'v', 'EXAT', '9999999999', 'PXAT', '99999999999999'],
      ['SET', 'k', 'v', 'KEEPTTL', 'EX', '10'],
      ['SET', 'k', 'v', 'EX', '10', 'KEEPTTL'],
      ['SET', 'k', 'v', 'PERSIST'],
      ['SET', 'k', 'v', 'EX', 'abc'],
      ['SET', 'k', 'v', 'EX', '0'],
      ['SET', 'k', 'v', 'EX', '-5'],
      ['SET', 'k', 'v', 'PX', '0'],
      ['SET', 'k', 'v', 'EXAT', '0'],
      ['SET', 'k', 'v', 'PXAT', '-1'],
      ['SET', 'k', 'v', 'EX', '9223372036854775'],
      ['SET', 'k', 'v', 'EX', '9223372036854776'],
      ['SET', 'k', 'v', 'PX', '9223372036854775807'],
      ['SET', 'k', 'v', 'EX', '9223372036854775808'],
      ['SET', 'k', 'v', 'EXAT', '9223372036854775'],
      ['SET', 'k', 'v', 'PXAT', '9223372036854775807'],
      ['SET', 'lst', 'v', 'GET'],
      ['SET', 'lst', 'v', 'NX'],
      ['SET', 'lst', 'v', 'EX', '0', 'GET'],
      ['GET', 'lst'],
      ['SET', 'k'],
      ['GET'],
      ['GET', 'a', 'b'],
    ]);
    await checkEncoding(d, 'k');
  });

  it('SET expiry variants, KEEPTTL and deadlines in the past', async () => {
    await resetBoth(d);
    await batch('set expiry', [
      ['SET', 'a', '1', 'EX', '100'],
      ['SET', 'b', '1', 'PX', '100000'],
      ['SET', 'c', '1', 'EXAT', String(Math.floor(Date.now() / 1000) + 1000)],
      ['SET', 'e', '1', 'PXAT', String(Date.now() + 50000)],
      ['SET', 'f', '1', 'ex', '100'],
      ['SET', 'f', '2', 'KEEPTTL'],
      ['SET', 'g', '1', 'EX', '100'],
      ['SET', 'g', '2'],
      ['SET', 'past', '1', 'PXAT', '1'],
      ['GET', 'past'],
      ['SET', 'past2', '1', 'EXAT', '1', 'GET'],
      ['SET', 'past2', '2', 'NX', 'GET'],
      ['SETEX', 'h', '100', 'v'],
      ['PSETEX', 'i', '100000', 'v'],
    ]);
    for (const k of ['a', 'b', 'c', 'e', 'f', 'g', 'past', 'h', 'i']) await checkTtl(d, k);
  });

  it('SETNX SETEX PSETEX GETSET GETDEL MSET MSETNX MGET', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('set variants', [
      ['SETNX', 'a', '1'],
      ['SETNX', 'a', '2'],
      ['SETNX', 'lst', '2'],
      ['SETEX', 'b', '10', 'v'],
      ['SETEX', 'b', '0', 'v'],
      ['SETEX', 'b', '-1', 'v'],
      ['SETEX', 'b', 'x', 'v'],
      ['SETEX', 'b', '9223372036854775807', 'v'],
      ['PSETEX', 'c', '1000', 'v'],
      ['PSETEX', 'c', '0', 'v'],
      ['PSETEX', 'c', '1.5', 'v'],
      ['SETEX', 'b', '10'],
      ['GETSET', 'a', 'new'],
      ['GETSET', 'zz', 'new'],
      ['GETSET', 'lst', 'new'],
      ['GETSET', 'b', '12'],
      ['GETDEL', 'a'],
      ['GETDEL', 'a'],
      ['GETDEL', 'lst'],
      ['MSET', 'm1', 'x', 'm2', '123', 'm3', 'y'.repeat(50)],
      ['MSET', 'm1', 'x', 'm2'],
      ['MSET', 'm1'],
      ['MSET', 'dup', '1', 'dup', '2'],
      ['SET', 'exp1', 'a', 'PXAT', '1'],
      ['SET', 'exp2', 'a', 'PXAT', '1'],
      ['MSET', 'exp1', 'b'],
      ['GETSET', 'exp2', 'b'],
      ['GET', 'dup'],
      ['MSETNX', 'n1', 'a', 'n2', 'b'],
      ['MSETNX', 'n2', 'a', 'n3', 'b'],
      ['MSETNX', 'n3', 'a'],
      ['MSETNX', 'n4', 'a', 'n5'],
      ['MGET', 'm1', 'm2', 'nope', 'lst', 'm3', 'n1'],
      ['MGET'],
    ]);
    await checkTtl(d, 'b');
    await checkTtl(d, 'c');
    for (const k of ['m1', 'm2', 'm3', 'b']) await checkEncoding(d, k);
  });

  it('GETEX options, conflicts and deadlines', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    const nowS = Math.floor(Date.now() / 1000);
    await batch('getex', [
      ['SET', 'k', 'v'],
      ['GETEX', 'k'],
      ['GETEX', 'missing'],
      ['GETEX', 'missing', 'EX', '-1'],
      ['GETEX', 'k', 'EX', '100'],
      ['GETEX', 'k', 'PERSIST'],
      ['GETEX', 'k', 'PERSIST'],
      ['GETEX', 'k', 'PX', '100000'],
      ['GETEX', 'k', 'EXAT', String(nowS + 500)],
      ['GETEX', 'k', 'PXAT', String(Date.now() + 600000)],
      ['GETEX', 'k', 'EX', '0'],
      ['GETEX', 'k', 'EX', 'abc'],
      ['GETEX', 'k', 'EX', '9223372036854775807'],
      ['GETEX', 'k', 'PX', '9223372036854775807'],
      ['GETEX', 'k', 'EX', '10', 'PX', '10'],
      ['GETEX', 'k', 'EX', '10', 'PERSIST'],
      ['GETEX', 'k', 'PERSIST', 'EX', '10'],
      ['GETEX', 'k', 'NX'],
      ['GETEX', 'k', 'KEEPTTL'],
      ['GETEX', 'k', 'GET'],
      ['GETEX', 'k', 'EX'],
      ['GETEX', 'k', 'EX', '10', 'EX', '20'],
      ['GETEX', 'lst', 'EX', '10'],
      ['GETEX', 'lst', 'BAD'],
      ['SET', 'gone', 'v'],
      ['GETEX', 'gone', 'EXAT', '1'],
      ['GET', 'gone'],
      ['SET', 'gone2', 'v'],
      ['GETEX', 'gone2', 'PXAT', '1000'],
      ['GETEX'],
    ]);
    await checkTtl(d, 'k');
  });

  it('INCR family: parsing, overflow, encodings', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('incr', [
      ['INCR', 'n'],
      ['INCR', 'n'],
      ['DECR', 'n'],
      ['DECR', 'fresh'],
      ['INCRBY', 'n', '100'],
      ['INCRBY', 'n', '-300'],
      ['DECRBY', 'n', '-5'],
      ['DECRBY', 'n', '9223372036854775807'],
      ['DECRBY', 'n', '-9223372036854775808'],
      ['INCRBY', 'n', 'abc'],
      ['INCRBY', 'n', '1.5'],
      ['INCRBY', 'n', ' 1'],
      ['INCRBY', 'n', '+1'],
      ['INCRBY', 'n', '01'],
      ['INCRBY', 'n', '9223372036854775808'],
      ['SET', 'max', '9223372036854775807'],
      ['INCR', 'max'],
      ['INCRBY', 'max', '0'],
      ['SET', 'min', '-9223372036854775808'],
      ['DECR', 'min'],
      ['INCRBY', 'min', '-1'],
      ['DECRBY', 'min', '1'],
      ['INCR', 'min'],
      ['SET', 's', 'abc'],
      ['INCR', 's'],
      ['SET', 's', '12 '],
      ['INCR', 's'],
      ['SET', 's', '-0'],
      ['INCR', 's'],
      ['SET', 's', '007'],
      ['DECR', 's'],
      ['SET', 's', '99999999999999999999'],
      ['INCR', 's'],
      ['INCR', 'lst'],
      ['INCRBY', 'lst', 'x'],
      ['DECRBY', 'lst', '1'],
      ['SET', 't', '10', 'EX', '100'],
      ['INCR', 't'],
      ['INCR'],
      ['INCRBY', 'n'],
    ]);
    await checkTtl(d, 't');
    for (const k of ['n', 'max', 'min', 'fresh', 't']) await checkEncoding(d, k);
  });

  it('INCRBYFLOAT: long double results, errors, encodings', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('incrbyfloat', [
      ['SET', 'f', '10.5'],
      ['INCRBYFLOAT', 'f', '0.1'],
      ['INCRBYFLOAT', 'f', '-5.0e3'],
      ['INCRBYFLOAT', 'g', '3.0e3'],
      ['INCRBYFLOAT', 'g', '1'],
      ['INCRBYFLOAT', 'h', '0.1'],
      ['INCRBYFLOAT', 'h', '0.2'],
      ['INCRBYFLOAT', 'h', '0x10'],
      ['INCRBYFLOAT', 'h', '0x1p-3'],
      ['INCRBYFLOAT', 'h', '1e'],
      ['INCRBYFLOAT', 'h', 'abc'],
      ['INCRBYFLOAT', 'h', ' 1'],
      ['INCRBYFLOAT', 'h', '1 '],
      ['INCRBYFLOAT', 'h', ''],
      ['INCRBYFLOAT', 'h', 'nan'],
      ['INCRBYFLOAT', 'h', 'inf'],
      ['INCRBYFLOAT', 'h', '-Infinity'],
      ['INCRBYFLOAT', 'h', '1e5000'],
      ['INCRBYFLOAT', 'h', '1e-5000'],
      ['INCRBYFLOAT', 'h', '.5'],
      ['INCRBYFLOAT', 'h', '5.'],
      ['INCRBYFLOAT', 'h', '+3'],
      ['INCRBYFLOAT', 'h', '-0'],
      ['INCRBYFLOAT', 'h', '1e-20'],
      ['INCRBYFLOAT', 'h', '0.000003814697265625'],
      ['SET', 'big', '1e4900'],
      ['INCRBYFLOAT', 'big', '1e4900'],
      ['INCRBYFLOAT', 'big', '1.18e4932'],
      ['SET', 'i', '5'],
      ['INCRBYFLOAT', 'i', '5'],
      ['SET', 'x', 'abc'],
      ['INCRBYFLOAT', 'x', '1'],
      ['SET', 'inf', 'inf'],
      ['INCRBYFLOAT', 'inf', '1'],
      ['INCRBYFLOAT', 'lst', '1'],
      ['INCRBYFLOAT', 'lst', 'bad'],
      ['SET', 'neg', '-0.00000000000000000001'],
      ['INCRBYFLOAT', 'neg', '0'],
      ['SET', 'long', '1'],
      ['INCRBYFLOAT', 'long', '123456789012345678901234567890.123'],
      ['INCRBYFLOAT', 'u', '1.23456789012345678901234567890123456789012345'],
      ['SET', 'ttl', '1.5', 'EX', '100'],
      ['INCRBYFLOAT', 'ttl', '1'],
      ['INCRBYFLOAT', 'f'],
    ]);
    await checkTtl(d, 'ttl');
    for (const k of ['f', 'g', 'h', 'i', 'big', 'long', 'u']) await checkEncoding(d, k);
  });

  it('APPEND STRLEN SETRANGE GETRANGE SUBSTR, binary and big values', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    const bin = bytesArg(0, 255, 13, 10, 0, 128, 36, 42);
    const big = 'z'.repeat(100_000);
    await batch('ranges', [
      ['APPEND', 'a', 'hello'],
      ['APPEND', 'a', ' world'],
      ['APPEND', 'num', '123'],
      ['APPEND', 'num', '4'],
      ['APPEND', 'bin', bin],
      ['APPEND', 'bin', bin],
      ['GET', 'bin'],
      ['STRLEN', 'bin'],
      ['STRLEN', 'a'],
      ['STRLEN', 'nope'],
      ['STRLEN', 'lst'],
      ['APPEND', 'lst', 'x'],
      ['APPEND', 'big', big],
      ['APPEND', 'big', big],
      ['STRLEN', 'big'],
      ['GETRANGE', 'a', '0', '4'],
      ['GETRANGE', 'a', '-5', '-1'],
      ['GETRANGE', 'a', '-1', '-5'],
      ['GETRANGE', 'a', '5', '2'],
      ['GETRANGE', 'a', '0', '-1'],
      ['GETRANGE', 'a', '-100', '100'],
      ['GETRANGE', 'a', '100', '200'],
      ['GETRANGE', 'a', '0', '0'],
      ['GETRANGE', 'a', '-1', '-1'],
      ['GETRANGE', 'a', '3', '-3'],
      ['GETRANGE', 'a', '-9223372036854775808', '9223372036854775807'],
      ['GETRANGE', 'a', 'x', '1'],
      ['GETRANGE', 'a', '1', '1.0'],
      ['GETRANGE', 'nope', '0', '-1'],
      ['GETRANGE', 'nope', 'x', '-1'],
      ['GETRANGE', 'lst', '0', '-1'],
      ['GETRANGE', 'bin', '1', '5'],
      ['GETRANGE', 'big', '99998', '100001'],
      ['SUBSTR', 'a', '0', '2'],
      ['SUBSTR', 'a', '-3', '-1'],
      ['SET', 'i', '12345'],
      ['GETRANGE', 'i', '1', '2'],
      ['SET', 'e', ''],
      ['GETRANGE', 'e', '0', '-1'],
      ['GETRANGE', 'e', '0', '0'],
      ['SETRANGE', 'a', '0', 'J'],
      ['SETRANGE', 'a', '20', 'pad'],
      ['GET', 'a'],
      ['SETRANGE', 'a', '2', ''],
      ['SETRANGE', 'r', '5', 'x'],
      ['GET', 'r'],
      ['SETRANGE', 'r2', '5', ''],
      ['GET', 'r2'],
      ['SETRANGE', 'r', '-1', 'x'],
      ['SETRANGE', 'r', 'x', 'x'],
      ['SETRANGE', 'r3', '536870912', ''],
      ['SETRANGE', 'r3', '9223372036854775807', 'x'],
      ['SETRANGE', 'lst', '0', 'x'],
      ['SETRANGE', 'lst', '0', ''],
      ['SETRANGE', 'i', '0', '9'],
      ['SETRANGE', 'bin', '1', bin],
      ['GET', 'bin'],
      ['APPEND', 'e', ''],
      ['SETRANGE', 'a'],
    ]);
    for (const k of ['a', 'num', 'bin', 'big', 'i', 'r', 'e', 'r2']) await checkEncoding(d, k);
  });

  it('size limit: proto-max-bulk-len on SETRANGE, APPEND and LCS', async () => {
    await resetBoth(d);
    const limit = 1024 * 1024;
    await d.real.call('CONFIG', 'SET', 'proto-max-bulk-len', String(limit));
    d.node.config.setRaw('proto-max-bulk-len', String(limit));
    await events.collect();
    await batch('limits', [
      ['SETRANGE', 'r', String(limit - 1), 'x'],
      ['STRLEN', 'r'],
      ['SETRANGE', 'r', String(limit), 'x'],
      ['SETRANGE', 'r', String(limit - 1), 'xy'],
      ['SETRANGE', 'new', String(limit), 'x'],
      ['SETRANGE', 'new', String(limit), ''],
      ['APPEND', 'r', 'x'],
      ['APPEND', 'r', ''],
      ['SET', 'h', 'a'.repeat(600)],
      ['LCS', 'h', 'h', 'LEN'],
      ['SET', 'h2', 'a'.repeat(400)],
      ['LCS', 'h2', 'h2', 'LEN'],
    ]);
    await d.real.call('CONFIG', 'SET', 'proto-max-bulk-len', '536870912');
    d.node.config.setRaw('proto-max-bulk-len', '536870912');
  });

  it('overwrites keep the LFU counter under an LFU policy', async () => {
    await resetBoth(d);
    // Log factor 0 makes every access increment the counter, so the run is deterministic.
    await d.both('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    await d.both('CONFIG', 'SET', 'lfu-log-factor', '0');
    d.node.config.setRaw('maxmemory-policy', 'allkeys-lfu');
    d.node.config.setRaw('lfu-log-factor', '0');
    await d.checkAll([
      ['SET', 'k', 'v'],
      ['OBJECT', 'FREQ', 'k'],
      ['GET', 'k'],
      ['SET', 'k', 'v2'],
      ['GETSET', 'k', 'v3'],
      ['OBJECT', 'FREQ', 'k'],
      ['SET', 'n', '1.5'],
      ['INCRBYFLOAT', 'n', '1'],
      ['APPEND', 'n', '0'],
      ['SETRANGE', 'n', '0', '7'],
      ['OBJECT', 'FREQ', 'n'],
      ['SET', 'm', '100000'],
      ['INCR', 'm'],
      ['INCRBY', 'm', '5'],
      ['OBJECT', 'FREQ', 'm'],
    ]);
    await d.both('CONFIG', 'SET', 'lfu-log-factor', '10');
    await d.both('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    d.node.config.setRaw('maxmemory-policy', 'noeviction');
    d.node.config.setRaw('lfu-log-factor', '10');
  });

  it('WATCH sees exactly the writes that signal a modified key', async () => {
    await resetBoth(d);
    const otherReal = await RespConnection.open(d.real.socket.remotePort!);
    const otherOurs = testClient(d.node);
    const writes: Cmd[] = [
      ['SET', 'w', 'v'],
      ['SET', 'w', 'v', 'NX'],
      ['SET', 'w', 'v', 'XX', 'GET'],
      ['SETNX', 'w', 'x'],
      ['GETEX', 'w'],
      ['GETEX', 'w', 'PERSIST'],
      ['GETEX', 'w', 'EX', '100'],
      ['GETEX', 'w', 'PERSIST'],
      ['SETRANGE', 'w', '0', ''],
      ['SETRANGE', 'w', '1', 'z'],
      ['APPEND', 'w', ''],
      ['INCRBYFLOAT', 'w', '1'],
      ['INCR', 'w'],
      ['STRLEN', 'w'],
      ['LCS', 'w', 'w'],
      ['MSETNX', 'w', '1'],
      ['MSET', 'w', '1'],
      ['GETDEL', 'w'],
      ['GETDEL', 'w'],
      ['GETSET', 'w', '5'],
      ['INCRBY', 'w', 'x'],
    ];
    for (const cmd of writes) {
      await d.both('WATCH', 'w');
      await otherReal.call(...cmd);
      otherOurs.call(...cmd);
      await d.both('MULTI');
      await d.both('PING');
      await d.check(['EXEC']);
    }
    otherReal.close();
  });

  it('shared integers and refcounts of string results', async () => {
    await resetBoth(d);
    const cmds: Cmd[] = [];
    const probe = (k: string): void => void cmds.push(['OBJECT', 'REFCOUNT', k], ['OBJECT', 'ENCODING', k]);
    cmds.push(['SET', 'a', '5'], ['SET', 'b', '10000'], ['INCR', 'b'], ['SET', 'c', '9998'], ['INCR', 'c']);
    cmds.push(['INCR', 'c'], ['APPEND', 'd', '77'], ['MSET', 'e', '1', 'f', 'x'], ['INCRBYFLOAT', 'g', '3']);
    cmds.push(['SETNX', 'h', '12'], ['GETSET', 'i', '-1'], ['SETEX', 'j', '100', '42'], ['DECRBY', 'k', '5']);
    for (const k of 'abcdefghijk') probe(k);
    await d.checkAll(cmds);
  });

  it('LCS with every option', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('lcs', [
      ['MSET', 'key1', 'ohmytext', 'key2', 'mynewtext'],
      ['LCS', 'key1', 'key2'],
      ['LCS', 'key1', 'key2', 'LEN'],
      ['LCS', 'key1', 'key2', 'IDX'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4', 'WITHMATCHLEN'],
      ['LCS', 'key1', 'key2', 'IDX', 'WITHMATCHLEN'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '-3'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', 'x'],
      ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN'],
      ['LCS', 'key1', 'key2', 'LEN', 'IDX'],
      ['LCS', 'key1', 'key2', 'WITHMATCHLEN'],
      ['LCS', 'key1', 'key2', 'LEN', 'WITHMATCHLEN'],
      ['LCS', 'key1', 'key2', 'BAD'],
      ['LCS', 'key1', 'nope'],
      ['LCS', 'nope', 'nope2', 'IDX'],
      ['LCS', 'key1', 'lst'],
      ['LCS', 'lst', 'key1', 'BAD'],
      ['MSET', 'x', 'aaaaaaaaab', 'y', 'abababababab'],
      ['LCS', 'x', 'y', 'IDX', 'WITHMATCHLEN'],
      ['LCS', 'y', 'x', 'IDX', 'WITHMATCHLEN'],
      ['LCS', 'x', 'x', 'IDX'],
      ['SET', 'n1', '12345'],
      ['SET', 'n2', '1234'],
      ['LCS', 'n1', 'n2'],
      ['LCS', 'key1'],
    ]);
  });

  it('RESP3 replies of LCS IDX and nils', async () => {
    await resetBoth(d);
    await d.both('HELLO', '3');
    await d.checkAll([
      ['MSET', 'key1', 'ohmytext', 'key2', 'mynewtext'],
      ['LCS', 'key1', 'key2', 'IDX', 'WITHMATCHLEN'],
      ['GET', 'nope'],
      ['MGET', 'key1', 'nope'],
      ['SET', 'key1', 'v', 'NX'],
      ['INCRBYFLOAT', 'f', '1.5'],
    ]);
    await d.both('HELLO', '2');
    d.resp = 2;
  });

  it('reports no mismatch', () => {
    expect(d.mismatches).toEqual([]);
  });
});
