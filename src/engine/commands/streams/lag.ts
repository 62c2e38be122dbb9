/*
 * Consumer-group lag bookkeeping (t_stream.c): whether a range may hold tombstones, and the estimate
 * of an ID's logical position counted from the first entry ever added. Both only read the stream's
 * counters (entriesAdded, length, firstId, lastId, maxDeletedId), never the entries.
 */
import { compareIds, isZeroId, MAX_ID, MIN_ID, type StreamId, type U64 } from './id.ts';
import { INVALID_ENTRIES_READ, type StreamValue } from './model.ts';
import { subU64 } from './ops.ts';

/**
 * streamRangeHasTombstones: true when the greatest deleted ID may lie in [start, end] (null bounds
 * are the extremes). Assumes, as Redis does, that start is below the last ID.
 */
export function streamRangeHasTombstones(
  s: StreamValue,
  start: StreamId | null,
  end: StreamId | null,
): boolean {
  if (s.length === 0 || isZeroId(s.maxDeletedId)) return false;
  if (compareIds(s.firstId, s.maxDeletedId) > 0) return false;
  const lo = start ?? MIN_ID;
  const hi = end ?? MAX_ID;
  return compareIds(lo, s.maxDeletedId) <= 0 && compareIds(s.maxDeletedId, hi) <= 0;
}

/**
 * streamEstimateDistanceFromFirstEverEntry: the logical read counter of `id`, or INVALID_ENTRIES_READ
 * (-1) when it can't be known (an ID inside a fragmented range, or in the future).
 */
export function streamEstimateDistanceFromFirstEverEntry(s: StreamValue, id: StreamId): U64 {
  if (s.entriesAdded === 0) return 0;
  const cmpLast = compareIds(id, s.lastId);
  if (s.length === 0 && cmpLast < 1) return s.entriesAdded;
  if (cmpLast === 0) return s.entriesAdded;
  if (cmpLast > 0) return INVALID_ENTRIES_READ;
  const cmpFirst = compareIds(id, s.firstId);
  if (isZeroId(s.maxDeletedId) || compareIds(s.maxDeletedId, s.firstId) < 0) {
    if (cmpFirst < 0) return subU64(s.entriesAdded, s.length);
    if (cmpFirst === 0) return subU64(s.entriesAdded, s.length - 1);
  }
  return INVALID_ENTRIES_READ;
}

/**
 * streamReplyWithCGLag's value: entries not yet delivered to a group whose last delivered ID and
 * entries-read counter are given, or null when it can't be known.
 */
export function streamGroupLag(s: StreamValue, lastId: StreamId, entriesRead: number): U64 | null {
  if (s.entriesAdded === 0) return 0;
  if (entriesRead !== INVALID_ENTRIES_READ && !streamRangeHasTombstones(s, lastId, null)) {
    return subU64(s.entriesAdded, entriesRead);
  }
  const est = streamEstimateDistanceFromFirstEverEntry(s, lastId);
  if (est === INVALID_ENTRIES_READ) return null;
  return typeof est === 'number' && typeof s.entriesAdded === 'number'
    ? s.entriesAdded - est
    : BigInt(s.entriesAdded) - BigInt(est);
}
