/*
 * XACK and XPENDING (xackCommand, xpendingCommand).
 *
 * XACK: no key or no group answers 0 before the IDs are even parsed; otherwise every ID is parsed
 * first (all or nothing: one bad ID fails the command with nothing acknowledged), then each ID found
 * in the group PEL leaves both PELs and counts one change.
 *
 * XPENDING: 2 arguments after the key give the summary [count, smallest ID, greatest ID, [[consumer,
 * count], ...]] (nil, nil, nil array when nothing is pending; consumers without pending entries are
 * left out). The extended form takes [IDLE ms] start end count [consumer]; its arguments are parsed
 * before the key is looked up (so syntax errors win over NOGROUP), exclusive bounds "(" move by one
 * ("invalid start/end ID for the interval" past the ends), a negative count means 0. Rows are
 * [id, consumer, idle ms, deliveries], idle measured on the node clock; with IDLE, rows idle for
 * less are skipped without using up the count. An unknown consumer answers an empty array.
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { arr, bulkBin, int, NIL, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64Num } from '../../util/parse.ts';
import type { IdBTree } from '../../ds/id-btree.ts';
import { cName, idReply } from './groups-reply.ts';
import { dropPending, lookupConsumer, lookupGroup } from './groups.ts';
import {
  compareIds,
  ID_ERR,
  nextId,
  parseIntervalId,
  parseStrictId,
  prevId,
  type StreamId,
  U64_MAX,
} from './id.ts';
import { type PendingEntry, streamLookupForRead } from './model.ts';

function xack(c: Client, argv: Bytes[]): Reply {
  const s = streamLookupForRead(c, bin(argv[1]!));
  const g = s === undefined ? undefined : lookupGroup(s, bin(argv[2]!));
  if (g === undefined) return int(0);
  const ids: StreamId[] = [];
  for (let j = 3; j < argv.length; j++) ids.push(parseStrictId(argv[j]!));
  let acked = 0;
  for (const id of ids) {
    const pe = g.pel.get(id);
    if (pe === undefined) continue;
    dropPending(g, pe);
    acked++;
    c.node.dirty++;
  }
  return int(acked);
}

interface PendingRange {
  minIdleMs: number;
  start: StreamId;
  end: StreamId;
  count: number;
  consumer: string | undefined;
}

/** The extended form's arguments (argv.length is 6..9). */
function parseRange(argv: Bytes[]): PendingRange {
  let at = 3;
  let minIdleMs = 0;
  if (eqIgnoreCase(argv[3]!, 'idle')) {
    const n = parseI64Num(argv[4]!);
    if (n === null) fail(E.notInt);
    minIdleMs = n;
    if (argv.length < 8) fail(E.syntax);
    at += 2;
  }
  const n = parseI64Num(argv[at + 2]!);
  if (n === null) fail(E.notInt);
  const lo = parseIntervalId(argv[at]!, 0);
  const start = lo.exclusive ? nextId(lo.id) : lo.id;
  if (start === null) fail(ID_ERR.startInterval);
  const hi = parseIntervalId(argv[at + 1]!, U64_MAX);
  const end = hi.exclusive ? prevId(hi.id) : hi.id;
  if (end === null) fail(ID_ERR.endInterval);
  const consumer = at + 3 < argv.length ? bin(argv[at + 3]!) : undefined;
  return { minIdleMs, start, end, count: n < 0 ? 0 : n, consumer };
}

function summary(pel: IdBTree<PendingEntry>, consumers: () => Reply[]): Reply {
  if (pel.size === 0) return arr([int(0), NIL, NIL, NIL_ARRAY]);
  return arr([int(pel.size), idReply(pel.firstKey()!), idReply(pel.lastKey()!), arr(consumers())]);
}

function rows(c: Client, pel: IdBTree<PendingEntry>, r: PendingRange): Reply {
  const out: Reply[] = [];
  const now = c.node.nowMs();
  let left = r.count;
  for (
    const cur = pel.seekGE(r.start);
    left > 0 && cur.valid && compareIds(cur.key, r.end) <= 0;
    cur.next()
  ) {
    const pe = cur.value;
    const idle = now - pe.deliveryTimeMs;
    if (r.minIdleMs !== 0 && idle < r.minIdleMs) continue;
    left--;
    out.push(arr([idReply(pe.id), bulkBin(pe.consumer.name), int(Math.max(0, idle)), int(pe.deliveryCount)]));
  }
  return arr(out);
}

function xpending(c: Client, argv: Bytes[]): Reply {
  if (argv.length !== 3 && (argv.length < 6 || argv.length > 9)) fail(E.syntax);
  const range = argv.length >= 6 ? parseRange(argv) : undefined;
  const key = bin(argv[1]!);
  const groupName = bin(argv[2]!);
  const s = streamLookupForRead(c, key);
  const g = s === undefined ? undefined : lookupGroup(s, groupName);
  if (g === undefined) fail(`NOGROUP No such key '${cName(key)}' or consumer group '${cName(groupName)}'`);
  if (range === undefined) {
    return summary(g.pel, () =>
      g.consumers
        .values()
        .filter((k) => k.pel.size > 0)
        .map((k) => arr([bulkBin(k.name), bulkBin(String(k.pel.size))])),
    );
  }
  if (range.consumer === undefined) return rows(c, g.pel, range);
  const consumer = lookupConsumer(c, g, range.consumer, false);
  return consumer === undefined ? arr([]) : rows(c, consumer.pel, range);
}

export const pendingHandlers = { xack, xpending };
