import { describe, expect, it } from 'vitest';
import { arr, bulk, map, simple, verbatim } from '../engine/resp/reply.ts';
import { toWire } from './wire.ts';

describe('toWire', () => {
  it('copies byte views so only their own bytes cross the boundary', () => {
    const big = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const w = toWire(
      arr([bulk(big.subarray(2, 4)), map([[simple('k'), verbatim('txt', big.subarray(0, 1))]])]),
    );
    if (w.t !== 'array') throw new Error(w.t);
    const b = w.a[0]!;
    if (b.t !== 'bulk') throw new Error(b.t);
    expect([...b.b]).toEqual([3, 4]);
    expect(b.b.buffer.byteLength).toBe(2);
    expect(w.a[1]).toEqual({
      t: 'map',
      m: [
        [
          { t: 'simple', s: 'k' },
          { t: 'verbatim', format: 'txt', b: new Uint8Array([1]) },
        ],
      ],
    });
  });

  it('passes arrays that own their buffer unchanged', () => {
    const own = new Uint8Array([9]);
    const w = toWire(bulk(own));
    expect(w.t === 'bulk' && w.b).toBe(own);
  });
});
