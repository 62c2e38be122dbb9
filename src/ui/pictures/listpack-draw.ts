/*
 * Draws a small sorted set in listpack encoding with D3: one row of cells, member then score for each
 * entry in order (as the listpack stores them), between the header and end-byte cells. Joined by
 * member, so an insertion slides later cells right. Test hook: `g.lp-entry[data-member][data-index]`.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import type { ZsetListpackView } from '../../protocol/inspect.ts';
import { motionMs, retire } from './motion.ts';
import { clip, displayBytes, formatScore } from './text.ts';

const CELL_W = 60;
const CELL_H = 26;
const HEAD_W = 50;
const PAD = 12;

export function drawListpack(svgEl: SVGSVGElement, view: ZsetListpackView): void {
  const n = view.entries.length;
  const width = PAD * 2 + HEAD_W * 2 + n * CELL_W * 2;
  const height = PAD * 2 + CELL_H + 22;
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height);
  const ms = motionMs();
  svg
    .selectAll<SVGGElement, string>('g.lp-edge')
    .data(['header', 'end'])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'lp-edge');
      g.append('rect')
        .attr('width', HEAD_W - 4)
        .attr('height', CELL_H)
        .attr('rx', 3);
      g.append('text')
        .attr('x', (HEAD_W - 4) / 2)
        .attr('y', 17);
      return g;
    })
    .attr('transform', (d) => `translate(${d === 'header' ? PAD : PAD + HEAD_W + n * CELL_W * 2},${PAD})`)
    .select('text')
    .text((d) => (d === 'header' ? 'hdr' : 'end'));
  const entries = svg
    .selectAll<SVGGElement, ZsetListpackView['entries'][number]>('g.lp-entry')
    .data(view.entries, (d) => d.member)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'lp-entry').attr('opacity', 0);
        for (const [i, cls] of [
          [0, 'lp-member'],
          [1, 'lp-score'],
        ] as const) {
          g.append('rect')
            .attr('class', cls)
            .attr('x', i * CELL_W)
            .attr('width', CELL_W - 4)
            .attr('height', CELL_H)
            .attr('rx', 3);
          g.append('text')
            .attr('class', cls)
            .attr('x', i * CELL_W + (CELL_W - 4) / 2)
            .attr('y', 17);
        }
        g.append('title');
        return g;
      },
      (update) => update,
      (exit) => retire(exit).transition().duration(ms).attr('opacity', 0).remove(),
    )
    .attr('data-member', (d) => d.member)
    .attr('data-index', (_d, i) => i);
  entries.select('text.lp-member').text((d) => clip(displayBytes(d.member), 8));
  entries.select('text.lp-score').text((d) => clip(formatScore(d.score), 8));
  entries.select('title').text((d) => `${displayBytes(d.member)} score ${formatScore(d.score)}`);
  entries
    .transition()
    .duration(ms)
    .attr('opacity', 1)
    .attr('transform', (_d, i) => `translate(${PAD + HEAD_W + i * CELL_W * 2},${PAD})`);
  svg
    .selectAll<SVGTextElement, string>('text.lp-caption')
    .data([`listpack: ${view.length} entries (member, score pairs)`])
    .join('text')
    .attr('class', 'lp-caption')
    .attr('x', PAD)
    .attr('y', PAD + CELL_H + 18)
    .text((d) => d);
}
