/*
 * Geometry of a command's search path over the skiplist picture (pure; skiplist-path-draw.ts places
 * it). From the worker's KeyAccess: every search is a list of levels, top first, each the ranks the
 * search stood on. A hop is one forward link followed (from rank a to rank b on level L: drawn over
 * the link line of a at L); a drop is the step down from level L to L-1 at the node where the search
 * stood (drawn as a short vertical stroke on that node's tower). Hops and drops are numbered in the
 * order the search makes them, so the animation replays the lookup top down.
 *
 * Window: the picture holds ranks 0..lastRank. A hop whose end lies past it is drawn up to the window's
 * right edge and counted in `beyond`; steps that start past it are not drawn (the caption says so).
 */
import type { KeyAccess } from '../../protocol/inspect.ts';
import { BOX_H, BOX_W, columnX, levelY, type SkiplistLayout } from './skiplist-layout.ts';

export interface PathHop {
  /** Position in the replay (hops and drops of all searches share one count). */
  order: number;
  search: number;
  level: number;
  from: number;
  to: number;
  x1: number;
  x2: number;
  y: number;
  /** The target lies past the drawn window. */
  beyond: boolean;
}

export interface PathDrop {
  order: number;
  search: number;
  at: number;
  x: number;
  y1: number;
  y2: number;
}

export interface PathMarks {
  hops: PathHop[];
  drops: PathDrop[];
  /** Ranks stood on, and ranks found (both only those drawn). */
  stood: number[];
  found: number[];
  /** ZADD / ZINCRBY new nodes: rank and level count. */
  inserted: { id: number; level: number }[];
  /** Links whose forward pointer an insert rewrote: (rank, level). */
  changed: { id: number; level: number }[];
  /** Steps of the path that lie past the window (not drawn). */
  hiddenSteps: number;
  steps: number;
}

export function pathMarks(layout: SkiplistLayout, access: KeyAccess): PathMarks {
  const lastRank = layout.nodes.length - 1;
  const edgeX = columnX(lastRank + 1) - 6;
  const marks: PathMarks = {
    hops: [],
    drops: [],
    stood: [],
    found: [],
    inserted: [],
    changed: [],
    hiddenSteps: 0,
    steps: 0,
  };
  const stood = new Set<number>();
  let order = 0;
  access.searches.forEach((s, search) => {
    s.visited.forEach((lv, k) => {
      for (let j = 1; j < lv.ids.length; j++) {
        const [from, to] = [lv.ids[j - 1]!, lv.ids[j]!];
        order++;
        if (from > lastRank) {
          marks.hiddenSteps++;
          continue;
        }
        const y = levelY(layout.baseY, lv.level) + BOX_H / 2;
        const beyond = to > lastRank;
        const x2 = beyond ? edgeX : columnX(to);
        marks.hops.push({
          order,
          search,
          level: lv.level,
          from,
          to,
          x1: columnX(from) + BOX_W,
          x2,
          y,
          beyond,
        });
        if (beyond) marks.hiddenSteps++;
      }
      for (const id of lv.ids) if (id <= lastRank) stood.add(id);
      const at = lv.ids[lv.ids.length - 1]!;
      if (k + 1 < s.visited.length) order++;
      if (k + 1 < s.visited.length && at <= lastRank) {
        const x = columnX(at) + BOX_W / 2;
        const y1 = levelY(layout.baseY, lv.level) + BOX_H / 2;
        marks.drops.push({ order, search, at, x, y1, y2: levelY(layout.baseY, lv.level - 1) + BOX_H / 2 });
      }
    });
    if (s.found !== null && s.found <= lastRank && !s.removed) {
      marks.found.push(s.found);
      const fresh = s.inserted === true || s.moved === true;
      if (fresh && s.foundLevel !== null) marks.inserted.push({ id: s.found, level: s.foundLevel });
      if (fresh) for (const c of s.changed ?? []) if (c.id <= lastRank) marks.changed.push(c);
    }
  });
  marks.stood = [...stood].sort((a, b) => a - b);
  marks.steps = order;
  return marks;
}
