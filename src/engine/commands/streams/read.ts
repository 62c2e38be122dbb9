/*
 * XREAD (xreadCommand without GROUP, and serveClientsBlockedOnStreamKey for its blocked form).
 *
 * IDs are resolved key by key, in order, each key looked up (lookupKeyRead) before its ID is parsed,
 * so a WRONGTYPE key and a bad ID are reported in argument order: "$" is the stream's last ID (0-0
 * for a missing key), ">" is refused (XREADGROUP's), anything else is a strict ID. Then each stream
 * whose last live entry is past its ID is served (entries after the ID, COUNT at most); keys are
 * looked up again for this, as Redis does (so hits and misses count twice). Nothing to serve: with
 * BLOCK the client waits (a nil array at once inside MULTI), without it the reply is a nil array.
 *
 * A blocked client is woken by XADD's signal, or by a stream arriving at the key (RENAME, COPY...):
 * when the stream's last ID is past the client's ID for
 * that key (the first occurrence's, if a key repeats), it gets that key's new entries, at most COUNT
 * or 1000 when no COUNT was given. Replies: RESP2 an array of [key, entries] pairs, RESP3 a map.
 */
import type { Bytes } from '../../bytes.ts';
import { arr, bulk, map, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { fail } from '../../server/errors.ts';
import type { Database } from '../../server/db.ts';
import { keyOf } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import { compareIds, MAX_ID, MIN_ID, nextId, parseStrictId, type StreamId } from './id.ts';
import { isStream, type StreamValue, streamLookupForRead } from './model.ts';
import { streamLastLiveId, streamRange } from './ops.ts';
import { parseReadArgs, READ_ERR, XREAD_BLOCKED_DEFAULT_COUNT } from './read-args.ts';
import { entriesReply } from './reply.ts';

/** True when the C string of the argument is exactly `ch`. */
function isExactly(b: Bytes, ch: number): boolean {
  const z = b.indexOf(0);
  const n = z < 0 ? b.length : z;
  return n === 1 && b[0] === ch;
}

function resolveIds(c: Client, argv: Bytes[], pos: number, n: number): StreamId[] {
  const ids: StreamId[] = [];
  for (let i = 0; i < n; i++) {
    const s = streamLookupForRead(c, keyOf(argv, pos + i));
    const arg = argv[pos + n + i]!;
    if (isExactly(arg, 36)) ids.push(s ? s.lastId : MIN_ID);
    else if (isExactly(arg, 62)) fail(READ_ERR.gtOutsideGroup);
    else ids.push(parseStrictId(arg));
  }
  return ids;
}

/** The entries after `gt`, at most `count` (0 = all). */
function entriesAfter(s: StreamValue, gt: StreamId, count: number): Reply {
  return entriesReply(streamRange(s, nextId(gt) ?? MIN_ID, MAX_ID, false, count));
}

function keyedReply(c: Client, pairs: [Bytes, Reply][]): Reply {
  if (c.resp === 3) return map(pairs.map(([k, v]) => [bulk(k), v] as const));
  return arr(pairs.map(([k, v]) => arr([bulk(k), v])));
}

/** What a blocked XREAD does when `key` is signalled: serve it, or keep waiting. */
function serveBlocked(c: Client, db: Database, key: string, keyBytes: Bytes, gt: StreamId, count: number) {
  const s = db.peek(key);
  if (!isStream(s) || compareIds(s.lastId, gt) <= 0) return undefined;
  return keyedReply(c, [[keyBytes, entriesAfter(s, gt, count || XREAD_BLOCKED_DEFAULT_COUNT)]]);
}

const xread: Handler = (c, argv) => {
  const args = parseReadArgs(c, argv, false);
  const { streamsPos: pos, numStreams: n } = args;
  const ids = resolveIds(c, argv, pos, n);
  const served: [Bytes, Reply][] = [];
  for (let i = 0; i < n; i++) {
    const s = streamLookupForRead(c, keyOf(argv, pos + i));
    if (s === undefined || s.length === 0) continue;
    if (compareIds(streamLastLiveId(s), ids[i]!) <= 0) continue;
    served.push([argv[pos + i]!, entriesAfter(s, ids[i]!, args.count)]);
  }
  if (served.length > 0) return keyedReply(c, served);
  if (!args.block || !c.node.blocking.canBlock(c)) return NIL_ARRAY;
  const waits = new Map<string, { keyBytes: Bytes; gt: StreamId }>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(argv, pos + i);
    if (!waits.has(key)) waits.set(key, { keyBytes: argv[pos + i]!, gt: ids[i]! });
  }
  const db = c.db;
  c.node.blocking.block(c, {
    kind: 'stream',
    keys: [...waits.keys()],
    deadlineMs: args.deadlineMs,
    serve: (key) => {
      const w = waits.get(key)!;
      return serveBlocked(c, db, key, w.keyBytes, w.gt, args.count);
    },
    // Redis's dbAdd signals a stream arriving by RENAME, COPY, MOVE, RESTORE or SWAPDB; asking to hear
    // about replaced values gets us that signal. Losing the key never answers an XREAD client.
    keyLost: () => undefined,
  });
  return undefined;
};

export const readHandlers: Record<string, Handler> = { xread };
