/*
 * Consumer groups on the stream model (t_stream.c's low-level group API): groups, consumers and the
 * pending entries lists (PELs).
 *
 * Invariants (Redis's streamCG / streamConsumer / streamNACK):
 *   - Every PendingEntry is in exactly two PELs: its group's `pel` and its consumer's `pel`, under the
 *     same ID, as one shared object (a change of owner moves it between consumer PELs).
 *   - `entriesRead` is the logical number of entries the group has read up to `lastId`, or
 *     INVALID_ENTRIES_READ when it cannot be known (groups created at an arbitrary ID, or fragmented
 *     streams); lag.ts derives the lag from it.
 *   - Consumers are created by XREADGROUP (only when something is served), XCLAIM, XAUTOCLAIM and
 *     XGROUP CREATECONSUMER; each creation counts one change (dirty) and fires
 *     "xgroup-createconsumer" (class 't'). Looking a consumer up refreshes its seen time, except for
 *     XPENDING and XGROUP DELCONSUMER.
 */
import type { Client } from '../../server/client.ts';
import { IdBTree } from '../../ds/id-btree.ts';
import { SortedNameMap } from '../../ds/sorted-name-map.ts';
import type { StreamId } from './id.ts';
import { streamEstimateDistanceFromFirstEverEntry, streamRangeHasTombstones } from './lag.ts';
import {
  type Consumer,
  type ConsumerGroup,
  INVALID_ENTRIES_READ,
  type PendingEntry,
  type StreamValue,
} from './model.ts';

export function lookupGroup(s: StreamValue, name: string): ConsumerGroup | undefined {
  return s.groups === null ? undefined : s.groups.get(name);
}

/** streamCreateCG: a new group, or undefined when the name is taken. */
export function createGroup(
  s: StreamValue,
  name: string,
  lastId: StreamId,
  entriesRead: number,
): ConsumerGroup | undefined {
  s.groups ??= new SortedNameMap();
  if (s.groups.has(name)) return undefined;
  const g: ConsumerGroup = { name, lastId, entriesRead, pel: new IdBTree(), consumers: new SortedNameMap() };
  s.groups.set(name, g);
  return g;
}

/** streamLookupConsumer: `refresh` updates the seen time (SLC_DEFAULT), else SLC_NO_REFRESH. */
export function lookupConsumer(
  c: Client,
  g: ConsumerGroup,
  name: string,
  refresh: boolean,
): Consumer | undefined {
  const consumer = g.consumers.get(name);
  if (consumer !== undefined && refresh) consumer.seenTimeMs = c.node.nowMs();
  return consumer;
}

/** streamCreateConsumer (SCC_DEFAULT): undefined when it exists; counts a change and notifies. */
export function createConsumer(c: Client, g: ConsumerGroup, name: string, key: string): Consumer | undefined {
  if (g.consumers.has(name)) return undefined;
  const consumer: Consumer = { name, seenTimeMs: c.node.nowMs(), pel: new IdBTree() };
  g.consumers.set(name, consumer);
  c.node.dirty++;
  c.node.notify('t', 'xgroup-createconsumer', key, c.db);
  return consumer;
}

/** The consumer by name, created when missing (the XREADGROUP / XCLAIM pattern). */
export function consumerFor(c: Client, g: ConsumerGroup, name: string, key: string): Consumer {
  return lookupConsumer(c, g, name, true) ?? createConsumer(c, g, name, key)!;
}

/** streamDelConsumer: drops the consumer and its pending entries from the group PEL. */
export function deleteConsumer(g: ConsumerGroup, consumer: Consumer): void {
  consumer.pel.forEach((id) => void g.pel.delete(id));
  g.consumers.delete(consumer.name);
}

/** Removes a pending entry from both PELs (XACK, claims of deleted entries). */
export function dropPending(g: ConsumerGroup, pe: PendingEntry): void {
  g.pel.delete(pe.id);
  pe.consumer.pel.delete(pe.id);
}

/** Gives a pending entry to `to` (moving it between consumer PELs when the owner changes). */
export function movePending(pe: PendingEntry, to: Consumer): void {
  if (pe.consumer === to) return;
  pe.consumer.pel.delete(pe.id);
  to.pel.set(pe.id, pe);
  pe.consumer = to;
}

/**
 * A delivery of a new entry to `consumer` (streamReplyWithRange with a group, without NOACK): a fresh
 * pending entry, or an existing one (left over after XGROUP SETID moved the group back) reassigned to
 * this consumer with its delivery time and count reset.
 */
export function recordDelivery(g: ConsumerGroup, consumer: Consumer, id: StreamId, nowMs: number): void {
  const existing = g.pel.get(id);
  if (existing === undefined) {
    const pe: PendingEntry = { id, consumer, deliveryTimeMs: nowMs, deliveryCount: 1 };
    g.pel.set(id, pe);
    consumer.pel.set(id, pe);
    return;
  }
  movePending(existing, consumer);
  existing.deliveryTimeMs = nowMs;
  existing.deliveryCount = 1;
}

/**
 * The group's read counter after delivering `id` (greater than its last ID): one more when it was
 * valid and no tombstone lies ahead, else re-estimated (Redis leaves it alone for a stream that never
 * had entries, which cannot happen while delivering one).
 */
export function advanceReadCounter(s: StreamValue, g: ConsumerGroup, id: StreamId): void {
  if (g.entriesRead !== INVALID_ENTRIES_READ && !streamRangeHasTombstones(s, id, null)) g.entriesRead++;
  else if (s.entriesAdded !== 0) g.entriesRead = Number(streamEstimateDistanceFromFirstEverEntry(s, id));
  g.lastId = id;
}
