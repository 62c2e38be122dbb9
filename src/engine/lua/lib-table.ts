/*
 * The 5.1 table library: concat, insert, remove, sort, getn, maxn, foreach, foreachi, setn (obsolete,
 * raises as 5.1 does). Element access is raw (rawgeti/rawseti), as in 5.1. sort is 5.1's quicksort
 * (median of three, then partition, recursing on the smaller half) so that orders of equal elements and
 * calls of the comparator match real Lua, and "invalid order function for sorting" fires where 5.1's does.
 */
import { checkInt, checkString, checkTable, optInt, register, type Native } from './lib-base';
import type { LuaState } from './runtime';
import { LuaTable, luaType, numberToString, truthy, type LuaValue } from './value';

function concat(st: LuaState, a: LuaValue[]): LuaValue[] {
  const t = checkTable(st, a, 0);
  const sep = a[1] === undefined ? '' : checkString(st, a, 1);
  const i = optInt(st, a, 2, 1);
  const j = a[3] === undefined ? t.length() : checkInt(st, a, 3);
  const parts: string[] = [];
  for (let k = i; k <= j; k++) {
    const v = t.get(k);
    if (typeof v === 'string') parts.push(v);
    else if (typeof v === 'number') parts.push(numberToString(v));
    else st.error(`invalid value (${luaType(v)}) at index ${k} in table for 'concat'`);
  }
  return [parts.join(sep)];
}

function insert(st: LuaState, a: LuaValue[]): LuaValue[] {
  const t = checkTable(st, a, 0);
  st.checkWritable(t);
  let e = t.length() + 1;
  if (a.length === 2) {
    st.rawSet(t, e, a[1]);
    return [];
  }
  if (a.length !== 3) st.error("wrong number of arguments to 'insert'");
  const pos = checkInt(st, a, 1);
  if (pos > e) e = pos;
  for (let i = e; i > pos; i--) t.set(i, t.get(i - 1));
  st.rawSet(t, pos, a[2]);
  return [];
}

function remove(st: LuaState, a: LuaValue[]): LuaValue[] {
  const t = checkTable(st, a, 0);
  const e = t.length();
  const pos = optInt(st, a, 1, e);
  if (e === 0) return [];
  st.checkWritable(t);
  const v = t.get(pos);
  for (let i = pos; i < e; i++) t.set(i, t.get(i + 1));
  t.set(e, undefined);
  return [v];
}

function sort(st: LuaState, a: LuaValue[]): LuaValue[] {
  const t = checkTable(st, a, 0);
  const n = t.length();
  if (n > 1) st.checkWritable(t);
  const cmp = a[1];
  if (cmp !== undefined && typeof cmp !== 'object')
    st.argError(
      2,
      `function expected, got ${typeof cmp === 'string' ? 'string' : typeof cmp === 'number' ? 'number' : 'boolean'}`,
    );
  const line = -1; // comparisons inside a builtin carry no position, as in 5.1
  const less = (x: LuaValue, y: LuaValue): boolean =>
    cmp === undefined ? st.lt(x, y, line) : truthy(st.callFromNative(cmp, [x, y])[0]);
  auxsort(st, t, 1, n, less);
  return [];
}

function auxsort(
  st: LuaState,
  t: LuaTable,
  l: number,
  u: number,
  less: (x: LuaValue, y: LuaValue) => boolean,
): void {
  const swap = (i: number, j: number): void => {
    const x = t.get(i);
    t.set(i, t.get(j));
    t.set(j, x);
  };
  while (l < u) {
    if (less(t.get(u), t.get(l))) swap(l, u);
    if (u - l === 1) break;
    let i = Math.floor((l + u) / 2);
    if (less(t.get(i), t.get(l))) swap(i, l);
    else if (less(t.get(u), t.get(i))) swap(i, u);
    if (u - l === 2) break;
    const pivot = t.get(i);
    swap(i, u - 1);
    i = l;
    let j = u - 1;
    for (;;) {
      while (less(t.get(++i), pivot)) if (i > u) st.error('invalid order function for sorting');
      while (less(pivot, t.get(--j))) if (j < l) st.error('invalid order function for sorting');
      if (j < i) break;
      swap(i, j);
    }
    swap(u - 1, i);
    let lo: number;
    let hi: number;
    if (i - l < u - i) {
      lo = l;
      hi = i - 1;
      l = i + 1;
    } else {
      lo = i + 1;
      hi = u;
      u = i - 1;
    }
    auxsort(st, t, lo, hi, less);
  }
}

const TABLE: Record<string, Native> = {
  concat,
  insert,
  remove,
  sort,
  getn: (st, a) => [checkTable(st, a, 0).length()],
  setn: (st) => st.error("'setn' is obsolete"),
  maxn: (st, a) => {
    const t = checkTable(st, a, 0);
    let max = 0;
    for (let e = t.next(undefined); e; e = t.next(e[0])) {
      if (typeof e[0] === 'number' && e[0] > max) max = e[0];
    }
    return [max];
  },
  foreachi: (st, a) => {
    const t = checkTable(st, a, 0);
    const n = t.length();
    for (let i = 1; i <= n; i++) {
      const r = st.callFromNative(a[1], [i, t.get(i)])[0];
      if (r !== undefined) return [r];
    }
    return [];
  },
  foreach: (st, a) => {
    const t = checkTable(st, a, 0);
    for (let e = t.next(undefined); e; e = t.next(e[0])) {
      const r = st.callFromNative(a[1], [e[0], e[1]])[0];
      if (r !== undefined) return [r];
    }
    return [];
  },
};

export function openTable(st: LuaState): void {
  const t = new LuaTable();
  register(st, t, TABLE);
  st.globals.set('table', t);
}
