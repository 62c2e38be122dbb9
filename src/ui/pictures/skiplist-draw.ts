/*
 * Draws a skiplist snapshot into an SVG with D3 (geometry from skiplist-layout.ts). Joins are keyed by
 * member, so after a ZADD the existing towers slide right to their new ranks and the new node fades in
 * with its level boxes; links are keyed by (source, level) and glide to their new ends.
 *
 * Test hooks in the markup: each tower is `g.sl-node` with data-rank, data-levels and data-member,
 * holding one `rect.sl-level` per level; each link is `line.sl-link` with data-level and data-span.
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { ZsetSkiplistView } from '../../protocol/inspect.ts';
import { motionMs, retire } from './motion.ts';
import {
  BOX_H,
  BOX_W,
  layoutSkiplist,
  levelY,
  type LinkLine,
  type NodeBox,
  nodeKey,
  type SkiplistLayout,
} from './skiplist-layout.ts';
import { clip, displayBytes, formatScore } from './text.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

export function drawSkiplist(svgEl: SVGSVGElement, view: ZsetSkiplistView): void {
  const layout = layoutSkiplist(view);
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height);
  ensureArrow(svgEl);
  const links = layer(svgEl, 'sl-links');
  const nodes = layer(svgEl, 'sl-nodes');
  const nil = layer(svgEl, 'sl-nil');
  const ms = motionMs();
  drawLinks(links, layout.links, ms);
  drawNodes(nodes, layout, ms);
  drawNil(nil, layout);
  svg.attr('data-length', view.length).attr('data-level', view.level);
}

function layer(svgEl: SVGSVGElement, cls: string): G {
  const svg = select(svgEl);
  const found = svg.select<SVGGElement>(`g.${cls}`);
  return (found.empty() ? svg.append('g').attr('class', cls) : found) as unknown as G;
}

function ensureArrow(svgEl: SVGSVGElement): void {
  const svg = select(svgEl);
  if (!svg.select('defs').empty()) return;
  svg
    .append('defs')
    .append('marker')
    .attr('id', 'sl-arrow')
    .attr('viewBox', '0 0 8 8')
    .attr('refX', 8)
    .attr('refY', 4)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,0 L8,4 L0,8 z')
    .attr('class', 'sl-arrowhead');
}

function drawNodes(layer: G, layout: SkiplistLayout, ms: number): void {
  layer
    .selectAll<SVGGElement, NodeBox>('g.sl-node')
    .data(layout.nodes, (d) => nodeKey(d))
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'sl-node').attr('opacity', 0);
        g.attr('transform', (d) => `translate(${d.x},0)`);
        g.append('text').attr('class', 'sl-member');
        g.append('text').attr('class', 'sl-score');
        g.append('title');
        return g;
      },
      (update) => update,
      (exit) => retire(exit).transition().duration(ms).attr('opacity', 0).remove(),
    )
    .attr('data-rank', (d) => d.id)
    .attr('data-levels', (d) => d.height)
    .attr('data-member', (d) => (d.id === 0 ? '' : d.member))
    .classed('header', (d) => d.id === 0)
    .call((g) => fillTower(g, layout.baseY))
    .transition()
    .duration(ms)
    .attr('opacity', 1)
    .attr('transform', (d) => `translate(${d.x},0)`);
}

function fillTower(g: Selection<SVGGElement, NodeBox, SVGGElement, unknown>, baseY: number): void {
  g.selectAll<SVGRectElement, number>('rect.sl-level')
    .data((d) => Array.from({ length: d.height }, (_, i) => i))
    .join('rect')
    .attr('class', 'sl-level')
    .attr('x', 0)
    .attr('y', (level) => levelY(baseY, level))
    .attr('width', BOX_W)
    .attr('height', BOX_H)
    .attr('rx', 3);
  g.select('text.sl-member')
    .attr('x', BOX_W / 2)
    .attr('y', baseY + 14)
    .text((d) => (d.id === 0 ? 'header' : clip(displayBytes(d.member), 9)));
  g.select('text.sl-score')
    .attr('x', BOX_W / 2)
    .attr('y', baseY + 28)
    .text((d) => (d.id === 0 ? '' : clip(formatScore(d.score), 9)));
  g.select('title').text((d) =>
    d.id === 0
      ? `header (${d.height} levels)`
      : `rank ${d.id}: ${displayBytes(d.member)} score ${formatScore(d.score)}, ${d.height} level(s)`,
  );
}

function drawLinks(layer: G, links: LinkLine[], ms: number): void {
  const groups = layer
    .selectAll<SVGGElement, LinkLine>('g.sl-linkg')
    .data(links, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'sl-linkg').attr('opacity', 0);
        g.append('line').attr('class', 'sl-link').attr('marker-end', 'url(#sl-arrow)');
        g.append('text').attr('class', 'sl-span');
        return g;
      },
      (update) => update,
      (exit) => exit.remove(),
    );
  groups.transition().duration(ms).attr('opacity', 1);
  groups
    .select<SVGLineElement>('line')
    .attr('data-level', (d) => d.level)
    .attr('data-span', (d) => d.span)
    .classed('beyond', (d) => d.beyond)
    .transition()
    .duration(ms)
    .attr('x1', (d) => d.x1)
    .attr('x2', (d) => d.x2 - 2)
    .attr('y1', (d) => d.y)
    .attr('y2', (d) => d.y);
  groups
    .select<SVGTextElement>('text')
    .text((d) => String(d.span))
    .transition()
    .duration(ms)
    .attr('x', (d) => (d.x1 + d.x2) / 2)
    .attr('y', (d) => d.y - 3);
}

function drawNil(layer: G, layout: SkiplistLayout): void {
  const top = levelY(layout.baseY, Math.max(0, ...layout.nodes.map((n) => n.height)) - 1);
  layer
    .selectAll('rect')
    .data([layout.nilX])
    .join('rect')
    .attr('class', 'sl-nilbox')
    .attr('x', (x) => x)
    .attr('y', top)
    .attr('width', BOX_W)
    .attr('height', layout.baseY - top);
  layer
    .selectAll('text')
    .data([layout.nilX])
    .join('text')
    .attr('class', 'sl-member')
    .attr('x', (x) => x + BOX_W / 2)
    .attr('y', layout.baseY + 14)
    .text('NIL');
}
