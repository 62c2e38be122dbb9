/*
 * A plain-data view of a stream and its consumer groups for the PEL picture (DESIGN.md "Pictures read
 * snapshots"): a window of entries, each tagged with what every group knows of it, and every group
 * with its last delivered ID, read counter, lag, pending entries and consumers. Nothing here mutates
 * the stream; names, fields and values are binary strings (one char per byte), IDs are "ms-seq".
 *
 * Entry status per group, as the picture colours it:
 *   'new'       after the group's last delivered ID: not yet delivered to the group;
 *   'pending'   delivered and not acknowledged (in the group PEL; `consumer` owns it);
 *   'acked'     at or before the last delivered ID and not pending (acknowledged, or skipped by
 *               XGROUP SETID / NOACK reads: Redis keeps no record of which).
 * Every list is bounded (maxEntries, maxPending), with the true sizes alongside.
 */
import { bin } from '../../bytes.ts';
import { compareIds, idToString, MAX_ID, MIN_ID, type StreamId } from './id.ts';
import { streamGroupLag } from './lag.ts';
import { type Consumer, type ConsumerGroup, INVALID_ENTRIES_READ, type StreamValue } from './model.ts';
import { streamGetEntry, streamRange } from './ops.ts';

export type EntryStatus = 'new' | 'pending' | 'acked';

export interface EntryView {
  id: string;
  /** Field/value pairs as binary strings. */
  fields: [string, string][];
  /** Per group, in group order. */
  groups: { group: string; status: EntryStatus; consumer?: string }[];
}

export interface PendingView {
  id: string;
  consumer: string;
  deliveryTimeMs: number;
  deliveryCount: number;
  idleMs: number;
  /** False when the entry was deleted from the stream after delivery. */
  exists: boolean;
}

export interface ConsumerView {
  name: string;
  seenTimeMs: number;
  idleMs: number;
  pendingCount: number;
  pending: PendingView[];
}

export interface GroupView {
  name: string;
  lastDeliveredId: string;
  /** null when unknown (Redis's entries-read nil). */
  entriesRead: number | null;
  /** null when unknown. */
  lag: number | null;
  pendingCount: number;
  pending: PendingView[];
  consumers: ConsumerView[];
}

export interface StreamView {
  length: number;
  firstId: string;
  lastId: string;
  maxDeletedId: string;
  entriesAdded: string;
  /** The window shown: the first or last maxEntries live entries. */
  entries: EntryView[];
  groups: GroupView[];
}

export interface InspectOptions {
  /** Node time, for idle times. */
  nowMs: number;
  /** Entries in the window (default 20). */
  maxEntries?: number;
  /** 'head' shows the oldest entries, 'tail' (default) the newest. */
  from?: 'head' | 'tail';
  /** Pending entries listed per group and per consumer (default 50). */
  maxPending?: number;
}

function pendingList(
  pel: ConsumerGroup['pel'],
  max: number,
  nowMs: number,
  exists: (id: StreamId) => boolean,
): PendingView[] {
  const out: PendingView[] = [];
  for (const cur = pel.first(); cur.valid && out.length < max; cur.next()) {
    const pe = cur.value;
    out.push({
      id: idToString(pe.id),
      consumer: pe.consumer.name,
      deliveryTimeMs: pe.deliveryTimeMs,
      deliveryCount: pe.deliveryCount,
      idleMs: Math.max(0, nowMs - pe.deliveryTimeMs),
      exists: exists(pe.id),
    });
  }
  return out;
}

function consumerView(
  k: Consumer,
  max: number,
  nowMs: number,
  exists: (id: StreamId) => boolean,
): ConsumerView {
  return {
    name: k.name,
    seenTimeMs: k.seenTimeMs,
    idleMs: Math.max(0, nowMs - k.seenTimeMs),
    pendingCount: k.pel.size,
    pending: pendingList(k.pel, max, nowMs, exists),
  };
}

function groupView(s: StreamValue, g: ConsumerGroup, max: number, nowMs: number): GroupView {
  const exists = (id: StreamId): boolean => streamGetEntry(s, id) !== undefined;
  const lag = streamGroupLag(s, g.lastId, g.entriesRead);
  return {
    name: g.name,
    lastDeliveredId: idToString(g.lastId),
    entriesRead: g.entriesRead === INVALID_ENTRIES_READ ? null : g.entriesRead,
    lag: lag === null ? null : Number(lag),
    pendingCount: g.pel.size,
    pending: pendingList(g.pel, max, nowMs, exists),
    consumers: g.consumers.values().map((k) => consumerView(k, max, nowMs, exists)),
  };
}

function entryView(id: StreamId, fv: readonly Uint8Array[], groups: readonly ConsumerGroup[]): EntryView {
  const fields: [string, string][] = [];
  for (let i = 0; i + 1 < fv.length; i += 2) fields.push([bin(fv[i]!), bin(fv[i + 1]!)]);
  return {
    id: idToString(id),
    fields,
    groups: groups.map((g) => {
      const pe = g.pel.get(id);
      if (pe !== undefined) return { group: g.name, status: 'pending', consumer: pe.consumer.name };
      return { group: g.name, status: compareIds(id, g.lastId) > 0 ? 'new' : 'acked' };
    }),
  };
}

/** The whole picture of a stream (see the header). */
export function inspectStream(s: StreamValue, opts: InspectOptions): StreamView {
  const maxEntries = opts.maxEntries ?? 20;
  const maxPending = opts.maxPending ?? 50;
  const groups = s.groups === null ? [] : s.groups.values();
  const tail = (opts.from ?? 'tail') === 'tail';
  const shown = streamRange(s, MIN_ID, MAX_ID, tail, maxEntries);
  if (tail) shown.reverse();
  return {
    length: s.length,
    firstId: idToString(s.firstId),
    lastId: idToString(s.lastId),
    maxDeletedId: idToString(s.maxDeletedId),
    entriesAdded: String(s.entriesAdded),
    entries: shown.map((e) => entryView(e.id, e.fv, groups)),
    groups: groups.map((g) => groupView(s, g, maxPending, opts.nowMs)),
  };
}
