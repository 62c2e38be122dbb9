/*
 * SORT and SORT_RO (Redis's sort.c): the command flow.
 *
 *   1. parse the options (options.ts); errors stop here, before the key is read;
 *   2. read the key (lookupKeyRead: counts a hit or miss); lists, sets and sorted sets only, a missing
 *      key sorts as an empty list. A sorted set is converted to the skiplist encoding for good, even by
 *      SORT_RO, as Redis does;
 *   3. a set with "don't sort" and STORE is sorted ALPHA anyway, so that the stored list (and what
 *      replicas see) does not depend on hash table order. Redis applies the same rule when the caller
 *      is a script (CLIENT_SCRIPT); clients have no such flag yet, so that half waits for scripting;
 *   4. load the vector and window (load.ts), read the weights, sort: a partial quicksort when BY meets
 *      a LIMIT that leaves elements out (pqsort.ts), else a stable full sort;
 *   5. a weight that is not a number answers an error only now (after every lookup was made);
 *   6. reply the window, one bulk per element or per GET pattern (nil when it finds nothing), or STORE
 *      it as a list: missing GET values become empty strings, the destination is replaced (its TTL
 *      dropped) with event "sortstore" and dirty += stored elements, or deleted ("del", dirty + 1)
 *      when the result is empty.
 */
import { bin, type Bytes, EMPTY } from '../../bytes.ts';
import { arr, bulk, int, NIL, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { storeKey } from '../sets/keyspace.ts';
import { readKey } from '../strings/value.ts';
import { newList } from '../lists/value.ts';
import type { Handler } from '../types.ts';
import { parseWeight, sortComparator, type SortItem } from './compare.ts';
import { limitWindow, loadVector, type Sortable, sortableLength } from './load.ts';
import { parseSortOptions, type SortOptions } from './options.ts';
import { lookupByPattern } from './pattern.ts';
import { partialSort } from './pqsort.ts';

const NOT_DOUBLE = "ERR One or more scores can't be converted into double";

function sortable(c: Client, key: string): Sortable | undefined {
  const v = readKey(c, key);
  if (v === undefined) return undefined;
  if (v.type !== 'list' && v.type !== 'set' && v.type !== 'zset') fail(E.wrongType);
  return v;
}

/** Reads each element's weight; false when one of them is not a valid number. */
function weigh(c: Client, items: SortItem[], o: SortOptions): boolean {
  let ok = true;
  for (const it of items) {
    const w = o.by !== null ? lookupByPattern(c, o.by, it.ele) : it.ele;
    if (w === null) continue;
    if (o.alpha) {
      if (o.by !== null) it.cmpValue = w;
      continue;
    }
    const score = parseWeight(w);
    if (score === null) ok = false;
    else it.score = score;
  }
  return ok;
}

/** Steps 2-5: the elements of the window in their final order. */
function sortedWindow(c: Client, key: Bytes, o: SortOptions): Bytes[] {
  const v = sortable(c, bin(key));
  if (o.dontSort && v?.type === 'set' && (o.store !== null || c.flags.has('script'))) {
    o = { ...o, dontSort: false, alpha: true, by: null };
  }
  if (v?.type === 'zset') v.convert('skiplist');
  const limit = limitWindow(o.limitOffset, o.limitCount, sortableLength(v));
  const vec = loadVector(v, o.dontSort, o.desc, limit);
  const items: SortItem[] = vec.items.map((ele) => ({ ele, score: 0, cmpValue: null }));
  let ok = true;
  if (!o.dontSort) {
    ok = weigh(c, items, o);
    const mode = { desc: o.desc, alpha: o.alpha, byPattern: o.by !== null, store: o.store !== null };
    const cmp = sortComparator(mode);
    if (o.by !== null && (vec.start !== 0 || vec.end !== items.length - 1)) {
      partialSort(items, cmp, vec.start, vec.end);
    } else {
      items.sort(cmp);
    }
  }
  if (!ok) fail(NOT_DOUBLE);
  if (vec.end < vec.start) return [];
  return items.slice(vec.start, vec.end + 1).map((it) => it.ele);
}

function replyWindow(c: Client, elements: Bytes[], gets: Bytes[]): Reply {
  const out: Reply[] = [];
  for (const ele of elements) {
    if (gets.length === 0) out.push(bulk(ele));
    for (const g of gets) {
      const val = lookupByPattern(c, g, ele);
      out.push(val === null ? NIL : bulk(val));
    }
  }
  return arr(out);
}

function storeWindow(c: Client, dest: Bytes, elements: Bytes[], gets: Bytes[]): Reply {
  const list = newList(c);
  for (const ele of elements) {
    if (gets.length === 0) list.ql.pushTail(ele.slice());
    for (const g of gets) list.ql.pushTail((lookupByPattern(c, g, ele) ?? EMPTY).slice());
  }
  const stored = list.ql.length;
  const key = bin(dest);
  if (stored > 0) {
    setList(c, key, list);
    c.node.notify('l', 'sortstore', key, c.db);
    c.node.dirty += stored;
  } else if (c.db.delete(key)) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('g', 'del', key, c.db);
    c.node.dirty++;
  }
  return int(stored);
}

/** setKey: adds (waking clients blocked on the key) or overwrites, drops the TTL, signals. */
function setList(c: Client, key: string, list: Sortable): void {
  if (c.db.lookupWrite(key) === undefined) {
    c.db.set(key, list);
    c.node.signalKeyAsReady(c.db, key);
    c.node.signalModifiedKey(c.db, key);
  } else {
    storeKey(c, key, list);
  }
}

function sortGeneric(c: Client, argv: Bytes[], readonly: boolean): Reply {
  const o = parseSortOptions(c, argv, readonly);
  const elements = sortedWindow(c, argv[1]!, o);
  if (o.store !== null) return storeWindow(c, o.store, elements, o.gets);
  return replyWindow(c, elements, o.gets);
}

export const sortHandlers: Record<string, Handler> = {
  sort: (c, argv) => sortGeneric(c, argv, false),
  sort_ro: (c, argv) => sortGeneric(c, argv, true),
};
