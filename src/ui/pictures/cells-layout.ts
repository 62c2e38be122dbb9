/*
 * Layout of a CellsView (lists by quicklist node, sets, hashes, strings): each group is a caption line
 * and its cells wrapped in rows of at most `perRow`; groups stack top to bottom. Bits are narrow cells,
 * everything else a fixed-width box; a hash's field and value cells pair up, so perRow is kept even.
 */
import type { CellGroup, CellsView } from '../../protocol/inspect.ts';

export const CELL_H = 22;
export const CAPTION_H = 18;
export const GROUP_GAP = 10;
export const PAD = 8;

export interface PlacedCell {
  x: number;
  y: number;
  w: number;
}

export interface PlacedGroup {
  group: CellGroup;
  y: number;
  cells: PlacedCell[];
}

export interface CellsLayout {
  width: number;
  height: number;
  groups: PlacedGroup[];
}

export function cellWidth(group: CellGroup): number {
  return group.cells[0]?.role === 'bit' ? 16 : group.cells[0]?.role === 'byte' ? 26 : 64;
}

export function layoutCells(view: CellsView, availablePx: number): CellsLayout {
  let y = PAD;
  let width = 0;
  const groups: PlacedGroup[] = [];
  for (const group of view.groups) {
    const w = cellWidth(group);
    let perRow = Math.max(1, Math.floor((availablePx - PAD * 2) / (w + 2)));
    if (perRow > 1 && perRow % 2 === 1) perRow--;
    const top = y + CAPTION_H;
    const cells = group.cells.map((_, i) => ({
      x: PAD + (i % perRow) * (w + 2),
      y: top + Math.floor(i / perRow) * (CELL_H + 2),
      w,
    }));
    const rows = Math.ceil(group.cells.length / perRow);
    width = Math.max(width, PAD * 2 + Math.min(group.cells.length, perRow) * (w + 2));
    groups.push({ group, y, cells });
    y = top + rows * (CELL_H + 2) + GROUP_GAP;
  }
  return { width: Math.max(width, 200), height: y + PAD, groups };
}
