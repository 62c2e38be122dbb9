/*
 * List values and the keyspace rules of t_list.c shared by every list command.
 *
 * Redis 7.0 encodes every list as a quicklist (OBJECT ENCODING "quicklist"), created with the
 * list-max-listpack-size and list-compress-depth in force at creation. A list never stays empty:
 * the command that removes its last element deletes the key and notifies "del". A new list key is
 * added with dbAdd, which signals the key as ready for clients blocked on it.
 *
 * Notifications and dirty counts follow Redis: pushes notify "lpush"/"rpush" once per command and
 * count one change per element; pops notify "lpop"/"rpop" and count the elements removed.
 */
import type { Bytes } from '../../bytes.ts';
import { Quicklist } from '../../ds/quicklist.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { LFU_INIT_VAL, type ListValue, type RValue } from '../../server/object.ts';

export type End = 'head' | 'tail';

export function newList(c: Client): ListValue {
  const cfg = c.node.config;
  const ql = new Quicklist(cfg.getInt('list-max-listpack-size'), cfg.getInt('list-compress-depth'));
  return { type: 'list', enc: 'quicklist', ql, lru: c.node.nowMs(), lfu: LFU_INIT_VAL };
}

/** checkType for lists: WRONGTYPE for any other type; undefined stays undefined. */
export function asList(v: RValue | undefined): ListValue | undefined {
  if (v !== undefined && v.type !== 'list') fail(E.wrongType);
  return v;
}

/** dbAdd of a fresh list at `key` (absent), signalling blocked clients. */
export function addList(c: Client, key: string): ListValue {
  const lv = newList(c);
  c.db.set(key, lv);
  c.node.signalKeyAsReady(c.db, key);
  return lv;
}

export function pushTo(lv: ListValue, v: Bytes, end: End): void {
  if (end === 'head') lv.ql.pushHead(v);
  else lv.ql.pushTail(v);
}

export function popFrom(lv: ListValue, end: End): Bytes {
  const v = end === 'head' ? lv.ql.popHead() : lv.ql.popTail();
  if (v === undefined) throw new Error('pop from an empty list');
  return v;
}

/** Deletes the key of a list that became empty ("del"); true when it did. */
export function deleteIfEmpty(c: Client, key: string, lv: ListValue): boolean {
  if (lv.ql.length !== 0) return false;
  c.db.delete(key);
  c.node.notify('g', 'del', key, c.db);
  return true;
}

/** listElementsRemoved: pop event, key deletion when emptied, modified signal, dirty. */
export function elementsRemoved(c: Client, key: string, end: End, lv: ListValue, count: number): boolean {
  c.node.notify('l', end === 'head' ? 'lpop' : 'rpop', key, c.db);
  const deleted = deleteIfEmpty(c, key, lv);
  c.node.signalModifiedKey(c.db, key);
  c.node.dirty += count;
  return deleted;
}

/** Absolute positions [start, end] of a Redis range over `len` elements, or null when empty. */
export function clampRange(start: number, end: number, len: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  if (end >= len) end = len - 1;
  return [start, end];
}

/** Up to `count` elements taken from one end, in pop order (a reversed tail range for the tail). */
export function popMany(lv: ListValue, end: End, count: number): Bytes[] {
  const n = Math.min(count, lv.ql.length);
  const out: Bytes[] = [];
  for (let i = 0; i < n; i++) out.push(popFrom(lv, end));
  return out;
}

/** LEFT / RIGHT argument (getListPositionFromObjectOrReply). */
export function parseEnd(b: Bytes): End {
  const s = String.fromCharCode(...b.subarray(0, 6)).toLowerCase();
  if (b.length === 4 && s === 'left') return 'head';
  if (b.length === 5 && s === 'right') return 'tail';
  fail(E.syntax);
}
