/*
 * SPOP and SRANDMEMBER (t_set.c), randomness from node.random.
 *
 * SRANDMEMBER key [count]: count in [-LONG_MAX, LONG_MAX] is checked before the key. 0 answers an
 * empty array (after the type check); a negative count or 1 draws |count| members independently (in
 * draw order); count >= size answers the whole set in its own order (ascending for an intset);
 * otherwise `count` distinct members, chosen uniformly (partial Fisher-Yates here; Redis removes
 * random members from a copy or draws until enough distinct ones, with the same distribution).
 *
 * SPOP key [count]: count must be >= 0 ("value is out of range, must be positive"). Events "spop",
 * dirty by the number of members removed. Redis's three strategies are kept because the last one
 * changes the encoding:
 *   count >= size         answer the whole set (read through SUNION's machinery, which counts one
 *                         keyspace hit) and delete the key ("del")
 *   remaining*5 > count   pop `count` random members one by one
 *   otherwise             build a new set from `remaining` random members (setTypeCreate on the first
 *                         one, so a hashtable set whose survivors are all integers becomes an intset),
 *                         answer what is left of the old set, and put the new set in its place (same
 *                         deadline).
 * SPOP without count pops one member (nil for a missing key) and deletes the key when it empties.
 */

import { arr, bulkBin, EMPTY_ARRAY, NIL, set as setReply, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { SetValue } from '../../server/object.ts';
import { bigIntArg, intArg } from '../../util/parse.ts';
import { keyArg } from '../keys-lookup.ts';
import { checkRandomPicks } from '../random-count.ts';
import type { Handler } from '../types.ts';
import { dropKey, readKey } from './keyspace.ts';
import { setForRead, setForWrite } from './members.ts';
import { newSetFor, setAdd, setMembers, setRandom, setRemove, setSize } from './value.ts';

const LONG_MAX = 9223372036854775807n;
const SPOP_MOVE_STRATEGY_MUL = 5;

/**
 * `count` distinct members chosen uniformly: drawn until enough distinct ones when the set is at least
 * three times larger (O(count), Redis's CASE 4), else by a partial Fisher-Yates shuffle (O(size)).
 */
function distinctMembers(c: Client, s: SetValue, count: number): string[] {
  const r = c.node.random;
  if (count * 3 <= setSize(s)) {
    const picked = new Set<string>();
    while (picked.size < count) picked.add(setRandom(s, r));
    return [...picked];
  }
  const members = [...setMembers(s)];
  for (let i = 0; i < count; i++) {
    const j = i + r.int(members.length - i);
    [members[i], members[j]] = [members[j]!, members[i]!];
  }
  return members.slice(0, count);
}

function srandWithCount(c: Client, argv: Uint8Array[]): Reply {
  const count = bigIntArg(argv[2]!);
  if (count < -LONG_MAX) fail(`ERR value is out of range, value must between ${-LONG_MAX} and ${LONG_MAX}`);
  const s = setForRead(c, keyArg(argv, 1));
  if (s === undefined || count === 0n) return EMPTY_ARRAY;
  if (count < 0n || count === 1n) {
    checkRandomPicks(count);
    const picks = Number(count < 0n ? -count : count);
    const out: Reply[] = [];
    for (let i = 0; i < picks; i++) out.push(bulkBin(setRandom(s, c.node.random)));
    return arr(out);
  }
  if (count >= BigInt(setSize(s))) return arr([...setMembers(s)].map(bulkBin));
  return arr(distinctMembers(c, s, Number(count)).map(bulkBin));
}

const srandmember: Handler = (c, argv) => {
  if (argv.length === 3) return srandWithCount(c, argv);
  if (argv.length > 3) fail(E.syntax);
  const s = setForRead(c, keyArg(argv, 1));
  return s === undefined ? NIL : bulkBin(setRandom(s, c.node.random));
};

/** Pops `count` random members one at a time (SPOP's second strategy). */
function popEach(c: Client, s: SetValue, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = setRandom(s, c.node.random);
    setRemove(s, m);
    out.push(m);
  }
  return out;
}

/** SPOP's third strategy: the survivors move to a new set that replaces the old one. */
function popByRebuilding(c: Client, key: string, s: SetValue, remaining: number): string[] {
  let survivors: SetValue | undefined;
  for (let i = 0; i < remaining; i++) {
    const m = setRandom(s, c.node.random);
    survivors ??= newSetFor(m, c.node.nowMs());
    setAdd(c, survivors, m);
    setRemove(s, m);
  }
  const popped = [...setMembers(s)];
  const old = c.db.dict.get(key)!;
  if (c.node.lfuPolicy) {
    survivors!.lru = old.lru;
    survivors!.lfu = old.lfu;
  }
  c.db.overwrite(key, survivors!);
  return popped;
}

function spopWithCount(c: Client, argv: Uint8Array[]): Reply {
  const count = intArg(argv[2]!, 'ERR value is out of range, must be positive');
  if (count < 0) fail('ERR value is out of range, must be positive');
  const key = keyArg(argv, 1);
  const s = setForWrite(c, key);
  if (s === undefined || count === 0) return setReply([]);
  const size = setSize(s);
  c.node.notify('s', 'spop', key, c.db);
  c.node.dirty += Math.min(count, size);
  let popped: string[];
  if (count >= size) {
    readKey(c, key);
    popped = [...setMembers(s)];
    dropKey(c, key);
    c.node.notify('g', 'del', key, c.db);
  } else {
    const remaining = size - count;
    popped =
      remaining * SPOP_MOVE_STRATEGY_MUL > count
        ? popEach(c, s, count)
        : popByRebuilding(c, key, s, remaining);
  }
  c.node.signalModifiedKey(c.db, key);
  return setReply(popped.map(bulkBin));
}

const spop: Handler = (c, argv) => {
  if (argv.length === 3) return spopWithCount(c, argv);
  if (argv.length > 3) fail(E.syntax);
  const key = keyArg(argv, 1);
  const s = setForWrite(c, key);
  if (s === undefined) return NIL;
  const m = setRandom(s, c.node.random);
  setRemove(s, m);
  c.node.notify('s', 'spop', key, c.db);
  if (setSize(s) === 0) {
    dropKey(c, key);
    c.node.notify('g', 'del', key, c.db);
  }
  c.node.signalModifiedKey(c.db, key);
  c.node.dirty++;
  return bulkBin(m);
};

export const randomHandlers: Record<string, Handler> = { spop, srandmember };
