/*
 * Transition length for picture updates: short, and zero when the user asks for reduced motion; and
 * the reset between two kinds of picture in one SVG.
 */
import { select } from 'd3-selection';
import { interrupt } from 'd3-transition';
export const UPDATE_MS = 300;

export function motionMs(ms = UPDATE_MS): number {
  if (typeof matchMedia !== 'function') return 0;
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}

/** Empties an SVG (stopping its transitions) before another kind of picture is drawn in it. */
export function clearPicture(svgEl: SVGSVGElement): void {
  select(svgEl)
    .selectAll('*')
    .each(function () {
      interrupt(this as Element);
    })
    .remove();
}
