/*
 * inspectKey: the plain-data picture of one key, per type and encoding.
 *
 *   zset, skiplist   the header and the first `limit` nodes by rank with every level's forward link
 *                    and span. Node ids are ranks (0 = header), so a link's target is its source's rank
 *                    plus its span, and the window is built without numbering the whole list: a
 *                    100,000-member zset costs `limit` steps. Links landing past the window keep their
 *                    true target (the picture draws them as leaving the window).
 *   zset, listpack   the first `limit` (member, score) entries in order.
 *   stream           the newest `limit` entries and every group's PEL per consumer (inspectStream).
 *   list, set, hash, string   rows of cells from their encoding's structure (cells.ts).
 *   (genericPicture stays as the fallback of a type without a picture of its own.)
 *
 * Like the keyspace snapshot, it observes without side effects (no lazy expiry, no access time).
 */
import { bin } from '../../engine/bytes.ts';
import { inspectStream } from '../../engine/commands/streams/inspect.ts';
import type { StreamValue } from '../../engine/commands/streams/model.ts';
import type { ZSetValue } from '../../engine/commands/zsets/zset.ts';
import type { SkipList, SkipNode } from '../../engine/ds/skiplist.ts';
import type { Database } from '../../engine/server/db.ts';
import type { RValue } from '../../engine/server/object.ts';
import type {
  GenericView,
  InspectQuery,
  KeyInspection,
  KeyPicture,
  KeyType,
  SkipNodeSnap,
  StreamSnapView,
  ZsetListpackView,
  ZsetSkiplistView,
} from '../../protocol/inspect.ts';
import { hashCells, listCells, setCells, stringCells } from './cells.ts';
import { geoPoints } from './geo.ts';
import { hllPicture } from './hll.ts';
import { isExpired, valueLength } from './keyspace.ts';

export const DEFAULT_ITEMS = 64;
export const MAX_ITEMS = 500;

export function inspectKey(db: Database, q: InspectQuery, nowMs: number): KeyInspection {
  const v = isExpired(db, q.key, nowMs) ? undefined : db.dict.get(q.key);
  const base = { db: db.id, key: q.key, nowMs };
  if (!v) return { ...base, type: null, encoding: null, expiresAtMs: null, picture: null };
  return {
    ...base,
    type: v.type as KeyType,
    encoding: v.enc,
    expiresAtMs: db.expires.get(q.key) ?? null,
    picture: pictureOf(v, clampItems(q.limit), nowMs),
  };
}

function clampItems(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) return DEFAULT_ITEMS;
  return Math.min(Math.floor(limit), MAX_ITEMS);
}

function pictureOf(v: RValue, limit: number, nowMs: number): KeyPicture {
  if (v.type === 'zset') return zsetPicture(v, limit);
  if (v.type === 'stream') return streamPicture(v, limit, nowMs);
  if (v.type === 'list') return listCells(v, limit);
  if (v.type === 'set') return setCells(v, limit);
  if (v.type === 'hash') return hashCells(v, limit);
  if (v.type === 'string') return hllPicture(v) ?? stringCells(v, limit);
  return genericPicture(v, limit);
}

function zsetPicture(z: ZSetValue, limit: number): ZsetSkiplistView | ZsetListpackView {
  const zsl = z.skiplist();
  if (zsl) {
    const view = skiplistWindow(zsl, limit);
    const geo = geoPoints(view.nodes.slice(1));
    return geo ? { ...view, geo } : view;
  }
  const entries: ZsetListpackView['entries'] = [];
  for (const e of z.entries()) {
    if (entries.length >= limit) break;
    entries.push({ member: bin(e.ele), score: e.score });
  }
  const geo = geoPoints(entries);
  return { kind: 'zset-listpack', length: z.size, entries, ...(geo ? { geo } : {}) };
}

/** Header + nodes of ranks 1..limit (see the header comment). */
export function skiplistWindow(zsl: SkipList, limit: number): ZsetSkiplistView {
  const nodes: SkipNodeSnap[] = [nodeSnap(zsl, zsl.header, 0, zsl.level, '', 0)];
  let rank = 1;
  for (const n of zsl) {
    if (rank > limit) break;
    nodes.push(nodeSnap(zsl, n, rank, n.height, bin(n.ele), n.score));
    rank++;
  }
  return { kind: 'zset-skiplist', length: zsl.length, level: zsl.level, nodes };
}

function nodeSnap(
  zsl: SkipList,
  n: SkipNode,
  rank: number,
  height: number,
  member: string,
  score: number,
): SkipNodeSnap {
  const levels: SkipNodeSnap['levels'] = [];
  for (let i = 0; i < height; i++) {
    const span = zsl.spanAt(n, i);
    levels.push({ to: zsl.nextAt(n, i) ? rank + span : null, span });
  }
  return { id: rank, member, score, levels };
}

function streamPicture(s: StreamValue, limit: number, nowMs: number): StreamSnapView {
  const view = inspectStream(s, { nowMs, maxEntries: limit, maxPending: limit, from: 'tail' });
  return {
    kind: 'stream',
    length: view.length,
    firstId: view.firstId,
    lastId: view.lastId,
    entriesAdded: view.entriesAdded,
    entries: view.entries.map((e) => ({ id: e.id, fields: e.fields })),
    groups: view.groups.map((g) => ({
      name: g.name,
      lastDeliveredId: g.lastDeliveredId,
      entriesRead: g.entriesRead,
      lag: g.lag,
      pendingCount: g.pendingCount,
      consumers: g.consumers.map((k) => ({
        name: k.name,
        idleMs: k.idleMs,
        pendingCount: k.pendingCount,
        pending: k.pending.map((p) => ({
          id: p.id,
          consumer: p.consumer,
          deliveryCount: p.deliveryCount,
          idleMs: p.idleMs,
          exists: p.exists,
        })),
      })),
    })),
  };
}

function take<T, U>(it: Iterable<T>, limit: number, f: (t: T) => U): U[] {
  const out: U[] = [];
  for (const t of it) {
    if (out.length >= limit) break;
    out.push(f(t));
  }
  return out;
}

function genericPicture(v: Exclude<RValue, ZSetValue | StreamValue>, limit: number): GenericView {
  const length = valueLength(v);
  switch (v.type) {
    case 'string':
      return { kind: 'generic', length, items: [bin(v.v.subarray(0, 4096))] };
    case 'list':
      return {
        kind: 'generic',
        length,
        items: take(v.ql, limit, bin),
        listNodes: v.ql.nodes.map((n) => n.entries.length),
      };
    case 'set':
      if (v.ints) return { kind: 'generic', length, items: take(v.ints, limit, (i) => i.toString()) };
      return { kind: 'generic', length, items: take(v.table!.keys(), limit, (k) => k) };
    case 'hash':
      return {
        kind: 'generic',
        length,
        items: take(v.fields.entries(), limit, ([f, val]): [string, string] => [f, bin(val)]),
      };
  }
}
