/*
 * The stream write commands: XADD, XDEL, XTRIM, XSETID (t_stream.c).
 *
 * Bookkeeping as Redis does it:
 *   XADD   one dirty, signalModifiedKey, "xadd" (class t), then "xtrim" if its trimming removed
 *          anything, and the key is signalled ready for XREAD/XREADGROUP BLOCK clients.
 *   XDEL   dirty += deleted, signalModifiedKey and "xdel" when something was deleted.
 *   XTRIM  dirty += deleted, signalModifiedKey and "xtrim" when something was trimmed.
 *   XSETID one dirty and "xsetid"; Redis 7.0 does not call signalModifiedKey here (WATCH is not
 *          touched), and neither do we.
 * Streams are never deleted when they become empty.
 */
import { type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { idReply } from './reply.ts';
import { int, NIL, OK, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { parseI64 } from '../../util/parse.ts';
import { keyOf } from '../strings/value.ts';
import type { Handler } from '../types.ts';
import {
  compareIds,
  cString,
  ID_ERR,
  idEquals,
  incU64,
  isZeroId,
  MAX_ID,
  MIN_ID,
  type ParsedXaddId,
  parseStrictId,
  type StreamId,
  U64_MAX,
  u64,
  type U64,
} from './id.ts';
import { STREAM_LISTPACK_MAX_SIZE, StreamValue, streamLimits, streamLookupForWrite } from './model.ts';
import {
  generateId,
  payloadBytes,
  streamAppend,
  streamDeleteEntry,
  streamEdgeId,
  streamLastLiveId,
} from './ops.ts';
import { parseAddTrimArgs } from './trim-args.ts';
import { streamTrim } from './trim.ts';

const ERR_TOO_LARGE = 'ERR Elements are too large to be stored';

/** The ID XADD will use: generated, "<ms>-*", or explicit; throws XADD's errors. */
function newEntryId(c: Client, s: StreamValue, given: ParsedXaddId | null): StreamId {
  const last = s.lastId;
  let id: StreamId | null;
  if (given === null) {
    id = generateId(last, Math.floor(c.node.nowMs()));
  } else if (given.seqGiven) {
    id = given.id;
  } else if (last.ms === given.id.ms) {
    // Redis fails here without setting errno to EDOM, so it answers the "too large" error.
    if (last.seq === U64_MAX) fail(ERR_TOO_LARGE);
    id = { ms: last.ms, seq: incU64(last.seq)! };
  } else {
    id = given.id;
  }
  if (id === null || compareIds(id, last) <= 0) fail(ID_ERR.xaddSmaller);
  return id;
}

const xadd: Handler = (c, argv) => {
  const args = parseAddTrimArgs(c, argv, true);
  const fieldPos = args.idPos + 1;
  const nFv = argv.length - fieldPos;
  if (nFv < 2 || nFv % 2 === 1) fail("ERR wrong number of arguments for 'xadd' command");
  if (args.id !== null && args.id.seqGiven && isZeroId(args.id.id)) fail(ID_ERR.xaddZero);
  const key = keyOf(argv, 1);
  let s = streamLookupForWrite(c, key);
  if (s === undefined) {
    if (args.noMkStream) return NIL;
    s = new StreamValue(c.node.nowMs());
    c.db.set(key, s);
  }
  if (idEquals(s.lastId, MAX_ID)) fail(ID_ERR.exhausted);
  const id = newEntryId(c, s, args.id);
  const payload = payloadBytes(argv, fieldPos);
  if (payload > STREAM_LISTPACK_MAX_SIZE) fail(ERR_TOO_LARGE);
  streamAppend(s, id, argv, streamLimits(c.node), fieldPos, payload);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('t', 'xadd', key, c.db);
  c.node.dirty++;
  if (args.trim !== null && streamTrim(s, args.trim) > 0) c.node.notify('t', 'xtrim', key, c.db);
  // Only clients blocked on keys can care (XREAD / XREADGROUP BLOCK).
  if (c.node.blocking.blockedCount > 0) c.node.signalKeyAsReady(c.db, key);
  return idReply(id);
};

const xdel: Handler = (c, argv) => {
  const key = keyOf(argv, 1);
  const s = streamLookupForWrite(c, key);
  if (s === undefined) return int(0);
  const ids: StreamId[] = [];
  for (let j = 2; j < argv.length; j++) ids.push(parseStrictId(argv[j]!));
  let deleted = 0;
  let firstDeleted = false;
  for (const id of ids) {
    if (!streamDeleteEntry(s, id)) continue;
    if (idEquals(id, s.firstId)) firstDeleted = true;
    if (compareIds(id, s.maxDeletedId) > 0) s.maxDeletedId = id;
    deleted++;
  }
  if (deleted === 0) return int(0);
  if (s.length === 0) s.firstId = MIN_ID;
  else if (firstDeleted) s.firstId = streamEdgeId(s, true, true);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('t', 'xdel', key, c.db);
  c.node.dirty += deleted;
  return int(deleted);
};

const xtrim: Handler = (c, argv) => {
  const args = parseAddTrimArgs(c, argv, false);
  const key = keyOf(argv, 1);
  const s = streamLookupForWrite(c, key);
  if (s === undefined) return int(0);
  const deleted = streamTrim(s, args.trim!);
  if (deleted > 0) {
    c.node.notify('t', 'xtrim', key, c.db);
    c.node.signalModifiedKey(c.db, key);
    c.node.dirty += deleted;
  }
  return int(deleted);
};

interface SetIdOptions {
  entriesAdded: U64 | null;
  maxDeletedId: StreamId;
}

function parseSetIdOptions(argv: Bytes[], id: StreamId): SetIdOptions {
  const out: SetIdOptions = { entriesAdded: null, maxDeletedId: MIN_ID };
  for (let i = 3; i < argv.length; i += 2) {
    const more = argv.length - 1 - i;
    const opt = cString(argv[i]!);
    if (more > 0 && eqIgnoreCase(opt, 'entriesadded')) {
      const n = parseI64(argv[i + 1]!);
      if (n === null) fail(E.notInt);
      if (n < 0n) fail('ERR entries_added must be positive');
      out.entriesAdded = u64(n);
    } else if (more > 0 && eqIgnoreCase(opt, 'maxdeletedid')) {
      out.maxDeletedId = parseStrictId(argv[i + 1]!);
      if (compareIds(id, out.maxDeletedId) < 0)
        fail('ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id');
    } else {
      fail(E.syntax);
    }
  }
  return out;
}

const xsetid: Handler = (c, argv): Reply => {
  const id = parseStrictId(argv[2]!);
  const opts = parseSetIdOptions(argv, id);
  const key = keyOf(argv, 1);
  const s = streamLookupForWrite(c, key);
  if (s === undefined) fail(E.noSuchKey);
  if (s.length > 0) {
    if (compareIds(id, streamLastLiveId(s)) < 0)
      fail('ERR The ID specified in XSETID is smaller than the target stream top item');
    if (opts.entriesAdded !== null && s.length > opts.entriesAdded)
      fail('ERR The entries_added specified in XSETID is smaller than the target stream length');
  }
  s.lastId = id;
  if (opts.entriesAdded !== null) s.entriesAdded = opts.entriesAdded;
  if (!isZeroId(opts.maxDeletedId)) s.maxDeletedId = opts.maxDeletedId;
  c.node.dirty++;
  c.node.notify('t', 'xsetid', key, c.db);
  return OK;
};

export const writeHandlers: Record<string, Handler> = { xadd, xdel, xtrim, xsetid };
