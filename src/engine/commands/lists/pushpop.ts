/*
 * Pushes, pops and moves (t_list.c): LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LMPOP LMOVE RPOPLPUSH, and the
 * pop/move primitives the blocking variants reuse (blocking.ts in this folder).
 *
 * Order of checks, as Redis: LPOP/RPOP parse COUNT (which must be >= 0) before the lookup, answer a
 * nil bulk (nil array with COUNT) for a missing key and an empty array for COUNT 0; LMPOP parses
 * numkeys, the LEFT/RIGHT word and COUNT before touching any key, then pops from the first key
 * holding a non-empty list (a wrong type stops it); LMOVE checks the source then the destination
 * type before popping, so a failed LMOVE changes nothing. Moving within one key rotates the list.
 */
import type { Bytes } from '../../bytes.ts';
import { arr, bulk, EMPTY_ARRAY, int, NIL, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import type { ListValue } from '../../server/object.ts';
import { parseI64Num } from '../../util/parse.ts';
import { keyOf, writeKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { addList, asList, elementsRemoved, type End, parseEnd, popFrom, popMany, pushTo } from './value.ts';

function pushGeneric(c: Client, argv: Bytes[], end: End, onlyIfExists: boolean): Reply {
  const key = keyOf(argv, 1);
  let lv = asList(writeKey(c, key));
  if (lv === undefined) {
    if (onlyIfExists) return int(0);
    lv = addList(c, key);
  }
  for (let j = 2; j < argv.length; j++) {
    pushTo(lv, argv[j]!, end);
    c.node.dirty++;
  }
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('l', end === 'head' ? 'lpush' : 'rpush', key, c.db);
  return int(lv.ql.length);
}

/** A long in [min, max], else `msg` (getRangeLongFromObjectOrReply with a message). */
export function rangeLongArg(b: Bytes, min: number, max: number, msg: string): number {
  const v = parseI64Num(b);
  if (v === null || v < min || v > max) fail(msg);
  return v;
}

const LONG_MAX = Number.MAX_SAFE_INTEGER;

function popGeneric(c: Client, argv: Bytes[], end: End): Reply {
  const name = end === 'head' ? 'lpop' : 'rpop';
  if (argv.length > 3) fail(`ERR wrong number of arguments for '${name}' command`);
  const hasCount = argv.length === 3;
  const count = hasCount
    ? rangeLongArg(argv[2]!, 0, LONG_MAX, 'ERR value is out of range, must be positive')
    : 0;
  const key = keyOf(argv, 1);
  const lv = asList(writeKey(c, key));
  if (lv === undefined) return hasCount ? NIL_ARRAY : NIL;
  if (hasCount && count === 0) return EMPTY_ARRAY;
  if (!hasCount) {
    const v = popFrom(lv, end);
    elementsRemoved(c, key, end, lv, 1);
    return bulk(v);
  }
  const items = popMany(lv, end, count);
  elementsRemoved(c, key, end, lv, items.length);
  return arr(items.map(bulk));
}

/** listPopRangeAndReplyWithKey: [key, [elements]] popped from one end, with the usual bookkeeping. */
export function popRangeWithKey(c: Client, key: string, lv: ListValue, end: End, count: number): Reply {
  const items = popMany(lv, end, count);
  elementsRemoved(c, key, end, lv, items.length);
  return arr([bulk(latin(key)), arr(items.map(bulk))]);
}

export function latin(key: string): Bytes {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) out[i] = key.charCodeAt(i);
  return out;
}

export interface MpopArgs {
  keys: string[];
  end: End;
  count: number;
}

/** Parses "numkeys key... LEFT|RIGHT [COUNT n]" starting at argv[numkeysIdx] (lmpopGenericCommand). */
export function parseMpop(argv: Bytes[], numkeysIdx: number): MpopArgs {
  const numkeys = rangeLongArg(argv[numkeysIdx]!, 1, LONG_MAX, 'ERR numkeys should be greater than 0');
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) fail(E.syntax);
  const end = parseEnd(argv[whereIdx]!);
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    const isCount = argv[j]!.length === 5 && String.fromCharCode(...argv[j]!).toLowerCase() === 'count';
    if (count === -1 && isCount && j + 1 < argv.length) {
      count = rangeLongArg(argv[++j]!, 1, LONG_MAX, 'ERR count should be greater than 0');
    } else {
      fail(E.syntax);
    }
  }
  const keys: string[] = [];
  for (let j = numkeysIdx + 1; j < whereIdx; j++) keys.push(keyOf(argv, j));
  return { keys, end, count: count === -1 ? 1 : count };
}

/** mpopGenericCommand: pops from the first non-empty list, or undefined when every list is empty. */
export function mpopFirst(c: Client, m: MpopArgs): Reply | undefined {
  for (const key of m.keys) {
    const lv = asList(writeKey(c, key));
    if (lv === undefined || lv.ql.length === 0) continue;
    return popRangeWithKey(c, key, lv, m.end, m.count);
  }
  return undefined;
}

/** lmoveHandlePush: pushes to the destination (created with dbAdd when absent). */
export function pushMoved(c: Client, dstKey: string, dst: ListValue | undefined, v: Bytes, to: End): void {
  const lv = dst ?? addList(c, dstKey);
  c.node.signalModifiedKey(c.db, dstKey);
  pushTo(lv, v, to);
  c.node.notify('l', to === 'head' ? 'lpush' : 'rpush', dstKey, c.db);
}

/** lmoveGenericCommand on a source known to exist: nil when it is missing. */
export function lmoveGeneric(c: Client, src: string, dst: string, from: End, to: End): Reply {
  const sl = asList(writeKey(c, src));
  if (sl === undefined || sl.ql.length === 0) return NIL;
  const dl = asList(writeKey(c, dst));
  const v = popFrom(sl, from);
  pushMoved(c, dst, dl, v, to);
  c.node.notify('l', from === 'head' ? 'lpop' : 'rpop', src, c.db);
  if (sl.ql.length === 0) {
    c.db.delete(src);
    c.node.notify('g', 'del', src, c.db);
  }
  c.node.signalModifiedKey(c.db, src);
  c.node.dirty++;
  return bulk(v);
}

export const pushPopHandlers: Record<string, Handler> = {
  lpush: (c, argv) => pushGeneric(c, argv, 'head', false),
  rpush: (c, argv) => pushGeneric(c, argv, 'tail', false),
  lpushx: (c, argv) => pushGeneric(c, argv, 'head', true),
  rpushx: (c, argv) => pushGeneric(c, argv, 'tail', true),
  lpop: (c, argv) => popGeneric(c, argv, 'head'),
  rpop: (c, argv) => popGeneric(c, argv, 'tail'),
  lmpop: (c, argv) => mpopFirst(c, parseMpop(argv, 1)) ?? NIL_ARRAY,
  lmove(c, argv) {
    const from = parseEnd(argv[3]!);
    const to = parseEnd(argv[4]!);
    return lmoveGeneric(c, keyOf(argv, 1), keyOf(argv, 2), from, to);
  },
  rpoplpush: (c, argv) => lmoveGeneric(c, keyOf(argv, 1), keyOf(argv, 2), 'tail', 'head'),
};
