import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../ds/prng.ts';
import { partialSort } from './pqsort.ts';

const byKey = (a: [number, number], b: [number, number]): number => a[0] - b[0];

describe('partialSort', () => {
  it('sorts every position when the window covers the array', () => {
    const r = new SeededRandom(3);
    for (const n of [0, 1, 5, 6, 7, 8, 40, 41, 300]) {
      const v = Array.from({ length: n }, () => r.int(50));
      partialSort(v, (a, b) => a - b, 0, n - 1);
      expect(v).toEqual([...v].sort((a, b) => a - b));
    }
  });

  it('puts the right keys in the window, whatever lies outside', () => {
    const r = new SeededRandom(9);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + r.int(120);
      const v: [number, number][] = Array.from({ length: n }, (_, i) => [r.int(10), i]);
      const lo = r.int(n);
      const hi = Math.min(n - 1, lo + r.int(10));
      const sortedKeys = v.map((x) => x[0]).sort((a, b) => a - b);
      partialSort(v, byKey, lo, hi);
      expect(v.slice(lo, hi + 1).map((x) => x[0])).toEqual(sortedKeys.slice(lo, hi + 1));
      expect(v.map((x) => x[1]).sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    }
  });

  it('is an insertion sort below 7 elements (stable for ties)', () => {
    const v: [number, number][] = [
      [1, 0],
      [0, 1],
      [1, 2],
      [0, 3],
      [1, 4],
      [0, 5],
    ];
    partialSort(v, byKey, 0, 2);
    expect(v).toEqual([
      [0, 1],
      [0, 3],
      [0, 5],
      [1, 0],
      [1, 2],
      [1, 4],
    ]);
  });

  it('moves ties the way the Bentley-McIlroy partition does (not stable)', () => {
    // All keys equal: the pivot (middle) is swapped to the front, every other element is "equal".
    const v: [number, number][] = Array.from({ length: 8 }, (_, i) => [0, i]);
    partialSort(v, byKey, 0, 1);
    expect(v.map((x) => x[1])).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(v.map((x) => x[1])).size).toBe(8);
  });
});
