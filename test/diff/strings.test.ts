/*
 * Differential hand cases for whole-value string commands (GET, SET and its options and variants,
 * GETEX, GETDEL, MGET, MSET, MSETNX) against a real redis-server: replies, error texts, encodings,
 * TTLs, keyspace events, hit/miss and dirty counters, WATCH invalidation, LFU and shared integers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClient } from '../../src/engine/testkit.ts';
import { useDifferential } from './harness.ts';
import { RespConnection } from './redis.ts';
import {
  batchCheck,
  checkEncoding,
  checkTtl,
  EventRecorder,
  makeNonString,
  resetBoth,
  type Cmd,
} from './strings-helpers.ts';

describe('differential strings: whole values', () => {
  const d = useDifferential('strings');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

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

  it('string commands inside MULTI/EXEC, errors included', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['MULTI'],
      ['SET', 'k', '1', 'EX', '0'],
      ['SET', 'k', '1'],
      ['INCRBYFLOAT', 'k', 'x'],
      ['INCR', 'k'],
      ['GETEX', 'k', 'PERSIST', 'EX', '1'],
      ['MSET', 'a', '1', 'b'],
      ['MGET', 'k', 'a'],
      ['EXEC'],
      ['MULTI'],
      ['SET', 'k'],
      ['GET', 'k'],
      ['EXEC'],
    ]);
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

  it('reports no mismatch', () => {
    expect(d.mismatches).toEqual([]);
  });
});
