import { describe, expect, it } from 'vitest';
import { Intset } from './intset.ts';
import { SeededRandom } from './prng.ts';

describe('Intset', () => {
  it('keeps distinct values in ascending order', () => {
    const s = new Intset();
    for (const v of [5n, -3n, 5n, 100n, 0n]) s.add(v);
    expect([...s]).toEqual([-3n, 0n, 5n, 100n]);
    expect(s.size).toBe(4);
    expect(s.has(5n)).toBe(true);
    expect(s.has(6n)).toBe(false);
    expect(s.add(5n)).toBe(false);
  });

  it('removes values and reports absence', () => {
    const s = new Intset();
    s.add(1n);
    s.add(2n);
    expect(s.remove(1n)).toBe(true);
    expect(s.remove(1n)).toBe(false);
    expect([...s]).toEqual([2n]);
  });

  it('widens its element size as Redis does, never narrowing', () => {
    const s = new Intset();
    s.add(1n);
    expect(s.width).toBe(2);
    s.add(40000n);
    expect(s.width).toBe(4);
    s.add(-9223372036854775808n);
    expect(s.width).toBe(8);
    s.remove(-9223372036854775808n);
    expect(s.width).toBe(8);
    expect(s.blobBytes).toBe(8 + 8 * 2);
  });

  it('stays sorted and consistent under random operations, clone is independent', () => {
    const r = new SeededRandom(3);
    const s = new Intset();
    const model = new Set<bigint>();
    for (let i = 0; i < 2000; i++) {
      const v = BigInt(r.int(200) - 100) * (r.int(4) === 0 ? 2n ** 40n : 1n);
      if (r.int(3) === 0) expect(s.remove(v)).toBe(model.delete(v));
      else {
        expect(s.add(v)).toBe(!model.has(v));
        model.add(v);
      }
      expect(s.consistent()).toBe(true);
    }
    expect([...s]).toEqual([...model].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const copy = s.clone();
    copy.add(123456789n);
    expect(s.has(123456789n)).toBe(model.has(123456789n));
    expect(model.has(s.random(r)!)).toBe(true);
  });
});
