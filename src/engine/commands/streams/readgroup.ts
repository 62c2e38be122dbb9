/*
 * XREADGROUP (xreadCommand's group branch, streamReplyWithRange with a group, and blocked.c's
 * serveClientsBlockedOnStreamKey / unblockDeletedStreamReadgroupClients).
 *
 * Order of checks, as Redis: the options (read-args.ts, shared with XREAD), then per stream in
 * order: read lookup (WRONGTYPE), key and group must exist (NOGROUP), then its ID ("$" is refused,
 * ">" means new entries, else a strict ID).
 *
 * Serving, per stream: an explicit ID reads the consumer's own history (its PEL after that ID; an
 * entry deleted since delivery shows as [id, nil]; each served one counts another delivery); ">"
 * reads entries after the group's last delivered ID when the stream's last live entry is past it.
 * New deliveries advance the group's last ID and read counter, and (without NOACK) create or take
 * over the pending entry. A served stream creates the consumer if needed and counts one change.
 * The ">" marker is MAX_ID, so an explicit 18446744073709551615-18446744073709551615 means ">" too.
 *
 * Nothing served: with BLOCK (outside MULTI) the client blocks on all keys; a woken client is
 * served from the ready key when the stream's last ID passed the group's (COUNT defaults to 1000
 * there), gets NOGROUP when the group is gone, and UNBLOCKED when the key was deleted or replaced
 * by another type. Without BLOCK, or when it cannot block, the reply is a nil array.
 */
import { bin, type Bytes, unbin } from '../../bytes.ts';
import { arr, err, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import { cName, deletedEntryReply, entryReply, streamsReply } from './groups-reply.ts';
import { advanceReadCounter, consumerFor, lookupGroup, recordDelivery } from './groups.ts';
import { compareIds, idEquals, isCToken, MAX_ID, nextId, parseStrictId, type StreamId } from './id.ts';
import type { Consumer, ConsumerGroup, StreamValue } from './model.ts';
import { streamLookupForRead } from './model.ts';
import { streamGetEntry, streamIterate, streamLastLiveId } from './ops.ts';
import { parseReadArgs, READ_ERR, type ReadArgs, XREAD_BLOCKED_DEFAULT_COUNT } from './read-args.ts';

/** The parsed options plus the names as binary strings. */
interface ReadGroupArgs extends ReadArgs {
  groupName: string;
  consumerName: string;
}

function parseArgs(c: Client, argv: Bytes[]): ReadGroupArgs {
  const a = parseReadArgs(c, argv, true);
  return { ...a, groupName: bin(a.group!), consumerName: bin(a.consumer!) };
}

/** Per stream: its group and the ID to read after (MAX_ID for ">"), checked in Redis's order. */
function resolveStreams(
  c: Client,
  argv: Bytes[],
  a: ReadGroupArgs,
): { groups: ConsumerGroup[]; ids: StreamId[] } {
  const groups: ConsumerGroup[] = [];
  const ids: StreamId[] = [];
  for (let j = 0; j < a.numStreams; j++) {
    const key = bin(argv[a.streamsPos + j]!);
    const s = streamLookupForRead(c, key);
    const g = s === undefined ? undefined : lookupGroup(s, a.groupName);
    if (g === undefined) {
      fail(
        `NOGROUP No such key '${cName(key)}' or consumer group '${cName(a.groupName)}' in XREADGROUP with GROUP option`,
      );
    }
    groups.push(g);
    const idArg = argv[a.streamsPos + a.numStreams + j]!;
    if (isCToken(idArg, 36)) fail(READ_ERR.dollarInGroup);
    ids.push(isCToken(idArg, 62) ? MAX_ID : parseStrictId(idArg));
  }
  return { groups, ids };
}

/** New entries after `after` for the group (streamReplyWithRange with a group). */
export function serveNewEntries(
  c: Client,
  s: StreamValue,
  g: ConsumerGroup,
  consumer: Consumer,
  after: StreamId,
  count: number,
  noack: boolean,
): Reply {
  const out: Reply[] = [];
  const start = nextId(after);
  if (start === null) return arr(out);
  const now = c.node.nowMs();
  streamIterate(s, start, MAX_ID, false, (id, fv) => {
    if (compareIds(id, g.lastId) > 0) advanceReadCounter(s, g, id);
    out.push(entryReply(id, fv));
    if (!noack) recordDelivery(g, consumer, id, now);
    return count === 0 || out.length < count;
  });
  return arr(out);
}

/** The consumer's own pending entries after `after` (streamReplyWithRangeFromConsumerPEL). */
function serveHistory(c: Client, s: StreamValue, consumer: Consumer, after: StreamId, count: number): Reply {
  const out: Reply[] = [];
  const start = nextId(after);
  if (start === null) return arr(out);
  const now = c.node.nowMs();
  for (const cur = consumer.pel.seekGE(start); cur.valid && (count === 0 || out.length < count); cur.next()) {
    const pe = cur.value;
    const entry = streamGetEntry(s, pe.id);
    if (entry === undefined) {
      out.push(deletedEntryReply(pe.id));
    } else {
      out.push(entryReply(entry.id, entry.fv));
      pe.deliveryTimeMs = now;
      pe.deliveryCount++;
    }
  }
  return arr(out);
}

function xreadgroup(c: Client, argv: Bytes[]): Reply | undefined {
  const a = parseArgs(c, argv);
  const { groups, ids } = resolveStreams(c, argv, a);
  const served: [Bytes, Reply][] = [];
  for (let j = 0; j < a.numStreams; j++) {
    const keyBytes = argv[a.streamsPos + j]!;
    const key = bin(keyBytes);
    const s = streamLookupForRead(c, key)!;
    const g = groups[j]!;
    const history = !idEquals(ids[j]!, MAX_ID);
    if (!history && (s.length === 0 || compareIds(streamLastLiveId(s), g.lastId) <= 0)) continue;
    const consumer = consumerFor(c, g, a.consumerName, key);
    const entries = history
      ? serveHistory(c, s, consumer, ids[j]!, a.count)
      : serveNewEntries(c, s, g, consumer, g.lastId, a.count, a.noAck);
    served.push([keyBytes, entries]);
    c.node.dirty++;
  }
  if (served.length > 0) return streamsReply(c, served);
  if (!a.block || !c.node.blocking.canBlock(c)) return NIL_ARRAY;
  const keys: string[] = [];
  for (let j = 0; j < a.numStreams; j++) keys.push(bin(argv[a.streamsPos + j]!));
  c.node.blocking.block(c, {
    kind: 'stream',
    keys,
    deadlineMs: a.deadlineMs,
    serve: (key) => serveBlocked(c, key, a),
    keyLost: () => err('UNBLOCKED the stream key no longer exists'),
  });
  return undefined;
}

/** A blocked XREADGROUP offered a stream key that received entries (or lost its group). */
function serveBlocked(c: Client, key: string, a: ReadGroupArgs): Reply | undefined {
  const s = c.db.peek(key) as StreamValue;
  const g = lookupGroup(s, a.groupName);
  if (g === undefined) return err('NOGROUP the consumer group this client was blocked on no longer exists');
  if (compareIds(s.lastId, g.lastId) <= 0) return undefined;
  const consumer = consumerFor(c, g, a.consumerName, key);
  const count = a.count || XREAD_BLOCKED_DEFAULT_COUNT;
  return streamsReply(c, [[unbin(key), serveNewEntries(c, s, g, consumer, g.lastId, count, a.noAck)]]);
}

export const readGroupHandlers = { xreadgroup };
