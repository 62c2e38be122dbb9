import { describe, expect, it } from 'vitest';
import { HashTable } from './hashtable.ts';
import { SeededRandom } from './prng.ts';

describe('HashTable', () => {
  it('keeps listpack order: updates in place, re-added keys go last', () => {
    const t = new HashTable<number>();
    expect(t.set('a', 1)).toBe(true);
    t.set('b', 2);
    t.set('c', 3);
    expect(t.set('a', 10)).toBe(false);
    expect([...t.entries()]).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 3],
    ]);
    t.delete('a');
    t.set('a', 1);
    expect([...t.keys()]).toEqual(['b', 'c', 'a']);
  });

  it('a cursor walk returns every key present throughout exactly once', () => {
    const t = new HashTable<null>();
    for (let i = 0; i < 100; i++) t.set(`k${i}`, null);
    const seen: string[] = [];
    let cursor = 0n;
    let step = 0;
    do {
      const page = t.scan(cursor, 7);
      seen.push(...page.keys);
      cursor = page.next;
      // Churn during the walk: delete some late keys, add new ones.
      t.delete(`k${99 - step}`);
      t.set(`new${step}`, null);
      step++;
      expect(t.consistent()).toBe(true);
    } while (cursor !== 0n);
    const stable = [...Array(100).keys()].map((i) => `k${i}`).filter((k) => t.has(k));
    for (const k of stable) expect(seen.filter((s) => s === k)).toHaveLength(1);
    expect(seen.some((k) => k.startsWith('new'))).toBe(false);
  });

  it('random keys are members and cover the table', () => {
    const t = new HashTable<null>();
    for (let i = 0; i < 10; i++) t.set(String(i), null);
    const r = new SeededRandom(1);
    const hits = new Set<string>();
    for (let i = 0; i < 500; i++) hits.add(t.randomKey(r)!);
    expect(hits.size).toBe(10);
    expect(new HashTable<null>().randomKey(r)).toBeUndefined();
  });

  it('clone is independent and keeps order', () => {
    const t = new HashTable<number>();
    t.set('x', 1);
    t.set('y', 2);
    const c = t.clone();
    c.delete('x');
    expect([...t.keys()]).toEqual(['x', 'y']);
    expect([...c.keys()]).toEqual(['y']);
  });
});
