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

/** The options plus, per stream, its key, value, group and the ID to read after (MAX_ID for ">"). */
interface ReadGroupRequest {
  a: ReadArgs;
  groupName: string;
  consumerName: string;
  keys: string[];
  streams: StreamValue[];
  groups: ConsumerGroup[];
  ids: StreamId[];
}

/** Parses and resolves every stream, in Redis's order of checks. */
function resolve(c: Client, argv: Bytes[]): ReadGroupRequest {
  const a = parseReadArgs(c, argv, true);
  const groupName = bin(a.group!);
  const r: ReadGroupRequest = {
    a,
    groupName,
    consumerName: bin(a.consumer!),
    keys: [],
    streams: [],
    groups: [],
    ids: [],
  };
  for (let j = 0; j < a.numStreams; j++) {
    const key = bin(argv[a.streamsPos + j]!);
    const s = streamLookupForRead(c, key);
    const g = s === undefined ? undefined : lookupGroup(s, groupName);
    if (g === undefined) {
      fail(
        `NOGROUP No such key '${cName(key)}' or consumer group '${cName(groupName)}' in XREADGROUP with GROUP option`,
      );
    }
    const idArg = argv[a.streamsPos + a.numStreams + j]!;
    if (isCToken(idArg, 36)) fail(READ_ERR.dollarInGroup);
    r.keys.push(key);
    r.streams.push(s!);
    r.groups.push(g);
    r.ids.push(isCToken(idArg, 62) ? MAX_ID : parseStrictId(idArg));
  }
  return r;
}

/** Has the stream a live entry past the group's last delivered ID? */
function hasNewEntries(s: StreamValue, g: ConsumerGroup): boolean {
  if (s.length === 0 || compareIds(s.lastId, g.lastId) <= 0) return false;
  return compareIds(streamLastLiveId(s), g.lastId) > 0;
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
  const r = resolve(c, argv);
  const a = r.a;
  const served: [Bytes, Reply][] = [];
  for (let j = 0; j < a.numStreams; j++) {
    const s = r.streams[j]!;
    // Redis looks every key up a second time here: the same value, one more hit and access.
    c.node.stats.keyspaceHits++;
    c.node.touchValue(s);
    const g = r.groups[j]!;
    const history = !idEquals(r.ids[j]!, MAX_ID);
    if (!history && !hasNewEntries(s, g)) continue;
    const consumer = consumerFor(c, g, r.consumerName, r.keys[j]!);
    const entries = history
      ? serveHistory(c, s, consumer, r.ids[j]!, a.count)
      : serveNewEntries(c, s, g, consumer, g.lastId, a.count, a.noAck);
    served.push([argv[a.streamsPos + j]!, entries]);
    c.node.dirty++;
  }
  if (served.length > 0) return streamsReply(c, served);
  if (!a.block || !c.node.blocking.canBlock(c)) return NIL_ARRAY;
  c.node.blocking.block(c, {
    kind: 'stream',
    keys: r.keys,
    deadlineMs: a.deadlineMs,
    serve: (key) => serveBlocked(c, key, r),
    keyLost: () => err('UNBLOCKED the stream key no longer exists'),
  });
  return undefined;
}

/** A blocked XREADGROUP offered a stream key that received entries (or lost its group). */
function serveBlocked(c: Client, key: string, r: ReadGroupRequest): Reply | undefined {
  const s = c.db.peek(key) as StreamValue;
  const g = lookupGroup(s, r.groupName);
  if (g === undefined) return err('NOGROUP the consumer group this client was blocked on no longer exists');
  if (compareIds(s.lastId, g.lastId) <= 0) return undefined;
  const consumer = consumerFor(c, g, r.consumerName, key);
  const count = r.a.count || XREAD_BLOCKED_DEFAULT_COUNT;
  return streamsReply(c, [[unbin(key), serveNewEntries(c, s, g, consumer, g.lastId, count, r.a.noAck)]]);
}

export const readGroupHandlers = { xreadgroup };
