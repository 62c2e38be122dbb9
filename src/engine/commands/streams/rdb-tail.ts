/*
 * The part of a stream's RDB serialisation that follows its listpack nodes (rdb.c, rdbSaveObject /
 * rdbLoadObject for OBJ_STREAM): the stream counters and the consumer groups. Whoever serialises the
 * nodes calls saveStreamTail / loadStreamTail for the rest, so DUMP/RESTORE and RDB files carry the
 * groups exactly as Redis 7.0 writes them (type 19, RDB_TYPE_STREAM_LISTPACKS_2):
 *
 *   length, last-id ms, seq, first-id ms, seq, max-deleted ms, seq, entries-added     (RDB lengths)
 *   group count, then per group (name order):
 *     name (string), last-id ms, seq, entries-read (a length; -1 is written as 2^64-1)
 *     group PEL: count, then per entry: 16-byte big-endian ID, delivery time (8 bytes little-endian
 *       ms), delivery count
 *     consumers: count, then per consumer (name order): name, seen time (8 bytes LE ms), its PEL as
 *       a count and the 16-byte IDs alone (resolved against the group PEL on load)
 *
 * The older type 15 (Redis 5/6.2) stops after last-id; the loader then derives what 7.0 keeps: the
 * first ID from the nodes, entries-added = length, no tombstone, and each group's read counter by
 * streamEstimateDistanceFromFirstEverEntry. The loader throws RdbFormatError (RESTORE's "Bad data
 * format") on duplicated groups, consumers or PEL entries, on a consumer PEL entry missing from its
 * group PEL, and on a group PEL entry left without a consumer (Redis accepts the last one unless it
 * validates deeply, and would then crash on XINFO; we refuse it).
 */
import { bin } from '../../bytes.ts';
import { IdBTree } from '../../ds/id-btree.ts';
import { RdbFormatError, type RdbReader, type RdbWriter } from '../../persistence/rdb-io.ts';
import { createGroup } from './groups.ts';
import { idToString, type StreamId, u64, type U64 } from './id.ts';
import { streamEstimateDistanceFromFirstEverEntry } from './lag.ts';
import {
  type Consumer,
  type ConsumerGroup,
  INVALID_ENTRIES_READ,
  type PendingEntry,
  type StreamValue,
} from './model.ts';
import { streamEdgeId } from './ops.ts';

const U64_ALL_ONES = (1n << 64n) - 1n;

/** rdbSaveLen of a 64-bit unsigned value. */
function lenU64(w: RdbWriter, v: U64): void {
  if (typeof v === 'number') return w.len(v);
  w.byte(0x81);
  for (let s = 56n; s >= 0n; s -= 8n) w.byte(Number((v >> s) & 0xffn));
}

/** rdbLoadLen of a 64-bit unsigned value. */
function readLenU64(r: RdbReader): U64 {
  if (r.data[r.pos] !== 0x81) return r.len();
  r.byte();
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(r.byte());
  return u64(v);
}

function msTime(w: RdbWriter, t: number): void {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(Math.trunc(t)), true);
  w.bytes(b);
}

function readMsTime(r: RdbReader): number {
  const b = r.bytes(8);
  return Number(new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true));
}

function rawId(w: RdbWriter, id: StreamId): void {
  lenlessU64(w, id.ms);
  lenlessU64(w, id.seq);
}

function lenlessU64(w: RdbWriter, v: U64): void {
  const big = BigInt(v);
  for (let s = 56n; s >= 0n; s -= 8n) w.byte(Number((big >> s) & 0xffn));
}

function readRawId(r: RdbReader): StreamId {
  const b = r.bytes(16);
  let ms = 0n;
  let seq = 0n;
  for (let i = 0; i < 8; i++) ms = (ms << 8n) | BigInt(b[i]!);
  for (let i = 8; i < 16; i++) seq = (seq << 8n) | BigInt(b[i]!);
  return { ms: u64(ms), seq: u64(seq) };
}

function saveGroup(w: RdbWriter, g: ConsumerGroup): void {
  w.string(unbinName(g.name));
  lenU64(w, g.lastId.ms);
  lenU64(w, g.lastId.seq);
  lenU64(w, g.entriesRead === INVALID_ENTRIES_READ ? U64_ALL_ONES : g.entriesRead);
  w.len(g.pel.size);
  g.pel.forEach((id, pe) => {
    rawId(w, id);
    msTime(w, pe.deliveryTimeMs);
    w.len(pe.deliveryCount);
  });
  w.len(g.consumers.size);
  for (const k of g.consumers.values()) {
    w.string(unbinName(k.name));
    msTime(w, k.seenTimeMs);
    w.len(k.pel.size);
    k.pel.forEach((id) => rawId(w, id));
  }
}

function unbinName(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Everything rdbSaveObject writes for a stream after its nodes (type 19). */
export function saveStreamTail(w: RdbWriter, s: StreamValue): void {
  w.len(s.length);
  for (const id of [s.lastId, s.firstId, s.maxDeletedId]) {
    lenU64(w, id.ms);
    lenU64(w, id.seq);
  }
  lenU64(w, s.entriesAdded);
  w.len(s.groups === null ? 0 : s.groups.size);
  for (const g of s.groups?.values() ?? []) saveGroup(w, g);
}

function corrupt(what: string): never {
  throw new RdbFormatError(what);
}

interface LoosePending {
  id: StreamId;
  deliveryTimeMs: number;
  deliveryCount: number;
  owned: boolean;
}

/** The group PEL as read, keyed by "ms-seq", before consumers claim its entries. */
function loadGroupPel(r: RdbReader): Map<string, LoosePending> {
  const pel = new Map<string, LoosePending>();
  for (let n = r.len(); n > 0; n--) {
    const id = readRawId(r);
    const entry = { id, deliveryTimeMs: readMsTime(r), deliveryCount: r.len(), owned: false };
    const k = idToString(id);
    if (pel.has(k)) corrupt('Duplicated global PEL entry loading stream consumer group');
    pel.set(k, entry);
  }
  return pel;
}

function loadConsumers(r: RdbReader, g: ConsumerGroup, pel: Map<string, LoosePending>): void {
  for (let n = r.len(); n > 0; n--) {
    const name = bin(r.string());
    if (g.consumers.has(name)) corrupt('Duplicate stream consumer detected.');
    const consumer: Consumer = { name, seenTimeMs: readMsTime(r), pel: new IdBTree() };
    g.consumers.set(name, consumer);
    for (let m = r.len(); m > 0; m--) {
      const loose = pel.get(idToString(readRawId(r)));
      if (loose === undefined) corrupt('Consumer entry not found in group global PEL');
      if (loose.owned) corrupt('Duplicated consumer PEL entry loading a stream consumer group');
      loose.owned = true;
      const pe: PendingEntry = {
        id: loose.id,
        consumer,
        deliveryTimeMs: loose.deliveryTimeMs,
        deliveryCount: loose.deliveryCount,
      };
      consumer.pel.set(pe.id, pe);
      g.pel.set(pe.id, pe);
    }
  }
  for (const loose of pel.values()) if (!loose.owned) corrupt('Stream CG PEL entry without consumer');
}

/** The stream counters after the nodes; type 15 derives what it does not store (see the header). */
function loadCounters(r: RdbReader, s: StreamValue, v2: boolean): void {
  s.length = r.len();
  s.lastId = { ms: readLenU64(r), seq: readLenU64(r) };
  if (v2) {
    s.firstId = { ms: readLenU64(r), seq: readLenU64(r) };
    s.maxDeletedId = { ms: readLenU64(r), seq: readLenU64(r) };
    s.entriesAdded = readLenU64(r);
  } else {
    s.maxDeletedId = { ms: 0, seq: 0 };
    s.entriesAdded = s.length;
    s.firstId = streamEdgeId(s, true, true);
  }
  if (s.length !== 0 && s.nodes.size === 0) corrupt('Stream length inconsistent with rax entries');
}

/** rdbLoadObject's stream part after the nodes (already in s.nodes); v2 for type 19, else 15. */
export function loadStreamTail(r: RdbReader, s: StreamValue, v2: boolean): void {
  loadCounters(r, s, v2);
  for (let n = r.len(); n > 0; n--) {
    const name = bin(r.string());
    const lastId: StreamId = { ms: readLenU64(r), seq: readLenU64(r) };
    let entriesRead: number;
    if (v2) {
      const raw = readLenU64(r);
      entriesRead = typeof raw === 'bigint' && raw === U64_ALL_ONES ? INVALID_ENTRIES_READ : Number(raw);
    } else {
      entriesRead = Number(streamEstimateDistanceFromFirstEverEntry(s, lastId));
    }
    const g = createGroup(s, name, lastId, entriesRead);
    if (g === undefined) corrupt(`Duplicated consumer group name ${name}`);
    loadConsumers(r, g, loadGroupPel(r));
  }
}
