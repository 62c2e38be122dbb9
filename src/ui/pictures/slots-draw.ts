/*
 * Paints the hash-slot grid on a canvas: 16,384 cells are too many SVG elements to stay fast, while a
 * canvas repaint is one pass over the non-empty slots. Colours come from the theme's CSS variables
 * (read from the canvas element, so light and dark themes both work): empty slots in the border colour,
 * used slots in the badge colour mixed towards the accent by their shade, the selected slot outlined.
 *
 * `ownerColour` is the hook for cluster simulation: when given, a slot's base colour is its owning
 * node's instead of the single-node colour.
 */
import type { SlotCell } from '../../protocol/inspect.ts';
import { GRID_COLS, SHADES, shadeOf, slotPosition, type GridGeometry } from './slots-layout.ts';

export interface SlotPaint {
  cells: readonly SlotCell[];
  geometry: GridGeometry;
  selected: number | null;
  ownerColour?: (slot: number) => string | null;
}

export function drawSlotGrid(canvas: HTMLCanvasElement, p: SlotPaint): void {
  const ratio = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  const side = p.geometry.sidePx;
  canvas.width = Math.round(side * ratio);
  canvas.height = Math.round(side * ratio);
  canvas.style.width = `${side}px`;
  canvas.style.height = `${side}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const css = getComputedStyle(canvas);
  const colour = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const cellPx = p.geometry.cellPx;
  const inner = cellPx > 2 ? cellPx - 1 : cellPx;
  ctx.fillStyle = colour('--border', '#ccc');
  ctx.fillRect(0, 0, side, side);
  if (cellPx > 2) paintGaps(ctx, side, cellPx, colour('--bg', '#fff'));
  const used = colour('--badge-fg', '#2a4480');
  for (const c of p.cells) {
    const { col, row } = slotPosition(c.slot);
    ctx.globalAlpha = 0.35 + (0.65 * shadeOf(c.count)) / SHADES;
    ctx.fillStyle = p.ownerColour?.(c.slot) ?? used;
    ctx.fillRect(col * cellPx, row * cellPx, inner, inner);
  }
  ctx.globalAlpha = 1;
  if (p.selected !== null) {
    const { col, row } = slotPosition(p.selected);
    ctx.strokeStyle = colour('--accent', '#d82c20');
    ctx.lineWidth = 2;
    ctx.strokeRect(col * cellPx - 1.5, row * cellPx - 1.5, inner + 3, inner + 3);
  }
}

/** Thin background lines between cells so neighbouring slots read as separate. */
function paintGaps(ctx: CanvasRenderingContext2D, side: number, cellPx: number, bg: string): void {
  ctx.fillStyle = bg;
  for (let i = 1; i <= GRID_COLS; i++) {
    ctx.fillRect(i * cellPx - 1, 0, 1, side);
    ctx.fillRect(0, i * cellPx - 1, side, 1);
  }
}
