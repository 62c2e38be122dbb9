/*
 * Geometry of the stream picture, pure and unit-tested.
 *
 * Entries sit in ID order on a band axis (one slot per entry of the window: IDs are ordered but their
 * milliseconds can be far apart or equal, so even slots read better than a time scale). Below the
 * entries, each consumer group is a lane: a marker at its last-delivered ID (right after the last
 * entry whose ID is <= it; at the left edge when it precedes the window), then one row per consumer
 * with its pending entries as chips under the entries they refer to. Pending entries outside the
 * window (older, or deleted from the stream) are counted, not drawn.
 */
import type { StreamSnapView } from '../../protocol/inspect.ts';

export const SLOT_W = 64;
export const LEFT = 110;
export const TOP = 28;
export const ENTRY_H = 30;
export const GROUP_H = 24;
export const CONSUMER_H = 26;
export const PAD = 12;

/** "ms-seq" as a pair of bigints (IDs are unsigned 64-bit pairs). */
export function parseId(id: string): [bigint, bigint] {
  const dash = id.indexOf('-');
  return [BigInt(id.slice(0, dash)), BigInt(id.slice(dash + 1))];
}

export function compareId(a: string, b: string): number {
  const [am, as] = parseId(a);
  const [bm, bs] = parseId(b);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : as < bs ? -1 : 1;
}

export interface ChipBox {
  key: string;
  id: string;
  x: number;
  y: number;
  deliveryCount: number;
  idleMs: number;
}

export interface ConsumerRow {
  key: string;
  name: string;
  y: number;
  pendingCount: number;
  idleMs: number;
  chips: ChipBox[];
  /** Pending entries of this consumer not drawn (outside the window or beyond the snapshot's list). */
  hidden: number;
}

export interface GroupLane {
  key: string;
  name: string;
  y: number;
  markerX: number;
  lastDeliveredId: string;
  pendingCount: number;
  lag: number | null;
  consumers: ConsumerRow[];
}

export interface StreamLayout {
  width: number;
  height: number;
  entries: { id: string; x: number; fields: [string, string][] }[];
  groups: GroupLane[];
}

export function slotX(index: number): number {
  return LEFT + index * SLOT_W;
}

/** x of a group's last-delivered marker: after the last window entry with an ID <= it. */
export function markerX(entryIds: readonly string[], lastDelivered: string): number {
  let after = -1;
  entryIds.forEach((id, i) => {
    if (compareId(id, lastDelivered) <= 0) after = i;
  });
  return slotX(after + 1) - 4;
}

export function layoutStream(view: StreamSnapView): StreamLayout {
  const ids = view.entries.map((e) => e.id);
  const slotOf = new Map(ids.map((id, i) => [id, i]));
  const entries = view.entries.map((e, i) => ({ id: e.id, x: slotX(i), fields: e.fields }));
  let y = TOP + ENTRY_H + PAD;
  const groups: GroupLane[] = view.groups.map((g) => {
    const laneY = y;
    y += GROUP_H;
    const consumers = g.consumers.map((k) => {
      const rowY = y;
      y += CONSUMER_H;
      const chips: ChipBox[] = [];
      for (const p of k.pending) {
        const slot = slotOf.get(p.id);
        if (slot === undefined) continue;
        chips.push({ key: `${g.name}/${p.id}`, id: p.id, x: slotX(slot), y: rowY, ...counts(p) });
      }
      const row = { key: `${g.name}/${k.name}`, name: k.name, y: rowY, pendingCount: k.pendingCount };
      return { ...row, idleMs: k.idleMs, chips, hidden: k.pendingCount - chips.length };
    });
    y += PAD;
    return {
      key: g.name,
      name: g.name,
      y: laneY,
      markerX: markerX(ids, g.lastDeliveredId),
      lastDeliveredId: g.lastDeliveredId,
      pendingCount: g.pendingCount,
      lag: g.lag,
      consumers,
    };
  });
  return { width: slotX(Math.max(ids.length, 3)) + PAD + 40, height: y + PAD, entries, groups };
}

function counts(p: { deliveryCount: number; idleMs: number }): { deliveryCount: number; idleMs: number } {
  return { deliveryCount: p.deliveryCount, idleMs: p.idleMs };
}

/** Idle time as the picture prints it: "850ms", "12.3s", "4m05s". */
export function formatIdle(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
