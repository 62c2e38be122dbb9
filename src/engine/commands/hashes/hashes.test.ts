import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../bytes.ts';
import type { Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';

function texts(r: Reply | undefined): string[] {
  if (r?.t === 'map')
    return r.m.flatMap(([a, b]) => [...texts({ t: 'array', a: [a] }), ...texts({ t: 'array', a: [b] })]);
  if (r === undefined || (r.t !== 'array' && r.t !== 'set')) return [];
  return r.a.map((x) => (x.t === 'bulk' ? bin(x.b) : x.t === 'array' ? texts(x).join('=') : x.t));
}

function setup() {
  const { node } = testNode();
  const t = testClient(node);
  const enc = (key: string): string | undefined => node.dbs[0]!.dict.get(bin(utf8(key)))?.enc;
  return { node, t, enc };
}

describe('hash family', () => {
  it('keeps listpack order and converts at both thresholds', () => {
    const { t, enc } = setup();
    t.call('HSET', 'h', 'b', '1', 'a', '2');
    t.call('HSET', 'h', 'b', '3');
    expect(texts(t.call('HGETALL', 'h'))).toEqual(['b', '3', 'a', '2']);
    expect(enc('h')).toBe('listpack');
    t.call('CONFIG', 'SET', 'hash-max-listpack-entries', '2');
    t.call('HSET', 'h', 'c', '1');
    expect(enc('h')).toBe('hashtable');
    t.call('HSET', 'v', 'f', 'x'.repeat(65));
    expect(enc('v')).toBe('hashtable');
    t.call('HINCRBY', 'i', 'y'.repeat(65), '1');
    expect(enc('i')).toBe('hashtable');
  });

  it('counts dirty per pair and notifies hset / hdel / del', () => {
    const { node, t } = setup();
    const events: string[] = [];
    const original = node.notify.bind(node);
    node.notify = (cls, event, key, db) => {
      events.push(`${event} ${key}`);
      original(cls, event, key, db);
    };
    const before = node.dirty;
    t.call('HSET', 'h', 'a', '1', 'a', '2');
    expect(node.dirty - before).toBe(2);
    t.call('HDEL', 'h', 'a', 'zz');
    expect(events).toEqual(['hset h', 'hdel h', 'del h']);
  });

  it('HINCRBYFLOAT answers long double text and refuses non-finite results', () => {
    const { t } = setup();
    expect(t.call('HINCRBYFLOAT', 'h', 'f', '0.1')).toEqual({ t: 'bulk', b: utf8('0.1') });
    expect(t.call('HINCRBYFLOAT', 'h', 'f', 'inf')).toEqual({
      t: 'error',
      s: 'ERR value is NaN or Infinity',
    });
    t.call('HSET', 'h', 'x', 'abc');
    expect(t.call('HINCRBYFLOAT', 'h', 'x', '1')).toEqual({ t: 'error', s: 'ERR hash value is not a float' });
    expect(t.call('HINCRBY', 'h', 'x', '1')).toEqual({ t: 'error', s: 'ERR hash value is not an integer' });
  });

  it('HRANDFIELD: distinct for positive counts, repeats for negative, every field reachable', () => {
    const { t } = setup();
    t.call('HSET', 'h', ...Array.from({ length: 10 }, (_, i) => [`f${i}`, `v${i}`]).flat());
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const three = texts(t.call('HRANDFIELD', 'h', '3'));
      expect(new Set(three).size).toBe(3);
      three.forEach((f) => seen.add(f));
    }
    expect(seen.size).toBe(10);
    expect(texts(t.call('HRANDFIELD', 'h', '-30'))).toHaveLength(30);
    expect(texts(t.call('HRANDFIELD', 'h', '-2', 'WITHVALUES'))).toHaveLength(4);
    expect(texts(t.call('HRANDFIELD', 'h', '100'))).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}`));
  });

  it('HSCAN walks a hashtable hash to the end, every field once', () => {
    const { t } = setup();
    t.call('HSET', 'h', ...Array.from({ length: 300 }, (_, i) => [`f${i}`, 'v']).flat());
    const fields: string[] = [];
    let cursor = '0';
    do {
      const r = t.call('HSCAN', 'h', cursor, 'COUNT', '17')!;
      if (r.t !== 'array') throw new Error('not an array');
      cursor = texts(r)[0]!;
      fields.push(...texts(r.a[1]).filter((_, i) => i % 2 === 0));
    } while (cursor !== '0');
    expect(new Set(fields).size).toBe(300);
    expect(fields).toHaveLength(300);
  });
});
