/*
 * A quicklist: the list encoding of Redis 7.0 (quicklist.c). A list is a sequence of nodes, each a
 * small packed array of entries (a listpack in Redis). Nodes keep pushes and pops at both ends O(1)
 * and bound the cost of a middle insertion to one node.
 *
 * Invariants:
 *   - no node is empty; `length` is the sum of the node entry counts;
 *   - `sz` of a node is the byte size its listpack would have in Redis (7-byte header+terminator plus
 *     each entry's encoded size, see listpackEntrySize), so node filling follows Redis's rules:
 *       fill > 0: at most `fill` entries per node, and never more than 8192 bytes (SIZE_SAFETY_LIMIT);
 *       fill < 0: at most 4/8/16/32/64 KiB per node for -1..-5 (list-max-listpack-size).
 *     Like Redis, a new entry's room is estimated as node.sz + value length + 8.
 *
 * Source: Redis 7.0 quicklist.c behaviour (push, insert with node split and merge, deletion that
 * drops empty nodes and never merges). How we differ: entries are Uint8Array views, not packed
 * bytes; "compression" (list-compress-depth) is reported by the inspection snapshot as which nodes
 * Redis would keep LZF-compressed, without compressing anything; elements of 1 GiB and more (Redis's
 * plain nodes) are treated like any other entry. None of this is visible through list commands, only
 * through the snapshot that visualisations read.
 */
import type { Bytes } from '../bytes.ts';
import { parseI64 } from '../util/parse.ts';

export interface QuicklistNode {
  entries: Bytes[];
  /** Estimated listpack bytes (lpBytes in Redis). */
  sz: number;
}

/** Per-node facts for visualisations (plain data). */
export interface QuicklistNodeInfo {
  count: number;
  bytes: number;
  compressed: boolean;
}

const LISTPACK_EMPTY_BYTES = 7;
const SIZE_SAFETY_LIMIT = 8192;
const SIZE_ESTIMATE_OVERHEAD = 8;
const MIN_COMPRESS_BYTES = 48;
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];

/** Bytes one entry takes in a listpack: encoding + data + back-length. */
export function listpackEntrySize(v: Bytes): number {
  let enc: number;
  const n = v.length <= 20 ? parseI64(v) : null;
  if (n !== null) {
    if (n >= 0n && n <= 127n) enc = 1;
    else if (n >= -4096n && n <= 4095n) enc = 2;
    else if (n >= -32768n && n <= 32767n) enc = 3;
    else if (n >= -8388608n && n <= 8388607n) enc = 4;
    else if (n >= -2147483648n && n <= 2147483647n) enc = 5;
    else enc = 9;
  } else if (v.length < 64) enc = 1 + v.length;
  else if (v.length < 4096) enc = 2 + v.length;
  else enc = 5 + v.length;
  const back = enc <= 127 ? 1 : enc < 16383 ? 2 : enc < 2097151 ? 3 : enc < 268435455 ? 4 : 5;
  return enc + back;
}

function sizeMeetsOptimization(sz: number, fill: number): boolean {
  if (fill >= 0) return false;
  const limit = OPTIMIZATION_LEVEL[-fill - 1];
  return limit !== undefined && sz <= limit;
}

function newNode(entries: Bytes[]): QuicklistNode {
  let sz = LISTPACK_EMPTY_BYTES;
  for (const e of entries) sz += listpackEntrySize(e);
  return { entries, sz };
}

export class Quicklist {
  nodes: QuicklistNode[] = [];
  length = 0;

  constructor(
    public fill = -2,
    public compressDepth = 0,
  ) {}

  /** _quicklistNodeAllowInsert: may `node` take one more entry of `len` bytes? */
  private allowInsert(node: QuicklistNode | undefined, len: number): boolean {
    if (node === undefined) return false;
    const newSz = node.sz + len + SIZE_ESTIMATE_OVERHEAD;
    if (sizeMeetsOptimization(newSz, this.fill)) return true;
    if (newSz > SIZE_SAFETY_LIMIT) return false;
    return node.entries.length < this.fill;
  }

  /** _quicklistNodeAllowMerge. */
  private allowMerge(a: QuicklistNode | undefined, b: QuicklistNode | undefined): boolean {
    if (a === undefined || b === undefined) return false;
    const mergeSz = a.sz + b.sz - 11;
    if (sizeMeetsOptimization(mergeSz, this.fill)) return true;
    if (mergeSz > SIZE_SAFETY_LIMIT) return false;
    return a.entries.length + b.entries.length <= this.fill;
  }

  pushHead(v: Bytes): void {
    const head = this.nodes[0];
    if (head !== undefined && this.allowInsert(head, v.length)) {
      head.entries.unshift(v);
      head.sz += listpackEntrySize(v);
    } else {
      this.nodes.unshift(newNode([v]));
    }
    this.length++;
  }

  pushTail(v: Bytes): void {
    const tail = this.nodes[this.nodes.length - 1];
    if (tail !== undefined && this.allowInsert(tail, v.length)) {
      tail.entries.push(v);
      tail.sz += listpackEntrySize(v);
    } else {
      this.nodes.push(newNode([v]));
    }
    this.length++;
  }

  popHead(): Bytes | undefined {
    return this.length === 0 ? undefined : this.removeAt(0, 0);
  }

  popTail(): Bytes | undefined {
    const last = this.nodes.length - 1;
    if (last < 0) return undefined;
    return this.removeAt(last, this.nodes[last]!.entries.length - 1);
  }

  /** Normalises a Redis index (negative counts from the tail); -1 when out of range. */
  private absIndex(index: number): number {
    const i = index < 0 ? this.length + index : index;
    return i < 0 || i >= this.length ? -1 : i;
  }

  /** Node number and offset of absolute position `i` (0 <= i < length), walking from the nearer end. */
  private locate(i: number): [number, number] {
    if (i < this.length / 2) {
      for (let n = 0; n < this.nodes.length; n++) {
        const cnt = this.nodes[n]!.entries.length;
        if (i < cnt) return [n, i];
        i -= cnt;
      }
    } else {
      let fromEnd = this.length - 1 - i;
      for (let n = this.nodes.length - 1; n >= 0; n--) {
        const cnt = this.nodes[n]!.entries.length;
        if (fromEnd < cnt) return [n, cnt - 1 - fromEnd];
        fromEnd -= cnt;
      }
    }
    throw new Error('quicklist index out of range');
  }

  /** Element at a Redis index, undefined when out of range. */
  get(index: number): Bytes | undefined {
    const i = this.absIndex(index);
    if (i < 0) return undefined;
    const [n, off] = this.locate(i);
    return this.nodes[n]!.entries[off];
  }

  /** Replaces the element at a Redis index; false when out of range. */
  set(index: number, v: Bytes): boolean {
    const i = this.absIndex(index);
    if (i < 0) return false;
    const [n, off] = this.locate(i);
    const node = this.nodes[n]!;
    node.sz += listpackEntrySize(v) - listpackEntrySize(node.entries[off]!);
    node.entries[off] = v;
    return true;
  }

  private removeAt(n: number, off: number): Bytes {
    const node = this.nodes[n]!;
    const [v] = node.entries.splice(off, 1);
    node.sz -= listpackEntrySize(v!);
    if (node.entries.length === 0) this.nodes.splice(n, 1);
    this.length--;
    return v!;
  }

  /** Deletes `count` elements from Redis index `start` (quicklistDelRange); returns how many. */
  deleteRange(start: number, count: number): number {
    if (count <= 0) return 0;
    const i = this.absIndex(start);
    if (i < 0) return 0;
    let left = Math.min(count, this.length - i);
    const removed = left;
    let [n, off] = this.locate(i);
    while (left > 0) {
      const node = this.nodes[n]!;
      const take = Math.min(left, node.entries.length - off);
      const gone = node.entries.splice(off, take);
      for (const g of gone) node.sz -= listpackEntrySize(g);
      left -= take;
      if (node.entries.length === 0) this.nodes.splice(n, 1);
      else n++;
      off = 0;
    }
    this.length -= removed;
    return removed;
  }

  /** Elements of absolute positions [from, to] (inclusive, clamped by the caller), head to tail. */
  range(from: number, to: number): Bytes[] {
    const out: Bytes[] = [];
    if (from > to || from >= this.length) return out;
    let [n, off] = this.locate(from);
    let left = to - from + 1;
    while (left > 0 && n < this.nodes.length) {
      const e = this.nodes[n]!.entries;
      for (; off < e.length && left > 0; off++, left--) out.push(e[off]!);
      n++;
      off = 0;
    }
    return out;
  }

  /** Every element, head to tail. */
  *[Symbol.iterator](): IterableIterator<Bytes> {
    for (const node of this.nodes) yield* node.entries;
  }

  /** Every element, tail to head. */
  *reversed(): IterableIterator<Bytes> {
    for (let n = this.nodes.length - 1; n >= 0; n--) {
      const e = this.nodes[n]!.entries;
      for (let i = e.length - 1; i >= 0; i--) yield e[i]!;
    }
  }

  /**
   * Deletes the elements `match` accepts, scanning from the head (or the tail with fromTail) and
   * stopping after `limit` removals (0 = no limit). Returns the number removed (LREM).
   */
  removeMatching(match: (v: Bytes) => boolean, limit: number, fromTail: boolean): number {
    let removed = 0;
    const step = fromTail ? -1 : 1;
    for (let n = fromTail ? this.nodes.length - 1 : 0; n >= 0 && n < this.nodes.length; n += step) {
      const node = this.nodes[n]!;
      for (let off = fromTail ? node.entries.length - 1 : 0; off >= 0 && off < node.entries.length;) {
        if (match(node.entries[off]!)) {
          const [g] = node.entries.splice(off, 1);
          node.sz -= listpackEntrySize(g!);
          this.length--;
          removed++;
          if (limit !== 0 && removed === limit) break;
          if (fromTail) off--;
        } else {
          off += step;
        }
      }
      if (node.entries.length === 0) {
        this.nodes.splice(n, 1);
        if (!fromTail) n--;
      }
      if (limit !== 0 && removed === limit) break;
    }
    return removed;
  }

  /** Inserts `v` before or after absolute position `i` (_quicklistInsert: split and merge rules). */
  insert(i: number, v: Bytes, after: boolean): void {
    const [n, off] = this.locate(i);
    const node = this.nodes[n]!;
    const size = listpackEntrySize(v);
    const full = !this.allowInsert(node, v.length);
    const atTail = after && off === node.entries.length - 1;
    const atHead = !after && off === 0;
    this.length++;
    if (!full) {
      node.entries.splice(after ? off + 1 : off, 0, v);
      node.sz += size;
    } else if (atTail && this.allowInsert(this.nodes[n + 1], v.length)) {
      const next = this.nodes[n + 1]!;
      next.entries.unshift(v);
      next.sz += size;
    } else if (atHead && this.allowInsert(this.nodes[n - 1], v.length)) {
      const prev = this.nodes[n - 1]!;
      prev.entries.push(v);
      prev.sz += size;
    } else if (atTail || atHead) {
      this.nodes.splice(after ? n + 1 : n, 0, newNode([v]));
    } else {
      this.splitInsert(n, off, v, after);
    }
  }

  /** _quicklistSplitNode + insertion into the new half + _quicklistMergeNodes around the old node. */
  private splitInsert(n: number, off: number, v: Bytes, after: boolean): void {
    const node = this.nodes[n]!;
    const moved = after ? node.entries.splice(off + 1) : node.entries.splice(0, off);
    const fresh = newNode(after ? [v, ...moved] : [...moved, v]);
    node.sz = newNode(node.entries).sz;
    this.nodes.splice(after ? n + 1 : n, 0, fresh);
    this.mergeAround(after ? n : n + 1);
  }

  private mergeAround(center: number): void {
    let c = center;
    if (this.allowMerge(this.nodes[c - 1], this.nodes[c - 2])) {
      this.mergeInto(c - 2);
      c--;
    }
    if (this.allowMerge(this.nodes[c + 1], this.nodes[c + 2])) this.mergeInto(c + 1);
    if (this.allowMerge(this.nodes[c], this.nodes[c - 1])) {
      this.mergeInto(c - 1);
      c--;
    }
    if (this.allowMerge(this.nodes[c], this.nodes[c + 1])) this.mergeInto(c);
  }

  /** Merges node k+1 into node k. */
  private mergeInto(k: number): void {
    const a = this.nodes[k]!;
    const b = this.nodes[k + 1]!;
    a.entries.push(...b.entries);
    a.sz = a.sz + b.sz - LISTPACK_EMPTY_BYTES;
    this.nodes.splice(k + 1, 1);
  }

  /** A deep copy (quicklistDup); entries are shared as they are never mutated in place. */
  clone(): Quicklist {
    const q = new Quicklist(this.fill, this.compressDepth);
    q.nodes = this.nodes.map((nd) => ({ entries: nd.entries.slice(), sz: nd.sz }));
    q.length = this.length;
    return q;
  }

  /** Node layout for visualisations: which nodes Redis would hold compressed (depth from both ends). */
  inspect(): QuicklistNodeInfo[] {
    const d = this.compressDepth;
    const last = this.nodes.length - 1;
    return this.nodes.map((nd, k) => ({
      count: nd.entries.length,
      bytes: nd.sz,
      compressed: d > 0 && k >= d && k <= last - d && nd.sz >= MIN_COMPRESS_BYTES,
    }));
  }
}
