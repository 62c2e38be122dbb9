/*
 * MULTI/EXEC/WATCH against the real server: queueing errors and EXECABORT, errors inside EXEC, WATCH
 * broken by another client, by expiry, by FLUSHDB/FLUSHALL/SWAPDB, stale watched keys, blocking
 * commands inside a transaction, and the server-state refusals (OOM, NOREPLICAS) that abort EXEC.
 */
import { describe, expect, it } from 'vitest';
import { type ClientPair, useDifferential } from './harness.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('differential: transactions', () => {
  const d = useDifferential('transactions');

  async function other(p: ClientPair, ...args: string[]): Promise<void> {
    p.send(...args);
    const [ours, theirs] = await p.next();
    d.record(`(other) ${args.join(' ')}`, ours, theirs);
  }

  it('queueing errors, EXECABORT and errors inside EXEC', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['EXEC'],
      ['DISCARD'],
      ['MULTI'],
      ['MULTI'],
      ['WATCH', 'x'],
      ['SET', 'a', '1'],
      ['LPUSH', 'a', 'x'],
      ['INCR'],
      ['NOSUCH', 'cmd'],
      ['EXEC'],
      ['GET', 'a'],
      ['MULTI'],
      ['SET', 'a', 'str'],
      ['LPUSH', 'a', 'x'],
      ['INCR', 'a'],
      ['GET', 'a'],
      ['EXEC'],
      ['MULTI'],
      ['EXEC'],
      ['MULTI'],
      ['PING'],
      ['DISCARD'],
      ['MULTI'],
      ['SUBSCRIBE', 'ch'],
      ['EXEC'],
      ['MULTI'],
      ['BLPOP', 'empty', '0'],
      ['BRPOP', 'empty', '0'],
      ['BLMOVE', 'e1', 'e2', 'LEFT', 'LEFT', '0'],
      ['BZPOPMIN', 'ez', '0'],
      ['EXEC'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('WATCH broken by another client, by expiry, by flushes and SWAPDB', async () => {
    const b = await d.openPair();
    await d.checkAll([['FLUSHALL'], ['SET', 'w', '1'], ['WATCH', 'w'], ['MULTI'], ['INCR', 'w']]);
    await other(b, 'SET', 'w', '2');
    await d.checkAll([['EXEC'], ['GET', 'w']]);
    // Unchanged by a write to another key; UNWATCH forgets.
    await d.checkAll([['WATCH', 'w'], ['MULTI'], ['INCR', 'w']]);
    await other(b, 'SET', 'unrelated', '1');
    await d.checkAll([['EXEC'], ['WATCH', 'w'], ['UNWATCH']]);
    await other(b, 'SET', 'w', '3');
    await d.checkAll([['MULTI'], ['GET', 'w'], ['EXEC']]);
    // A watched key that expires before EXEC.
    await d.checkAll([['SET', 'e', '1', 'PX', '40'], ['WATCH', 'e'], ['MULTI'], ['GET', 'e']]);
    await sleep(80);
    await d.checkAll([['EXEC']]);
    // A key already stale when watched, deleted later: no change.
    await d.checkAll([
      ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'],
      ['SET', 's', '1', 'PX', '1'],
    ]);
    await sleep(20);
    await d.checkAll([['WATCH', 's'], ['DEL', 's'], ['MULTI'], ['PING'], ['EXEC']]);
    await d.checkAll([['DEBUG', 'SET-ACTIVE-EXPIRE', '1']]);
    // FLUSHDB / FLUSHALL / SWAPDB from another client.
    for (const flush of [['FLUSHDB'], ['FLUSHALL'], ['SWAPDB', '0', '1']]) {
      await d.checkAll([['SET', 'f', '1'], ['WATCH', 'f'], ['MULTI'], ['GET', 'f']]);
      await other(b, ...flush);
      await d.checkAll([['EXEC']]);
    }
    await d.checkAll([['WATCH', 'missing'], ['MULTI'], ['PING']]);
    await other(b, 'FLUSHDB');
    await d.checkAll([['EXEC']]);
    await d.checkAll([
      ['SELECT', '1'],
      ['SET', 'g', '1'],
      ['WATCH', 'g'],
      ['SELECT', '0'],
      ['MULTI'],
      ['PING'],
    ]);
    await other(b, 'SWAPDB', '0', '1');
    await d.checkAll([['EXEC'], ['FLUSHALL']]);
    b.close();
    expect(d.mismatches).toEqual([]);
  });

  it('OOM and NOREPLICAS refusals abort the transaction', async () => {
    const b = await d.openPair();
    await d.checkAll([['SET', 'x', 'v'], ['MULTI'], ['SET', 'y', '1'], ['GET', 'x']]);
    await other(b, 'CONFIG', 'SET', 'maxmemory', '1');
    await d.checkAll([['EXEC'], ['SET', 'y', '1'], ['GET', 'x'], ['MULTI'], ['GET', 'x'], ['DISCARD']]);
    await d.checkAll([['MULTI']]);
    await d.checkAll([['GET', 'x'], ['EXEC']]);
    await other(b, 'CONFIG', 'SET', 'maxmemory', '0');
    await d.checkAll([['MULTI'], ['GET', 'x'], ['PING']]);
    await other(b, 'CONFIG', 'SET', 'maxmemory', '1');
    await d.checkAll([['EXEC']]);
    await other(b, 'CONFIG', 'SET', 'maxmemory', '0');
    await d.checkAll([['MULTI'], ['INCR', 'cnt']]);
    await other(b, 'CONFIG', 'SET', 'min-replicas-to-write', '2');
    await d.checkAll([['EXEC'], ['GET', 'cnt'], ['SET', 'cnt', '1'], ['GET', 'cnt']]);
    await other(b, 'CONFIG', 'SET', 'min-replicas-to-write', '0');
    b.close();
    expect(d.mismatches).toEqual([]);
  });
});
