/*
 * XRANGE, XREVRANGE and XLEN (t_stream.c's xrangeGenericCommand, xlenCommand).
 *
 * Bounds: an incomplete start takes sequence 0, an incomplete end 2^64-1; "-" and "+" are the
 * extremes; a "(" prefix makes a bound exclusive (strict form only) by moving it one ID inward, which
 * fails at the extremes ("invalid start/end ID for the interval"). XREVRANGE takes end first but
 * parses start first, like Redis, so errors come in the same order. COUNT may repeat (the last wins);
 * a negative COUNT counts as 0, and COUNT 0 answers a nil array. Everything is parsed before the key
 * is looked up: a missing key then answers an empty array.
 */
import type { Bytes } from '../../bytes.ts';
import { eqIgnoreCase } from '../../bytes.ts';
import { EMPTY_ARRAY, int, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { keyOf } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { cString, ID_ERR, nextId, parseIntervalId, prevId, type StreamId, U64_MAX } from './id.ts';
import { streamLookupForRead } from './model.ts';
import { streamIterate } from './ops.ts';
import { entryReply } from './reply.ts';

/** Start and end of a range as XRANGE reads them (exclusive bounds already moved inward). */
export function parseRangeBounds(startArg: Bytes, endArg: Bytes): { start: StreamId; end: StreamId } {
  const s = parseIntervalId(startArg, 0);
  let start = s.id;
  if (s.exclusive) {
    const n = nextId(start);
    if (n === null) fail(ID_ERR.startInterval);
    start = n;
  }
  const e = parseIntervalId(endArg, U64_MAX);
  let end = e.id;
  if (e.exclusive) {
    const p = prevId(end);
    if (p === null) fail(ID_ERR.endInterval);
    end = p;
  }
  return { start, end };
}

/** The COUNT options from argv[4] on: -1 when absent, else the last count given (negative -> 0). */
function parseRangeCount(argv: Bytes[]): number {
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (eqIgnoreCase(cString(argv[j]!), 'count') && j + 1 < argv.length) {
      const n = parseI64(argv[j + 1]!);
      if (n === null) fail(E.notInt);
      count = n < 0n ? 0 : n > 4294967295n ? 4294967295 : Number(n);
      j++;
    } else {
      fail(E.syntax);
    }
  }
  return count;
}

function rangeCommand(c: Client, argv: Bytes[], rev: boolean): Reply {
  const { start, end } = rev ? parseRangeBounds(argv[3]!, argv[2]!) : parseRangeBounds(argv[2]!, argv[3]!);
  const count = parseRangeCount(argv);
  const s = streamLookupForRead(c, keyOf(argv, 1));
  if (s === undefined) return EMPTY_ARRAY;
  if (count === 0) return NIL_ARRAY;
  const out: Reply[] = [];
  streamIterate(s, start, end, rev, (id, fv) => {
    out.push(entryReply(id, fv));
    return count < 0 || out.length < count;
  });
  return { t: 'array', a: out };
}

export const rangeHandlers: Record<string, Handler> = {
  xrange: (c, argv) => rangeCommand(c, argv, false),
  xrevrange: (c, argv) => rangeCommand(c, argv, true),
  xlen(c, argv) {
    const s = streamLookupForRead(c, keyOf(argv, 1));
    return int(s === undefined ? 0 : s.length);
  },
};
