/*
 * How stream entries appear in replies (streamReplyWithRange): each entry is a two-element array of
 * its ID as a bulk string and a flat array of field and value bulk strings. The same shape in RESP2
 * and RESP3.
 */
import { type Bytes, unbin } from '../../bytes.ts';
import { arr, bulk, type Reply } from '../../resp/reply.ts';
import { idToString, type StreamId } from './id.ts';
import type { StreamEntry } from './model.ts';

/** "<ms>-<seq>" as bytes, written digit by digit in the common all-number case. */
export function idBytes(id: StreamId): Bytes {
  const { ms, seq } = id;
  if (typeof ms !== 'number' || typeof seq !== 'number') return unbin(idToString(id));
  const la = decimalLength(ms);
  const out = new Uint8Array(la + 1 + decimalLength(seq));
  writeDecimal(out, la, ms);
  out[la] = 45;
  writeDecimal(out, out.length, seq);
  return out;
}

function decimalLength(v: number): number {
  let n = 1;
  while (v >= 10) {
    v = Math.floor(v / 10);
    n++;
  }
  return n;
}

/** Writes v's digits so that the last one lands just before `end`. */
function writeDecimal(out: Uint8Array, end: number, v: number): void {
  do {
    out[--end] = 48 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
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
