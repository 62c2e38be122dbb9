import { describe, expect, it } from 'vitest';
import { fieldAdd, firstBit, getSigned, getUnsigned, popcount, setBits } from './bits.ts';

describe('bit helpers', () => {
  it('counts bits and finds the first bit in Redis order', () => {
    const p = Uint8Array.of(0x00, 0x10, 0xff);
    expect(popcount(p)).toBe(9);
    expect(popcount(p, 1, 2)).toBe(1);
    expect(firstBit(p, 0, 3, 1)).toBe(11);
    expect(firstBit(p, 0, 3, 0)).toBe(0);
    expect(firstBit(Uint8Array.of(0xff), 0, 1, 0)).toBe(8);
    expect(firstBit(Uint8Array.of(0), 0, 1, 1)).toBe(-1);
  });

  it('packs integers at bit offsets, most significant bit first', () => {
    const p = new Uint8Array(2);
    setBits(p, 7, 5, 23n);
    expect([...p]).toEqual([0b00000001, 0b01110000]);
    expect(getUnsigned(p, 7, 5)).toBe(23n);
    expect(getSigned(p, 7, 5)).toBe(-9n);
    expect(getUnsigned(p, 12, 64)).toBe(0n);
  });

  it('applies WRAP, SAT and FAIL as Redis does', () => {
    expect(fieldAdd(100n, 100n, 8, true, 'wrap')).toEqual({ value: -56n, overflow: true });
    expect(fieldAdd(100n, 100n, 8, true, 'sat')).toEqual({ value: 127n, overflow: true });
    expect(fieldAdd(-1n, 0n, 8, false, 'sat')).toEqual({ value: 255n, overflow: true });
    expect(fieldAdd(-1n, 0n, 8, false, 'wrap')).toEqual({ value: 255n, overflow: true });
    expect(fieldAdd(3n, -5n, 4, false, 'sat')).toEqual({ value: 0n, overflow: true });
    expect(fieldAdd(5n, 1n, 4, false, 'fail').overflow).toBe(false);
    // Redis's 64-bit comparison saturates this far-below value upward.
    expect(fieldAdd(-(2n ** 63n), 0n, 33, true, 'sat')).toEqual({ value: 2n ** 32n - 1n, overflow: true });
    expect(fieldAdd(2n ** 63n - 1n, 1n, 64, true, 'wrap')).toEqual({ value: -(2n ** 63n), overflow: true });
  });
});
