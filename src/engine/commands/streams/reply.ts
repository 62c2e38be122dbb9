/*
 * How stream entries appear in replies (streamReplyWithRange): each entry is a two-element array of
 * its ID as a bulk string and a flat array of field and value bulk strings. The same shape in RESP2
 * and RESP3.
 */
import { type Bytes, unbin } from '../../bytes.ts';
import { arr, bulk, type Reply } from '../../resp/reply.ts';
import { idToString, type StreamId } from './id.ts';
import type { StreamEntry } from './model.ts';

/** The decimal digits of the last ms part written (consecutive IDs usually share it). */
let cachedMs = -1;
let cachedMsDigits: number[] = [];

function msDigits(ms: number): number[] {
  if (ms !== cachedMs) {
    const d: number[] = [];
    let v = ms;
    do {
      d.push(48 + (v % 10));
      v = Math.floor(v / 10);
    } while (v > 0);
    cachedMs = ms;
    cachedMsDigits = d.reverse();
  }
  return cachedMsDigits;
}

/** "<ms>-<seq>" as bytes, written digit by digit in the common all-number case. */
export function idBytes(id: StreamId): Bytes {
  const { ms, seq } = id;
  if (typeof ms !== 'number' || typeof seq !== 'number') return unbin(idToString(id));
  const head = msDigits(ms);
  const la = head.length;
  let lb = 1;
  for (let v = seq; v >= 10; v = Math.floor(v / 10)) lb++;
  const out = new Uint8Array(la + 1 + lb);
  for (let i = 0; i < la; i++) out[i] = head[i]!;
  out[la] = 45;
  let end = out.length;
  let v = seq;
  do {
    out[--end] = 48 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
  return out;
}

export function idReply(id: StreamId): Reply {
  return bulk(idBytes(id));
}

export function entryReply(id: StreamId, fv: readonly Bytes[]): Reply {
  const items: Reply[] = new Array(fv.length);
  for (let i = 0; i < fv.length; i++) items[i] = bulk(fv[i]!);
  return arr([idReply(id), arr(items)]);
}

export function entriesReply(entries: readonly StreamEntry[]): Reply {
  return arr(entries.map((e) => entryReply(e.id, e.fv)));
}
