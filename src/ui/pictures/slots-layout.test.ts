import { describe, expect, it } from 'vitest';
import { gridGeometry, moveSlot, shadeOf, slotAt, slotPosition, slotRanges } from './slots-layout.ts';

const cell = (slot: number, count = 1) => ({ slot, count, sample: [] });

describe('slot grid layout', () => {
  it('maps slots to cells and pixels back to slots', () => {
    const g = gridGeometry(600);
    expect(g).toEqual({ cellPx: 4, sidePx: 512 });
    expect(slotPosition(12182)).toEqual({ col: 12182 % 128, row: 95 });
    const { col, row } = slotPosition(12182);
    expect(slotAt(col * 4 + 2, row * 4 + 3, g)).toBe(12182);
    expect(slotAt(512, 0, g)).toBeNull();
    expect(slotAt(-1, 0, g)).toBeNull();
    expect(gridGeometry(10).cellPx).toBe(2);
    expect(gridGeometry(5000).cellPx).toBe(8);
  });

  it('moves with the arrow keys and stops at the edges', () => {
    expect(moveSlot(0, 'ArrowLeft')).toBe(0);
    expect(moveSlot(0, 'ArrowRight')).toBe(1);
    expect(moveSlot(127, 'ArrowRight')).toBe(127);
    expect(moveSlot(5, 'ArrowDown')).toBe(133);
    expect(moveSlot(16383, 'ArrowDown')).toBe(16383);
    expect(moveSlot(200, 'End')).toBe(16383);
  });

  it('shades by log2 of the count', () => {
    expect([0, 1, 2, 3, 4, 100, 1e6].map(shadeOf)).toEqual([0, 1, 2, 2, 3, 6, 6]);
  });

  it('writes slot ranges as CLUSTER NODES does', () => {
    expect(slotRanges([cell(0), cell(1), cell(2), cell(9), cell(12182), cell(12183)])).toBe(
      '0-2, 9, 12182-12183',
    );
    expect(slotRanges([])).toBe('');
  });
});
