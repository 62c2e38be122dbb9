/*
 * Marks a listpack picture's cells with a command's scan (access-listpack.ts): read entries get the
 * class lp-scanned, the entry the scan stopped at lp-found. The cells are listpack-draw.ts's
 * `g.lp-entry[data-index]`; without an access every mark is cleared.
 */
import { select } from 'd3-selection';
import type { KeyAccess, ZsetListpackView } from '../../protocol/inspect.ts';
import { scanMarks } from './access-listpack.ts';

export function drawListpackScan(svgEl: SVGSVGElement, view: ZsetListpackView, access?: KeyAccess): void {
  const marks = access?.scan ? scanMarks(access.scan, view.entries.length) : null;
  select(svgEl)
    .selectAll<SVGGElement, unknown>('g.lp-entry')
    .each(function () {
      const i = Number(this.getAttribute('data-index'));
      select(this)
        .classed('lp-scanned', marks?.scanned.has(i) ?? false)
        .classed('lp-found', marks?.found === i);
    });
}
