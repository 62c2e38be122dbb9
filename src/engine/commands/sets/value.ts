/*
 * The set type API (Redis 7.0's t_set.c setType*): members are handled as binary strings (one char
 * per byte), whatever the encoding.
 *
 * Encodings (OBJECT ENCODING), exactly as Redis 7.0 (listpack sets only came with 7.2):
 *   'intset'    every member is a canonical signed 64-bit integer (string2ll: no sign '+', no leading
 *               zeros, no spaces) and there are at most set-max-intset-entries (capped at 2^30) of them;
 *               members iterate in ascending numeric order.
 *   'hashtable' anything else; never converts back, even when the offending members are removed.
 * A set created for a first member (setTypeCreate) starts as an intset when that member is an integer;
 * result sets of SINTERSTORE/SUNIONSTORE/SDIFFSTORE start as an empty intset and convert as they grow.
 */
import { HashTable } from '../../ds/hashtable.ts';
import { Intset } from '../../ds/intset.ts';
import type { Random } from '../../ports.ts';
import type { Client } from '../../server/client.ts';
import { LFU_INIT_VAL, type SetValue } from '../../server/object.ts';
import { parseI64 } from '../../util/parse.ts';
import { unbin } from '../../bytes.ts';

/** An empty intset-encoded set (createIntsetObject). */
export function newIntsetSet(nowMs: number): SetValue {
  return { type: 'set', enc: 'intset', ints: new Intset(), table: null, lru: nowMs, lfu: LFU_INIT_VAL };
}

/** An empty hashtable-encoded set (createSetObject). */
export function newTableSet(nowMs: number): SetValue {
  return { type: 'set', enc: 'hashtable', ints: null, table: new HashTable(), lru: nowMs, lfu: LFU_INIT_VAL };
}

/** The integer a member stands for in an intset, or null when it has no canonical integer form. */
function asInt(member: string): bigint | null {
  if (member.length === 0 || member.length > 20) return null;
  return parseI64(unbin(member));
}

/** setTypeCreate: a set able to hold `first` (intset for an integer, else hashtable). */
export function newSetFor(first: string, nowMs: number): SetValue {
  return asInt(first) === null ? newTableSet(nowMs) : newIntsetSet(nowMs);
}

function maxIntsetEntries(c: Client): number {
  return Math.min(c.node.config.getInt('set-max-intset-entries'), 2 ** 30);
}

/** setTypeConvert: intset -> hashtable, members in ascending order. */
function convertToTable(s: SetValue): HashTable<null> {
  const table = new HashTable<null>();
  for (const v of s.ints!) table.set(v.toString(), null);
  s.enc = 'hashtable';
  s.ints = null;
  s.table = table;
  return table;
}

/** setTypeAdd: true when the member was new. */
export function setAdd(c: Client, s: SetValue, member: string): boolean {
  if (s.table !== null) return s.table.set(member, null);
  const n = asInt(member);
  if (n === null) return convertToTable(s).set(member, null);
  if (!s.ints!.add(n)) return false;
  if (s.ints!.size > maxIntsetEntries(c)) convertToTable(s);
  return true;
}

/** setTypeRemove: true when the member was there. */
export function setRemove(s: SetValue, member: string): boolean {
  if (s.table !== null) return s.table.delete(member);
  const n = asInt(member);
  return n !== null && s.ints!.remove(n);
}

/** setTypeIsMember. */
export function setHas(s: SetValue, member: string): boolean {
  if (s.table !== null) return s.table.has(member);
  const n = asInt(member);
  return n !== null && s.ints!.has(n);
}

export function setSize(s: SetValue): number {
  return s.table !== null ? s.table.size : s.ints!.size;
}

/** Members in the set's own order (ascending for an intset). */
export function* setMembers(s: SetValue): IterableIterator<string> {
  if (s.table !== null) {
    yield* s.table.keys();
    return;
  }
  for (const v of s.ints!) yield v.toString();
}

/** setTypeRandomElement: a uniformly chosen member (the set must not be empty). */
export function setRandom(s: SetValue, r: Random): string {
  if (s.table !== null) return s.table.randomKey(r)!;
  return s.ints!.random(r)!.toString();
}
