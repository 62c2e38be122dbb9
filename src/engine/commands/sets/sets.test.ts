import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../bytes.ts';
import type { Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';

function texts(r: Reply | undefined): string[] {
  if (r === undefined || (r.t !== 'array' && r.t !== 'set')) return [];
  return r.a.map((x) => (x.t === 'bulk' ? bin(x.b) : x.t));
}

function setup() {
  const { node } = testNode();
  const t = testClient(node);
  const enc = (key: string): string | undefined => node.dbs[0]!.dict.get(bin(utf8(key)))?.enc;
  return { node, t, enc };
}

describe('set family', () => {
  it('intset holds canonical integers in order and converts on anything else', () => {
    const { t, enc } = setup();
    t.call('SADD', 's', '10', '-2', '3');
    expect(texts(t.call('SMEMBERS', 's'))).toEqual(['-2', '3', '10']);
    expect(enc('s')).toBe('intset');
    t.call('SADD', 's', '01');
    expect(enc('s')).toBe('hashtable');
    t.call('SREM', 's', '01');
    expect(enc('s')).toBe('hashtable');
    t.call('CONFIG', 'SET', 'set-max-intset-entries', '2');
    t.call('SADD', 'n', '1', '2');
    expect(enc('n')).toBe('intset');
    t.call('SADD', 'n', '3');
    expect(enc('n')).toBe('hashtable');
  });

  it('store results start as intsets; SDIFF picks the algorithm that decides the encoding', () => {
    const { t, enc } = setup();
    t.call('SADD', 'a', 'x', '1', '2');
    t.call('SADD', 'b', 'x');
    t.call('SDIFFSTORE', 'd1', 'a', 'b');
    expect(enc('d1')).toBe('intset');
    for (const k of ['o1', 'o2', 'o3', 'o4', 'o5']) t.call('SADD', k, k === 'o1' ? 'x' : '99');
    t.call('SADD', 'a', '3', '4', '5', '6', '7', '8', '9', '10');
    t.call('SDIFFSTORE', 'd2', 'a', 'o1', 'o2', 'o3', 'o4', 'o5');
    expect(enc('d2')).toBe('hashtable');
    expect(t.call('SCARD', 'd2')).toEqual({ t: 'int', n: 10 });
  });

  it('SPOP with a count removes exactly the answered members, by each strategy', () => {
    for (const count of [2, 9, 10, 15]) {
      const { t } = setup();
      const all = Array.from({ length: 10 }, (_, i) => `m${i}`);
      t.call('SADD', 's', ...all);
      const popped = texts(t.call('SPOP', 's', String(count)));
      expect(new Set(popped).size).toBe(Math.min(count, 10));
      const left = texts(t.call('SMEMBERS', 's'));
      expect([...popped, ...left].sort()).toEqual(all.sort());
    }
  });

  it('SPOP rebuilding gives an all-integer remainder the intset encoding', () => {
    const { t, enc } = setup();
    t.call('SADD', 's', '1', '2', '3', '4', '5', '6', 'a');
    t.call('SREM', 's', 'a');
    t.call('SPOP', 's', '5');
    expect(enc('s')).toBe('intset');
    expect(t.call('SCARD', 's')).toEqual({ t: 'int', n: 1 });
  });

  it('SRANDMEMBER count rules', () => {
    const { t } = setup();
    t.call('SADD', 's', 'a', 'b', 'c', 'd');
    expect(new Set(texts(t.call('SRANDMEMBER', 's', '3'))).size).toBe(3);
    expect(texts(t.call('SRANDMEMBER', 's', '-9'))).toHaveLength(9);
    expect(texts(t.call('SRANDMEMBER', 's', '9')).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(t.call('SRANDMEMBER', 's', '0')).toEqual({ t: 'array', a: [] });
  });

  it('SMOVE between encodings and SINTERCARD limits', () => {
    const { t, enc } = setup();
    t.call('SADD', 'src', 'a', 'b');
    t.call('SADD', 'dst', '1');
    expect(t.call('SMOVE', 'src', 'dst', 'a')).toEqual({ t: 'int', n: 1 });
    expect(enc('dst')).toBe('hashtable');
    expect(t.call('SINTERCARD', '1', 'dst', 'LIMIT', '1')).toEqual({ t: 'int', n: 1 });
    expect(t.call('SINTERCARD', '0', 'dst')).toEqual({
      t: 'error',
      s: 'ERR numkeys should be greater than 0',
    });
  });
});
