/*
 * Draws a command's search path over the skiplist picture (geometry: skiplist-path.ts): the links it
 * followed as thick accent strokes, the drops from level to level, the nodes it stood on and the node
 * it found, and after ZADD the new tower with "level L of 32" above it. A new access replays the
 * search hop by hop (d3-transition, no motion when the user prefers reduced motion); a redraw of the
 * same access (another key changed) shows the path at once, so only a new command animates.
 *
 * Test hooks: `line.sl-hop[data-search][data-level][data-from][data-to]`, `line.sl-drop[data-at]`,
 * classes sl-stood / sl-found / sl-new on `g.sl-node`, sl-changed on `line.sl-link`, and
 * `text.sl-newlevel` (the level label of a new tower).
 */
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { KeyAccess, ZsetSkiplistView } from '../../protocol/inspect.ts';
import { motionMs } from './motion.ts';
import { MAX_LEVEL } from './access-caption.ts';
import { BOX_W, columnX, layoutSkiplist, levelY, type LinkLine, type NodeBox } from './skiplist-layout.ts';
import { pathMarks, type PathDrop, type PathHop } from './skiplist-path.ts';

/** Whole replay at most this long; each step at most STEP_MS. */
const REPLAY_MS = 1500;
const STEP_MS = 160;

type G = Selection<SVGGElement, unknown, null, undefined>;

function overlay(svgEl: SVGSVGElement): G {
  const svg = select(svgEl);
  svg.select('g.sl-path').remove();
  return svg.append('g').attr('class', 'sl-path') as unknown as G;
}

/** Draws (or clears, when `access` is undefined) the path of the last command on this skiplist. */
export function drawSkiplistPath(svgEl: SVGSVGElement, view: ZsetSkiplistView, access?: KeyAccess): void {
  const svg = select(svgEl);
  const signature = access ? JSON.stringify(access) : '';
  const replay = signature !== '' && svgEl.dataset['accessSig'] !== signature;
  svgEl.dataset['accessSig'] = signature;
  const layer = overlay(svgEl);
  const layout = layoutSkiplist(view);
  const marks = access ? pathMarks(layout, access) : null;
  const stood = new Set(marks?.stood ?? []);
  const found = new Set(marks?.found ?? []);
  const fresh = new Set(marks?.inserted.map((n) => n.id) ?? []);
  const changed = new Set(marks?.changed.map((c) => `${c.id}@${c.level}`) ?? []);
  svg
    .selectAll<SVGGElement, NodeBox>('g.sl-node')
    .classed('sl-stood', (d) => stood.has(d.id))
    .classed('sl-found', (d) => found.has(d.id))
    .classed('sl-new', (d) => fresh.has(d.id));
  svg
    .selectAll<SVGGElement, LinkLine>('g.sl-linkg')
    .select('line')
    .classed('sl-changed', (d) => changed.has(`${d.from}@${d.level}`));
  svg.attr('data-path-steps', marks ? marks.steps : null);
  if (!marks) return;
  const stepMs = replay ? Math.min(STEP_MS, REPLAY_MS / Math.max(1, marks.steps)) : 0;
  const ms = motionMs(stepMs);
  drawHops(layer, marks.hops, ms);
  drawDrops(layer, marks.drops, ms);
  if (replay) scrollToNode(svgEl, marks.found[0] ?? marks.stood.at(-1) ?? 0);
  // One new node gets the full "level L of 32"; several (a multi-member ZADD) get a short "L2" each,
  // which fits above a tower without running into its neighbours' labels.
  const short = marks.inserted.length > 1;
  for (const n of marks.inserted) {
    layer
      .append('text')
      .attr('class', 'sl-newlevel')
      .attr('data-rank', n.id)
      .attr('x', layout.nodes[n.id]!.x + BOX_W / 2)
      .attr('y', levelY(layout.baseY, n.level - 1) - 5)
      .text(short ? `L${n.level}` : `level ${n.level} of ${MAX_LEVEL}`);
  }
}

/** Brings the node the search ended on into view when the picture is wider than its panel. */
function scrollToNode(svgEl: SVGSVGElement, rank: number): void {
  const box = svgEl.parentElement;
  if (!box || box.scrollWidth <= box.clientWidth) return;
  const svgLeft = svgEl.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
  const x = svgLeft + columnX(rank) + BOX_W / 2;
  if (x > box.scrollLeft + BOX_W && x < box.scrollLeft + box.clientWidth - BOX_W) return;
  const left = Math.max(0, x - box.clientWidth / 2);
  box.scrollTo({ left, behavior: motionMs() > 0 ? 'smooth' : 'auto' });
}

function drawHops(layer: G, hops: PathHop[], stepMs: number): void {
  layer
    .selectAll('line.sl-hop')
    .data(hops)
    .join('line')
    .attr('class', (d) => (d.beyond ? 'sl-hop beyond' : 'sl-hop'))
    .attr('data-search', (d) => d.search)
    .attr('data-level', (d) => d.level)
    .attr('data-from', (d) => d.from)
    .attr('data-to', (d) => d.to)
    .attr('x1', (d) => d.x1)
    .attr('y1', (d) => d.y)
    .attr('y2', (d) => d.y)
    .attr('x2', (d) => (stepMs > 0 ? d.x1 : d.x2 - 2))
    .transition()
    .delay((d) => (d.order - 1) * stepMs)
    .duration(stepMs)
    .attr('x2', (d) => d.x2 - 2);
}

function drawDrops(layer: G, drops: PathDrop[], stepMs: number): void {
  layer
    .selectAll('line.sl-drop')
    .data(drops)
    .join('line')
    .attr('class', 'sl-drop')
    .attr('data-at', (d) => d.at)
    .attr('x1', (d) => d.x)
    .attr('x2', (d) => d.x)
    .attr('y1', (d) => d.y1)
    .attr('y2', (d) => (stepMs > 0 ? d.y1 : d.y2))
    .transition()
    .delay((d) => (d.order - 1) * stepMs)
    .duration(stepMs)
    .attr('y2', (d) => d.y2);
}
