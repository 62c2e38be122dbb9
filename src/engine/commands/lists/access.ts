/*
 * Reads and in-place edits of lists (t_list.c): LLEN LINDEX LRANGE LSET LINSERT LREM LTRIM LPOS.
 *
 * Argument checks come where Redis has them: LRANGE, LTRIM and LREM parse their integers before the
 * lookup; LINDEX and LSET look the key up first (so a missing key wins over a bad index); LINSERT
 * checks BEFORE/AFTER first; LPOS parses all its options before the lookup. Reads (LLEN, LINDEX,
 * LRANGE, LPOS) count keyspace hits and misses; writes don't. LTRIM always notifies "ltrim" and
 * signals the key, even when it removes nothing, as Redis does.
 */
import { bytesEqual, type Bytes } from '../../bytes.ts';
import { arr, bulk, EMPTY_ARRAY, int, NIL, OK, type Reply } from '../../resp/reply.ts';
import { E, fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import { keyOf, readKey, writeKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { rangeLongArg } from './pushpop.ts';
import { asList, clampRange, deleteIfEmpty } from './value.ts';

const LONG_MAX = Number.MAX_SAFE_INTEGER;

const llen: Handler = (c, argv) => {
  const lv = asList(readKey(c, keyOf(argv, 1)));
  return int(lv === undefined ? 0 : lv.ql.length);
};

const lindex: Handler = (c, argv) => {
  const lv = asList(readKey(c, keyOf(argv, 1)));
  if (lv === undefined) return NIL;
  const v = lv.ql.get(intArg(argv[2]!));
  return v === undefined ? NIL : bulk(v);
};

const lrange: Handler = (c, argv) => {
  const start = intArg(argv[2]!);
  const end = intArg(argv[3]!);
  const lv = asList(readKey(c, keyOf(argv, 1)));
  if (lv === undefined) return EMPTY_ARRAY;
  const r = clampRange(start, end, lv.ql.length);
  return r === null ? EMPTY_ARRAY : arr(lv.ql.range(r[0], r[1]).map(bulk));
};

const lset: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const lv = asList(writeKey(c, key));
  if (lv === undefined) fail(E.noSuchKey);
  const index = intArg(argv[2]!);
  if (!lv.ql.set(index, argv[3]!)) fail(E.outOfRange);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('l', 'lset', key, c.db);
  c.node.dirty++;
  return OK;
};

const linsert: Handler = (c, argv) => {
  const where = String.fromCharCode(...argv[2]!.subarray(0, 7)).toLowerCase();
  const after = argv[2]!.length === 5 && where === 'after';
  if (!after && !(argv[2]!.length === 6 && where === 'before')) fail(E.syntax);
  const key = keyOf(argv, 1);
  const lv = asList(writeKey(c, key));
  if (lv === undefined) return int(0);
  let i = 0;
  for (const v of lv.ql) {
    if (bytesEqual(v, argv[3]!)) break;
    i++;
  }
  if (i === lv.ql.length) return int(-1);
  lv.ql.insert(i, argv[4]!, after);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('l', 'linsert', key, c.db);
  c.node.dirty++;
  return int(lv.ql.length);
};

const lrem: Handler = (c, argv) => {
  const toRemove = intArg(argv[2]!);
  const key = keyOf(argv, 1);
  const lv = asList(writeKey(c, key));
  if (lv === undefined) return int(0);
  const target = argv[3]!;
  const removed = lv.ql.removeMatching((v) => bytesEqual(v, target), Math.abs(toRemove), toRemove < 0);
  c.node.dirty += removed;
  if (removed > 0) {
    c.node.signalModifiedKey(c.db, key);
    c.node.notify('l', 'lrem', key, c.db);
  }
  deleteIfEmpty(c, key, lv);
  return int(removed);
};

const ltrim: Handler = (c, argv) => {
  const start = intArg(argv[2]!);
  const end = intArg(argv[3]!);
  const key = keyOf(argv, 1);
  const lv = asList(writeKey(c, key));
  if (lv === undefined) return OK;
  const len = lv.ql.length;
  const r = clampRange(start, end, len);
  const left = r === null ? len : r[0];
  const right = r === null ? 0 : len - r[1] - 1;
  lv.ql.deleteRange(0, left);
  if (right > 0) lv.ql.deleteRange(-right, right);
  c.node.notify('l', 'ltrim', key, c.db);
  deleteIfEmpty(c, key, lv);
  c.node.signalModifiedKey(c.db, key);
  c.node.dirty += left + right;
  return OK;
};

interface LposOptions {
  rank: number;
  /** -1 when COUNT was not given; 0 means all matches. */
  count: number;
  maxlen: number;
}

function parseLpos(argv: Bytes[]): LposOptions {
  const o: LposOptions = { rank: 1, count: -1, maxlen: 0 };
  for (let j = 3; j < argv.length; j++) {
    const opt = String.fromCharCode(...argv[j]!.subarray(0, 7)).toLowerCase();
    const len = argv[j]!.length;
    const more = j + 1 < argv.length;
    if (len === 4 && opt === 'rank' && more) {
      o.rank = intArg(argv[++j]!);
      if (o.rank === 0) {
        fail(
          "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... " +
            'or use negative to start from the end of the list',
        );
      }
    } else if (len === 5 && opt === 'count' && more) {
      o.count = rangeLongArg(argv[++j]!, 0, LONG_MAX, "ERR COUNT can't be negative");
    } else if (len === 6 && opt === 'maxlen' && more) {
      o.maxlen = rangeLongArg(argv[++j]!, 0, LONG_MAX, "ERR MAXLEN can't be negative");
    } else {
      fail(E.syntax);
    }
  }
  return o;
}

const lpos: Handler = (c, argv) => {
  const o = parseLpos(argv);
  const fromTail = o.rank < 0;
  const rank = Math.abs(o.rank);
  const lv = asList(readKey(c, keyOf(argv, 1)));
  if (lv === undefined) return o.count !== -1 ? EMPTY_ARRAY : NIL;
  const ql = lv.ql;
  const len = ql.length;
  const ele = argv[2]!;
  const found: Reply[] = [];
  let matches = 0;
  let index = -1;
  for (const v of fromTail ? ql.reversed() : ql) {
    index++;
    if (o.maxlen !== 0 && index >= o.maxlen) break;
    if (!bytesEqual(v, ele)) continue;
    matches++;
    if (matches < rank) continue;
    found.push(int(fromTail ? len - index - 1 : index));
    if (o.count === -1 || (o.count !== 0 && matches - rank + 1 >= o.count)) break;
  }
  if (o.count !== -1) return arr(found);
  return found.length > 0 ? found[0]! : NIL;
};

export const accessHandlers: Record<string, Handler> = {
  llen,
  lindex,
  lrange,
  lset,
  linsert,
  lrem,
  ltrim,
  lpos,
};
