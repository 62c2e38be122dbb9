import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../bytes.ts';
import { arr, bulkStr, err, int, NIL, type Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';
import { parseWeight } from './compare.ts';
import { limitWindow } from './load.ts';

const bulks = (...xs: string[]): Reply => arr(xs.map(bulkStr));

function setup() {
  const { node } = testNode();
  const t = testClient(node);
  const events: string[] = [];
  const original = node.notify.bind(node);
  node.notify = (cls, event, key, db) => {
    events.push(`${event} ${key}`);
    original(cls, event, key, db);
  };
  return { node, t, events };
}

describe('limitWindow', () => {
  it('clamps like Redis', () => {
    expect(limitWindow(0n, -1n, 5)).toEqual([0, 4]);
    expect(limitWindow(-3n, 2n, 5)).toEqual([0, 1]);
    expect(limitWindow(2n, 100n, 5)).toEqual([2, 4]);
    expect(limitWindow(5n, 1n, 5)).toEqual([4, 3]);
    expect(limitWindow(1n, 0n, 5)).toEqual([1, 0]);
    expect(limitWindow(0n, -1n, 0)).toEqual([-1, -2]);
    expect(limitWindow(9223372036854775807n, 9223372036854775807n, 3)).toEqual([2, 1]);
  });
});

describe('parseWeight', () => {
  it('reads C doubles up to a NUL, refusing NaN and out-of-range values', () => {
    expect(parseWeight(utf8(' 1.5'))).toBe(1.5);
    expect(parseWeight(utf8(''))).toBe(0);
    expect(parseWeight(utf8('0x10'))).toBe(16);
    expect(parseWeight(utf8('-inf'))).toBe(-Infinity);
    expect(parseWeight(Uint8Array.from([55, 0, 120]))).toBe(7);
    for (const bad of ['1 ', 'nan', '1e400', '1e-310', 'abc', '1e5x'])
      expect(parseWeight(utf8(bad))).toBeNull();
  });
});

describe('SORT', () => {
  it('sorts numerically, ALPHA, DESC, with LIMIT', () => {
    const { t } = setup();
    t.call('RPUSH', 'l', '10', '2', '-1', '2.5');
    expect(t.call('SORT', 'l')).toEqual(bulks('-1', '2', '2.5', '10'));
    expect(t.call('SORT', 'l', 'ALPHA', 'DESC')).toEqual(bulks('2.5', '2', '10', '-1'));
    expect(t.call('SORT', 'l', 'LIMIT', '1', '2')).toEqual(bulks('2', '2.5'));
    expect(t.call('SORT', 'l', 'BY', 'nosort', 'DESC', 'LIMIT', '0', '2')).toEqual(bulks('2.5', '-1'));
    t.call('RPUSH', 'bad', 'x');
    expect(t.call('SORT', 'bad')).toEqual(err("ERR One or more scores can't be converted into double"));
  });

  it('uses BY weights and GET patterns from strings and hash fields', () => {
    const { t } = setup();
    t.call('RPUSH', 'l', 'a', 'b', 'c');
    t.call('MSET', 'w_a', '3', 'w_b', '1');
    t.call('HSET', 'h_a', 'f', 'x');
    expect(t.call('SORT', 'l', 'BY', 'w_*')).toEqual(bulks('c', 'b', 'a'));
    expect(t.call('SORT', 'l', 'BY', 'w_*', 'GET', '#', 'GET', 'h_*->f')).toEqual(
      arr([bulkStr('c'), NIL, bulkStr('b'), NIL, bulkStr('a'), bulkStr('x')]),
    );
    expect(t.call('SORT', 'l', 'BY', 'w_*', 'ALPHA')).toEqual(bulks('c', 'b', 'a'));
  });

  it('STORE writes a list, fires sortstore, counts dirty, deletes on empty results', () => {
    const { node, t, events } = setup();
    t.call('SADD', 's', '3', '1', '2');
    t.call('SET', 'dst', 'old');
    t.call('EXPIRE', 'dst', '100');
    events.length = 0;
    const dirty = node.dirty;
    expect(t.call('SORT', 's', 'STORE', 'dst')).toEqual(int(3));
    expect(node.dirty - dirty).toBe(3);
    expect(events).toEqual(['sortstore dst']);
    expect(t.call('LRANGE', 'dst', '0', '-1')).toEqual(bulks('1', '2', '3'));
    expect(t.call('TTL', 'dst')).toEqual(int(-1));
    events.length = 0;
    expect(t.call('SORT', 'nokey', 'STORE', 'dst')).toEqual(int(0));
    expect(events).toEqual(['keymiss nokey', 'del dst']);
    expect(t.call('EXISTS', 'dst')).toEqual(int(0));
  });

  it('SORT_RO refuses STORE; errors come before WRONGTYPE', () => {
    const { t } = setup();
    t.call('SET', 'str', 'x');
    expect(t.call('SORT_RO', 'str', 'STORE', 'd')).toEqual(err('ERR syntax error'));
    expect(t.call('SORT', 'str', 'LIMIT', 'a', '1')).toEqual(
      err('ERR value is not an integer or out of range'),
    );
    expect(t.call('SORT', 'str')).toEqual(
      err('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
  });

  it('converts a listpack sorted set to a skiplist and keeps score order with BY nosort', () => {
    const { node, t } = setup();
    t.call('ZADD', 'z', '2', 'b', '1', 'c', '3', 'a');
    expect(t.call('SORT_RO', 'z', 'BY', 'nosort', 'DESC')).toEqual(bulks('a', 'b', 'c'));
    expect(node.dbs[0]!.dict.get(bin(utf8('z')))?.enc).toBe('skiplist');
  });
});
