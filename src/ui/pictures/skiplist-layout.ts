/*
 * Geometry of the skiplist picture, as pure functions of the snapshot (unit-tested; the D3 code only
 * places what this returns).
 *
 * Columns are ranks: the header at column 0, the node of rank r at column r, and one more column for
 * NIL (the end of every level). A node is a tower of `levels.length` boxes, level 0 at the bottom; the
 * level-i link of a node runs right at the height of box i to the node it points to. A link whose
 * target lies past the window (the snapshot holds only the first nodes) ends at the window's right edge
 * and is marked `beyond`, labelled with its span as every link is.
 */
import type { SkipNodeSnap, ZsetSkiplistView } from '../../protocol/inspect.ts';

export const COL_W = 74;
export const BOX_W = 46;
export const BOX_H = 18;
export const LEVEL_GAP = 6;
export const PAD = 12;
/** Room under the towers for member and score labels. */
export const LABEL_H = 34;

export interface NodeBox {
  /** Rank; 0 = header. */
  id: number;
  member: string;
  score: number;
  x: number;
  height: number;
}

export interface LinkLine {
  /** Stable key for D3 joins: source member (or header) and level. */
  key: string;
  from: number;
  level: number;
  to: number | null;
  span: number;
  x1: number;
  x2: number;
  y: number;
  beyond: boolean;
}

export interface SkiplistLayout {
  width: number;
  height: number;
  /** y of the bottom of the towers (labels go below). */
  baseY: number;
  nilX: number;
  nodes: NodeBox[];
  links: LinkLine[];
}

export function levelY(baseY: number, level: number): number {
  return baseY - (level + 1) * (BOX_H + LEVEL_GAP) + LEVEL_GAP;
}

export function columnX(col: number): number {
  return PAD + col * COL_W;
}

/** Key of a node for joins: the header, else its member (a member is unique in a zset). */
export function nodeKey(n: Pick<SkipNodeSnap, 'id' | 'member'>): string {
  return n.id === 0 ? '\u0000header' : `m:${n.member}`;
}

export function layoutSkiplist(view: ZsetSkiplistView): SkiplistLayout {
  const maxLevel = Math.max(1, ...view.nodes.map((n) => n.levels.length));
  const baseY = PAD + maxLevel * (BOX_H + LEVEL_GAP);
  const lastRank = view.nodes.length - 1;
  const truncated = lastRank < view.length;
  const nilCol = truncated ? lastRank + 2 : lastRank + 1;
  const nilX = columnX(nilCol);
  const windowEdgeX = columnX(lastRank + 1) - 6;
  const nodes: NodeBox[] = view.nodes.map((n) => ({
    id: n.id,
    member: n.member,
    score: n.score,
    x: columnX(n.id),
    height: n.levels.length,
  }));
  const links: LinkLine[] = [];
  for (const n of view.nodes) {
    n.levels.forEach((l, level) => {
      const beyond = l.to !== null && l.to > lastRank;
      const x2 = l.to === null ? nilX : beyond ? windowEdgeX : columnX(l.to);
      links.push({
        key: `${nodeKey(n)}@${level}`,
        from: n.id,
        level,
        to: l.to,
        span: l.span,
        x1: columnX(n.id) + BOX_W,
        x2,
        y: levelY(baseY, level) + BOX_H / 2,
        beyond,
      });
    });
  }
  return { width: nilX + BOX_W + PAD, height: baseY + LABEL_H + PAD, baseY, nilX, nodes, links };
}
