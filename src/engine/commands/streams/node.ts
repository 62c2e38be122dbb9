/*
 * One node of a stream: the entries Redis packs into one listpack under one radix-tree key (the
 * node's master ID, which is the ID of the first entry ever appended to it).
 *
 * Redis's layout (t_stream.c), which decides when a node is full and what trimming can drop:
 *   master entry: <count> <deleted> <num-fields> <field>... <0>
 *   each entry:   <flags> <ms-delta> <seq-delta> [<num-fields> <field>...] <value>... <lp-count>
 * `count` is the number of live entries, `deleted` the tombstones (XDEL and exact trimming only flag
 * an entry as deleted; a node goes away when its last live entry is deleted, or whole, by trimming).
 * An entry whose field names equal the master fields has the SAMEFIELDS flag and stores values only.
 * We track the listpack's exact byte size (lp-size.ts), because XADD opens a new node when
 * bytes + new payload >= stream-node-max-bytes, and that decides what "~" trimming removes.
 *
 * Storage is packed to keep the garbage collector's work flat however long a stream grows: IDs in
 * two arrays of plain numbers (V8 keeps them as unboxed doubles; exact while both halves are <= 2^53-1;
 * a node that ever holds a larger half switches to an array of StreamId objects), flags and arena
 * offsets in arrays of small integers, and the field/value bytes
 * copied into one growing byte arena (each element as a LEB128 length then its bytes; entries
 * without SAMEFIELDS start with their element count). Readers get views (subarrays) of the arena:
 * bytes already written never change, so a view stays valid after the arena grows.
 *
 * Invariants: IDs ascend strictly; count === live + deleted; starts[i] is entry i's arena offset
 * and starts[count] === used; lpBytes() is what lpBytes() would report for Redis's listpack.
 */
import { type Bytes, bytesEqual } from '../../bytes.ts';
import { compareIds, type StreamId, signedDelta } from './id.ts';
import { LP_OVERHEAD, lpIntSize, lpStrSize } from './lp-size.ts';

export { lpIntSize, lpStrSize } from './lp-size.ts';

export const FLAG_DELETED = 1;
export const FLAG_SAMEFIELDS = 2;

/** Largest initial arena, whatever the limits (they may be 0 = unlimited). */
const MAX_INITIAL_BYTES = 1 << 16;

/** Capacity hint: the node-size limits in force, so the byte arena is allocated once in the common case. */
export interface NodeSizeHint {
  maxEntries: number;
  maxBytes: number;
}

export class StreamNode {
  masterFields: Bytes[];
  /** Entries in the node, tombstones included (what node-max-entries counts). */
  count = 0;
  live = 0;
  deleted = 0;
  private msA: number[] = [];
  private seqA: number[] = [];
  /** Set once the node holds an ID half above 2^53-1: then every ID lives here. */
  private bigIds: StreamId[] | null = null;
  private flags: number[] = [];
  private starts: number[] = [0];
  private data: Uint8Array;
  private used = 0;
  /** Listpack bytes except the two counters (their size varies with their values). */
  private bodyBytes: number;

  /** The master fields are the field names of src[from..] (field, value, field, value, ...). */
  constructor(
    readonly masterId: StreamId,
    src: readonly Bytes[],
    from = 0,
    hint: NodeSizeHint = { maxEntries: 0, maxBytes: 64 },
  ) {
    const fields: Bytes[] = [];
    let bytes = LP_OVERHEAD + lpIntSize((src.length - from) >> 1) + lpIntSize(0);
    let payload = 16;
    for (let i = from; i < src.length; i += 2) {
      fields.push(src[i]!);
      bytes += lpStrSize(src[i]!);
      payload += src[i + 1]!.length + 2;
    }
    this.masterFields = fields;
    this.bodyBytes = bytes;
    const bytes0 = Math.min(Math.max(hint.maxBytes, payload * 2, 64), MAX_INITIAL_BYTES);
    this.data = new Uint8Array(bytes0);
  }

  /** Same as count (the name older callers use). */
  get total(): number {
    return this.count;
  }

  lpBytes(): number {
    return this.bodyBytes + lpIntSize(this.live) + lpIntSize(this.deleted);
  }

  /** Appends an entry (its field/value list is src[from..]) whose id is greater than every id here. */
  append(id: StreamId, src: readonly Bytes[], from = 0): void {
    const numFields = (src.length - from) >> 1;
    const same = this.sameFields(src, from);
    let bytes =
      2 + lpIntSize(signedDelta(id.ms, this.masterId.ms)) + lpIntSize(signedDelta(id.seq, this.masterId.seq));
    let parts = numFields + 3;
    if (!same) {
      bytes += lpIntSize(numFields);
      for (let i = from; i < src.length; i += 2) bytes += lpStrSize(src[i]!);
      parts += numFields + 1;
    }
    for (let i = from + 1; i < src.length; i += 2) bytes += lpStrSize(src[i]!);
    this.bodyBytes += bytes + lpIntSize(parts);
    const i = this.count;
    this.storeId(i, id);
    this.flags.push(same ? FLAG_SAMEFIELDS : 0);
    this.storeElements(src, from, same);
    this.count = i + 1;
    this.starts.push(this.used);
    this.live++;
  }

  private sameFields(src: readonly Bytes[], from: number): boolean {
    const m = this.masterFields;
    if (src.length - from !== m.length * 2) return false;
    for (let i = 0; i < m.length; i++) if (!bytesEqual(src[from + i * 2]!, m[i]!)) return false;
    return true;
  }

  private storeId(i: number, id: StreamId): void {
    if (this.bigIds === null && (typeof id.ms === 'bigint' || typeof id.seq === 'bigint')) {
      const all: StreamId[] = [];
      for (let j = 0; j < i; j++) all.push(this.idAt(j));
      this.bigIds = all;
    }
    if (this.bigIds !== null) {
      this.bigIds.push(id);
      return;
    }
    this.msA.push(id.ms as number);
    this.seqA.push(id.seq as number);
  }

  /** Copies the entry's elements into the arena (values only when it has the master's fields). */
  private storeElements(src: readonly Bytes[], from: number, same: boolean): void {
    let need = 5;
    for (let k = from; k < src.length; k++) need += src[k]!.length + 5;
    if (this.used + need > this.data.length) this.growData(need);
    const d = this.data;
    let o = this.used;
    if (!same) o = writeVarint(d, o, src.length - from);
    for (let k = same ? from + 1 : from; k < src.length; k += same ? 2 : 1) {
      const b = src[k]!;
      o = writeVarint(d, o, b.length);
      if (b.length < 16) for (let j = 0; j < b.length; j++) d[o + j] = b[j]!;
      else d.set(b, o);
      o += b.length;
    }
    this.used = o;
  }

  private growData(need: number): void {
    const next = new Uint8Array(Math.max(this.data.length * 2, this.used + need));
    next.set(this.data.subarray(0, this.used));
    this.data = next;
  }

  /** The ID of entry i. */
  idAt(i: number): StreamId {
    if (this.bigIds !== null) return this.bigIds[i]!;
    return { ms: this.msA[i]!, seq: this.seqA[i]! };
  }

  /** compareIds(idAt(i), id) without building the ID. */
  compareAt(i: number, id: StreamId): number {
    if (this.bigIds !== null) return compareIds(this.bigIds[i]!, id);
    const ms = this.msA[i]!;
    if (ms !== id.ms) return ms < id.ms ? -1 : 1;
    const seq = this.seqA[i]!;
    if (seq !== id.seq) return seq < id.seq ? -1 : 1;
    return 0;
  }

  /** Entry i's flat field/value list (views of the arena; field names from the master entry when shared). */
  fvAt(i: number): Bytes[] {
    const d = this.data;
    let o = this.starts[i]!;
    const same = (this.flags[i]! & FLAG_SAMEFIELDS) !== 0;
    const master = this.masterFields;
    let n = master.length * 2;
    if (!same) {
      const r = readVarint(d, o);
      n = r.value;
      o = r.next;
    }
    const out: Bytes[] = new Array(n);
    for (let k = same ? 1 : 0; k < n; k += same ? 2 : 1) {
      if (same) out[k - 1] = master[k >> 1]!;
      let len = d[o++]!;
      if (len > 127) {
        const r = readVarint(d, o - 1);
        len = r.value;
        o = r.next;
      }
      out[k] = d.subarray(o, o + len);
      o += len;
    }
    return out;
  }

  /** Index of the first entry with id >= `id` (count when none). */
  lowerBound(id: StreamId): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the live entry with exactly this id, or -1. */
  indexOfLive(id: StreamId): number {
    const i = this.lowerBound(id);
    if (i === this.count || this.compareAt(i, id) !== 0) return -1;
    return this.flags[i]! & FLAG_DELETED ? -1 : i;
  }

  isLive(i: number): boolean {
    return (this.flags[i]! & FLAG_DELETED) === 0;
  }

  /** Flags entry i as deleted (the caller removes the node when no live entry is left). */
  markDeleted(i: number): void {
    this.flags[i]! |= FLAG_DELETED;
    this.live--;
    this.deleted++;
  }

  lastId(): StreamId {
    return this.idAt(this.count - 1);
  }

  /** A deep copy. */
  clone(): StreamNode {
    const n = new StreamNode(this.masterId, [], 0, { maxEntries: 1, maxBytes: 1 });
    n.masterFields = this.masterFields;
    n.count = this.count;
    n.live = this.live;
    n.deleted = this.deleted;
    n.msA = this.msA.slice();
    n.seqA = this.seqA.slice();
    n.bigIds = this.bigIds === null ? null : this.bigIds.slice();
    n.flags = this.flags.slice();
    n.starts = this.starts.slice();
    n.data = this.data.slice(0, Math.max(this.used, 1));
    n.used = this.used;
    n.bodyBytes = this.bodyBytes;
    return n;
  }
}

function writeVarint(d: Uint8Array, o: number, v: number): number {
  while (v > 127) {
    d[o++] = (v & 127) | 128;
    v = Math.floor(v / 128);
  }
  d[o++] = v;
  return o;
}

function readVarint(d: Uint8Array, o: number): { value: number; next: number } {
  let v = 0;
  let mul = 1;
  for (;;) {
    const b = d[o++]!;
    v += (b & 127) * mul;
    if (b < 128) return { value: v, next: o };
    mul *= 128;
  }
}
