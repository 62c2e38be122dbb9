/*
 * The HyperLogLog picture: registers drawn from the string, sparse until PFADD converts it to dense
 * (here forced with hll-sparse-max-bytes 0), as PFDEBUG ENCODING reports.
 */
import { expect, test } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 150_000 });

test('a HyperLogLog shows its registers, sparse then dense', async ({ page }) => {
  await open(page);
  await run(page, 'PFADD h a b c');
  await run(page, 'viz h');
  const hll = page.getByTestId('hll');
  await expect(hll).toHaveAttribute('data-representation', 'sparse');
  await expect(hll).toHaveAttribute('data-nonzero', '3');
  expect((await run(page, 'PFDEBUG ENCODING h')).join('\n')).toContain('sparse');
  await run(page, 'CONFIG SET hll-sparse-max-bytes 0');
  await run(page, 'PFADD h d');
  expect((await run(page, 'PFDEBUG ENCODING h')).join('\n')).toContain('dense');
  await expect(hll).toHaveAttribute('data-representation', 'dense');
  await expect(hll).toHaveAttribute('data-nonzero', '4');
  await expect(hll).toContainText('12304 bytes');
});
