/*
 * The stream value (Redis's `stream` of stream.h) and the consumer-group types.
 *
 * Entries live in nodes (see node.ts), indexed by master ID in an IdBTree, like Redis's radix tree of
 * listpacks. Stream-level fields follow Redis exactly:
 *   length        live entries;
 *   lastId        the greatest ID ever added or set by XSETID (0-0 for a fresh stream);
 *   firstId       the first live entry (0-0 when empty);
 *   maxDeletedId  the greatest ID removed by XDEL (or set by XSETID MAXDELETEDID);
 *   entriesAdded  all-time count of added entries (U64: XSETID can set it up to 2^63-1);
 *   groups        consumer groups by name, in byte order (null until the first group is created).
 * OBJECT ENCODING reports "stream" and TYPE "stream".
 *
 * Consumer groups (filled in by the consumer-group commands): a PendingEntry is shared by the group's
 * PEL and the PEL of the consumer it was last delivered to, as Redis shares its streamNACK.
 */
import type { Bytes } from '../../bytes.ts';
import { IdBTree } from '../../ds/id-btree.ts';
import { SortedNameMap } from '../../ds/sorted-name-map.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { LFU_INIT_VAL, type RValue } from '../../server/object.ts';
import type { ServerNode } from '../../server/node.ts';
import { MIN_ID, type StreamId, type U64 } from './id.ts';
import type { StreamNode } from './node.ts';

/** Redis's SCG_INVALID_ENTRIES_READ: a group's entries-read counter is unknown. */
export const INVALID_ENTRIES_READ = -1;

export interface PendingEntry {
  id: StreamId;
  consumer: Consumer;
  deliveryTimeMs: number;
  deliveryCount: number;
}

export interface Consumer {
  /** Binary string. */
  name: string;
  seenTimeMs: number;
  pel: IdBTree<PendingEntry>;
}

export interface ConsumerGroup {
  /** Binary string. */
  name: string;
  lastId: StreamId;
  /** Logical count of entries read by the group, INVALID_ENTRIES_READ when unknown. */
  entriesRead: number;
  pel: IdBTree<PendingEntry>;
  consumers: SortedNameMap<Consumer>;
}

/** One stream entry as handed to readers: its ID and flat field/value list. */
export interface StreamEntry {
  id: StreamId;
  fv: Bytes[];
}

export class StreamValue {
  readonly type = 'stream' as const;
  readonly enc = 'stream' as const;
  lru: number;
  lfu = LFU_INIT_VAL;
  nodes = new IdBTree<StreamNode>();
  length = 0;
  lastId: StreamId = MIN_ID;
  firstId: StreamId = MIN_ID;
  maxDeletedId: StreamId = MIN_ID;
  entriesAdded: U64 = 0;
  groups: SortedNameMap<ConsumerGroup> | null = null;

  constructor(nowMs: number) {
    this.lru = nowMs;
  }

  /** streamDup (COPY): entries, counters and groups with their PELs and consumers, deeply copied. */
  clone(nowMs: number): StreamValue {
    const s = new StreamValue(nowMs);
    s.nodes = this.nodes.clone((n) => n.clone());
    s.length = this.length;
    s.lastId = this.lastId;
    s.firstId = this.firstId;
    s.maxDeletedId = this.maxDeletedId;
    s.entriesAdded = this.entriesAdded;
    if (this.groups !== null) {
      s.groups = new SortedNameMap();
      for (const g of this.groups.values()) s.groups.set(g.name, cloneGroup(g));
    }
    return s;
  }
}

/** A group copy whose consumer PELs share PendingEntry objects with the group PEL, as in the original. */
function cloneGroup(g: ConsumerGroup): ConsumerGroup {
  const out: ConsumerGroup = {
    name: g.name,
    lastId: g.lastId,
    entriesRead: g.entriesRead,
    pel: new IdBTree(),
    consumers: new SortedNameMap(),
  };
  const consumerCopies = new Map<Consumer, Consumer>();
  for (const c of g.consumers.values()) {
    const copy: Consumer = { name: c.name, seenTimeMs: c.seenTimeMs, pel: new IdBTree() };
    consumerCopies.set(c, copy);
    out.consumers.set(c.name, copy);
  }
  g.pel.forEach((id, pe) => {
    const consumer = consumerCopies.get(pe.consumer)!;
    const copy: PendingEntry = { ...pe, consumer };
    out.pel.set(id, copy);
    consumer.pel.set(id, copy);
  });
  return out;
}

export function isStream(v: RValue | undefined): v is StreamValue {
  return v !== undefined && v.type === 'stream';
}

/** checkType for streams: WRONGTYPE for any other type; undefined stays undefined. */
export function asStream(v: RValue | undefined): StreamValue | undefined {
  if (v !== undefined && v.type !== 'stream') fail(E.wrongType);
  return v;
}

/** lookupKeyRead + checkType (hit/miss statistics and the keymiss event included). */
export function streamLookupForRead(c: Client, key: string): StreamValue | undefined {
  const v = c.db.lookupRead(key);
  if (v === undefined) {
    c.node.stats.keyspaceMisses++;
    c.node.notify('m', 'keymiss', key, c.db);
    return undefined;
  }
  c.node.stats.keyspaceHits++;
  return asStream(v);
}

/** lookupKeyWrite + checkType. */
export function streamLookupForWrite(c: Client, key: string): StreamValue | undefined {
  return asStream(c.db.lookupWrite(key));
}

/** streamTypeLookupWriteOrCreate without the NOMKSTREAM case: dbAdd of a fresh stream when absent. */
export function streamLookupOrCreate(c: Client, key: string): StreamValue {
  const found = streamLookupForWrite(c, key);
  if (found !== undefined) return found;
  const s = new StreamValue(c.node.nowMs());
  c.db.set(key, s);
  return s;
}

/** The node-size limits in force (stream-node-max-entries / -max-bytes), cached per node. */
export interface StreamLimits {
  maxEntries: number;
  maxBytes: number;
}

const limitsByNode = new WeakMap<ServerNode, StreamLimits>();

/** Redis caps node bytes at 1 GiB (STREAM_LISTPACK_MAX_SIZE) and treats 0 as that cap. */
export const STREAM_LISTPACK_MAX_SIZE = 1 << 30;

export function streamLimits(node: ServerNode): StreamLimits {
  let lim = limitsByNode.get(node);
  if (lim !== undefined) return lim;
  const read = (): StreamLimits => {
    const bytes = node.config.getInt('stream-node-max-bytes');
    return {
      maxEntries: node.config.getInt('stream-node-max-entries'),
      maxBytes: bytes === 0 || bytes > STREAM_LISTPACK_MAX_SIZE ? STREAM_LISTPACK_MAX_SIZE : bytes,
    };
  };
  lim = read();
  limitsByNode.set(node, lim);
  const refresh = (): void => void limitsByNode.set(node, read());
  node.config.onChange('stream-node-max-entries', refresh);
  node.config.onChange('stream-node-max-bytes', refresh);
  return lim;
}
