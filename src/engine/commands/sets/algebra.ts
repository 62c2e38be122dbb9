/*
 * Set algebra (t_set.c sinterGenericCommand, sunionDiffGenericCommand): SINTER SMEMBERS SINTERCARD
 * SINTERSTORE SUNION SUNIONSTORE SDIFF SDIFFSTORE.
 *
 * Every source key is looked up for reading in argument order (hits, misses, keymiss events), a
 * wrong type anywhere fails the command, a missing key is an empty set.
 *
 * Intersection walks the smallest set (a stable sort by size, as glibc's merge-sort qsort is) and
 * keeps members every other set has; with any source missing it answers empty at once.
 * Difference picks Redis's algorithm by estimated work, because the result's encoding depends on it:
 *   1. walk the first set, keep members in none of the others (work: size(first) * sets / 2);
 *   2. copy the first set, then remove every member of the others (work: total of the sizes), so a
 *      non-integer member of the first set turns the result into a hashtable even if removed later.
 * Results are built in a fresh intset-encoded set that converts as it grows (so replies from all-integer
 * results come out in ascending order, as Redis's do). Replies are RESP3 sets.
 *
 * *STORE: a non-empty result replaces the destination (deadline dropped, "sinterstore" /
 * "sunionstore" / "sdiffstore" notified, one dirty); an empty one deletes it ("del", one dirty, only if
 * it existed). The answer is the result's size.
 */
import { eqIgnoreCase, type Bytes } from '../../bytes.ts';
import { bulkBin, int, set as setReply, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64Num } from '../../util/parse.ts';
import type { SetValue } from '../../server/object.ts';
import { keyArg } from '../keys-lookup.ts';
import type { Handler } from '../types.ts';
import { dropKey, storeKey } from './keyspace.ts';
import { setForRead } from './members.ts';
import { newIntsetSet, setAdd, setHas, setMembers, setRemove, setSize } from './value.ts';

/** The source sets of keys argv[from..to), or null entries for missing keys. */
function lookupSources(c: Client, argv: Bytes[], from: number, to: number): (SetValue | null)[] {
  const sets: (SetValue | null)[] = [];
  for (let i = from; i < to; i++) sets.push(setForRead(c, keyArg(argv, i)) ?? null);
  return sets;
}

/** Members common to all sets (none missing), walking the smallest; stops after `limit` (0: none). */
function intersect(sets: SetValue[], limit = 0): string[] {
  const sorted = [...sets].sort((a, b) => setSize(a) - setSize(b));
  const first = sorted[0]!;
  const out: string[] = [];
  for (const m of setMembers(first)) {
    if (!sorted.every((s) => s === first || setHas(s, m))) continue;
    out.push(m);
    if (limit > 0 && out.length >= limit) break;
  }
  return out;
}

function union(c: Client, sets: (SetValue | null)[]): SetValue {
  const dst = newIntsetSet(c.node.nowMs());
  for (const s of sets) if (s !== null) for (const m of setMembers(s)) setAdd(c, dst, m);
  return dst;
}

function difference(c: Client, sets: (SetValue | null)[]): SetValue {
  const dst = newIntsetSet(c.node.nowMs());
  const first = sets[0];
  if (first === null || first === undefined || sets.slice(1).includes(first)) return dst;
  const present = sets.filter((s): s is SetValue => s !== null);
  const algoOneWork = Math.floor((present.length * setSize(first)) / 2);
  const algoTwoWork = present.reduce((n, s) => n + setSize(s), 0);
  const others = sets.slice(1).filter((s): s is SetValue => s !== null);
  if (algoOneWork <= algoTwoWork) {
    for (const m of setMembers(first)) if (!others.some((s) => setHas(s, m))) setAdd(c, dst, m);
    return dst;
  }
  for (const m of setMembers(first)) setAdd(c, dst, m);
  for (const s of others) {
    if (setSize(dst) === 0) break;
    for (const m of setMembers(s)) setRemove(dst, m);
  }
  return dst;
}

function membersReply(members: Iterable<string>): Reply {
  return setReply([...members].map(bulkBin));
}

/** Stores a *STORE result (or deletes the destination when it is empty); answers its size. */
function storeResult(c: Client, dstKey: string, result: SetValue, event: string): Reply {
  const size = setSize(result);
  if (size > 0) {
    storeKey(c, dstKey, result);
    c.node.notify('s', event, dstKey, c.db);
    c.node.dirty++;
  } else if (dropKey(c, dstKey)) {
    c.node.dirty++;
    c.node.signalModifiedKey(c.db, dstKey);
    c.node.notify('g', 'del', dstKey, c.db);
  }
  return int(size);
}

const sinter: Handler = (c, argv) => {
  const sets = lookupSources(c, argv, 1, argv.length);
  if (sets.includes(null)) return setReply([]);
  return membersReply(intersect(sets as SetValue[]));
};

const sinterstore: Handler = (c, argv) => {
  const sets = lookupSources(c, argv, 2, argv.length);
  const result = newIntsetSet(c.node.nowMs());
  if (!sets.includes(null)) for (const m of intersect(sets as SetValue[])) setAdd(c, result, m);
  return storeResult(c, keyArg(argv, 1), result, 'sinterstore');
};

const sunion: Handler = (c, argv) =>
  membersReply(setMembers(union(c, lookupSources(c, argv, 1, argv.length))));

const sunionstore: Handler = (c, argv) =>
  storeResult(c, keyArg(argv, 1), union(c, lookupSources(c, argv, 2, argv.length)), 'sunionstore');

const sdiff: Handler = (c, argv) =>
  membersReply(setMembers(difference(c, lookupSources(c, argv, 1, argv.length))));

const sdiffstore: Handler = (c, argv) =>
  storeResult(c, keyArg(argv, 1), difference(c, lookupSources(c, argv, 2, argv.length)), 'sdiffstore');

/** SINTERCARD numkeys key [key ...] [LIMIT limit], with Redis's own error texts. */
const sintercard: Handler = (c, argv) => {
  const numKeys = parseI64Num(argv[1]!);
  if (numKeys === null || numKeys < 1) fail('ERR numkeys should be greater than 0');
  if (numKeys > argv.length - 2) fail("ERR Number of keys can't be greater than number of args");
  let limit = 0;
  for (let j = 2 + numKeys; j < argv.length; j++) {
    if (eqIgnoreCase(argv[j]!, 'limit') && j + 1 < argv.length) {
      const n = parseI64Num(argv[++j]!);
      if (n === null || n < 0) fail("ERR LIMIT can't be negative");
      limit = n;
    } else {
      fail(E.syntax);
    }
  }
  const sets = lookupSources(c, argv, 2, 2 + numKeys);
  if (sets.includes(null)) return int(0);
  return int(intersect(sets as SetValue[], limit).length);
};

export const algebraHandlers: Record<string, Handler> = {
  sinter,
  smembers: sinter,
  sinterstore,
  sintercard,
  sunion,
  sunionstore,
  sdiff,
  sdiffstore,
};
