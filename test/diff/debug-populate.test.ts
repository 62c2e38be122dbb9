/*
 * DEBUG POPULATE against redis-server: keys, values (with and without a size), existing keys kept,
 * argument errors, and that it counts no change.
 */
import { describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';

describe('DEBUG POPULATE', () => {
  const d = useDifferential('debug-populate');

  it('fills the db as Redis does', async () => {
    await d.check(['FLUSHALL']);
    await d.check(['SET', 'key:3', 'mine']);
    await d.check(['DEBUG', 'POPULATE', '10']);
    await d.check(['DBSIZE']);
    await d.check(['MGET', 'key:0', 'key:3', 'key:9', 'key:10']);
    await d.check(['DEBUG', 'POPULATE', '5', 'p', '3']);
    await d.check(['MGET', 'p:0', 'p:4']);
    await d.check(['DEBUG', 'POPULATE', '2', 'z', '12']);
    await d.check(['GET', 'z:1']);
    await d.check(['OBJECT', 'ENCODING', 'z:1']);
    await d.check(['DEBUG', 'POPULATE', '3', 'q', '0']);
    await d.check(['GET', 'q:2']);
    await d.check(['DEBUG', 'POPULATE', '-1']);
    await d.check(['DEBUG', 'POPULATE', 'x']);
    await d.check(['DEBUG', 'POPULATE', '1', 'k', '-5']);
    await d.check(['DEBUG', 'POPULATE', '1', 'k', '1', 'extra']);
    await d.check(['DEBUG', 'POPULATE', '0']);
    await d.check(['DBSIZE']);
    expect(d.mismatches).toEqual([]);
  });
});
