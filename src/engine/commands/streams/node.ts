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
 *
 * We keep entries decoded (ids + flat field/value arrays) and track the listpack's exact byte size,
 * computed with listpack's element encodings, because XADD opens a new node when
 * bytes + new payload >= stream-node-max-bytes, and that decides node boundaries, hence what "~"
 * trimming removes. Invariants: ids ascend strictly; ids.length === fvs.length === flags.length ===
 * live + deleted; lpBytes() is what lpBytes() would report for Redis's listpack.
 */
import { type Bytes, bytesEqual } from '../../bytes.ts';
import { compareIds, type StreamId, signedDelta } from './id.ts';

export const FLAG_DELETED = 1;
export const FLAG_SAMEFIELDS = 2;

/** Listpack header (total bytes + element count) and end byte. */
const LP_OVERHEAD = 7;

/** Bytes of an integer element (encoding + data + backlen). */
export function lpIntSize(v: number | bigint): number {
  if (typeof v === 'bigint') {
    if (v >= -2147483648n && v <= 2147483647n) return lpIntSize(Number(v));
    return 10;
  }
  if (v >= 0 && v <= 127) return 2;
  if (v >= -4096 && v <= 4095) return 3;
  if (v >= -32768 && v <= 32767) return 4;
  if (v >= -8388608 && v <= 8388607) return 5;
  if (v >= -2147483648 && v <= 2147483647) return 6;
  return 10;
}

function backlenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/** Bytes of a string element; strings in int64 canonical form are stored as integers (lpStringToInt64). */
export function lpStrSize(b: Bytes): number {
  const n = b.length;
  if (n > 0 && n < 21) {
    const v = asListpackInt(b);
    if (v !== null) return lpIntSize(v);
  }
  const enc = n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
  return enc + backlenSize(enc);
}

/** The integer a listpack stores for these bytes, or null (lpStringToInt64's rules). */
function asListpackInt(b: Bytes): number | bigint | null {
  const n = b.length;
  let i = b[0] === 45 ? 1 : 0;
  if (i === n) return null;
  const d0 = b[i]! - 48;
  if (d0 === 0) return n === 1 ? 0 : null;
  if (d0 < 1 || d0 > 9) return null;
  let v = 0;
  for (; i < n; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  if (n - (b[0] === 45 ? 1 : 0) <= 15) return b[0] === 45 ? -v : v;
  let big = 0n;
  for (let j = b[0] === 45 ? 1 : 0; j < n; j++) big = big * 10n + BigInt(b[j]! - 48);
  if (b[0] === 45) big = -big;
  return big > 9223372036854775807n || big < -9223372036854775808n ? null : big;
}

export class StreamNode {
  masterFields: Bytes[];
  readonly ids: StreamId[] = [];
  /** Per entry: field, value, field, value, ... */
  readonly fvs: Bytes[][] = [];
  readonly flags: number[] = [];
  live = 0;
  deleted = 0;
  /** Listpack bytes except the two counters (their size varies with their values). */
  private bodyBytes: number;

  constructor(
    readonly masterId: StreamId,
    firstFv: readonly Bytes[],
  ) {
    const fields: Bytes[] = [];
    let bytes = LP_OVERHEAD + lpIntSize(firstFv.length >> 1) + lpIntSize(0);
    for (let i = 0; i < firstFv.length; i += 2) {
      fields.push(firstFv[i]!);
      bytes += lpStrSize(firstFv[i]!);
    }
    this.masterFields = fields;
    this.bodyBytes = bytes;
  }

  /** Entries in the node, tombstones included (what node-max-entries counts). */
  get total(): number {
    return this.ids.length;
  }

  lpBytes(): number {
    return this.bodyBytes + lpIntSize(this.live) + lpIntSize(this.deleted);
  }

  /** Appends an entry whose id is greater than every id in the node. */
  append(id: StreamId, fv: Bytes[]): void {
    const numFields = fv.length >> 1;
    const same = this.sameFields(fv);
    const flags = same ? FLAG_SAMEFIELDS : 0;
    let bytes =
      2 + lpIntSize(signedDelta(id.ms, this.masterId.ms)) + lpIntSize(signedDelta(id.seq, this.masterId.seq));
    let parts = numFields + 3;
    if (!same) {
      bytes += lpIntSize(numFields);
      for (let i = 0; i < fv.length; i += 2) bytes += lpStrSize(fv[i]!);
      parts += numFields + 1;
    }
    for (let i = 1; i < fv.length; i += 2) bytes += lpStrSize(fv[i]!);
    this.bodyBytes += bytes + lpIntSize(parts);
    this.ids.push(id);
    this.fvs.push(fv);
    this.flags.push(flags);
    this.live++;
  }

  private sameFields(fv: readonly Bytes[]): boolean {
    const m = this.masterFields;
    if (fv.length !== m.length * 2) return false;
    for (let i = 0; i < m.length; i++) if (!bytesEqual(fv[i * 2]!, m[i]!)) return false;
    return true;
  }

  /** Index of the first entry with id >= `id` (total when none). */
  lowerBound(id: StreamId): number {
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(ids[mid]!, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the live entry with exactly this id, or -1. */
  indexOfLive(id: StreamId): number {
    const i = this.lowerBound(id);
    if (i === this.ids.length || compareIds(this.ids[i]!, id) !== 0) return -1;
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
    return this.ids[this.ids.length - 1]!;
  }

  /** A deep copy (entries share their immutable byte arrays). */
  clone(): StreamNode {
    const n = new StreamNode(this.masterId, []);
    n.masterFields = this.masterFields;
    n.ids.push(...this.ids);
    for (const fv of this.fvs) n.fvs.push(fv.slice());
    n.flags.push(...this.flags);
    n.live = this.live;
    n.deleted = this.deleted;
    n.bodyBytes = this.bodyBytes;
    return n;
  }
}
