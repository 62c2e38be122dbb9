/*
 * Storage for the link records of ds/skiplist.ts: one growable Float64Array holding every node's
 * record (see the layout there), plus the table from slots to the SkipNode objects.
 *
 * Invariants: a record of height h occupies 1 + 3h consecutive doubles starting at its offset; live
 * records never overlap; a freed record is kept on the free list of its height and handed out again
 * only for a node of that same height (heights are drawn from a fixed distribution, so the lists stay
 * short). Offsets stay valid when the arena grows (the content is copied to the same positions), but
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

export class RecordArena {
  f64 = new Float64Array(1024);
  private top = 0;
  /** slot -> node; record[0] holds the slot. */
  readonly nodes: (SkipNode | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly freeRecords: number[][] = [];

  /** A node with a fresh record of `height` links to nothing. */
  alloc(height: number, score: number, ele: Bytes): SkipNode {
    while (this.freeRecords.length <= height) this.freeRecords.push([]);
    let off = this.freeRecords[height]!.pop();
    if (off === undefined) {
      off = this.top;
      this.reserve(off + 1 + 3 * height);
      this.top = off + 1 + 3 * height;
    }
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

  private reserve(size: number): void {
    if (size <= this.f64.length) return;
    const grown = new Float64Array(Math.max(size, this.f64.length * 2));
    grown.set(this.f64);
    this.f64 = grown;
  }
}
