/*
 * A skiplist ordered by (score, member bytes), after William Pugh's "Skip Lists: A Probabilistic
 * Alternative to Balanced Trees" as Redis's zsl* functions (t_zset.c) shape it for sorted sets.
 *
 * Invariants (checked by check() in the tests):
 *   - level-0 forward links visit every node once, in strictly increasing (score, member) order; scores
 *     compare numerically (so -0 equals 0) and ties are broken by memcmp order of the member bytes;
 *   - a node of height h appears in the lists of levels 0..h-1; 1 <= h <= MAX_LEVEL;
 *   - level[i].span of a node is the number of level-0 steps its level-i forward link jumps over (the
 *     distance in ranks); a link to nothing spans to one past the last node, so summing the spans along
 *     any search path gives the rank (1-based) of where the search stops;
 *   - backward points to the previous node at level 0 (undefined for the first node); tail is the last.
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
 * The inspection API (snapshot, searchPath*) returns plain data for the visualisation.
 */
import { type Bytes, compareBytes } from '../bytes.ts';

export const SKIPLIST_MAXLEVEL = 32;
export const SKIPLIST_P = 0.25;

export interface SkipLevel {
  forward: SkipNode | undefined;
  span: number;
}

export interface SkipNode {
  ele: Bytes;
  score: number;
  backward: SkipNode | undefined;
  level: SkipLevel[];
}

/** Source of 16-bit random numbers (0..0xFFFF) for node heights. */
export type RandomU16 = () => number;

function makeNode(height: number, score: number, ele: Bytes): SkipNode {
  const level: SkipLevel[] = [];
  for (let i = 0; i < height; i++) level.push({ forward: undefined, span: 0 });
  return { ele, score, backward: undefined, level };
}

/** (score, member) order: negative when a sorts before b. */
export function compareScoreMember(aScore: number, aEle: Bytes, bScore: number, bEle: Bytes): number {
  if (aScore < bScore) return -1;
  if (aScore > bScore) return 1;
  return compareBytes(aEle, bEle);
}

export class SkipList {
  readonly header: SkipNode = makeNode(SKIPLIST_MAXLEVEL, 0, new Uint8Array(0));
  tail: SkipNode | undefined = undefined;
  length = 0;
  /** Height of the tallest node (at least 1). */
  level = 1;

  constructor(private readonly randomU16: RandomU16) {}

  /** zslRandomLevel: 1 + the number of successes of a p = 1/4 trial, at most 32. */
  randomLevel(): number {
    let level = 1;
    while (level < SKIPLIST_MAXLEVEL && this.randomU16() < SKIPLIST_P * 0xffff) level++;
    return level;
  }

  first(): SkipNode | undefined {
    return this.header.level[0]!.forward;
  }

  /**
   * Inserts a member that is not present yet (the caller's dictionary guarantees that).
   * update[i] is the last node at level i before the new one; rank[i] its rank.
   */
  insert(score: number, ele: Bytes): SkipNode {
    const update: SkipNode[] = new Array(SKIPLIST_MAXLEVEL);
    const rank: number[] = new Array(SKIPLIST_MAXLEVEL);
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      for (let f = x.level[i]!.forward; f && compareScoreMember(f.score, f.ele, score, ele) < 0;) {
        rank[i]! += x.level[i]!.span;
        x = f;
        f = x.level[i]!.forward;
      }
      update[i] = x;
    }
    const height = this.randomLevel();
    if (height > this.level) {
      for (let i = this.level; i < height; i++) {
        rank[i] = 0;
        update[i] = this.header;
        update[i]!.level[i]!.span = this.length;
      }
      this.level = height;
    }
    const node = makeNode(height, score, ele);
    for (let i = 0; i < height; i++) {
      const u = update[i]!;
      node.level[i]!.forward = u.level[i]!.forward;
      u.level[i]!.forward = node;
      node.level[i]!.span = u.level[i]!.span - (rank[0]! - rank[i]!);
      u.level[i]!.span = rank[0]! - rank[i]! + 1;
    }
    for (let i = height; i < this.level; i++) update[i]!.level[i]!.span++;
    node.backward = update[0] === this.header ? undefined : update[0];
    if (node.level[0]!.forward) node.level[0]!.forward.backward = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  /** Unlinks x given the update vector of its predecessors (zslDeleteNode). */
  private unlink(x: SkipNode, update: SkipNode[]): void {
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!.level[i]!;
      if (u.forward === x) {
        u.span += x.level[i]!.span - 1;
        u.forward = x.level[i]!.forward;
      } else {
        u.span -= 1;
      }
    }
    const next = x.level[0]!.forward;
    if (next) next.backward = x.backward;
    else this.tail = x.backward;
    while (this.level > 1 && this.header.level[this.level - 1]!.forward === undefined) this.level--;
    this.length--;
  }

  /** The predecessors at every level of the position of (score, ele). */
  private predecessors(score: number, ele: Bytes): SkipNode[] {
    const update: SkipNode[] = new Array(SKIPLIST_MAXLEVEL);
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = x.level[i]!.forward; f && compareScoreMember(f.score, f.ele, score, ele) < 0;) {
        x = f;
        f = x.level[i]!.forward;
      }
      update[i] = x;
    }
    return update;
  }

  /** Removes (score, ele); returns the removed node, or undefined when absent. */
  delete(score: number, ele: Bytes): SkipNode | undefined {
    const update = this.predecessors(score, ele);
    const x = update[0]!.level[0]!.forward;
    if (!x || x.score !== score || compareBytes(x.ele, ele) !== 0) return undefined;
    this.unlink(x, update);
    return x;
  }

  /**
   * zslUpdateScore: moves a present member to a new score. When the node stays between its neighbours
   * it is updated in place (no relinking); otherwise it is removed and inserted again.
   */
  updateScore(curScore: number, ele: Bytes, newScore: number): SkipNode {
    const update = this.predecessors(curScore, ele);
    const x = update[0]!.level[0]!.forward!;
    const prev = x.backward;
    const next = x.level[0]!.forward;
    const afterPrev = !prev || prev.score < newScore;
    const beforeNext = !next || next.score > newScore;
    if (afterPrev && beforeNext) {
      x.score = newScore;
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
      for (let f = x.level[i]!.forward; f && compareScoreMember(f.score, f.ele, score, ele) <= 0;) {
        rank += x.level[i]!.span;
        x = f;
        f = x.level[i]!.forward;
      }
      if (x !== this.header && x.score === score && compareBytes(x.ele, ele) === 0) return rank;
    }
    return 0;
  }

  /** The node at 1-based `rank` (zslGetElementByRank), undefined when out of range. */
  byRank(rank: number): SkipNode | undefined {
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.level[i]!.forward && traversed + x.level[i]!.span <= rank) {
        traversed += x.level[i]!.span;
        x = x.level[i]!.forward!;
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
      for (let f = x.level[i]!.forward; f && pred(f); f = x.level[i]!.forward) {
        rank += x.level[i]!.span;
        x = f;
      }
    }
    return rank;
  }

  /** Removes the nodes of 1-based ranks start..end inclusive, calling onDelete for each. */
  deleteRangeByRank(start: number, end: number, onDelete: (n: SkipNode) => void): number {
    const update: SkipNode[] = new Array(SKIPLIST_MAXLEVEL);
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      while (x.level[i]!.forward && traversed + x.level[i]!.span < start) {
        traversed += x.level[i]!.span;
        x = x.level[i]!.forward!;
      }
      update[i] = x;
    }
    traversed++;
    let cur = x.level[0]!.forward;
    let removed = 0;
    while (cur && traversed <= end) {
      const next = cur.level[0]!.forward;
      this.unlink(cur, update);
      onDelete(cur);
      removed++;
      traversed++;
      cur = next;
    }
    return removed;
  }

  *[Symbol.iterator](): IterableIterator<SkipNode> {
    for (let x = this.first(); x; x = x.level[0]!.forward) yield x;
  }
}
