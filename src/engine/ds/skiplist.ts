/*
 * A skiplist ordered by (score, member bytes), after William Pugh's "Skip Lists: A Probabilistic
 * Alternative to Balanced Trees" as Redis's zsl* functions (t_zset.c) shape it for sorted sets.
 *
 * Invariants (checked by checkInvariants() of skiplist-inspect.ts in the tests):
 *   - level-0 links visit every node once, in strictly increasing (score, member) order; scores
 *     compare numerically (so -0 equals 0) and ties are broken by memcmp order of the member bytes;
 *   - a node of height h appears in the lists of levels 0..h-1; 1 <= h <= MAX_LEVEL;
 *   - the span of a node's level-i link is the number of level-0 steps it jumps over (the distance in
 *     ranks); a link to nothing spans to one past the last node, so summing the spans along any
 *     search path gives the rank (1-based) of where the search stops;
 *   - each link also holds a copy of the score of the node it points to (NaN when it points to
 *     nothing), kept in step by every insert, unlink and in-place score update;
 *   - backward points to the previous node at level 0 (undefined for the first node); tail is the last;
 *     forward (on the node object) equals the level-0 link, so in-order walks stay off the arena.
 *
 * Memory layout, and why: at a million members a search costs cache and TLB misses, one per separate
 * piece of memory it reads, and nothing else comes close. So the links of all nodes live in one
 * Float64Array arena, a node's links in one record of consecutive doubles:
 *
 *   record[0]            slot of the node's SkipNode object in `nodes`
 *   record[1 + 3i]       arena offset of the record of the level-i successor, or -1
 *   record[2 + 3i]       span of the level-i link
 *   record[3 + 3i]       score of the level-i successor (NaN when none)
 *
 * Deciding whether to move forward reads only the current record (the successor's score is cached
 * there), and moving reads one new record; the SkipNode object (member bytes, score) is visited only
 * on a score tie or to hand the node back (countScoresWhile and rankOfNode avoid even that).
 * skiplist-arena.ts places records by height class and reuses freed ones. The header is the first
 * record allocated (slot 0, offset 0), 32 levels high.
 *
 * Node heights come from a geometric distribution with p = 1/4, capped at 32 levels, exactly as
 * zslRandomLevel draws them (a 16-bit random number compared with p * 0xFFFF), but the random source
 * is the node's seeded Random port, so a seed reproduces the very same shape.
 *
 * How we differ: Redis has one range search per kind of range (zslFirstInRange, zslFirstInLexRange...).
 * Here a single countWhile(predicate) walks the levels down while the next node satisfies a monotone
 * predicate and returns how many leading nodes satisfy it; every score or lex range query of the
 * sorted-set commands is built from it (e.g. the first node >= min has rank countWhile(x < min) + 1).
 * The walk visits the same nodes Redis's searches do, so even for non-monotone predicates (ZRANGEBYLEX
 * over mixed scores) the answer depends on the shape exactly as Redis's does.
 *
 * SkipNode objects are the handles callers keep (the sorted set's dictionary maps members to them);
 * their links are read through the list (after, nextAt, spanAt). The inspection API
 * (skiplist-inspect.ts) returns plain data for the visualisation.
 */
import { type Bytes, compareBytes } from '../bytes.ts';
import { NIL, RecordArena, SkipNode } from './skiplist-arena.ts';

export { SkipNode };

export const SKIPLIST_MAXLEVEL = 32;
export const SKIPLIST_P = 0.25;

/** Source of 16-bit random numbers (0..0xFFFF) for node heights. */
export type RandomU16 = () => number;

/** (score, member) order: negative when a sorts before b. */
export function compareScoreMember(aScore: number, aEle: Bytes, bScore: number, bEle: Bytes): number {
  if (aScore < bScore) return -1;
  if (aScore > bScore) return 1;
  return compareBytes(aEle, bEle);
}

export class SkipList {
  private readonly store = new RecordArena();
  readonly header: SkipNode;
  tail: SkipNode | undefined = undefined;
  length = 0;
  /** Height of the tallest node (at least 1). */
  level = 1;
  /** Scratch for searches that modify: offset of the last record before the target at level i. */
  private readonly path: number[] = new Array<number>(SKIPLIST_MAXLEVEL).fill(0);
  /** Scratch for insert: rank (1-based, 0 for the header) of path[i]. */
  private readonly pathRank: number[] = new Array<number>(SKIPLIST_MAXLEVEL).fill(0);
  /**
   * Where the last rank-counting search stopped: the record at rank stopRank (-1: unknown). A range
   * command counts the entries before its start, then asks for the node at that rank or the next one;
   * this answers those without a second search. Any link or unlink forgets it.
   */
  private stopRank = -1;
  private stopOff = 0;

  constructor(private readonly randomU16: RandomU16) {
    this.header = this.store.alloc(SKIPLIST_MAXLEVEL, 0, new Uint8Array(0));
  }

  /** zslRandomLevel: 1 + the number of successes of a p = 1/4 trial, at most 32. */
  randomLevel(): number {
    let level = 1;
    while (level < SKIPLIST_MAXLEVEL && this.randomU16() < SKIPLIST_P * 0xffff) level++;
    return level;
  }

  first(): SkipNode | undefined {
    return this.after(this.header);
  }

  /** The node after n at level 0. */
  after(n: SkipNode): SkipNode | undefined {
    return n.forward;
  }

  /** n's successor at level i (i < n.height). */
  nextAt(n: SkipNode, i: number): SkipNode | undefined {
    const off = this.store.f64[n.off + 1 + 3 * i]!;
    return off === NIL ? undefined : this.store.nodeAt(off);
  }

  /** Span of n's level-i link. */
  spanAt(n: SkipNode, i: number): number {
    return this.store.f64[n.off + 2 + 3 * i]!;
  }

  /** The successor score cached in n's level-i link (NaN when none). */
  nextScoreAt(n: SkipNode, i: number): number {
    return this.store.f64[n.off + 3 + 3 * i]!;
  }

  /**
   * Compares the level-i successor of the record at `o` with (score, ele): negative when it sorts
   * before, 0 when it is that member, positive when after or absent (NaN compares false). Reads the
   * cached score, so the successor's node is visited only on a score tie.
   */
  private compareNext(o: number, i: number, score: number, ele: Bytes): number {
    const a = this.store.f64;
    const s = a[o + 3 + 3 * i]!;
    if (s < score) return -1;
    if (s === score) return compareBytes(this.store.nodeAt(a[o + 1 + 3 * i]!).ele, ele);
    return 1;
  }

  /** Inserts a member that is not present yet (the caller's dictionary guarantees that). */
  insert(score: number, ele: Bytes): SkipNode {
    const update = this.path;
    const rank = this.pathRank;
    const a = this.store.f64;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      while (this.compareNext(o, i, score, ele) < 0) {
        rank[i]! += a[o + 2 + 3 * i]!;
        o = a[o + 1 + 3 * i]!;
      }
      update[i] = o;
    }
    const height = this.randomLevel();
    if (height > this.level) {
      for (let i = this.level; i < height; i++) {
        rank[i] = 0;
        update[i] = 0;
        a[2 + 3 * i] = this.length;
      }
      this.level = height;
    }
    const node = this.store.alloc(height, score, ele);
    this.link(node);
    return node;
  }

  /** Second half of insert: splices `node` in after path[0..height-1], fixing spans and scores. */
  private link(node: SkipNode): void {
    const update = this.path;
    const a = this.store.f64;
    const n = node.off;
    const below = this.pathRank[0]!;
    for (let i = 0; i < node.height; i++) {
      const u = update[i]! + 3 * i;
      const gap = below - this.pathRank[i]!;
      a[n + 1 + 3 * i] = a[u + 1]!;
      a[n + 2 + 3 * i] = a[u + 2]! - gap;
      a[n + 3 + 3 * i] = a[u + 3]!;
      a[u + 1] = n;
      a[u + 2] = gap + 1;
      a[u + 3] = node.score;
    }
    for (let i = node.height; i < this.level; i++) a[update[i]! + 2 + 3 * i]!++;
    const before = this.store.nodeAt(update[0]!);
    node.backward = update[0] === 0 ? undefined : before;
    const after = before.forward;
    node.forward = after;
    before.forward = node;
    if (after) after.backward = node;
    else this.tail = node;
    this.length++;
    this.stopRank = -1;
  }

  /** Unlinks x given the path of its predecessors (zslDeleteNode) and frees its record. */
  private unlink(x: SkipNode, update: number[]): void {
    const a = this.store.f64;
    const xo = x.off;
    for (let i = 0; i < this.level; i++) {
      const u = update[i]! + 3 * i;
      if (a[u + 1] === xo) {
        a[u + 1] = a[xo + 1 + 3 * i]!;
        a[u + 2] = a[u + 2]! + a[xo + 2 + 3 * i]! - 1;
        a[u + 3] = a[xo + 3 + 3 * i]!;
      } else {
        a[u + 2]!--;
      }
    }
    const after = x.forward;
    (x.backward ?? this.header).forward = after;
    if (after) after.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && a[1 + 3 * (this.level - 1)] === NIL) this.level--;
    this.length--;
    this.stopRank = -1;
    this.store.free(x);
  }

  /** Fills `path` with the predecessors at every level of the position of (score, ele). */
  private predecessors(score: number, ele: Bytes): number[] {
    const update = this.path;
    const a = this.store.f64;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      while (this.compareNext(o, i, score, ele) < 0) o = a[o + 1 + 3 * i]!;
      update[i] = o;
    }
    return update;
  }

  /** Removes (score, ele); returns the removed node, or undefined when absent. */
  delete(score: number, ele: Bytes): SkipNode | undefined {
    const update = this.predecessors(score, ele);
    const xo = this.store.f64[update[0]! + 1]!;
    if (xo === NIL) return undefined;
    const x = this.store.nodeAt(xo);
    if (x.score !== score || compareBytes(x.ele, ele) !== 0) return undefined;
    this.unlink(x, update);
    return x;
  }

  /**
   * zslUpdateScore: moves a present member to a new score. When the node stays between its neighbours
   * it is updated in place (no relinking; the scores cached in the links to it follow); otherwise it
   * is removed and inserted again.
   */
  updateScore(curScore: number, ele: Bytes, newScore: number): SkipNode {
    const update = this.predecessors(curScore, ele);
    const x = this.store.nodeAt(this.store.f64[update[0]! + 1]!);
    const prev = x.backward;
    const next = this.after(x);
    const afterPrev = !prev || prev.score < newScore;
    const beforeNext = !next || next.score > newScore;
    if (afterPrev && beforeNext) {
      x.score = newScore;
      const a = this.store.f64;
      for (let i = 0; i < x.height; i++) a[update[i]! + 3 + 3 * i] = newScore;
      return x;
    }
    this.unlink(x, update);
    return this.insert(newScore, x.ele);
  }

  /** 1-based rank of (score, ele), 0 when absent (zslGetRank). */
  rankOf(score: number, ele: Bytes): number {
    const a = this.store.f64;
    let rank = 0;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let c = this.compareNext(o, i, score, ele); c <= 0; c = this.compareNext(o, i, score, ele)) {
        rank += a[o + 2 + 3 * i]!;
        if (c === 0) return rank;
        o = a[o + 1 + 3 * i]!;
      }
    }
    return 0;
  }

  /**
   * rankOf for a node of this list (the sorted set's dictionary hands it over): the same walk, but the
   * target is recognised by its record offset, so the last step reads neither its member nor its node.
   */
  rankOfNode(node: SkipNode): number {
    const a = this.store.f64;
    const { score, ele, off } = node;
    if (off === NIL) return 0; // removed: no link points to it
    let rank = 0;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (;;) {
        const next = a[o + 1 + 3 * i]!;
        if (next === off) return rank + a[o + 2 + 3 * i]!;
        if (this.compareNext(o, i, score, ele) >= 0) break;
        rank += a[o + 2 + 3 * i]!;
        o = next;
      }
    }
    return 0;
  }

  /** The node at 1-based `rank` (zslGetElementByRank), undefined when out of range. */
  byRank(rank: number): SkipNode | undefined {
    const a = this.store.f64;
    if (this.stopRank >= 0 && (rank === this.stopRank || rank === this.stopRank + 1)) {
      const o = rank === this.stopRank ? this.stopOff : a[this.stopOff + 1]!;
      return o === 0 || o === NIL ? undefined : this.store.nodeAt(o);
    }
    let traversed = 0;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      while (a[o + 1 + 3 * i] !== NIL && traversed + a[o + 2 + 3 * i]! <= rank) {
        traversed += a[o + 2 + 3 * i]!;
        o = a[o + 1 + 3 * i]!;
      }
      if (traversed === rank) return this.stopAt(rank, o);
    }
    return undefined;
  }

  /**
   * How many leading nodes satisfy `pred`, found by the usual top-down search that moves forward while
   * the next node satisfies it. For a monotone predicate (true, then false) this is exact.
   */
  countWhile(pred: (n: SkipNode) => boolean): number {
    const a = this.store.f64;
    let rank = 0;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = a[o + 1 + 3 * i]!; f !== NIL && pred(this.store.nodeAt(f)); f = a[o + 1 + 3 * i]!) {
        rank += a[o + 2 + 3 * i]!;
        o = f;
      }
    }
    this.stopAt(rank, o);
    return rank;
  }

  /**
   * countWhile for a predicate on the score alone: the same walk, answered from the scores cached in
   * the links, so it reads one record per step and no node objects.
   */
  countScoresWhile(pred: (score: number) => boolean): number {
    const a = this.store.f64;
    let rank = 0;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      while (a[o + 1 + 3 * i] !== NIL && pred(a[o + 3 + 3 * i]!)) {
        rank += a[o + 2 + 3 * i]!;
        o = a[o + 1 + 3 * i]!;
      }
    }
    this.stopAt(rank, o);
    return rank;
  }

  /** Remembers that the record at `off` has rank `rank`; its node (undefined for the header). */
  private stopAt(rank: number, off: number): SkipNode | undefined {
    this.stopRank = rank;
    this.stopOff = off;
    return off === 0 ? undefined : this.store.nodeAt(off);
  }

  /** Removes the nodes of 1-based ranks start..end inclusive, calling onDelete for each. */
  deleteRangeByRank(start: number, end: number, onDelete: (n: SkipNode) => void): number {
    const update = this.path;
    const a = this.store.f64;
    let traversed = 0;
    let o = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      while (a[o + 1 + 3 * i] !== NIL && traversed + a[o + 2 + 3 * i]! < start) {
        traversed += a[o + 2 + 3 * i]!;
        o = a[o + 1 + 3 * i]!;
      }
      update[i] = o;
    }
    traversed++;
    let cur = this.nextAt(this.store.nodeAt(o), 0);
    let removed = 0;
    while (cur && traversed <= end) {
      const next = this.after(cur);
      this.unlink(cur, update);
      onDelete(cur);
      removed++;
      traversed++;
      cur = next;
    }
    return removed;
  }

  *[Symbol.iterator](): IterableIterator<SkipNode> {
    for (let x = this.first(); x; x = this.after(x)) yield x;
  }
}
