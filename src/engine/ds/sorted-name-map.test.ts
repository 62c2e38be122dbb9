import { describe, expect, it } from 'vitest';
import { SortedNameMap } from './sorted-name-map.ts';

describe('SortedNameMap', () => {
  it('lists names in byte order after inserts and deletes', () => {
    const m = new SortedNameMap<number>();
    m.set('b', 1);
    m.set('\xff', 2);
    m.set('a', 3);
    m.set('B', 4);
    expect(m.keys()).toEqual(['B', 'a', 'b', '\xff']);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    m.set('b', 9);
    expect(m.entries()).toEqual([
      ['B', 4],
      ['b', 9],
      ['\xff', 2],
    ]);
    expect(m.size).toBe(3);
  });
});
