/*
 * Where the horizontal labels of the metrics charts go: time-axis labels and event-marker labels,
 * placed without measuring text (widths are estimated from the character count, which is exact enough
 * for the monospaced axis font and the short marker words).
 *
 * Invariants: no label crosses the plot's ends (a label that would is aligned inwards: anchored at its
 * end near the right edge, at its start near the left one), and no two shown labels overlap (walking
 * left to right, a label that would touch the previous shown one is hidden; its tick or marker line
 * stays, so nothing is lost but words).
 */

export type Anchor = 'start' | 'middle' | 'end';

export interface Placed {
  anchor: Anchor;
  /** False when the label would overlap the previous shown one. */
  shown: boolean;
}

/** Pixels per character of the 10 px monospaced axis labels. */
export const AXIS_CHAR_PX = 6.2;
/** Pixels per character of the 9 px marker labels (proportional font, short lowercase words). */
export const MARKER_CHAR_PX = 5.2;
const GAP_PX = 6;

/**
 * Centred labels (`centred`: time ticks) or labels that start just right of their position (markers),
 * on a plot `innerW` px wide whose labels may reach `leftRoom` px left of x = 0 (the y-axis margin).
 */
export function placeLabels(
  items: readonly { pos: number; text: string }[],
  innerW: number,
  opts: { charPx: number; centred: boolean; leftRoom: number },
): Placed[] {
  let lastRight = Number.NEGATIVE_INFINITY;
  return items.map(({ pos, text }) => {
    const w = text.length * opts.charPx;
    let anchor: Anchor = opts.centred ? 'middle' : 'start';
    let left = opts.centred ? pos - w / 2 : pos;
    if (left + w > innerW) {
      anchor = 'end';
      left = pos - w;
    } else if (left < -opts.leftRoom) {
      anchor = 'start';
      left = pos;
    }
    const shown = left >= lastRight + GAP_PX;
    if (shown) lastRight = left + w;
    return { anchor, shown };
  });
}
