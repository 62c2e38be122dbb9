/*
 * Draws a stream snapshot with its consumer groups into an SVG with D3 (geometry from
 * stream-layout.ts). Entries are keyed by ID, so new entries slide in from the right and trimmed ones
 * fade out; pending chips are keyed per consumer row by group and ID, so an XACK fades a chip out and
 * an XCLAIM fades it out of one consumer's row and in on the other's.
 *
 * Test hooks in the markup: `g.st-entry[data-id]`; per group `g.st-group[data-group]` with
 * `line.st-marker[data-id]` (last-delivered ID); per consumer `g.st-consumer[data-consumer]` holding
 * `g.st-pending[data-id][data-deliveries]`.
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { StreamSnapView } from '../../protocol/inspect.ts';
import { motionMs, retire } from './motion.ts';
import {
  type ChipBox,
  type ConsumerRow,
  CONSUMER_H,
  ENTRY_H,
  formatIdle,
  type GroupLane,
  layoutStream,
  SLOT_W,
  TOP,
} from './stream-layout.ts';
import { clip, displayBytes } from './text.ts';

type Sel<E extends Element, D> = Selection<E, D, null | SVGGElement | SVGSVGElement, unknown>;

export function drawStream(svgEl: SVGSVGElement, view: StreamSnapView): void {
  const layout = layoutStream(view);
  const svg = select(svgEl)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height);
  const ms = motionMs();
  const entries = svg
    .selectAll<SVGGElement, (typeof layout.entries)[number]>('g.st-entry')
    .data(layout.entries, (d) => d.id)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'st-entry').attr('opacity', 0);
        g.attr('transform', (d) => `translate(${d.x + SLOT_W},${TOP})`);
        g.append('rect')
          .attr('width', SLOT_W - 6)
          .attr('height', ENTRY_H)
          .attr('rx', 4);
        g.append('text').attr('class', 'st-id').attr('x', 4).attr('y', 13);
        g.append('text').attr('class', 'st-field').attr('x', 4).attr('y', 25);
        g.append('title');
        return g;
      },
      (update) => update,
      (exit) => retire(exit).transition().duration(ms).attr('opacity', 0).remove(),
    )
    .attr('data-id', (d) => d.id);
  entries.select('text.st-id').text((d) => clip(d.id, 10));
  entries.select('text.st-field').text((d) => clip(fieldsText(d.fields), 10));
  entries.select('title').text((d) => `${d.id}\n${fieldsText(d.fields)}`);
  entries
    .transition()
    .duration(ms)
    .attr('opacity', 1)
    .attr('transform', (d) => `translate(${d.x},${TOP})`);
  svg
    .selectAll<SVGTextElement, string>('text.st-caption')
    .data([`${view.length} entries, last ID ${view.lastId}`])
    .join('text')
    .attr('class', 'st-caption')
    .attr('x', 4)
    .attr('y', 16)
    .text((d) => d);
  drawGroups(svg as unknown as Sel<SVGSVGElement, unknown>, layout.groups, layout.width, ms);
}

function fieldsText(fields: [string, string][]): string {
  return fields.map(([f, v]) => `${displayBytes(f)}=${displayBytes(v)}`).join(' ');
}

function drawGroups(svg: Sel<SVGSVGElement, unknown>, lanes: GroupLane[], width: number, ms: number): void {
  const groups = svg
    .selectAll<SVGGElement, GroupLane>('g.st-group')
    .data(lanes, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'st-group');
      g.append('line').attr('class', 'st-lane');
      g.append('text').attr('class', 'st-gname').attr('x', 4);
      g.append('line').attr('class', 'st-marker');
      g.append('text').attr('class', 'st-marker-label');
      return g;
    })
    .attr('data-group', (d) => d.name);
  groups
    .select('line.st-lane')
    .attr('x1', 0)
    .attr('x2', width)
    .attr('y1', (d) => d.y - 4)
    .attr('y2', (d) => d.y - 4);
  groups
    .select('text.st-gname')
    .attr('y', (d) => d.y + 14)
    .text((d) => clip(`group ${displayBytes(d.name)} · ${d.pendingCount} pending · lag ${d.lag ?? '?'}`, 60));
  const bottom = (d: GroupLane): number => d.y + 20 + d.consumers.length * CONSUMER_H;
  groups
    .select('line.st-marker')
    .attr('data-id', (d) => d.lastDeliveredId)
    .transition()
    .duration(ms)
    .attr('x1', (d) => d.markerX)
    .attr('x2', (d) => d.markerX)
    .attr('y1', TOP - 4)
    .attr('y2', bottom);
  groups
    .select('text.st-marker-label')
    .text((d) => `last ${d.lastDeliveredId}`)
    .transition()
    .duration(ms)
    .attr('x', (d) => d.markerX + 3)
    .attr('y', (d) => bottom(d) - 2);
  groups.each(function (lane) {
    drawConsumers(select(this), lane.consumers, ms);
  });
}

function drawConsumers(group: Sel<SVGGElement, GroupLane>, rows: ConsumerRow[], ms: number): void {
  const consumers = group
    .selectAll<SVGGElement, ConsumerRow>('g.st-consumer')
    .data(rows, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'st-consumer');
      g.append('text').attr('class', 'st-cname').attr('x', 12);
      return g;
    })
    .attr('data-consumer', (d) => d.name);
  consumers
    .select('text.st-cname')
    .attr('y', (d) => d.y + 26)
    .text((d) =>
      clip(`${displayBytes(d.name)} (${d.pendingCount}${d.hidden > 0 ? `, ${d.hidden} not shown` : ''})`, 16),
    );
  consumers.each(function (row) {
    drawChips(select(this), row.chips, ms);
  });
}

function drawChips(consumer: Sel<SVGGElement, ConsumerRow>, chips: ChipBox[], ms: number): void {
  const g = consumer
    .selectAll<SVGGElement, ChipBox>('g.st-pending')
    .data(chips, (d) => d.key)
    .join(
      (enter) => {
        const c = enter.append('g').attr('class', 'st-pending').attr('opacity', 0);
        c.attr('transform', (d) => `translate(${d.x},${d.y + 12})`);
        c.append('rect')
          .attr('width', SLOT_W - 6)
          .attr('height', 20)
          .attr('rx', 10);
        c.append('text')
          .attr('x', (SLOT_W - 6) / 2)
          .attr('y', 14);
        c.append('title');
        return c;
      },
      (update) => update,
      (exit) => retire(exit).transition().duration(ms).attr('opacity', 0).remove(),
    )
    .attr('data-id', (d) => d.id)
    .attr('data-deliveries', (d) => d.deliveryCount);
  g.select('text').text((d) => `×${d.deliveryCount} ${formatIdle(d.idleMs)}`);
  g.select('title').text(
    (d) => `${d.id}: delivered ${d.deliveryCount} time(s), idle ${formatIdle(d.idleMs)}`,
  );
  g.transition()
    .duration(ms)
    .attr('opacity', 1)
    .attr('transform', (d) => `translate(${d.x},${d.y + 12})`);
}
