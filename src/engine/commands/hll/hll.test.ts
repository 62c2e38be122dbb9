import { describe, expect, it } from 'vitest';
import { testClient, testNode } from '../../testkit.ts';
import { selfTest } from './debug.ts';

describe('HyperLogLog commands on the manual clock', () => {
  it('PFSELFTEST checks pass (at a reduced size: the full run hashes 20 million elements)', () => {
    const { node } = testNode();
    const t = testClient(node);
    expect(selfTest(t.client, { registerRounds: 20, elements: 200_000 })).toBeUndefined();
  });

  it('PFADD counts dirty per raised register, PFCOUNT once when it refreshes the cache', () => {
    const { node } = testNode();
    const t = testClient(node);
    const before = node.dirty;
    expect(t.call('PFADD', 'h', 'a', 'b', 'a')).toEqual({ t: 'int', n: 1 });
    expect(node.dirty - before).toBe(3);
    expect(t.call('PFCOUNT', 'h')).toEqual({ t: 'int', n: 2 });
    expect(node.dirty - before).toBe(4);
    expect(t.call('PFCOUNT', 'h')).toEqual({ t: 'int', n: 2 });
    expect(node.dirty - before).toBe(4);
    expect(t.call('PFDEBUG', 'ENCODING', 'h')).toEqual({ t: 'simple', s: 'sparse' });
    expect(t.call('OBJECT', 'ENCODING', 'h')).toEqual({ t: 'bulk', b: new TextEncoder().encode('raw') });
  });
});
