/*
 * Transition length for picture updates: short, and zero when the user asks for reduced motion; and
 * the reset between two kinds of picture in one SVG.
 */
import { select, type Selection } from 'd3-selection';
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

/**
 * Takes leaving elements out of later joins: an element fading out keeps its class otherwise, so a
 * redraw during the fade would select it again as an update, interrupt the fade and keep it for good.
 */
export function retire<E extends Element, D, P extends Element | null, PD>(
  exit: Selection<E, D, P, PD>,
): Selection<E, D, P, PD> {
  return exit.attr('class', 'retired').attr('aria-hidden', 'true');
}
