/*
 * Accessibility of every page state, in the light and the dark scheme: an axe scan (WCAG 2.0 A/AA and
 * 2.1 AA; serious and critical violations fail, others are printed) and no console or page errors.
 * States: first load, each kind of picture (zset skiplist and listpack, stream with groups, list, set,
 * hash and string cells, HyperLogLog, geo set), the picture views (Hash slots, Rate limit, Memory & ops),
 * the Bots and Persistence panels open, two console tabs with one renamed, and a 360 px wide phone.
 *
 * The data is typed into the console like a user would; each state waits for what it draws before the
 * scan, and the clock is paused first so nothing moves under axe.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  collectErrors,
  emulateScheme,
  expectNoErrors,
  scan,
  seed,
  type Scheme,
  openPatiently,
} from './a11y-helpers.ts';
import { run } from './console-helpers.ts';

test.describe.configure({ timeout: 300_000 });

const svg = (page: Page) => page.getByTestId('picture-svg');

/** Opens the site in `scheme` with the virtual clock paused; returns the error collector. */
async function start(page: Page, scheme: Scheme): Promise<string[]> {
  const errors = collectErrors(page);
  await emulateScheme(page, scheme);
  await openPatiently(page);
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Play');
  await page.getByTestId('console').first().click();
  return errors;
}

/** Scans the page as it is and checks that nothing logged an error. */
async function check(page: Page, errors: string[], state: string): Promise<void> {
  await scan(page, state);
  expectNoErrors(errors, state);
}

/** `viz key` in the first console, then waits for the picture's kind (and cells layout). */
async function viz(page: Page, key: string, kind: string, layout?: string): Promise<void> {
  await page.getByTestId('console').first().click();
  await run(page, `viz ${key}`);
  await expect(svg(page)).toHaveAttribute('data-kind', kind);
  if (layout) await expect(svg(page)).toHaveAttribute('data-layout', layout);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test('first load, two tabs with one renamed, a 360 px phone', async ({ page }) => {
      const errors = await start(page, scheme);
      await check(page, errors, `${scheme}: first load`);

      await page.getByTestId('add-tab').click();
      await expect(page.getByTestId('tab')).toHaveCount(2);
      await page.getByTestId('tab').nth(1).dblclick();
      await page.getByLabel('Console name').fill('writer');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('tab').nth(1)).toContainText('writer');
      await check(page, errors, `${scheme}: two tabs, one renamed`);

      await page.setViewportSize({ width: 360, height: 740 });
      await page.getByTestId('tab').first().click();
      await run(page, 'SET greeting "hello from a phone"');
      await run(page, 'viz greeting');
      await expect(svg(page)).toHaveAttribute('data-layout', 'string');
      await check(page, errors, `${scheme}: 360 px`);
    });

    test('pictures of zsets and streams', async ({ page }) => {
      const errors = await start(page, scheme);
      await seed(page, [['ZADD', 'small', '1', 'a', '2', 'b', '3', 'c']]);
      await viz(page, 'small', 'zset-listpack');
      await check(page, errors, `${scheme}: zset listpack`);

      // Past zset-max-listpack-entries the zset is a skiplist (as with 129 members by default).
      await seed(page, [['CONFIG', 'SET', 'zset-max-listpack-entries', '8']]);
      const pairs = Array.from({ length: 24 }, (_, i) => [String(i), `m${i}`]).flat();
      await seed(page, [['ZADD', 'big', ...pairs]]);
      await viz(page, 'big', 'zset-skiplist');
      await check(page, errors, `${scheme}: zset skiplist`);

      await seed(page, [
        ['XADD', 's', '1-0', 'f', 'v1'],
        ['XADD', 's', '2-0', 'f', 'v2'],
        ['XADD', 's', '3-0', 'f', 'v3'],
        ['XGROUP', 'CREATE', 's', 'g', '0'],
        ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '>'],
      ]);
      await viz(page, 's', 'stream');
      await expect(page.locator('svg.pic g.st-pending')).toHaveCount(2);
      await check(page, errors, `${scheme}: stream with a group`);
    });

    test('pictures of lists, sets, hashes, strings, HyperLogLogs and geo sets', async ({ page }) => {
      const errors = await start(page, scheme);
      await seed(page, [['RPUSH', 'l', 'a', 'b', 'c', 'd']]);
      await viz(page, 'l', 'cells', 'list-quicklist');
      await seed(page, [['SADD', 'st', '1', '2', '3']]);
      await viz(page, 'st', 'cells', 'set-intset');
      await seed(page, [['HSET', 'h', 'f1', 'v1', 'f2', 'v2']]);
      await viz(page, 'h', 'cells', 'hash-listpack');
      await check(page, errors, `${scheme}: list, set and hash cells`);

      await seed(page, [['SET', 'str', 'hello']]);
      await viz(page, 'str', 'cells', 'string');
      await check(page, errors, `${scheme}: string`);

      await seed(page, [['PFADD', 'hll', 'a', 'b', 'c']]);
      await run(page, 'viz hll');
      await expect(page.getByTestId('hll')).toHaveAttribute('data-nonzero', '3');
      await check(page, errors, `${scheme}: HyperLogLog`);

      await seed(page, [
        ['GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
      ]);
      await viz(page, 'Sicily', 'zset-listpack');
      await expect(page.locator('svg.geo-plane g.geo-point')).toHaveCount(2);
      await check(page, errors, `${scheme}: geo set`);
    });

    test('picture views and panels', async ({ page }) => {
      const errors = await start(page, scheme);
      await seed(page, [['MSET', 'foo', '1', '{foo}x', '2', 'bar', '3']]);
      await page.getByTestId('view-slots').click();
      await expect(page.getByTestId('slot-grid')).toHaveAttribute('data-keys', '3');
      await check(page, errors, `${scheme}: hash slots`);

      // The rate-limit lab with a run under way: marks drawn and the command log filled.
      await page.getByTestId('view-ratelimit').click();
      await page.getByTestId('rl-start').click();
      await page.evaluate(() => window.__playground!.step(3000));
      await expect.poll(() => page.getByTestId('rl-log-entry').count()).toBeGreaterThan(0);
      await check(page, errors, `${scheme}: rate limit`);

      // Memory & ops with a few samples (one per stepped second).
      await page.getByTestId('view-charts').click();
      for (let i = 0; i < 3; i++) await page.getByTestId('clock-step').click();
      await expect
        .poll(async () => Number(await page.getByTestId('metrics-charts').getAttribute('data-samples')))
        .toBeGreaterThan(1);
      await check(page, errors, `${scheme}: memory & ops`);

      await page.getByTestId('bots-toggle').click();
      await expect(page.getByTestId('bots-panel')).toBeVisible();
      await page.getByTestId('bot-preset-ticker').click();
      await expect(page.getByTestId('bot-row')).toHaveCount(1);
      await check(page, errors, `${scheme}: bots panel`);
      await page.getByTestId('bots-toggle').click();

      await page.getByTestId('persist-toggle').click();
      await expect(page.getByTestId('persist-role')).toBeVisible();
      await check(page, errors, `${scheme}: persistence panel`);
    });
  });
}
