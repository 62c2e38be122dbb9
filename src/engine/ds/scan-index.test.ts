import { describe, expect, it } from 'vitest';
import { SeededRandom } from './prng.ts';
import { ScanIndex } from './scan-index.ts';

function walk(idx: ScanIndex, count: number, between: () => void = () => undefined): string[] {
  const out: string[] = [];
  let cursor = 0;
  const limit = idx.horizon;
  for (let i = 0; i < 1_000_000; i++) {
    const page = idx.scan(cursor, count, limit);
    out.push(...page.keys);
    cursor = page.next;
    if (cursor === 0) break;
    between();
  }
  return out;
}

describe('ScanIndex', () => {
  it('walks every key once in insertion order', () => {
    const idx = new ScanIndex();
    for (let i = 0; i < 95; i++) idx.add(`k${i}`);
    const keys = walk(idx, 10);
    expect(keys).toEqual([...idx]);
    expect(new Set(keys).size).toBe(95);
  });

  it('ends with cursor 0 on the page holding the last key', () => {
    const idx = new ScanIndex();
    for (const k of ['a', 'b', 'c']) idx.add(k);
    expect(idx.scan(0, 3)).toEqual({ keys: ['a', 'b', 'c'], next: 0 });
    expect(idx.scan(0, 2).next).not.toBe(0);
    expect(idx.scan(0, 10)).toEqual({ keys: ['a', 'b', 'c'], next: 0 });
    expect(new ScanIndex().scan(0, 10)).toEqual({ keys: [], next: 0 });
  });

  it('returns every key present for the whole walk despite churn and compaction', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = new SeededRandom(seed);
      const idx = new ScanIndex();
      const stable = new Set<string>();
      for (let i = 0; i < 500; i++) {
        idx.add(`s${i}`);
        stable.add(`s${i}`);
      }
      let n = 0;
      const churn = (): void => {
        for (let j = 0; j < 30; j++) {
          idx.add(`t${n++}`);
          if (r.int(2) === 0) idx.remove(`t${r.int(n)}`);
        }
        // Some stable keys leave for good: they are no longer owed to the walk.
        const victim = `s${r.int(500)}`;
        idx.remove(victim);
        stable.delete(victim);
      };
      const seen = new Set(walk(idx, 1 + r.int(20), churn));
      for (const k of stable) expect(seen.has(k)).toBe(true);
    }
  });

  it('a walk ends even when keys are added faster than it reads, skipping the newcomers', () => {
    const idx = new ScanIndex();
    for (let i = 0; i < 100; i++) idx.add(`s${i}`);
    let n = 0;
    const keys = walk(idx, 1, () => {
      for (let j = 0; j < 5; j++) idx.add(`new${n++}`);
    });
    expect(keys.length).toBe(100);
    expect(idx.scan(0, 1000).keys.length).toBe(100 + 99 * 5);
  });

  it('re-adding a removed key gives it a new place at the end', () => {
    const idx = new ScanIndex();
    for (const k of ['a', 'b', 'c']) idx.add(k);
    idx.remove('a');
    idx.add('a');
    idx.add('b');
    expect([...idx]).toEqual(['b', 'c', 'a']);
    expect(idx.size).toBe(3);
  });

  it('picks random keys among live ones only, deterministically', () => {
    const idx = new ScanIndex();
    for (let i = 0; i < 100; i++) idx.add(`k${i}`);
    for (let i = 0; i < 97; i++) idx.remove(`k${i}`);
    const r = new SeededRandom(3);
    const picks = new Set<string>();
    for (let i = 0; i < 200; i++) picks.add(idx.random(r)!);
    expect([...picks].sort()).toEqual(['k97', 'k98', 'k99']);
    idx.clear();
    expect(idx.random(r)).toBeUndefined();
  });

  it('keeps old cursors meaningful after clear (sequences never restart)', () => {
    const idx = new ScanIndex();
    for (let i = 0; i < 5; i++) idx.add(`old${i}`);
    const cursor = idx.scan(0, 2).next;
    idx.clear();
    idx.add('new');
    expect(idx.scan(cursor, 10).keys).toEqual(['new']);
  });
});
