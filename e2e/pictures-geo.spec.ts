/*
 * The geo picture: members added with GEOADD drawn as points at the positions GEOPOS reports, under the
 * zset's own listpack / skiplist picture; an ordinary zset gets no plane.
 */
import { expect, test } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 150_000 });

test('a geo set shows its members as points where GEOPOS puts them', async ({ page }) => {
  await open(page);
  await run(page, 'GEOADD Sicily 13.361389 38.115556 Palermo 15.087269 37.502669 Catania');
  const geopos = (await run(page, 'GEOPOS Sicily Palermo')).join('\n');
  const lon = /"(13\.\d+)"/.exec(geopos)![1]!;
  await run(page, 'viz Sicily');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'zset-listpack');
  const points = page.locator('svg.geo-plane g.geo-point');
  await expect(points).toHaveCount(2);
  const drawnLon = Number(await points.and(page.locator('[data-member="Palermo"]')).getAttribute('data-lon'));
  expect(drawnLon).toBeCloseTo(Number(lon), 10);
  // West is left: Palermo is drawn left of Catania.
  const x = async (m: string) =>
    (await page.locator(`g.geo-point[data-member="${m}"] circle`).boundingBox())!.x;
  expect(await x('Palermo')).toBeLessThan(await x('Catania'));

  await run(page, 'ZADD plain 1 a 2 b');
  await run(page, 'viz plain');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'zset-listpack');
  await expect(page.getByTestId('geo-plane')).toHaveCount(0);
});
