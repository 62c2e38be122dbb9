import { describe, expect, it } from 'vitest';
import type { CellsView } from '../../protocol/inspect.ts';
import { CAPTION_H, CELL_H, layoutCells, PAD } from './cells-layout.ts';

const view = (groups: CellsView['groups']): CellsView => ({
  kind: 'cells',
  layout: 'list-quicklist',
  length: 0,
  groupCount: groups.length,
  groups,
});
const cells = (n: number, role: 'entry' | 'bit' = 'entry') =>
  Array.from({ length: n }, (_, i) => ({ text: String(i), role }));

describe('cells layout', () => {
  it('wraps cells in even rows and stacks groups', () => {
    const l = layoutCells(
      view([
        { label: 'a', size: 5, cells: cells(5) },
        { label: 'b', size: 1, cells: cells(1) },
      ]),
      250,
    );
    // (250 - 16) / 66 = 3 per row, made even: 2.
    expect(l.groups[0]!.cells.map((c) => [c.x, c.y])).toEqual([
      [PAD, PAD + CAPTION_H],
      [PAD + 66, PAD + CAPTION_H],
      [PAD, PAD + CAPTION_H + CELL_H + 2],
      [PAD + 66, PAD + CAPTION_H + CELL_H + 2],
      [PAD, PAD + CAPTION_H + 2 * (CELL_H + 2)],
    ]);
    expect(l.groups[1]!.y).toBeGreaterThan(l.groups[0]!.cells[4]!.y + CELL_H);
  });

  it('draws bits narrow', () => {
    const l = layoutCells(view([{ label: 'bits', size: 8, cells: cells(8, 'bit') }]), 1000);
    expect(l.groups[0]!.cells.map((c) => c.w)).toEqual(Array(8).fill(16));
    expect(new Set(l.groups[0]!.cells.map((c) => c.y)).size).toBe(1);
  });
});
