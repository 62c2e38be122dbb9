/*
 * The hash-slot picture: keys typed in the console land in the slots redis-server 7.0 gives with
 * CLUSTER KEYSLOT (foo 12182, bar 5061; {foo}x shares foo's slot through its hash tag), found by
 * hovering the canvas cell where the layout puts them, by the keyboard, and by the slot list.
 */
import { expect, test } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 150_000 });

const COLS = 128;

test('keys appear in the slot CLUSTER KEYSLOT gives', async ({ page }) => {
  await open(page);
  // The playground's node runs without cluster support, as redis-server does by default.
  const refused = await run(page, 'CLUSTER KEYSLOT foo');
  expect(refused.join('\n')).toContain('(error) ERR This instance has cluster support disabled');
  await run(page, 'MSET foo 1 {foo}x 2 bar 3');
  await run(page, 'viz slots');
  const grid = page.getByTestId('slot-grid');
  await expect(grid).toHaveAttribute('data-keys', '3');
  await expect(grid).toHaveAttribute('data-used', '2');
  await expect(page.getByTestId('view-slots')).toHaveAttribute('aria-selected', 'true');

  const canvas = page.getByTestId('slot-canvas');
  const cellPx = Number(await canvas.getAttribute('data-cell-px'));
  const box = (await page.locator('[data-testid=slot-canvas] canvas').boundingBox())!;
  const hover = async (slot: number) =>
    page.mouse.move(
      box.x + (slot % COLS) * cellPx + cellPx / 2,
      box.y + Math.floor(slot / COLS) * cellPx + cellPx / 2,
    );
  const detail = page.getByTestId('slot-detail');
  await hover(12182);
  await expect(detail).toHaveAttribute('data-slot', '12182');
  await expect(detail.getByTestId('slot-key')).toHaveText(['foo', '{foo}x']);
  await hover(5061);
  await expect(detail).toHaveAttribute('data-slot', '5061');
  await expect(detail.getByTestId('slot-key')).toHaveText(['bar']);
  await hover(5062);
  await expect(detail).toContainText('Slot 5062: empty');

  // The slot list selects a slot; the arrow keys move the selection.
  await page.mouse.move(0, 0);
  await page.locator('summary', { hasText: 'Non-empty slots: 5061, 12182' }).click();
  await page.locator('[data-testid=slot-item][data-slot="12182"]').click();
  await expect(detail).toHaveAttribute('data-slot', '12182');
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(detail).toHaveAttribute('data-slot', '12181');
  await page.keyboard.press('ArrowRight');
  await expect(detail).toHaveAttribute('data-slot', '12182');

  // Live: a new key in the same slot shows up without reopening the view.
  await page.locator('.xterm').click();
  await run(page, 'SET {foo}y 4');
  await expect(grid).toHaveAttribute('data-keys', '4');
  await expect(detail.getByTestId('slot-key')).toHaveText(['foo', '{foo}x', '{foo}y']);
});
