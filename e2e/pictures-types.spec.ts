/*
 * Pictures of sets, lists, hashes and strings: built through the console, the SVG checked against the
 * encoding OBJECT ENCODING reports and the structure the worker reads from the engine (quicklist nodes,
 * intset, listpack, hashtable, bytes and bits), including the switch when Redis converts.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 150_000 });

const svg = (page: Page) => page.getByTestId('picture-svg');
const cells = (page: Page, group = 0) =>
  page.locator(`svg.pic g.cg-group[data-index="${group}"] g.cg-cell > text`);

test('a set is drawn as an intset, then as a hashtable once a non-integer arrives', async ({ page }) => {
  await open(page);
  await run(page, 'SADD s 3 1 2');
  await run(page, 'viz s');
  await expect(svg(page)).toHaveAttribute('data-layout', 'set-intset');
  await expect(cells(page)).toHaveText(['1', '2', '3']);
  expect((await run(page, 'OBJECT ENCODING s')).join('\n')).toContain('"intset"');
  await run(page, 'SADD s x');
  expect((await run(page, 'OBJECT ENCODING s')).join('\n')).toContain('"hashtable"');
  await expect(svg(page)).toHaveAttribute('data-layout', 'set-hashtable');
  await expect(cells(page)).toHaveCount(4);
  await expect(page.getByTestId('picture-meta')).toContainText('hashtable');
});

test('a list shows its quicklist nodes with their entries', async ({ page }) => {
  await open(page);
  await run(page, 'CONFIG SET list-max-listpack-size 4');
  await run(page, 'RPUSH l 1 2 3 4 5 6 7 8 9 10');
  await run(page, 'viz l');
  await expect(svg(page)).toHaveAttribute('data-layout', 'list-quicklist');
  // Four entries a node at most: 4 + 4 + 2, as the engine reports.
  const truth = await page.evaluate(async () => {
    const v = await window.__playground!.inspectKey({ db: 0, key: 'l', limit: 64 });
    if (v.picture?.kind !== 'cells') throw new Error(String(v.picture?.kind));
    return { nodes: v.picture.groupCount, sizes: v.picture.groups.map((g) => g.size) };
  });
  expect(truth).toEqual({ nodes: 3, sizes: [4, 4, 2] });
  await expect(svg(page)).toHaveAttribute('data-groups', '3');
  await expect(page.locator('svg.pic g.cg-group')).toHaveCount(3);
  await expect(cells(page, 2)).toHaveText(['9', '10']);
  await run(page, 'LPUSH l 0');
  await expect(page.locator('svg.pic g.cg-group')).toHaveCount(4);
  await expect(cells(page, 0)).toHaveText(['0']);
  await expect(page.getByTestId('picture-note')).toContainText('4 quicklist nodes');
});

test('a hash switches from listpack to hashtable; a string shows its bytes and bits', async ({ page }) => {
  await open(page);
  await run(page, 'HSET h f1 v1 f2 v2');
  await run(page, 'viz h');
  await expect(svg(page)).toHaveAttribute('data-layout', 'hash-listpack');
  await expect(cells(page)).toHaveText(['f1', 'v1', 'f2', 'v2']);
  await run(page, 'CONFIG SET hash-max-listpack-value 4');
  await run(page, 'HSET h f3 a-long-value');
  await expect(svg(page)).toHaveAttribute('data-layout', 'hash-hashtable');
  await expect(cells(page)).toHaveCount(6);

  await run(page, 'SET b A');
  await run(page, 'SETBIT b 6 1');
  await run(page, 'viz b');
  await expect(svg(page)).toHaveAttribute('data-layout', 'string');
  // 'A' is 0x41; SETBIT numbers bits from the most significant: bit 6 set gives 0x43.
  await expect(cells(page, 0)).toHaveText(['43']);
  await expect(cells(page, 1)).toHaveText(['0', '1', '0', '0', '0', '0', '1', '1']);
});
