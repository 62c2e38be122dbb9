/*
 * Loading the elements SORT works on (the vector of sortCommandGeneric) and the LIMIT window.
 *
 * The window [start, end] over `len` elements: a negative offset counts as 0, a negative count as
 * "to the end", both are clamped to the length; an offset past the end gives an empty window.
 *
 * What gets loaded:
 *   - list, "don't sort":  only the window, walked from the head (ASC) or from the tail (DESC);
 *   - sorted set, "don't sort": likewise by rank, so the elements keep score order (reversed for DESC);
 *   - set, "don't sort": every member in the set's own order, DESC ignored (the window is applied at
 *     output time);
 *   - anything to be sorted: every element (list order, set order, or sorted-set member order).
 * When only the window was loaded, the window is rebased to start at 0, as Redis does.
 */
import { unbin, type Bytes } from '../../bytes.ts';
import type { ListValue, SetValue } from '../../server/object.ts';
import { setMembers } from '../sets/value.ts';
import type { ZSetValue } from '../zsets/zset.ts';

export type Sortable = ListValue | SetValue | ZSetValue;

export interface SortVector {
  items: Bytes[];
  /** The output window, inclusive; empty when end < start. */
  start: number;
  end: number;
}

export function sortableLength(v: Sortable | undefined): number {
  if (v === undefined) return 0;
  if (v.type === 'list') return v.ql.length;
  if (v.type === 'set') return v.table !== null ? v.table.size : v.ints!.size;
  return v.size;
}

/** The LIMIT window over `len` elements (Redis's start/end sanity checks). */
export function limitWindow(offset: bigint, count: bigint, len: number): [number, number] {
  const n = BigInt(len);
  const start = Number(offset < 0n ? 0n : offset > n ? n : offset);
  const cnt = Number(count < -1n ? -1n : count > n ? n : count);
  if (start >= len) return [len - 1, len - 2];
  const end = cnt < 0 ? len - 1 : start + cnt - 1;
  return [start, Math.min(end, len - 1)];
}

function allElements(v: Sortable | undefined): Bytes[] {
  if (v === undefined) return [];
  if (v.type === 'list') return [...v.ql];
  if (v.type === 'set') return Array.from(setMembers(v), unbin);
  return Array.from(v.entries(), (e) => e.ele);
}

/** The window of a list or sorted set in its own order (reversed for DESC). */
function windowOf(v: ListValue | ZSetValue, desc: boolean, start: number, end: number): Bytes[] {
  if (end < start) return [];
  const len = sortableLength(v);
  if (v.type === 'list') {
    if (!desc) return v.ql.range(start, end);
    return v.ql.range(len - 1 - end, len - 1 - start).reverse();
  }
  const out: Bytes[] = [];
  const want = end - start + 1;
  v.walk(desc ? len - 1 - start : start, desc, (e) => {
    out.push(e.ele);
    return out.length < want;
  });
  return out;
}

export function loadVector(
  v: Sortable | undefined,
  dontSort: boolean,
  desc: boolean,
  limit: [number, number],
): SortVector {
  const [start, end] = limit;
  if (dontSort && v !== undefined && v.type !== 'set') {
    const items = windowOf(v, desc, start, end);
    return { items, start: 0, end: items.length - 1 };
  }
  return { items: allElements(v), start, end };
}
