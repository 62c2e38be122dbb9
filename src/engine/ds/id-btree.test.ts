import { describe, expect, it } from 'vitest';
import { compareIds, MAX_ID, type StreamId, U64_MAX } from '../commands/streams/id.ts';
import { IdBTree } from './id-btree.ts';
import { SeededRandom } from './prng.ts';

const id = (ms: number, seq = 0): StreamId => ({ ms, seq });
const str = (k: StreamId): string => `${k.ms}-${k.seq}`;

/** Walks the tree both ways and compares with the sorted reference. */
function expectSame(t: IdBTree<number>, ref: Map<string, [StreamId, number]>): void {
  const sorted = [...ref.values()].sort((a, b) => compareIds(a[0], b[0]));
  expect(t.size).toBe(sorted.length);
  const fwd: string[] = [];
  for (const c = t.first(); c.valid; c.next()) fwd.push(`${str(c.key)}=${c.value}`);
  expect(fwd).toEqual(sorted.map(([k, v]) => `${str(k)}=${v}`));
  const back: string[] = [];
  for (const c = t.last(); c.valid; c.prev()) back.push(str(c.key));
  expect(back).toEqual(sorted.map(([k]) => str(k)).reverse());
}

describe('IdBTree', () => {
  it('gets, sets, replaces and deletes', () => {
    const t = new IdBTree<string>();
    expect(t.set(id(5), 'a')).toBe(true);
    expect(t.set(id(5), 'b')).toBe(false);
    expect(t.get(id(5))).toBe('b');
    expect(t.get(id(5, 1))).toBeUndefined();
    expect(t.delete(id(5))).toBe(true);
    expect(t.delete(id(5))).toBe(false);
    expect(t.size).toBe(0);
    expect(t.first().valid).toBe(false);
    expect(t.last().valid).toBe(false);
  });

  it('orders 64-bit halves exactly (bigint beyond 2^53)', () => {
    const t = new IdBTree<number>();
    t.set(MAX_ID, 1);
    t.set({ ms: U64_MAX - 1n, seq: 0 }, 2);
    t.set(id(2 ** 53 - 1, 7), 3);
    t.set({ ms: 2n ** 53n, seq: 0 }, 4);
    expect(t.keys().map(str)).toEqual([
      '9007199254740991-7',
      '9007199254740992-0',
      '18446744073709551614-0',
      '18446744073709551615-18446744073709551615',
    ]);
  });

  it('seeks GE/GT/LE/LT', () => {
    const t = new IdBTree<number>();
    for (let i = 0; i < 500; i++) t.set(id(i * 2), i);
    expect(str(t.seekGE(id(7)).key)).toBe('8-0');
    expect(str(t.seekGE(id(8)).key)).toBe('8-0');
    expect(str(t.seekGT(id(8)).key)).toBe('10-0');
    expect(str(t.seekLE(id(7)).key)).toBe('6-0');
    expect(str(t.seekLE(id(8)).key)).toBe('8-0');
    expect(str(t.seekLT(id(8)).key)).toBe('6-0');
    expect(t.seekLT(id(0)).valid).toBe(false);
    expect(t.seekGE(id(999)).valid).toBe(false);
    expect(str(t.seekLE(id(5000)).key)).toBe('998-0');
  });

  it('packs in-order appends and deletes prefixes', () => {
    const t = new IdBTree<number>();
    for (let i = 0; i < 10000; i++) t.set(id(i), i);
    expect(t.deleteBefore(id(4321))).toBe(4321);
    expect(t.size).toBe(10000 - 4321);
    expect(str(t.firstKey()!)).toBe('4321-0');
    expect(t.deleteBefore(id(20000))).toBe(10000 - 4321);
    expect(t.size).toBe(0);
    t.set(id(1), 1);
    expect(t.keys().map(str)).toEqual(['1-0']);
  });

  it('matches a reference map under random operations', () => {
    for (const seed of [1, 2, 3, 4]) {
      const r = new SeededRandom(seed);
      const t = new IdBTree<number>();
      const ref = new Map<string, [StreamId, number]>();
      const range = seed === 1 ? 50 : 3000;
      for (let step = 0; step < 20000; step++) {
        const k = id(r.int(range), r.int(3));
        const op = r.int(10);
        if (op < 5) {
          expect(t.set(k, step)).toBe(!ref.has(str(k)));
          ref.set(str(k), [k, step]);
        } else if (op < 9) {
          expect(t.delete(k)).toBe(ref.delete(str(k)));
        } else if (op === 9 && r.int(20) === 0) {
          const cut = id(r.int(range));
          let n = 0;
          for (const [s, [kk]] of ref)
            if (compareIds(kk, cut) < 0) {
              ref.delete(s);
              n++;
            }
          expect(t.deleteBefore(cut)).toBe(n);
        }
        expect(t.get(k)).toBe(ref.get(str(k))?.[1]);
      }
      expectSame(t, ref);
    }
  });
});
