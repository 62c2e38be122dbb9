import { describe, expect, it } from 'vitest';
import { hintSize, Lua51Table, stringHash } from './table51';
import type { LuaValue } from './value';

function keys(t: Lua51Table): LuaValue[] {
  const out: LuaValue[] = [];
  for (let e = t.next(undefined); e; e = t.next(e[0])) out.push(e[0]);
  return out;
}

/** A table as a constructor builds it: presized from the hints, records first, then positionals. */
function construct(records: [LuaValue, LuaValue][], positional: LuaValue[] = []): Lua51Table {
  const t = new Lua51Table(hintSize(positional.length), hintSize(records.length));
  for (const [k, v] of records) t.set(k, v);
  if (positional.length > 0) t.setArray(positional);
  return t;
}

describe('Lua 5.1 table layout', () => {
  it('hashes strings as Redis patched luaS_newlstr (every byte, seeded with the length)', () => {
    expect(stringHash('')).toBe(0);
    expect(stringHash('a')).toBe((1 ^ ((1 << 5) + (1 >>> 2) + 97)) >>> 0);
  });

  it('rounds constructor hints as the 5.1 floating-point byte does', () => {
    expect([0, 7, 8, 15, 16, 17, 18, 100].map(hintSize)).toEqual([0, 7, 8, 15, 16, 18, 18, 104]);
  });

  it('orders keys as Redis does (constructor and incremental builds differ)', () => {
    expect(
      keys(
        construct([
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ]),
      ),
    ).toEqual(['a', 'c', 'b']);
    expect(
      keys(
        construct([
          ['name', 1],
          ['age', 2],
          ['city', 3],
        ]),
      ),
    ).toEqual(['city', 'name', 'age']);
    const t = new Lua51Table();
    for (const k of ['name', 'age', 'city']) t.set(k, 1);
    expect(keys(t)).toEqual(['city', 'age', 'name']);
  });

  it('keeps the array part first and moves integer keys into it on rehash', () => {
    const t = new Lua51Table();
    for (let i = 1; i <= 10; i++) t.set(i, i);
    t.set('x', 1);
    expect(keys(t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'x']);
    expect(t.array.length).toBeGreaterThanOrEqual(8);
  });

  it("finds a border with 5.1's searches", () => {
    const t = construct([], [1, 2, undefined, 4]);
    expect(t.length()).toBe(4);
    const u = construct([], [1, undefined, undefined, undefined]);
    expect(u.length()).toBe(1);
    const v = new Lua51Table();
    v.set(1, 1);
    v.set(2, 2);
    v.set(4, 4);
    expect(v.length()).toBe(4);
  });

  it('keeps a cleared key until rehash, so next() can continue past it', () => {
    const t = construct([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const first = t.next(undefined)!;
    t.set(first[0], undefined);
    expect(t.next(first[0])).not.toBeNull();
    expect(t.next('nope')).toBeNull();
    expect(keys(t)).toEqual(['c', 'b']);
  });
});
