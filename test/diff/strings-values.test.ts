/*
 * Differential hand cases for counters (INCR..INCRBYFLOAT), byte ranges (APPEND, STRLEN, SETRANGE,
 * GETRANGE, SUBSTR) with binary and big values and the proto-max-bulk-len limit, and LCS, against a
 * real redis-server: replies, error texts, encodings, TTLs, events, hit/miss and dirty counters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import {
  batchCheck,
  bytesArg,
  checkEncoding,
  checkTtl,
  EventRecorder,
  makeNonString,
  resetBoth,
  type Cmd,
} from './strings-helpers.ts';

describe('differential strings: counters, ranges, LCS', () => {
  const d = useDifferential('strings-values');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

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
