/*
 * Plain-data views of a skiplist for the pictures (DESIGN.md "Pictures read snapshots") and for the
 * invariant checks of the tests. Nothing here mutates the list.
 *
 * Node ids are positions: 0 is the header, k >= 1 the node of rank k. A search path lists, level by
 * level from the top, the ids of the nodes the search stands on at that level (where it starts, every
 * node it moves to), which is what an animation of the lookup highlights.
 */
import { bin, type Bytes, compareBytes } from '../bytes.ts';
import { compareScoreMember, type SkipList, type SkipNode } from './skiplist.ts';

export interface SkipLinkView {
  /** Id of the node this link points to, or null for the end. */
  to: number | null;
  span: number;
}

export interface SkipNodeView {
  id: number;
  /** Member as a binary string (one char per byte); '' for the header. */
  member: string;
  score: number;
  levels: SkipLinkView[];
}

export interface SkipListView {
  length: number;
  level: number;
  nodes: SkipNodeView[];
}

export interface SearchPath {
  /** visited[i] = ids stood on at level (level-1-i), top level first. */
  visited: { level: number; ids: number[] }[];
  /** Id of the node found, or null. */
  found: number | null;
}

function idsOf(zsl: SkipList): Map<SkipNode, number> {
  const ids = new Map<SkipNode, number>([[zsl.header, 0]]);
  let k = 1;
  for (const n of zsl) ids.set(n, k++);
  return ids;
}

/** The whole list: every node with its levels (the header's levels limited to the list's height). */
export function snapshot(zsl: SkipList): SkipListView {
  const ids = idsOf(zsl);
  const nodes: SkipNodeView[] = [];
  for (const [n, id] of ids) {
    const height = id === 0 ? zsl.level : n.height;
    const levels: SkipLinkView[] = [];
    for (let i = 0; i < height; i++) {
      const to = zsl.nextAt(n, i);
      levels.push({ to: to ? ids.get(to)! : null, span: zsl.spanAt(n, i) });
    }
    nodes.push({ id, member: id === 0 ? '' : bin(n.ele), score: id === 0 ? 0 : n.score, levels });
  }
  return { length: zsl.length, level: zsl.level, nodes };
}

/** Generic top-down walk that moves forward while `goOn(next, traversedBeforeNext)` holds. */
function walk(
  zsl: SkipList,
  goOn: (next: SkipNode, spanEnd: number) => boolean,
): SearchPath & { x: SkipNode } {
  const ids = idsOf(zsl);
  const visited: SearchPath['visited'] = [];
  let x = zsl.header;
  let traversed = 0;
  for (let i = zsl.level - 1; i >= 0; i--) {
    const stood = [ids.get(x)!];
    for (let f = zsl.nextAt(x, i); f && goOn(f, traversed + zsl.spanAt(x, i)); f = zsl.nextAt(x, i)) {
      traversed += zsl.spanAt(x, i);
      x = f;
      stood.push(ids.get(x)!);
    }
    visited.push({ level: i, ids: stood });
  }
  return { visited, found: null, x };
}

/** The path of a lookup of (score, member), as ZSCORE-then-ZRANK would walk it. */
export function searchPathByMember(zsl: SkipList, score: number, ele: Bytes): SearchPath {
  const r = walk(zsl, (f) => compareScoreMember(f.score, f.ele, score, ele) <= 0);
  const hit = r.x !== zsl.header && r.x.score === score && compareBytes(r.x.ele, ele) === 0;
  return { visited: r.visited, found: hit ? idsOf(zsl).get(r.x)! : null };
}

/** The path to the first node with a score >= min (ZRANGEBYSCORE's starting point). */
export function searchPathByScore(zsl: SkipList, min: number): SearchPath {
  const r = walk(zsl, (f) => f.score < min);
  const next = zsl.after(r.x);
  return { visited: r.visited, found: next ? idsOf(zsl).get(next)! : null };
}

/** The path to the node of 1-based `rank` (ZRANGE's starting point). */
export function searchPathByRank(zsl: SkipList, rank: number): SearchPath {
  const r = walk(zsl, (_f, spanEnd) => spanEnd <= rank);
  const found = rank >= 1 && rank <= zsl.length ? rank : null;
  return { visited: r.visited, found };
}

/**
 * Checks every invariant of skiplist.ts; returns a description of the first violation, or null.
 * Used by the unit tests after random operations.
 */
export function checkInvariants(zsl: SkipList): string | null {
  const nodes = [...zsl];
  if (nodes.length !== zsl.length) return `length ${zsl.length} but ${nodes.length} nodes`;
  const rankOf = new Map<SkipNode, number>([[zsl.header, 0]]);
  nodes.forEach((n, k) => rankOf.set(n, k + 1));
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.backward !== (k === 0 ? undefined : nodes[k - 1])) return `bad backward at rank ${k + 1}`;
    if (n.forward !== zsl.nextAt(n, 0)) return `bad forward at rank ${k + 1}`;
    if (k > 0 && compareScoreMember(nodes[k - 1]!.score, nodes[k - 1]!.ele, n.score, n.ele) >= 0) {
      return `order broken at rank ${k + 1}`;
    }
    if (n.height < 1 || n.height > 32) return `bad height at rank ${k + 1}`;
  }
  if (zsl.tail !== nodes[nodes.length - 1]) return 'bad tail';
  for (const [n, r] of rankOf) {
    const height = n === zsl.header ? zsl.level : n.height;
    for (let i = 0; i < height; i++) {
      const f = zsl.nextAt(n, i);
      const target = f ? rankOf.get(f)! : zsl.length + 1;
      if (f && f.height <= i) return `level ${i} link into a shorter node`;
      if (f && zsl.spanAt(n, i) !== target - r) return `bad span at rank ${r} level ${i}`;
      if (!Object.is(zsl.nextScoreAt(n, i), f ? f.score : NaN))
        return `stale next score at rank ${r} level ${i}`;
      // Expected next node at this level: the first later node tall enough.
      const expect = nodes.slice(r).find((m) => m.height > i);
      if (f !== expect) return `level ${i} skips a node after rank ${r}`;
    }
  }
  return null;
}
