import { describe, expect, it } from 'vitest';
import { placeLabels } from './chart-labels.ts';

const axis = { charPx: 6, centred: true, leftRoom: 20 };

describe('placeLabels', () => {
  it('centres labels, aligns the ones at the ends inwards', () => {
    // "12:00:00" is 48 px wide at 6 px a character.
    const placed = placeLabels(
      [
        { pos: 0, text: '12:00:00' },
        { pos: 150, text: '12:00:30' },
        { pos: 295, text: '12:01:00' },
      ],
      300,
      axis,
    );
    expect(placed).toEqual([
      { anchor: 'start', shown: true },
      { anchor: 'middle', shown: true },
      { anchor: 'end', shown: true },
    ]);
  });

  it('hides a label that would overlap the previous shown one', () => {
    const placed = placeLabels(
      [
        { pos: 100, text: '12:00:00' },
        { pos: 130, text: '12:00:05' },
        { pos: 160, text: '12:00:10' },
        { pos: 290, text: '12:00:15' },
      ],
      300,
      axis,
    );
    expect(placed.map((p) => p.shown)).toEqual([true, false, true, true]);
    expect(placed[3]!.anchor).toBe('end');
  });

  it('starts marker labels at their line, ending them there near the right edge', () => {
    const markers = { charPx: 5, centred: false, leftRoom: 0 };
    const placed = placeLabels(
      [
        { pos: 10, text: 'flush' },
        { pos: 20, text: 'evict' },
        { pos: 200, text: 'flush, evict' },
      ],
      220,
      markers,
    );
    expect(placed).toEqual([
      { anchor: 'start', shown: true },
      { anchor: 'start', shown: false },
      { anchor: 'end', shown: true },
    ]);
  });
});
