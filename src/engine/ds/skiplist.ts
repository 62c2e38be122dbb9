/*
 * A skiplist ordered by (score, member bytes), after William Pugh's "Skip Lists: A Probabilistic
 * Alternative to Balanced Trees" as Redis's zsl* functions (t_zset.c) shape it for sorted sets.
 *
 * Invariants (checked by checkInvariants() of skiplist-inspect.ts in the tests):
 *   - level-0 links (next[0]) visit every node once, in strictly increasing (score, member) order;
 *     scores compare numerically (so -0 equals 0) and ties are broken by memcmp order of the member bytes;
 *   - a node of height h = next.length appears in the lists of levels 0..h-1; 1 <= h <= MAX_LEVEL;
 *   - hops[2i] of a node is the span of its level-i link: the number of level-0 steps it jumps over (the
 *     distance in ranks); a link to nothing spans to one past the last node, so summing the spans along
 *     any search path gives the rank (1-based) of where the search stops;
 *   - hops[2i+1] is a copy of next[i].score (NaN when next[i] is undefined), kept in step by every
 *     insert, unlink and in-place score update;
 *   - backward points to the previous node at level 0 (undefined for the first node); tail is the last.
 *
 * Memory layout, and why: at a million members the cost of a search is cache misses, one or more per
 * node it looks at. So a node is one monomorphic class with a fixed field order and two arrays: `next`
 * (the forward links) and `hops`, a packed array of unboxed doubles holding each level's span next to
 * the score of the node that level's link points to. A search deciding whether to move forward reads
 * only the current node's `hops` (no per-level objects, no visit to the next node, no boxed score);
 * it touches the next node only when it moves there, or when the scores tie and the member bytes decide.
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
 * The inspection API (skiplist-inspect.ts) returns plain data for the visualisation.
 */
import { type Bytes, compareBytes } from '../bytes.ts';

export const SKIPLIST_MAXLEVEL = 32;
export const SKIPLIST_P = 0.25;

/** Source of 16-bit random numbers (0..0xFFFF) for node heights. */
export type RandomU16 = () => number;

/*
 * Fresh arrays are copied from per-height templates so that every node's arrays share one elements
 * kind (links: packed tagged values, hops: packed unboxed doubles) and the hot loops stay monomorphic.
 */
const LINK_TEMPLATES: (SkipNode | undefined)[][] = [];
const HOP_TEMPLATES: number[][] = [];
for (let h = 0; h <= SKIPLIST_MAXLEVEL; h++) {
  const links: (SkipNode | undefined)[] = [];
  const hops = [0.5];
  hops.pop(); // the array keeps its double elements kind once emptied
  for (let i = 0; i < h; i++) {
    links.push(undefined);
    hops.push(0, NaN);
  }
  LINK_TEMPLATES.push(links);
  HOP_TEMPLATES.push(hops);
}

export class SkipNode {
  score: number;
  ele: Bytes;
  backward: SkipNode | undefined;
  /** next[i]: the following node in the level-i list; next.length is the node's height. */
  readonly next: (SkipNode | undefined)[];
  /** hops[2i]: span of the level-i link; hops[2i+1]: next[i].score, NaN when there is no next[i]. */
  readonly hops: number[];

  constructor(height: number, score: number, ele: Bytes) {
    this.score = score;
    this.ele = ele;
    this.backward = undefined;
    this.next = LINK_TEMPLATES[height]!.slice();
    this.hops = HOP_TEMPLATES[height]!.slice();
  }

  get height(): number {
    return this.next.length;
  }

  /** Span of the level-i link. */
  span(i: number): number {
    return this.hops[2 * i]!;
  }
}

/** (score, member) order: negative when a sorts before b. */
export function compareScoreMember(aScore: number, aEle: Bytes, bScore: number, bEle: Bytes): number {
  if (aScore < bScore) return -1;
  if (aScore > bScore) return 1;
  return compareBytes(aEle, bEle);
}

/**
 * Compares x's level-i successor with (score, ele): negative when it sorts before, 0 when it is that
 * member, positive when it sorts after or there is none (NaN compares false). Reads the cached score,
 * so the successor is visited only on a score tie.
 */
function compareNext(x: SkipNode, i: number, score: number, ele: Bytes): number {
  const s = x.hops[2 * i + 1]!;
  if (s < score) return -1;
  if (s === score) return compareBytes(x.next[i]!.ele, ele);
  return 1;
}

export class SkipList {
  readonly header = new SkipNode(SKIPLIST_MAXLEVEL, 0, new Uint8Array(0));
  tail: SkipNode | undefined = undefined;
  length = 0;
  /** Height of the tallest node (at least 1). */
  level = 1;
  /** Scratch for searches that modify: path[i] is the last node before the target at level i. */
  private readonly path: SkipNode[] = new Array<SkipNode>(SKIPLIST_MAXLEVEL).fill(this.header);
  /** Scratch for insert: rank (1-based, 0 for the header) of path[i]. */
  private readonly pathRank: number[] = new Array<number>(SKIPLIST_MAXLEVEL).fill(0);

  constructor(private readonly randomU16: RandomU16) {}

  /** zslRandomLevel: 1 + the number of successes of a p = 1/4 trial, at most 32. */
  randomLevel(): number {
    let level = 1;
    while (level < SKIPLIST_MAXLEVEL && this.randomU16() < SKIPLIST_P * 0xffff) level++;
    return level;
  }

  first(): SkipNode | undefined {
    return this.header.next[0];
  }

  /** Inserts a member that is not present yet (the caller's dictionary guarantees that). */
  insert(score: number, ele: Bytes): SkipNode {
    const update = this.path;
    const rank = this.pathRank;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      while (compareNext(x, i, score, ele) < 0) {
        rank[i]! += x.hops[2 * i]!;
        x = x.next[i]!;
      }
      update[i] = x;
    }
    const height = this.randomLevel();
    if (height > this.level) {
      for (let i = this.level; i < height; i++) {
        rank[i] = 0;
        update[i] = this.header;
        this.header.hops[2 * i] = this.length;
      }
      this.level = height;
    }
    const node = new SkipNode(height, score, ele);
    this.link(node, height);
    return node;
  }

  /** Second half of insert: splices `node` in after path[0..height-1], fixing spans and scores. */
  private link(node: SkipNode, height: number): void {
    const update = this.path;
    const below = this.pathRank[0]!;
    for (let i = 0; i < height; i++) {
      const u = update[i]!;
      const gap = below - this.pathRank[i]!;
      node.next[i] = u.next[i];
      node.hops[2 * i + 1] = u.hops[2 * i + 1]!;
      node.hops[2 * i] = u.hops[2 * i]! - gap;
      u.next[i] = node;
      u.hops[2 * i + 1] = node.score;
      u.hops[2 * i] = gap + 1;
    }
    for (let i = height; i < this.level; i++) update[i]!.hops[2 * i]!++;
    node.backward = update[0] === this.header ? undefined : update[0];
    const after = node.next[0];
    if (after) after.backward = node;
    else this.tail = node;
    this.length++;
  }

  /** Unlinks x given the path of its predecessors (zslDeleteNode). */
  private unlink(x: SkipNode, update: SkipNode[]): void {
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!;
      if (u.next[i] === x) {
        u.hops[2 * i] = u.hops[2 * i]! + x.hops[2 * i]! - 1;
        u.hops[2 * i + 1] = x.hops[2 * i + 1]!;
        u.next[i] = x.next[i];
      } else {
        u.hops[2 * i]!--;
      }
    }
    const after = x.next[0];
    if (after) after.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.header.next[this.level - 1] === undefined) this.level--;
    this.length--;
  }

  /** Fills `path` with the predecessors at every level of the position of (score, ele). */
  private predecessors(score: number, ele: Bytes): SkipNode[] {
    const update = this.path;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (compareNext(x, i, score, ele) < 0) x = x.next[i]!;
      update[i] = x;
    }
    return update;
  }

  /** Removes (score, ele); returns the removed node, or undefined when absent. */
  delete(score: number, ele: Bytes): SkipNode | undefined {
    const update = this.predecessors(score, ele);
    const x = update[0]!.next[0];
    if (!x || x.score !== score || compareBytes(x.ele, ele) !== 0) return undefined;
    this.unlink(x, update);
    return x;
  }

  /**
   * zslUpdateScore: moves a present member to a new score. When the node stays between its neighbours
   * it is updated in place (no relinking; its predecessors' cached scores follow); otherwise it is
   * removed and inserted again.
   */
  updateScore(curScore: number, ele: Bytes, newScore: number): SkipNode {
    const update = this.predecessors(curScore, ele);
    const x = update[0]!.next[0]!;
    const prev = x.backward;
    const next = x.next[0];
    const afterPrev = !prev || prev.score < newScore;
    const beforeNext = !next || next.score > newScore;
    if (afterPrev && beforeNext) {
      x.score = newScore;
      for (let i = 0; i < x.next.length; i++) update[i]!.hops[2 * i + 1] = newScore;
      return x;
    }
    this.unlink(x, update);
    return this.insert(newScore, x.ele);
  }

  /** 1-based rank of (score, ele), 0 when absent (zslGetRank). */
  rankOf(score: number, ele: Bytes): number {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let c = compareNext(x, i, score, ele); c <= 0; c = compareNext(x, i, score, ele)) {
        rank += x.hops[2 * i]!;
        if (c === 0) return rank;
        x = x.next[i]!;
      }
    }
    return 0;
  }

  /** The node at 1-based `rank` (zslGetElementByRank), undefined when out of range. */
  byRank(rank: number): SkipNode | undefined {
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = x.next[i]; f !== undefined && traversed + x.hops[2 * i]! <= rank; f = x.next[i]) {
        traversed += x.hops[2 * i]!;
        x = f;
      }
      if (traversed === rank) return x === this.header ? undefined : x;
    }
    return undefined;
  }

  /**
   * How many leading nodes satisfy `pred`, found by the usual top-down search that moves forward while
   * the next node satisfies it. For a monotone predicate (true, then false) this is exact.
   */
  countWhile(pred: (n: SkipNode) => boolean): number {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = x.next[i]; f !== undefined && pred(f); f = x.next[i]) {
        rank += x.hops[2 * i]!;
        x = f;
      }
    }
    return rank;
  }

  /** Removes the nodes of 1-based ranks start..end inclusive, calling onDelete for each. */
  deleteRangeByRank(start: number, end: number, onDelete: (n: SkipNode) => void): number {
    const update = this.path;
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = x.next[i]; f !== undefined && traversed + x.hops[2 * i]! < start; f = x.next[i]) {
        traversed += x.hops[2 * i]!;
        x = f;
      }
      update[i] = x;
    }
    traversed++;
    let cur = x.next[0];
    let removed = 0;
    while (cur && traversed <= end) {
      const next = cur.next[0];
      this.unlink(cur, update);
      onDelete(cur);
      removed++;
      traversed++;
      cur = next;
    }
    return removed;
  }

  *[Symbol.iterator](): IterableIterator<SkipNode> {
    for (let x = this.first(); x; x = x.next[0]) yield x;
  }
}
