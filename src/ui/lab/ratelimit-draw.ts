/*
 * Draws the rate-limit picture (geometry from ratelimit-layout.ts) into an SVG with D3. Marks are keyed
 * by request number, so each request keeps its element while the strip scrolls left with the clock.
 * Allowed and rejected requests differ in shape as well as colour (a filled dot, a cross), so the
 * picture reads without colour. A new request fades in. Colours are the theme's CSS variables (classes styled by the Svelte
 * component), never fixed values.
 *
 * Test hooks: `g.rl-mark[data-outcome=allowed|rejected][data-seq][data-at][data-count]`,
 * `line.rl-boundary[data-at]`, `rect.rl-span`, `path.rl-level`, `line.rl-limit`.
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { motionMs } from '../pictures/motion.ts';
import type { LabLayout, Mark } from './ratelimit-layout.ts';

const CROSS = 'M-4,-4L4,4M-4,4L4,-4';

/** `limitLabel` names the dashed line ("limit 5"), `yLabel` the vertical axis ("count", "tokens"). */
export function drawLab(svgEl: SVGSVGElement, l: LabLayout, limitLabel: string, yLabel: string): void {
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${l.width} ${l.height}`)
    .attr('width', l.width)
    .attr('height', l.height);
  layer(svg, 'rl-back');
  const back = svg.select<SVGGElement>('g.rl-back');
  back
    .selectAll('rect.rl-span')
    .data(l.span ? [l.span] : [])
    .join('rect')
    .attr('class', 'rl-span')
    .attr('x', (d) => d.x0)
    .attr('width', (d) => Math.max(0, d.x1 - d.x0))
    .attr('y', 4)
    .attr('height', l.height - 26);
  back
    .selectAll('line.rl-boundary')
    .data(l.boundaries, (d) => (d as { atMs: number }).atMs)
    .join('line')
    .attr('class', 'rl-boundary')
    .attr('data-at', (d) => d.atMs)
    .attr('x1', (d) => d.x)
    .attr('x2', (d) => d.x)
    .attr('y1', 4)
    .attr('y2', l.height - 22);
  drawAxis(svg, l, yLabel);
  drawLimit(svg, l, limitLabel);
  layer(svg, 'rl-level-layer')
    .selectAll('path.rl-level')
    .data(l.level.length > 1 ? [l.level] : [])
    .join('path')
    .attr('class', 'rl-level')
    .attr('d', (pts) => 'M' + pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L'));
  drawMarks(layer(svg, 'rl-marks'), l.marks);
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** A named group, created once, in creation order (later layers paint over earlier ones). */
function layer(svg: Svg, name: string): Selection<SVGGElement, unknown, null, undefined> {
  let g = svg.select<SVGGElement>(`g.${name}`);
  if (g.empty()) g = svg.append('g').attr('class', name);
  return g as unknown as Selection<SVGGElement, unknown, null, undefined>;
}

function drawAxis(svg: Svg, l: LabLayout, yLabel: string): void {
  const g = layer(svg, 'rl-axis');
  g.selectAll('text.rl-ylabel')
    .data([yLabel])
    .join('text')
    .attr('class', 'rl-ylabel')
    .attr('x', l.width - 8)
    .attr('y', 14)
    .attr('text-anchor', 'end')
    .text((d) => d);
  const y = l.height - 22;
  g.selectAll('line.rl-base')
    .data([0])
    .join('line')
    .attr('class', 'rl-base')
    .attr('x1', 30)
    .attr('x2', l.width - 6)
    .attr('y1', y)
    .attr('y2', y);
  g.selectAll('text.rl-tick')
    .data(l.ticks)
    .join('text')
    .attr('class', 'rl-tick')
    .attr('x', (d) => d.x)
    .attr('y', l.height - 6)
    .attr('text-anchor', 'middle')
    .text((d) => (d.label === '0.0s' ? 'now' : d.label));
}

function drawLimit(svg: Svg, l: LabLayout, label: string): void {
  const g = layer(svg, 'rl-limit-layer');
  g.selectAll('line.rl-limit')
    .data([l.limitY])
    .join('line')
    .attr('class', 'rl-limit')
    .attr('x1', 30)
    .attr('x2', l.width - 6)
    .attr('y1', (d) => d)
    .attr('y2', (d) => d);
  g.selectAll('text.rl-limit-label')
    .data([l.limitY])
    .join('text')
    .attr('class', 'rl-limit-label')
    .attr('x', 2)
    .attr('y', (d) => d + 4)
    .text(label);
}

function drawMarks(g: Selection<SVGGElement, unknown, null, undefined>, marks: Mark[]): void {
  const fadeMs = motionMs(250);
  g.selectAll<SVGGElement, Mark>('g.rl-mark')
    .data(marks, (d) => d.seq)
    .join((enter) => {
      const m = enter.append('g').attr('class', 'rl-mark');
      m.append('title');
      // A new request pops in (no motion when the user asks for reduced motion).
      m.attr('opacity', 0).transition().duration(fadeMs).attr('opacity', 1);
      return m;
    })
    .attr('data-seq', (d) => d.seq)
    .attr('data-at', (d) => d.atMs)
    .attr('data-count', (d) => d.count)
    .attr('data-outcome', (d) => (d.allowed ? 'allowed' : 'rejected'))
    .attr('transform', (d) => `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`)
    .each(function (d) {
      const m = select(this);
      const shape = d.allowed ? 'circle' : 'path';
      const old = m.select<SVGElement>('.rl-shape');
      if (old.node()?.nodeName !== shape) {
        old.remove();
        const s = m.insert(shape, 'title').attr('class', 'rl-shape');
        if (d.allowed) s.attr('r', 4);
        else s.attr('d', CROSS);
      }
      m.select('title').text(`#${d.seq}: ${d.allowed ? 'allowed' : 'rejected'}, count ${d.count}`);
    });
}
