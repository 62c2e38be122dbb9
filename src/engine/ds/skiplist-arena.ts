/*
 * Storage for the link records of ds/skiplist.ts: one growable Float64Array holding every node's
 * record (see the layout there), plus the table from slots to the SkipNode objects.
 *
 * Invariants: a record of height h occupies 1 + 3h consecutive doubles starting at its offset; live
 * records never overlap; a freed record is kept on the free list of its height and handed out again
 * only for a node of that same height (heights are drawn from a fixed distribution, so the lists stay
 * short); records are grouped by height in chunks (see below). Offsets stay valid when the arena grows (the content is copied to the same positions), but
 * the Float64Array itself is replaced, so callers re-read `f64` after any allocation.
 */
import type { Bytes } from '../bytes.ts';

/** Offset meaning "no record" (a link to nothing). */
export const NIL = -1;

export class SkipNode {
  score: number;
  ele: Bytes;
  backward: SkipNode | undefined;
  /** The next node at level 0 (a copy of the level-0 link, so that walking in order skips the arena). */
  forward: SkipNode | undefined;
  /** Number of levels this node takes part in. */
  readonly height: number;
  /** Offset of the node's record in its list's arena; -1 once the node is removed. */
  off: number;

  constructor(score: number, ele: Bytes, height: number, off: number) {
    this.score = score;
    this.ele = ele;
    this.backward = undefined;
    this.forward = undefined;
    this.height = height;
    this.off = off;
  }
}

/*
 * Records are carved from chunks, each chunk serving one height class (1, 2, 3, 4, 5 and more). A
 * search moving forward at level i always lands on a node taller than i, so the steps of the upper
 * levels all land in the few, small chunks of tall records, which stay in the CPU caches and TLB; only
 * the last levels' steps reach into the bulk of height-1 and height-2 records. Chunks grow with the
 * arena (an eighth of it, within bounds) so a small list wastes little.
 */
const HEIGHT_CLASSES = 5;
const MIN_CHUNK = 128;
const MAX_CHUNK = 1 << 15;

export class RecordArena {
  f64 = new Float64Array(1024);
  private top = 0;
  /** slot -> node; record[0] holds the slot. */
  readonly nodes: (SkipNode | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly freeRecords: number[][] = [];
  /** Per height class: next free offset and end of its current chunk. */
  private readonly bumpAt: number[] = new Array<number>(HEIGHT_CLASSES).fill(0);
  private readonly bumpEnd: number[] = new Array<number>(HEIGHT_CLASSES).fill(0);

  /** A node with a fresh record of `height` links to nothing. */
  alloc(height: number, score: number, ele: Bytes): SkipNode {
    while (this.freeRecords.length <= height) this.freeRecords.push([]);
    const off = this.freeRecords[height]!.pop() ?? this.carve(height);
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.nodes.length;
    const node = new SkipNode(score, ele, height, off);
    if (slot === this.nodes.length) this.nodes.push(node);
    else this.nodes[slot] = node;
    const a = this.f64;
    a[off] = slot;
    for (let i = 0; i < height; i++) {
      a[off + 1 + 3 * i] = NIL;
      a[off + 2 + 3 * i] = 0;
      a[off + 3 + 3 * i] = NaN;
    }
    return node;
  }

  /** Gives a removed node's record and slot back. */
  free(node: SkipNode): void {
    const slot = this.f64[node.off]!;
    this.nodes[slot] = undefined;
    this.freeSlots.push(slot);
    this.freeRecords[node.height]!.push(node.off);
    node.off = NIL;
  }

  /** The node whose record starts at `off`. */
  nodeAt(off: number): SkipNode {
    return this.nodes[this.f64[off]!]!;
  }

  /** A new record's offset, from the chunk of its height class (a new chunk when that one is full). */
  private carve(height: number): number {
    const c = Math.min(height, HEIGHT_CLASSES) - 1;
    const size = 1 + 3 * height;
    if (this.bumpAt[c]! + size > this.bumpEnd[c]!) {
      const chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, this.top >> 3));
      this.reserve(this.top + chunk);
      this.bumpAt[c] = this.top;
      this.top += chunk;
      this.bumpEnd[c] = this.top;
    }
    const off = this.bumpAt[c]!;
    this.bumpAt[c] = off + size;
    return off;
  }

  private reserve(size: number): void {
    if (size <= this.f64.length) return;
    const grown = new Float64Array(Math.max(size, this.f64.length * 2));
    grown.set(this.f64);
    this.f64 = grown;
  }
}
