/*
 * Stream operations on the model (t_stream.c's low-level API): appending, ID generation, iterating a
 * range, looking up and deleting entries, and the edge IDs.
 *
 * Iteration follows streamIteratorStart/GetID: a forward scan starts at the node whose master ID is
 * the last one <= start (or the first node), a reverse scan at the last node whose master ID is
 * <= end (or the last node); tombstones are skipped unless asked for. Visitors return false to stop.
 * The model must not be modified while a visit is in progress (collect first, then change).
 */
import type { Bytes } from '../../bytes.ts';
import type { IdCursor } from '../../ds/id-btree.ts';
import { compareIds, incU64, MAX_ID, MIN_ID, nextId, type StreamId, type U64 } from './id.ts';
import type { StreamEntry, StreamLimits, StreamValue } from './model.ts';
import { StreamNode } from './node.ts';

export type EntryVisitor = (id: StreamId, fv: Bytes[], node: StreamNode, index: number) => boolean | void;

/** streamNextID: `nowMs` if it is past the last ID's ms, else the last ID plus one (null on overflow). */
export function generateId(last: StreamId, nowMs: number): StreamId | null {
  if (nowMs > last.ms) return { ms: nowMs, seq: 0 };
  return nextId(last);
}

/** Sum of field and value lengths of src[from..] (the payload XADD checks against the node byte limit). */
export function payloadBytes(src: readonly Bytes[], from = 0): number {
  let n = 0;
  for (let i = from; i < src.length; i++) n += src[i]!.length;
  return n;
}

/**
 * streamAppendItem after the ID checks: adds an entry (field/value list src[from..]) whose id is
 * greater than s.lastId, opening a
 * new node when the tail node is full by bytes or by entries (tombstones count).
 */
export function streamAppend(
  s: StreamValue,
  id: StreamId,
  src: readonly Bytes[],
  lim: StreamLimits,
  from = 0,
  payload = payloadBytes(src, from),
): void {
  let node = s.nodes.lastValue();
  if (node !== undefined) {
    const full =
      node.lpBytes() + payload >= lim.maxBytes || (lim.maxEntries !== 0 && node.total >= lim.maxEntries);
    if (full) node = undefined;
  }
  if (node === undefined) {
    node = new StreamNode(id, src, from, lim);
    s.nodes.set(id, node);
  }
  node.append(id, src, from);
  s.length++;
  s.entriesAdded = incU64(s.entriesAdded) ?? 0;
  s.lastId = id;
  if (s.length === 1) s.firstId = id;
}

/** Visits entries with start <= id <= end in order (reverse when `rev`). */
export function streamIterate(
  s: StreamValue,
  start: StreamId,
  end: StreamId,
  rev: boolean,
  visit: EntryVisitor,
  withTombstones = false,
): void {
  if (compareIds(start, end) > 0) return;
  if (!rev) {
    let cur = s.nodes.seekLE(start);
    if (!cur.valid) cur = s.nodes.first();
    return iterateNodesForward(cur, start, end, visit, withTombstones);
  }
  const cur = s.nodes.seekLE(end);
  for (; cur.valid; cur.prev()) {
    const node = cur.value;
    let i = node.lowerBound(end);
    if (i === node.count || node.compareAt(i, end) > 0) i--;
    for (; i >= 0; i--) {
      if (node.compareAt(i, start) < 0) return;
      if ((withTombstones || node.isLive(i)) && visit(node.idAt(i), node.fvAt(i), node, i) === false) return;
    }
  }
}

function iterateNodesForward(
  cur: IdCursor<StreamNode>,
  start: StreamId,
  end: StreamId,
  visit: EntryVisitor,
  withTombstones: boolean,
): void {
  let first = true;
  for (; cur.valid; cur.next()) {
    const node = cur.value;
    const n = node.total;
    for (let i = first ? node.lowerBound(start) : 0; i < n; i++) {
      if (node.compareAt(i, end) > 0) return;
      if ((withTombstones || node.isLive(i)) && visit(node.idAt(i), node.fvAt(i), node, i) === false) return;
    }
    first = false;
  }
}

/** Live entries in [start, end], at most `count` of them (0 = all). */
export function streamRange(
  s: StreamValue,
  start: StreamId,
  end: StreamId,
  rev: boolean,
  count = 0,
): StreamEntry[] {
  const out: StreamEntry[] = [];
  streamIterate(s, start, end, rev, (id, fv) => {
    out.push({ id, fv });
    return count === 0 || out.length < count;
  });
  return out;
}

/** The live entry with this ID, or undefined. */
export function streamGetEntry(s: StreamValue, id: StreamId): StreamEntry | undefined {
  const cur = s.nodes.seekLE(id);
  if (!cur.valid) return undefined;
  const i = cur.value.indexOfLive(id);
  return i < 0 ? undefined : { id: cur.value.idAt(i), fv: cur.value.fvAt(i) };
}

/** streamEntryExists. */
export function streamEntryExists(s: StreamValue, id: StreamId): boolean {
  return streamGetEntry(s, id) !== undefined;
}

/**
 * streamDeleteItem: flags the entry as deleted (removing its node when it was the node's last live
 * entry) and decrements the length. firstId / maxDeletedId are the caller's business, as in XDEL.
 */
export function streamDeleteEntry(s: StreamValue, id: StreamId): boolean {
  const cur = s.nodes.seekLE(id);
  if (!cur.valid) return false;
  const node = cur.value;
  const i = node.indexOfLive(id);
  if (i < 0) return false;
  if (node.live === 1) s.nodes.delete(node.masterId);
  else node.markDeleted(i);
  s.length--;
  return true;
}

/** streamGetEdgeID: the first (or last) entry's ID; MAX_ID (or MIN_ID) when there is none. */
export function streamEdgeId(s: StreamValue, first: boolean, skipTombstones = true): StreamId {
  let found: StreamId | undefined;
  streamIterate(
    s,
    MIN_ID,
    MAX_ID,
    !first,
    (id) => {
      found = id;
      return false;
    },
    !skipTombstones,
  );
  return found ?? (first ? MAX_ID : MIN_ID);
}

/** streamLastValidID: the last live entry's ID (MIN_ID when empty). */
export function streamLastLiveId(s: StreamValue): StreamId {
  return streamEdgeId(s, false, true);
}

/** U64 minus a small number (the counters never go below zero in Redis's uses). */
export function subU64(a: U64, b: number): U64 {
  if (typeof a === 'number') return a - b;
  const r = a - BigInt(b);
  return r <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r) : r;
}
