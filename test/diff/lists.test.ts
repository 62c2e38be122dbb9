/*
 * Differential hand cases for the list family against a real redis-server: replies and error texts,
 * argument-checking order, encodings, keyspace events, dirty and hit/miss counters, and the blocking
 * commands inside MULTI (where they never block).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';
import { batchCheck, EventRecorder, resetBoth, type Cmd } from './strings-helpers.ts';

/** SCAN's keys, sorted (their order is not part of the contract). */
function scanKeys(r: Reply): unknown {
  if (r.t !== 'array' || r.a[1]?.t !== 'array') return r;
  return r.a[1].a.map((k) => (k.t === 'bulk' ? bin(k.b) : k.t)).sort();
}

describe('differential lists', () => {
  const d = useDifferential('lists');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

  it('pushes and pops with counts, errors and wrong types', async () => {
    await resetBoth(d);
    await batch('push/pop', [
      ['LPUSH', 'l', 'a', 'b', 'c'],
      ['RPUSH', 'l', '1', '2', '-3', '99999999999'],
      ['LPUSHX', 'nol', 'x'],
      ['RPUSHX', 'nol', 'x'],
      ['LPUSHX', 'l', 'x', 'y'],
      ['RPUSHX', 'l', 'z'],
      ['LRANGE', 'l', '0', '-1'],
      ['LPOP', 'l'],
      ['RPOP', 'l'],
      ['LPOP', 'l', '2'],
      ['RPOP', 'l', '2'],
      ['LPOP', 'l', '0'],
      ['LPOP', 'l', '-1'],
      ['LPOP', 'l', 'x'],
      ['LPOP', 'l', '1', '2'],
      ['LPOP', 'nol'],
      ['LPOP', 'nol', '2'],
      ['LPOP', 'nol', '0'],
      ['RPOP', 'l', '100'],
      ['EXISTS', 'l'],
      ['SET', 's', 'v'],
      ['LPUSH', 's', 'x'],
      ['RPUSHX', 's', 'x'],
      ['LPOP', 's'],
      ['LLEN', 's'],
      ['LPUSH', 'l'],
    ]);
  });

  it('reads: LLEN LINDEX LRANGE LPOS', async () => {
    await resetBoth(d);
    await batch('reads', [
      ['RPUSH', 'l', 'a', 'b', 'c', 'b', 'a', 'b', '10', '-5'],
      ['LLEN', 'l'],
      ['LLEN', 'nol'],
      ['LINDEX', 'l', '0'],
      ['LINDEX', 'l', '-1'],
      ['LINDEX', 'l', '8'],
      ['LINDEX', 'l', '-9'],
      ['LINDEX', 'l', 'x'],
      ['LINDEX', 'nol', 'x'],
      ['LRANGE', 'l', '0', '2'],
      ['LRANGE', 'l', '-3', '-1'],
      ['LRANGE', 'l', '5', '2'],
      ['LRANGE', 'l', '-100', '100'],
      ['LRANGE', 'l', '8', '10'],
      ['LRANGE', 'l', 'a', '1'],
      ['LRANGE', 'nol', 'a', '1'],
      ['LRANGE', 'nol', '0', '1'],
      ['LPOS', 'l', 'b'],
      ['LPOS', 'l', 'b', 'RANK', '2'],
      ['LPOS', 'l', 'b', 'RANK', '-1'],
      ['LPOS', 'l', 'b', 'RANK', '-2', 'COUNT', '0'],
      ['LPOS', 'l', 'b', 'COUNT', '0'],
      ['LPOS', 'l', 'b', 'COUNT', '2'],
      ['LPOS', 'l', 'b', 'COUNT', '0', 'MAXLEN', '3'],
      ['LPOS', 'l', 'b', 'RANK', '5'],
      ['LPOS', 'l', 'b', 'RANK', '5', 'COUNT', '1'],
      ['LPOS', 'l', 'zz'],
      ['LPOS', 'l', 'b', 'RANK', '0'],
      ['LPOS', 'l', 'b', 'COUNT', '-1'],
      ['LPOS', 'l', 'b', 'MAXLEN', '-1'],
      ['LPOS', 'l', 'b', 'RANK'],
      ['LPOS', 'l', 'b', 'FOO', '1'],
      ['LPOS', 'l', 'b', 'RANK', 'x'],
      ['LPOS', 'nol', 'b'],
      ['LPOS', 'nol', 'b', 'COUNT', '1'],
      ['SET', 's', 'v'],
      ['LPOS', 's', 'b'],
      ['LINDEX', 's', '0'],
      ['LRANGE', 's', '0', '1'],
    ]);
  });

  it('edits: LSET LINSERT LREM LTRIM', async () => {
    await resetBoth(d);
    await batch('edits', [
      ['RPUSH', 'l', 'a', 'b', 'c', 'b', 'a', 'b'],
      ['LSET', 'l', '0', 'A'],
      ['LSET', 'l', '-1', 'B'],
      ['LSET', 'l', '6', 'x'],
      ['LSET', 'l', 'x', 'x'],
      ['LSET', 'nol', 'x', 'x'],
      ['LINSERT', 'l', 'BEFORE', 'b', 'pre'],
      ['LINSERT', 'l', 'after', 'b', 'post'],
      ['LINSERT', 'l', 'after', 'zz', 'post'],
      ['LINSERT', 'l', 'middle', 'b', 'post'],
      ['LINSERT', 'nol', 'middle', 'b', 'post'],
      ['LINSERT', 'nol', 'before', 'b', 'post'],
      ['LRANGE', 'l', '0', '-1'],
      ['LREM', 'l', '1', 'b'],
      ['LREM', 'l', '-1', 'b'],
      ['LREM', 'l', '0', 'zz'],
      ['LREM', 'l', 'x', 'b'],
      ['LREM', 'nol', '0', 'b'],
      ['LRANGE', 'l', '0', '-1'],
      ['LTRIM', 'l', '1', '-2'],
      ['LRANGE', 'l', '0', '-1'],
      ['LTRIM', 'l', '0', '100'],
      ['LTRIM', 'l', 'x', '1'],
      ['LTRIM', 'nol', '0', '1'],
      ['LTRIM', 'l', '5', '1'],
      ['EXISTS', 'l'],
      ['RPUSH', 'r', 'x', 'x', 'y', 'x'],
      ['LREM', 'r', '0', 'x'],
      ['LREM', 'r', '0', 'y'],
      ['EXISTS', 'r'],
      ['SET', 's', 'v'],
      ['LSET', 's', '0', 'x'],
      ['LINSERT', 's', 'before', 'a', 'b'],
      ['LREM', 's', '0', 'a'],
      ['LTRIM', 's', '0', '1'],
    ]);
  });

  it('moves: LMOVE RPOPLPUSH LMPOP', async () => {
    await resetBoth(d);
    await batch('moves', [
      ['RPUSH', 'a', '1', '2', '3'],
      ['LMOVE', 'a', 'b', 'LEFT', 'RIGHT'],
      ['LMOVE', 'a', 'b', 'right', 'left'],
      ['LMOVE', 'a', 'a', 'LEFT', 'RIGHT'],
      ['LRANGE', 'a', '0', '-1'],
      ['LMOVE', 'a', 'b', 'UP', 'LEFT'],
      ['LMOVE', 'nol', 'b', 'UP', 'LEFT'],
      ['LMOVE', 'nol', 'b', 'LEFT', 'LEFT'],
      ['RPOPLPUSH', 'a', 'b'],
      ['RPOPLPUSH', 'a', 'b'],
      ['RPOPLPUSH', 'nol', 'b'],
      ['LRANGE', 'b', '0', '-1'],
      ['EXISTS', 'a'],
      ['SET', 's', 'v'],
      ['RPOPLPUSH', 'b', 's'],
      ['RPOPLPUSH', 's', 'b'],
      ['LMOVE', 'b', 's', 'LEFT', 'LEFT'],
      ['LLEN', 'b'],
      ['RPUSH', 'm1', 'a', 'b', 'c'],
      ['RPUSH', 'm2', 'x'],
      ['LMPOP', '2', 'nol', 'm1', 'LEFT'],
      ['LMPOP', '2', 'nol', 'm1', 'RIGHT', 'COUNT', '5'],
      ['LMPOP', '2', 'm1', 'm2', 'LEFT', 'COUNT', '1'],
      ['LMPOP', '1', 'nol', 'LEFT'],
      ['LMPOP', '2', 's', 'm2', 'LEFT'],
      ['LMPOP', '0', 'm2', 'LEFT'],
      ['LMPOP', 'x', 'm2', 'LEFT'],
      ['LMPOP', '3', 'm2', 'LEFT'],
      ['LMPOP', '1', 'm2', 'UP'],
      ['LMPOP', '1', 'm2', 'LEFT', 'COUNT'],
      ['LMPOP', '1', 'm2', 'LEFT', 'COUNT', '0'],
      ['LMPOP', '1', 'm2', 'LEFT', 'COUNT', '1', 'COUNT', '1'],
      ['LMPOP', '1', 'm2', 'LEFT', 'FOO'],
    ]);
  });

  it('blocking commands without waiting, and inside MULTI', async () => {
    await resetBoth(d);
    await batch('blocking, served at once', [
      ['RPUSH', 'a', '1', '2', '3'],
      ['BLPOP', 'nol', 'a', '0'],
      ['BRPOP', 'nol', 'a', '0.5'],
      ['BLMPOP', '0', '2', 'nol', 'a', 'LEFT', 'COUNT', '3'],
      ['RPUSH', 'a', '1', '2'],
      ['BLMOVE', 'a', 'b', 'LEFT', 'LEFT', '0'],
      ['BRPOPLPUSH', 'a', 'b', '0'],
      ['BLPOP', 'a', '-1'],
      ['BLPOP', 'a', 'x'],
      ['BLPOP', 'a', 'inf'],
      ['BLPOP', 'a', '-inf'],
      ['BLPOP', 'a', 'nan'],
      ['BLPOP', 'a', '1e30'],
      ['BLMOVE', 'a', 'b', 'LEFT', 'UP', 'x'],
      ['BLMOVE', 'a', 'b', 'LEFT', 'LEFT', 'x'],
      ['BLMPOP', 'x', '0', 'a', 'LEFT'],
      ['BLMPOP', 'x', '1', 'a', 'LEFT'],
      ['BLMPOP', '-1', '1', 'a', 'LEFT'],
      ['SET', 's', 'v'],
      ['BLPOP', 'nol', 's', '0'],
      ['BLMOVE', 's', 'b', 'LEFT', 'LEFT', '0'],
      ['BLMOVE', 'b', 's', 'LEFT', 'LEFT', '0'],
      ['MULTI'],
      ['BLPOP', 'nol', '0'],
      ['BRPOP', 'nol', '1'],
      ['BLMOVE', 'nol', 'b', 'LEFT', 'LEFT', '0'],
      ['BRPOPLPUSH', 'nol', 'b', '0'],
      ['BLMPOP', '0', '1', 'nol', 'LEFT'],
      ['LPUSH', 'nol', 'v'],
      ['BLPOP', 'nol', '0'],
      ['EXEC'],
    ]);
  });

  it('encodings and TYPE are those of Redis 7.0', async () => {
    await resetBoth(d);
    await d.checkAll([
      ['RPUSH', 'l', 'a'],
      ['TYPE', 'l'],
      ['OBJECT', 'ENCODING', 'l'],
      ['CONFIG', 'SET', 'list-max-listpack-size', '2'],
      ['RPUSH', 'l2', 'a', 'b', 'c', 'd', 'e'],
      ['OBJECT', 'ENCODING', 'l2'],
      ['CONFIG', 'SET', 'list-max-listpack-size', '-2'],
      ['COPY', 'l2', 'l3'],
      ['LRANGE', 'l3', '0', '-1'],
      ['OBJECT', 'ENCODING', 'l3'],
    ]);
    await d.check(['SCAN', '0', 'TYPE', 'list'], { project: scanKeys });
    expect(d.mismatches).toEqual([]);
  });

  it('RESP3 replies', async () => {
    await resetBoth(d);
    await d.both('HELLO', '3');
    await d.checkAll([
      ['RPUSH', 'l', 'a', 'b'],
      ['LPOP', 'nol'],
      ['LPOP', 'nol', '2'],
      ['LPOP', 'l', '1'],
      ['LPOS', 'l', 'b'],
      ['LPOS', 'l', 'zz'],
      ['LPOS', 'l', 'b', 'COUNT', '0'],
      ['LINDEX', 'l', '5'],
      ['LMPOP', '1', 'nol', 'LEFT'],
      ['LMPOP', '1', 'l', 'LEFT'],
      ['MULTI'],
      ['BLPOP', 'nol', '0'],
      ['BLMOVE', 'nol', 'x', 'LEFT', 'LEFT', '0'],
      ['EXEC'],
    ]);
    await d.both('HELLO', '2');
    d.resp = 2;
  });

  it('has no mismatches', () => {
    expect(d.mismatches).toEqual([]);
  });
});
