/*
 * DEBUG DIGEST / DIGEST-VALUE against hexes answered by a real redis-server 7.0.15 for the same data
 * (string, int string, string with TTL, list a b c, intset {1,2,3}, hashtable set {1,a}, hash
 * {f1:v1,f2:v2}). Collections are built directly so this does not depend on their command families.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { HashTable } from '../ds/hashtable.ts';
import { Intset } from '../ds/intset.ts';
import { Quicklist } from '../ds/quicklist.ts';
import { arr, bulkStr, simple } from '../resp/reply.ts';
import type { RValue } from '../server/object.ts';
import { testClient, testNode } from '../testkit.ts';

const meta = { lru: 0, lfu: 5 };

function sampleValues(): Record<string, RValue> {
  const ql = new Quicklist();
  for (const e of ['a', 'b', 'c']) ql.pushTail(utf8(e));
  const ints = new Intset();
  for (const n of [1n, 2n, 3n]) ints.add(n);
  const table = new HashTable<null>();
  table.set('1', null);
  table.set('a', null);
  const fields = new HashTable<Uint8Array>();
  fields.set('f1', utf8('v1'));
  fields.set('f2', utf8('v2'));
  return {
    l: { type: 'list', enc: 'quicklist', ql, ...meta },
    si: { type: 'set', enc: 'intset', ints, table: null, ...meta },
    sh: { type: 'set', enc: 'hashtable', ints: null, table, ...meta },
    h: { type: 'hash', enc: 'listpack', fields, ...meta },
  };
}

describe('DEBUG DIGEST / DIGEST-VALUE', () => {
  it('answers the same hexes as Redis for every value kind', () => {
    const { node } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    expect(c.call('debug', 'digest')).toEqual(simple('0'.repeat(40)));
    c.call('set', 's', 'foobar');
    c.call('set', 'n', '12345');
    c.call('set', 'e', 'v', 'px', '100000');
    for (const [key, v] of Object.entries(sampleValues())) c.client.db.set(key, v);
    expect(c.call('debug', 'digest-value', 's', 'n', 'e', 'l', 'si', 'sh', 'h', 'nokey')).toEqual(
      arr(
        [
          'ca50da18efb08f00eeb6e2c4e91141b80a6d3473',
          'e1cf90774e995ae03de66e8109dc5cb9d9c2dc83',
          '311b17018163335616e089f6b951c82c477335ac',
          '8bf72d812571eea9b927f3c11beb0c4165a6ff89',
          '2a462a3f51a1db89738ebbeef0c47ce1bbc85246',
          '012434e5fd10923eb5614823e20e4674a940a6f5',
          '047cc60ea73a34cde6d08a2721a4a26d19ee6570',
          '0'.repeat(40),
        ].map(simple),
      ),
    );
    expect(c.call('debug', 'digest')).toEqual(simple('5c1dd84257a068d146e3d5e0bd7e2fe3cb28b11e'));
    c.call('select', '3');
    c.call('set', 's', 'foobar');
    expect(c.call('debug', 'digest')).toEqual(simple('fcf814d81d378ad528ff148a8e61c3337a497e78'));
  });

  it('digests sorted sets alike in both encodings, as Redis', () => {
    const { node } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    c.call('zadd', 'z', '1', 'a', '2.5', 'b', '-inf', 'c', '0.1', '12');
    c.call('config', 'set', 'zset-max-listpack-entries', '0');
    c.call('zadd', 'z2', '1', 'a', '2.5', 'b', '-inf', 'c', '0.1', '12');
    expect(c.call('object', 'encoding', 'z2')).toEqual(bulkStr('skiplist'));
    const hex = simple('b5508cd03458de8b2902d938d1e6da9206931588');
    expect(c.call('debug', 'digest-value', 'z', 'z2')).toEqual(arr([hex, hex]));
  });

  it('answers an empty array for DIGEST-VALUE without keys and refuses DIGEST with arguments', () => {
    const { node } = testNode({ config: { 'enable-debug-command': 'yes' } });
    const c = testClient(node);
    expect(c.call('debug', 'digest-value')).toEqual(arr([]));
    expect(c.call('debug', 'digest', 'x')?.t).toBe('error');
  });
});
