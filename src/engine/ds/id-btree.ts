/*
 * An ordered map from stream IDs (128-bit, see commands/streams/id.ts) to values: a B+tree. Redis keeps
 * the same data in radix trees keyed by the big-endian 16-byte ID (the listpack nodes of a stream, and
 * the pending-entry lists of consumer groups); a B+tree gives the same ordered operations with far
 * fewer, cache-friendlier JS objects.
 *
 * Invariants:
 *   - Every leaf holds 1..LEAF_MAX keys in ascending order (only a root leaf may be empty); leaves are
 *     doubly linked in key order, so cursors walk without going back up the tree.
 *   - An inner node holds 1..INNER_MAX children and keys.length === children.length - 1; every key in
 *     children[i] is < keys[i] <= every key in children[i + 1]. A separator may outlive the key it was
 *     copied from (deletions don't refresh it); it stays a valid bound, which is all searches need.
 *   - All leaves are at the same depth.
 * Balancing: inserts split full nodes; an append past the last key splits a full last leaf unevenly
 * (the old leaf stays full), so IDs added in order (the common case for streams and PELs) pack leaves
 * completely. Deletes remove emptied nodes and merge a small leaf into its neighbour under the same
 * parent when both fit in half a leaf; an inner root with one child is collapsed. Deleting a prefix
 * (trimming) drops whole leaves from the left edge, O(log n) per leaf.
 *
 * Cursors (IdCursor) point at one entry; any mutation of the tree invalidates them.
 */
import { compareIds, type StreamId } from '../commands/streams/id.ts';

const LEAF_MAX = 64;
const INNER_MAX = 64;
const MERGE_MAX = LEAF_MAX >> 1;

class Leaf<V> {
  keys: StreamId[] = [];
  vals: V[] = [];
  next: Leaf<V> | null = null;
  prev: Leaf<V> | null = null;
}

class Inner<V> {
  constructor(
    public keys: StreamId[],
    public children: TreeNode<V>[],
  ) {}
}

type TreeNode<V> = Leaf<V> | Inner<V>;

/** Index of the first key >= id (keys.length when none). */
function lowerBound(keys: readonly StreamId[], id: StreamId): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(keys[mid]!, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the child of an inner node that may hold id: the number of separators <= id. */
function childIndex(keys: readonly StreamId[], id: StreamId): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(keys[mid]!, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A position in the tree: an entry, or nothing (valid === false). */
export class IdCursor<V> {
  constructor(
    private leaf: Leaf<V> | null,
    private i: number,
  ) {
    this.settle();
  }

  get valid(): boolean {
    return this.leaf !== null;
  }

  get key(): StreamId {
    return this.leaf!.keys[this.i]!;
  }

  get value(): V {
    return this.leaf!.vals[this.i]!;
  }

  /** Moves to the next entry (or past the end). */
  next(): void {
    if (this.leaf === null) return;
    this.i++;
    this.settle();
  }

  /** Moves to the previous entry (or before the start). */
  prev(): void {
    if (this.leaf === null) return;
    this.i--;
    while (this.leaf !== null && this.i < 0) {
      this.leaf = this.leaf.prev;
      if (this.leaf) this.i = this.leaf.keys.length - 1;
    }
  }

  /** Normalises an index past a leaf's end to the next leaf's start. */
  private settle(): void {
    while (this.leaf !== null && this.i >= this.leaf.keys.length) {
      this.leaf = this.leaf.next;
      this.i = 0;
    }
    if (this.leaf !== null && this.i < 0) {
      this.leaf = null;
    }
  }
}

export class IdBTree<V> {
  private root: TreeNode<V> = new Leaf<V>();
  private head: Leaf<V>;
  private tail: Leaf<V>;
  private count = 0;

  constructor() {
    this.head = this.tail = this.root as Leaf<V>;
  }

  get size(): number {
    return this.count;
  }

  get(id: StreamId): V | undefined {
    const leaf = this.findLeaf(id);
    const i = lowerBound(leaf.keys, id);
    return i < leaf.keys.length && compareIds(leaf.keys[i]!, id) === 0 ? leaf.vals[i] : undefined;
  }

  has(id: StreamId): boolean {
    return this.get(id) !== undefined;
  }

  firstKey(): StreamId | undefined {
    return this.head.keys[0];
  }

  lastKey(): StreamId | undefined {
    return this.tail.keys[this.tail.keys.length - 1];
  }

  /** The value of the greatest key (O(1)). */
  lastValue(): V | undefined {
    return this.tail.vals[this.tail.vals.length - 1];
  }

  first(): IdCursor<V> {
    return new IdCursor(this.head, 0);
  }

  last(): IdCursor<V> {
    return new IdCursor(this.tail, this.tail.keys.length - 1);
  }

  /** Cursor at the first key >= id. */
  seekGE(id: StreamId): IdCursor<V> {
    const leaf = this.findLeaf(id);
    return new IdCursor(leaf, lowerBound(leaf.keys, id));
  }

  /** Cursor at the first key > id. */
  seekGT(id: StreamId): IdCursor<V> {
    const c = this.seekGE(id);
    if (c.valid && compareIds(c.key, id) === 0) c.next();
    return c;
  }

  /** Cursor at the last key <= id. */
  seekLE(id: StreamId): IdCursor<V> {
    const c = this.seekGE(id);
    if (!c.valid) return this.last();
    if (compareIds(c.key, id) > 0) c.prev();
    return c;
  }

  /** Cursor at the last key < id. */
  seekLT(id: StreamId): IdCursor<V> {
    const c = this.seekGE(id);
    if (!c.valid) return this.last();
    c.prev();
    return c;
  }

  /** In-order visit; stop by returning false. */
  forEach(visit: (key: StreamId, value: V) => boolean | void): void {
    for (let leaf: Leaf<V> | null = this.head; leaf; leaf = leaf.next) {
      for (let i = 0; i < leaf.keys.length; i++) if (visit(leaf.keys[i]!, leaf.vals[i]!) === false) return;
    }
  }

  keys(): StreamId[] {
    const out: StreamId[] = [];
    this.forEach((k) => void out.push(k));
    return out;
  }

  /** A structurally independent copy; `copyValue` maps each value (identity by default). */
  clone(copyValue: (v: V, key: StreamId) => V = (v) => v): IdBTree<V> {
    const t = new IdBTree<V>();
    this.forEach((k, v) => void t.set(k, copyValue(v, k)));
    return t;
  }

  /** Inserts or replaces; true when the key is new. */
  set(id: StreamId, v: V): boolean {
    const path: Inner<V>[] = [];
    const idx: number[] = [];
    let n = this.root;
    while (n instanceof Inner) {
      const i = childIndex(n.keys, id);
      path.push(n);
      idx.push(i);
      n = n.children[i]!;
    }
    const keys = n.keys;
    const i = lowerBound(keys, id);
    if (i < keys.length && compareIds(keys[i]!, id) === 0) {
      n.vals[i] = v;
      return false;
    }
    if (i === keys.length) {
      keys.push(id);
      n.vals.push(v);
    } else {
      keys.splice(i, 0, id);
      n.vals.splice(i, 0, v);
    }
    this.count++;
    if (keys.length > LEAF_MAX) this.splitLeaf(n, i === LEAF_MAX && n.next === null, path, idx);
    return true;
  }

  /** Removes a key; true when it was present. */
  delete(id: StreamId): boolean {
    const path: Inner<V>[] = [];
    const idx: number[] = [];
    let n = this.root;
    while (n instanceof Inner) {
      const i = childIndex(n.keys, id);
      path.push(n);
      idx.push(i);
      n = n.children[i]!;
    }
    const i = lowerBound(n.keys, id);
    if (i >= n.keys.length || compareIds(n.keys[i]!, id) !== 0) return false;
    n.keys.splice(i, 1);
    n.vals.splice(i, 1);
    this.count--;
    if (path.length === 0) return true;
    if (n.keys.length === 0) this.removeLeaf(n, path, idx);
    else if (n.keys.length <= LEAF_MAX >> 2) this.mergeSmallLeaf(n, path, idx);
    return true;
  }

  /** Removes every key < id (a prefix); returns how many were removed. */
  deleteBefore(id: StreamId): number {
    let removed = 0;
    for (;;) {
      const leaf = this.head;
      const n = leaf.keys.length;
      if (n === 0) return removed;
      if (compareIds(leaf.keys[n - 1]!, id) < 0) {
        removed += n;
        this.count -= n;
        if (leaf === this.root) {
          leaf.keys = [];
          leaf.vals = [];
          return removed;
        }
        leaf.keys = [];
        this.removeLeftmostLeaf();
        continue;
      }
      const k = lowerBound(leaf.keys, id);
      leaf.keys.splice(0, k);
      leaf.vals.splice(0, k);
      this.count -= k;
      return removed + k;
    }
  }

  clear(): void {
    this.root = this.head = this.tail = new Leaf<V>();
    this.count = 0;
  }

  private splitLeaf(leaf: Leaf<V>, appending: boolean, path: Inner<V>[], idx: number[]): void {
    const at = appending ? LEAF_MAX : leaf.keys.length >> 1;
    const right = new Leaf<V>();
    right.keys = leaf.keys.splice(at);
    right.vals = leaf.vals.splice(at);
    right.next = leaf.next;
    right.prev = leaf;
    if (leaf.next) leaf.next.prev = right;
    else this.tail = right;
    leaf.next = right;
    this.insertChild(path, idx, path.length - 1, right.keys[0]!, right);
  }

  /** Adds `node` right after child idx[level] of path[level], splitting upwards as needed. */
  private insertChild(
    path: Inner<V>[],
    idx: number[],
    level: number,
    sep: StreamId,
    node: TreeNode<V>,
  ): void {
    if (level < 0) {
      this.root = new Inner([sep], [this.root, node]);
      return;
    }
    const parent = path[level]!;
    const pos = idx[level]!;
    parent.keys.splice(pos, 0, sep);
    parent.children.splice(pos + 1, 0, node);
    const n = parent.children.length;
    if (n <= INNER_MAX) return;
    const at = pos + 2 === n ? INNER_MAX : n >> 1;
    const up = parent.keys[at - 1]!;
    const right = new Inner(parent.keys.splice(at), parent.children.splice(at));
    parent.keys.length = at - 1;
    this.insertChild(path, idx, level - 1, up, right);
  }

  private unlink(leaf: Leaf<V>): void {
    if (leaf.prev) leaf.prev.next = leaf.next;
    else this.head = leaf.next!;
    if (leaf.next) leaf.next.prev = leaf.prev;
    else this.tail = leaf.prev!;
  }

  /** Drops an emptied non-root leaf and any inner node left without children. */
  private removeLeaf(leaf: Leaf<V>, path: Inner<V>[], idx: number[]): void {
    this.unlink(leaf);
    this.removeChild(path, idx, path.length - 1);
  }

  private removeChild(path: Inner<V>[], idx: number[], level: number): void {
    const parent = path[level]!;
    const i = idx[level]!;
    parent.children.splice(i, 1);
    parent.keys.splice(i > 0 ? i - 1 : 0, 1);
    if (parent.children.length === 0) {
      if (level === 0) {
        this.clear();
        return;
      }
      this.removeChild(path, idx, level - 1);
      return;
    }
    this.collapseRoot();
  }

  private collapseRoot(): void {
    while (this.root instanceof Inner && this.root.children.length === 1) this.root = this.root.children[0]!;
  }

  /** Merges a small leaf with a neighbour under the same parent when both fit in half a leaf. */
  private mergeSmallLeaf(leaf: Leaf<V>, path: Inner<V>[], idx: number[]): void {
    const parent = path[path.length - 1]!;
    const i = idx[idx.length - 1]!;
    const right = parent.children[i + 1] as Leaf<V> | undefined;
    if (right && leaf.keys.length + right.keys.length <= MERGE_MAX) {
      leaf.keys.push(...right.keys);
      leaf.vals.push(...right.vals);
      idx[idx.length - 1] = i + 1;
      this.removeLeaf(right, path, idx);
      return;
    }
    const left = i > 0 ? (parent.children[i - 1] as Leaf<V>) : undefined;
    if (left && leaf.keys.length + left.keys.length <= MERGE_MAX) {
      left.keys.push(...leaf.keys);
      left.vals.push(...leaf.vals);
      this.removeLeaf(leaf, path, idx);
    }
  }

  private removeLeftmostLeaf(): void {
    const path: Inner<V>[] = [];
    const idx: number[] = [];
    let n = this.root;
    while (n instanceof Inner) {
      path.push(n);
      idx.push(0);
      n = n.children[0]!;
    }
    this.removeLeaf(n, path, idx);
  }

  private findLeaf(id: StreamId): Leaf<V> {
    let n = this.root;
    while (n instanceof Inner) n = n.children[childIndex(n.keys, id)]!;
    return n;
  }
}
