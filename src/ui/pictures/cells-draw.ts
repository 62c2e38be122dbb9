/*
 * Draws a CellsView with D3: per group a caption ("node 0: 128 entries, 1,024 bytes", "intset: ...")
 * and its cells as boxes holding the text (user bytes as text, never HTML). Groups are joined by index
 * and cells by position, so a push at the tail grows the last row in place. Test hooks:
 * `g.cg-group[data-index][data-size][data-cells]` and `g.cg-cell[data-role]` with the cell's text.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import type { CellsView } from '../../protocol/inspect.ts';
import { CAPTION_H, CELL_H, layoutCells, type PlacedGroup } from './cells-layout.ts';
import { motionMs } from './motion.ts';
import { clip, displayBytes } from './text.ts';

export function drawCells(svgEl: SVGSVGElement, view: CellsView, availablePx: number): void {
  const layout = layoutCells(view, Math.max(availablePx, 240));
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height);
  const ms = motionMs();
  const groups = svg
    .selectAll<SVGGElement, PlacedGroup>('g.cg-group')
    .data(layout.groups)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'cg-group');
      g.append('text').attr('class', 'cg-caption');
      return g;
    })
    .attr('data-index', (_d, i) => i)
    .attr('data-size', (d) => d.group.size)
    .attr('data-cells', (d) => d.group.cells.length);
  groups
    .select('text.cg-caption')
    .attr('x', (d) => d.cells[0]?.x ?? 8)
    .attr('y', (d) => d.y + CAPTION_H - 5)
    .text((d) => d.group.label);
  groups.each(function (d) {
    const cells = select(this)
      .selectAll<SVGGElement, number>('g.cg-cell')
      .data(d.cells.map((_c, i) => i))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cg-cell').attr('opacity', 0);
        g.append('rect').attr('height', CELL_H).attr('rx', 3);
        g.append('text').attr('y', 15);
        g.append('title');
        return g;
      });
    cells.attr('data-role', (i) => d.group.cells[i]!.role);
    cells.select('rect').attr('width', (i) => d.cells[i]!.w - 2);
    cells
      .select('text')
      .attr('x', (i) => (d.cells[i]!.w - 2) / 2)
      .text((i) => clip(displayBytes(d.group.cells[i]!.text), d.cells[i]!.w > 30 ? 8 : 2));
    cells.select('title').text((i) => displayBytes(d.group.cells[i]!.text));
    cells
      .transition()
      .duration(ms)
      .attr('opacity', 1)
      .attr('transform', (i) => `translate(${d.cells[i]!.x},${d.cells[i]!.y})`);
  });
}
