/*
 * How stream entries appear in replies (streamReplyWithRange): each entry is a two-element array of
 * its ID as a bulk string and a flat array of field and value bulk strings. The same shape in RESP2
 * and RESP3.
 */
import { type Bytes, unbin } from '../../bytes.ts';
import { arr, bulk, type Reply } from '../../resp/reply.ts';
import { idToString, type StreamId } from './id.ts';
import type { StreamEntry } from './model.ts';

export function idReply(id: StreamId): Reply {
  return bulk(unbin(idToString(id)));
}

export function entryReply(id: StreamId, fv: readonly Bytes[]): Reply {
  const items: Reply[] = new Array(fv.length);
  for (let i = 0; i < fv.length; i++) items[i] = bulk(fv[i]!);
  return arr([idReply(id), arr(items)]);
}

export function entriesReply(entries: readonly StreamEntry[]): Reply {
  return arr(entries.map((e) => entryReply(e.id, e.fv)));
}
