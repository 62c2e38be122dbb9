/*
 * The paths Redis's skiplist searches take, as plain data for the pictures: which nodes a lookup stands
 * on, level by level from the top, before it drops a level or stops. Nothing here mutates the list.
 *
 * Node ids are ranks (0 = the header, k = the node of rank k), counted from the spans while walking,
 * so a path costs O(log n) like the search itself (skiplist-inspect.ts numbers the whole list instead,
 * fine for its small test lists, not for a 100,000-member set on every command).
 *
 * Each function follows one t_zset.c search rule exactly, including where it stops early:
 *   memberRankPath     zslGetRank: forward while next <= target; stops on the level where it reaches
 *                      the target (the levels below are never visited).
 *   predecessorPath    zslInsert / zslDelete / zslUpdateScore: forward while next < target on every
 *                      level; the last node of each level is update[i], and for the levels the target
 *                      node has, update[i]'s forward pointer is the one an insert or delete rewrites.
 *   rankPath           zslGetElementByRank: forward while the spans add up to at most the rank; stops
 *                      on the level where the sum equals it.
 *   rangeStartPath     zslFirstInRange / zslFirstInLexRange: forward while the next node is below the
 *                      range; the candidate is the node after the last one stood on.
 *   rangeEndPath       zslLastInRange / zslLastInLexRange: forward while the next node is within max;
 *                      the candidate is the last node stood on.
 * A range search's caller has already checked that the range may hold something (zslIsInRange).
 */
import { type Bytes } from '../bytes.ts';
import { compareScoreMember, type SkipList, type SkipNode } from './skiplist.ts';

export interface PathLevel {
  level: number;
  /** Ranks of the nodes stood on at this level: where the level starts, then every node moved to. */
  ids: number[];
}

export interface SkipPath {
  /** Top level first; ends early when the search returned early. */
  visited: PathLevel[];
  /** Rank of the node the search returns, or null. */
  found: number | null;
  /** Forward links followed in all. */
  links: number;
  /** Height of the node found (its levels). */
  foundLevel: number | null;
  /** predecessorPath only: per level below the found node's height, the rank whose forward link
   * points to (or, before a delete, pointed to) the found node. */
  changed?: { level: number; id: number }[];
}

type GoOn = (next: SkipNode, rankOfNext: number) => boolean;
type StopAt = (x: SkipNode, rank: number) => boolean;

interface WalkEnd {
  visited: PathLevel[];
  links: number;
  x: SkipNode;
  rank: number;
  stopped: boolean;
}

/** The top-down walk shared by every search: forward while goOn(next), then down (or stop). */
function walk(zsl: SkipList, goOn: GoOn, stopAt?: StopAt): WalkEnd {
  const visited: PathLevel[] = [];
  let x = zsl.header;
  let rank = 0;
  let links = 0;
  for (let i = zsl.level - 1; i >= 0; i--) {
    const ids = [rank];
    for (let f = zsl.nextAt(x, i); f && goOn(f, rank + zsl.spanAt(x, i)); f = zsl.nextAt(x, i)) {
      rank += zsl.spanAt(x, i);
      x = f;
      ids.push(rank);
      links++;
    }
    visited.push({ level: i, ids });
    if (stopAt?.(x, rank)) return { visited, links, x, rank, stopped: true };
  }
  return { visited, links, x, rank, stopped: false };
}

function sameMember(n: SkipNode, score: number, ele: Bytes): boolean {
  return compareScoreMember(n.score, n.ele, score, ele) === 0;
}

/** zslGetRank's walk to (score, ele): what ZRANK / ZREVRANK do (and ZCOUNT for its bounds). */
export function memberRankPath(zsl: SkipList, score: number, ele: Bytes): SkipPath {
  const w = walk(
    zsl,
    (f) => compareScoreMember(f.score, f.ele, score, ele) <= 0,
    (x) => x !== zsl.header && sameMember(x, score, ele),
  );
  return {
    visited: w.visited,
    found: w.stopped ? w.rank : null,
    links: w.links,
    foundLevel: w.stopped ? w.x.height : null,
  };
}

/** The update[] search of zslInsert / zslDelete / zslUpdateScore for (score, ele). */
export function predecessorPath(zsl: SkipList, score: number, ele: Bytes): SkipPath {
  const w = walk(zsl, (f) => compareScoreMember(f.score, f.ele, score, ele) < 0);
  const next = zsl.nextAt(w.x, 0);
  if (!next || !sameMember(next, score, ele)) {
    return { visited: w.visited, found: null, links: w.links, foundLevel: null };
  }
  const changed = w.visited
    .filter((v) => v.level < next.height)
    .map((v) => ({ level: v.level, id: v.ids[v.ids.length - 1]! }));
  return { visited: w.visited, found: w.rank + 1, links: w.links, foundLevel: next.height, changed };
}

/** zslGetElementByRank for a 1-based rank. */
export function rankPath(zsl: SkipList, rank: number): SkipPath {
  const w = walk(
    zsl,
    (_f, rankOfNext) => rankOfNext <= rank,
    (_x, r) => r === rank,
  );
  const hit = w.stopped && rank >= 1;
  return {
    visited: w.visited,
    found: hit ? rank : null,
    links: w.links,
    foundLevel: hit ? w.x.height : null,
  };
}

/** zslFirstInRange / zslFirstInLexRange: `belowMin` moves on, `withinMax` checks the candidate. */
export function rangeStartPath(
  zsl: SkipList,
  belowMin: (score: number, ele: Bytes) => boolean,
  withinMax: (score: number, ele: Bytes) => boolean,
): SkipPath {
  const w = walk(zsl, (f) => belowMin(f.score, f.ele));
  const next = zsl.nextAt(w.x, 0);
  const hit = next !== undefined && withinMax(next.score, next.ele);
  return {
    visited: w.visited,
    found: hit ? w.rank + 1 : null,
    links: w.links,
    foundLevel: hit ? next.height : null,
  };
}

/** zslLastInRange / zslLastInLexRange: `withinMax` moves on, `aboveMin` checks the candidate. */
export function rangeEndPath(
  zsl: SkipList,
  withinMax: (score: number, ele: Bytes) => boolean,
  aboveMin: (score: number, ele: Bytes) => boolean,
): SkipPath {
  const w = walk(zsl, (f) => withinMax(f.score, f.ele));
  const hit = w.x !== zsl.header && aboveMin(w.x.score, w.x.ele);
  return {
    visited: w.visited,
    found: hit ? w.rank : null,
    links: w.links,
    foundLevel: hit ? w.x.height : null,
  };
}
