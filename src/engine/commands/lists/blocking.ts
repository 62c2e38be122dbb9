/*
 * Blocking list commands (t_list.c + blocked.c): BLPOP BRPOP BLMPOP BLMOVE BRPOPLPUSH.
 *
 * Each first behaves exactly like its non-blocking twin when some list has elements (and counts and
 * notifies like it). Otherwise, outside MULTI it blocks through node.blocking with a `serve`
 * callback that does what Redis's serveClientBlockedOnList does for a woken client: pop (and for
 * BLMOVE push, after checking the destination type; a wrong type answers WRONGTYPE and pops nothing),
 * notify, delete the emptied key. Inside MULTI (or a script) an empty result answers at once: nil
 * array for the pops, nil bulk for the moves. A timeout answers a nil array for all of them.
 *
 * Timeouts are seconds as a long double ("timeout is not a float or out of range"), rounded up to
 * whole ms; negative ones are refused ("timeout is negative"), 0 waits forever. Like C's conversion
 * of an out-of-range double, infinity and values past 2^63 ms count as negative.
 */
import type { Bytes } from '../../bytes.ts';
import { arr, bulk, NIL, NIL_ARRAY, type Reply, err } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseLongDouble } from '../../util/ldparse.ts';
import { ldToNumber } from '../../util/longdouble.ts';
import { keyOf, writeKey } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { latin, lmoveGeneric, type MpopArgs, parseMpop, popRangeWithKey, pushMoved } from './pushpop.ts';
import { asList, deleteIfEmpty, elementsRemoved, type End, parseEnd, popFrom } from './value.ts';

/** getTimeoutFromObjectOrReply (seconds): absolute deadline in node ms, 0 for none. */
export function parseTimeoutSeconds(c: Client, b: Bytes): number {
  const ld = parseLongDouble(b);
  if (ld === null) fail('ERR timeout is not a float or out of range');
  const x = ldToNumber(ld) * 1000;
  const ms = Number.isFinite(x) && Math.abs(x) < 2 ** 63 ? Math.ceil(x) : -1;
  if (ms < 0) fail('ERR timeout is negative');
  return ms > 0 ? c.node.nowMs() + ms : 0;
}

/** What a woken BLPOP/BRPOP/BLMPOP does with the ready key. */
function servePop(c: Client, key: string, end: End, count: number): Reply {
  const lv = asList(c.db.peek(key))!;
  if (count !== -1) return popRangeWithKey(c, key, lv, end, count);
  const v = popFrom(lv, end);
  c.node.notify('l', end === 'head' ? 'lpop' : 'rpop', key, c.db);
  deleteIfEmpty(c, key, lv);
  return arr([bulk(latin(key)), bulk(v)]);
}

/** blockingPopGenericCommand; count -1 is the single-element BLPOP/BRPOP form. */
function blockingPop(
  c: Client,
  keys: string[],
  end: End,
  deadlineMs: number,
  count: number,
): Reply | undefined {
  for (const key of keys) {
    const lv = asList(writeKey(c, key));
    if (lv === undefined || lv.ql.length === 0) continue;
    if (count !== -1) return popRangeWithKey(c, key, lv, end, count);
    const v = popFrom(lv, end);
    elementsRemoved(c, key, end, lv, 1);
    return arr([bulk(latin(key)), bulk(v)]);
  }
  if (!c.node.blocking.canBlock(c)) return NIL_ARRAY;
  c.node.blocking.block(c, {
    kind: 'list',
    keys,
    deadlineMs,
    serve: (key) => servePop(c, key, end, count),
  });
  return undefined;
}

function bpop(c: Client, argv: Bytes[], end: End): Reply | undefined {
  const deadline = parseTimeoutSeconds(c, argv[argv.length - 1]!);
  const keys: string[] = [];
  for (let j = 1; j < argv.length - 1; j++) keys.push(keyOf(argv, j));
  return blockingPop(c, keys, end, deadline, -1);
}

/** What a woken BLMOVE/BRPOPLPUSH does: checks the destination, then moves one element. */
function serveMove(c: Client, src: string, dst: string, from: End, to: End): Reply {
  const dl = writeKey(c, dst);
  if (dl !== undefined && dl.type !== 'list') return err(E.wrongType);
  const sl = asList(c.db.peek(src))!;
  const v = popFrom(sl, from);
  pushMoved(c, dst, dl, v, to);
  c.node.notify('l', from === 'head' ? 'lpop' : 'rpop', src, c.db);
  deleteIfEmpty(c, src, sl);
  return bulk(v);
}

function blockingMove(c: Client, argv: Bytes[], from: End, to: End, deadlineMs: number): Reply | undefined {
  const src = keyOf(argv, 1);
  const dst = keyOf(argv, 2);
  const sl = asList(writeKey(c, src));
  if (sl !== undefined) return lmoveGeneric(c, src, dst, from, to);
  if (!c.node.blocking.canBlock(c)) return NIL;
  c.node.blocking.block(c, {
    kind: 'list',
    keys: [src],
    deadlineMs,
    serve: () => serveMove(c, src, dst, from, to),
  });
  return undefined;
}

function blmpop(c: Client, argv: Bytes[]): Reply | undefined {
  const m: MpopArgs = parseMpop(argv, 2);
  const deadline = parseTimeoutSeconds(c, argv[1]!);
  return blockingPop(c, m.keys, m.end, deadline, m.count);
}

export const blockingHandlers: Record<string, Handler> = {
  blpop: (c, argv) => bpop(c, argv, 'head'),
  brpop: (c, argv) => bpop(c, argv, 'tail'),
  blmpop,
  blmove(c, argv) {
    const from = parseEnd(argv[3]!);
    const to = parseEnd(argv[4]!);
    return blockingMove(c, argv, from, to, parseTimeoutSeconds(c, argv[5]!));
  },
  brpoplpush: (c, argv) => blockingMove(c, argv, 'tail', 'head', parseTimeoutSeconds(c, argv[3]!)),
};
