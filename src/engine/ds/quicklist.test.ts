import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../bytes.ts';
import { SeededRandom } from './prng.ts';
import { listpackEntrySize, Quicklist } from './quicklist.ts';

const s = (q: Quicklist): string[] => [...q].map(bin);

function checkInvariants(q: Quicklist): void {
  let n = 0;
  for (const node of q.nodes) {
    expect(node.entries.length).toBeGreaterThan(0);
    let sz = 7;
    for (const e of node.entries) sz += listpackEntrySize(e);
    expect(node.sz).toBe(sz);
    n += node.entries.length;
  }
  expect(n).toBe(q.length);
}

describe('quicklist', () => {
  it('sizes entries like a listpack', () => {
    expect(listpackEntrySize(utf8('5'))).toBe(2);
    expect(listpackEntrySize(utf8('1000'))).toBe(3);
    expect(listpackEntrySize(utf8('abc'))).toBe(5);
    expect(listpackEntrySize(new Uint8Array(100))).toBe(103);
  });

  it('fills nodes up to a positive entry count', () => {
    const q = new Quicklist(3);
    for (let i = 0; i < 7; i++) q.pushTail(utf8(String(i)));
    expect(q.inspect().map((n) => n.count)).toEqual([3, 3, 1]);
    q.pushHead(utf8('x'));
    expect(q.inspect().map((n) => n.count)).toEqual([1, 3, 3, 1]);
    checkInvariants(q);
  });

  it('fills nodes up to 8 KiB with the default -2', () => {
    const q = new Quicklist(-2);
    for (let i = 0; i < 100; i++) q.pushTail(new Uint8Array(200));
    const counts = q.inspect().map((n) => n.count);
    expect(counts.reduce((a, b) => a + b)).toBe(100);
    for (const n of q.inspect()) expect(n.bytes).toBeLessThanOrEqual(8192);
    expect(counts.length).toBeGreaterThan(1);
  });

  it('indexes, replaces, pops and deletes ranges', () => {
    const q = new Quicklist(2);
    for (const x of ['a', 'b', 'c', 'd', 'e']) q.pushTail(utf8(x));
    expect(bin(q.get(0)!)).toBe('a');
    expect(bin(q.get(-1)!)).toBe('e');
    expect(q.get(5)).toBeUndefined();
    expect(q.set(-2, utf8('D'))).toBe(true);
    expect(s(q)).toEqual(['a', 'b', 'c', 'D', 'e']);
    expect(bin(q.popHead()!)).toBe('a');
    expect(bin(q.popTail()!)).toBe('e');
    expect(q.deleteRange(0, 2)).toBe(2);
    expect(s(q)).toEqual(['D']);
    checkInvariants(q);
  });

  it('inserts with splits and keeps order (random against an array)', () => {
    const r = new SeededRandom(3);
    for (const fill of [1, 2, 5, -1]) {
      const q = new Quicklist(fill);
      const model: string[] = [];
      for (let step = 0; step < 600; step++) {
        const op = r.int(6);
        const v = String(r.int(1000));
        if (op === 0) {
          q.pushHead(utf8(v));
          model.unshift(v);
        } else if (op === 1) {
          q.pushTail(utf8(v));
          model.push(v);
        } else if (op === 2 && model.length > 0) {
          const i = r.int(model.length);
          const after = r.int(2) === 1;
          q.insert(i, utf8(v), after);
          model.splice(after ? i + 1 : i, 0, v);
        } else if (op === 3 && model.length > 0) {
          const i = r.int(model.length);
          const n = r.int(4);
          q.deleteRange(i, n);
          model.splice(i, n);
        } else if (op === 4) {
          const target = String(r.int(1000));
          const limit = r.int(3);
          const tail = r.int(2) === 1;
          q.removeMatching((b) => bin(b) === target, limit, tail);
          removeModel(model, target, limit, tail);
        } else if (model.length > 0) {
          const from = r.int(model.length);
          expect(q.range(from, from + 3).map(bin)).toEqual(model.slice(from, from + 4));
        }
        expect(q.length).toBe(model.length);
      }
      expect(s(q)).toEqual(model);
      checkInvariants(q);
      expect(s(q.clone())).toEqual(model);
    }
  });

  it('reports which nodes Redis would compress', () => {
    const q = new Quicklist(1, 1);
    for (let i = 0; i < 4; i++) q.pushTail(new Uint8Array(60));
    expect(q.inspect().map((n) => n.compressed)).toEqual([false, true, true, false]);
  });
});

function removeModel(model: string[], target: string, limit: number, fromTail: boolean): void {
  let removed = 0;
  if (fromTail) {
    for (let i = model.length - 1; i >= 0 && (limit === 0 || removed < limit); i--) {
      if (model[i] === target) {
        model.splice(i, 1);
        removed++;
      }
    }
  } else {
    for (let i = 0; i < model.length && (limit === 0 || removed < limit);) {
      if (model[i] === target) {
        model.splice(i, 1);
        removed++;
      } else i++;
    }
  }
}
