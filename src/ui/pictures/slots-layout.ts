/*
 * Layout of the hash-slot grid: the 16,384 cluster slots as a 128 x 128 square, slot s at column
 * s % 128 and row floor(s / 128), so consecutive slots run left to right and a slot range (what a
 * cluster node owns) is a band of whole rows. Pure functions, shared by the canvas drawing and the
 * pointer / keyboard handling so a hovered pixel and a drawn cell always agree.
 *
 * Shades: a non-empty slot's fill strength grows with log2 of its key count, in SHADES steps, so one
 * hot slot does not wash the others out.
 */
import type { SlotCell } from '../../protocol/inspect.ts';

export const SLOT_COUNT = 16384;
export const GRID_COLS = 128;
export const GRID_ROWS = SLOT_COUNT / GRID_COLS;
export const SHADES = 6;

export interface GridGeometry {
  /** Side of one cell in CSS pixels (the gap between cells included). */
  cellPx: number;
  /** Side of the whole grid. */
  sidePx: number;
}

/** Cells as big as fit in `availablePx` (at least 2 px, at most 8 px). */
export function gridGeometry(availablePx: number): GridGeometry {
  const cellPx = Math.max(2, Math.min(8, Math.floor(availablePx / GRID_COLS)));
  return { cellPx, sidePx: cellPx * GRID_COLS };
}

export function slotPosition(slot: number): { col: number; row: number } {
  return { col: slot % GRID_COLS, row: Math.floor(slot / GRID_COLS) };
}

/** The slot under a point of the grid (CSS pixels from its top-left corner), or null outside it. */
export function slotAt(x: number, y: number, g: GridGeometry): number | null {
  if (x < 0 || y < 0 || x >= g.sidePx || y >= g.sidePx) return null;
  return Math.floor(y / g.cellPx) * GRID_COLS + Math.floor(x / g.cellPx);
}

/** Arrow-key moves on the grid, clamped to its edges. */
export function moveSlot(slot: number, key: string): number {
  const { col, row } = slotPosition(slot);
  if (key === 'ArrowLeft') return col > 0 ? slot - 1 : slot;
  if (key === 'ArrowRight') return col < GRID_COLS - 1 ? slot + 1 : slot;
  if (key === 'ArrowUp') return row > 0 ? slot - GRID_COLS : slot;
  if (key === 'ArrowDown') return row < GRID_ROWS - 1 ? slot + GRID_COLS : slot;
  if (key === 'Home') return 0;
  if (key === 'End') return SLOT_COUNT - 1;
  return slot;
}

/** Shade 1..SHADES of a slot holding `count` keys (0 for an empty slot). */
export function shadeOf(count: number): number {
  if (count <= 0) return 0;
  return Math.min(SHADES, 1 + Math.floor(Math.log2(count)));
}

/** Cells by slot number, for lookups while hovering. */
export function indexCells(cells: readonly SlotCell[]): Map<number, SlotCell> {
  return new Map(cells.map((c) => [c.slot, c]));
}

/** Contiguous runs of non-empty slots, as "0-5, 9, 12182" (how CLUSTER NODES writes slot ranges). */
export function slotRanges(cells: readonly SlotCell[]): string {
  const parts: string[] = [];
  let start = -1;
  let prev = -2;
  const flush = (): void => {
    if (start >= 0) parts.push(start === prev ? `${start}` : `${start}-${prev}`);
  };
  for (const c of cells) {
    if (c.slot !== prev + 1) {
      flush();
      start = c.slot;
    }
    prev = c.slot;
  }
  flush();
  return parts.join(', ');
}
