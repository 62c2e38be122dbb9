/*
 * Search paths and geo queries drawn over the pictures, checked against independent computations:
 * the skiplist's levels come from the engine (through window.__playground's inspectKey), the search
 * rule is t_zset.c's zslGetRank written out again here, and geo members are those the console printed.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 150_000 });

interface EngineNode {
  rank: number;
  member: string;
  score: number;
  levels: (number | null)[];
}

/** The skiplist as the engine reports it: each node's forward link targets per level. */
async function engineList(page: Page, key: string): Promise<EngineNode[]> {
  return page.evaluate(async (k) => {
    const v = await window.__playground!.inspectKey({ db: 0, key: k, limit: 64 });
    if (v.picture?.kind !== 'zset-skiplist') throw new Error(`not a skiplist: ${v.picture?.kind}`);
    return v.picture.nodes.map((n) => ({
      rank: n.id,
      member: n.member,
      score: n.score,
      levels: n.levels.map((l) => l.to),
    }));
  }, key);
}

/** zslGetRank: forward while the next node sorts <= the target, stop once standing on it. */
function rankWalk(nodes: EngineNode[], target: string): string[] {
  const t = nodes.find((n) => n.member === target)!;
  const le = (n: EngineNode) => n.score < t.score || (n.score === t.score && n.member <= t.member);
  const hops: string[] = [];
  let x = 0;
  for (let level = nodes[0]!.levels.length - 1; level >= 0; level--) {
    for (let to = nodes[x]!.levels[level]; to != null && le(nodes[to]!); to = nodes[x]!.levels[level]) {
      hops.push(`${level}:${x}->${to}`);
      x = to;
    }
    if (x === t.rank) break;
  }
  return hops;
}

async function drawnHops(page: Page): Promise<string[]> {
  return page
    .locator('svg.pic line.sl-hop')
    .evaluateAll((ls) =>
      ls.map(
        (l) => `${l.getAttribute('data-level')}:${l.getAttribute('data-from')}->${l.getAttribute('data-to')}`,
      ),
    );
}

test('ZSCORE marks zslGetRank’s path; ZADD shows the new node’s real level', async ({ page }) => {
  await open(page);
  await run(page, 'CONFIG SET zset-max-listpack-entries 0');
  const pairs = Array.from({ length: 40 }, (_, i) => `${i * 10} m${String(i).padStart(2, '0')}`);
  await run(page, `ZADD z ${pairs.join(' ')}`);
  await run(page, 'viz z');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'zset-skiplist');

  await run(page, 'ZSCORE z m29');
  await expect(page.getByTestId('access-caption')).toContainText('ZSCORE reads the score from the dict');
  const nodes = await engineList(page, 'z');
  const expected = rankWalk(nodes, 'm29');
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => drawnHops(page)).toEqual(expected);
  await expect(page.locator('svg.pic g.sl-node.sl-found')).toHaveAttribute('data-member', 'm29');
  const levels = nodes[0]!.levels.length;
  const stopLevel = nodes.find((n) => n.member === 'm29')!.levels.length - 1;
  await expect(page.getByTestId('access-caption')).toContainText(
    `walks ${levels - stopLevel} level${levels - stopLevel === 1 ? '' : 's'} and ${expected.length} link`,
  );

  await run(page, 'ZADD z 155 newbie');
  const after = await engineList(page, 'z');
  const fresh = after.find((n) => n.member === 'newbie')!;
  const newTower = page.locator('svg.pic g.sl-node.sl-new');
  await expect(newTower).toHaveAttribute('data-member', 'newbie');
  await expect(newTower).toHaveAttribute('data-levels', String(fresh.levels.length));
  await expect(page.locator('svg.pic text.sl-newlevel')).toHaveText(`level ${fresh.levels.length} of 32`);
  await expect(page.getByTestId('access-caption')).toContainText(`level ${fresh.levels.length} of 32`);
  // The pointers rewritten to it: one per level of the new tower, each now pointing at it.
  await expect(page.locator('svg.pic line.sl-link.sl-changed')).toHaveCount(fresh.levels.length);

  // Another kind of change drops the path.
  await run(page, 'ZREMRANGEBYRANK z 0 0');
  await expect(page.getByTestId('access-caption')).toHaveCount(0);
  await expect(page.locator('svg.pic line.sl-hop')).toHaveCount(0);
});

test('a listpack zset shows the linear scan Redis makes instead', async ({ page }) => {
  await open(page);
  await run(page, 'ZADD small 1 a 2 b 3 c 4 d');
  await run(page, 'viz small');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'zset-listpack');
  await run(page, 'ZRANK small c');
  await expect(page.getByTestId('access-caption')).toContainText('reads 3 entries of the listpack');
  await expect(page.locator('svg.pic g.lp-entry.lp-scanned')).toHaveCount(3);
  await expect(page.locator('svg.pic g.lp-entry.lp-found')).toHaveAttribute('data-member', 'c');
});

test('GEOSEARCH draws its circle and marks exactly the members the console printed', async ({ page }) => {
  await open(page);
  await run(
    page,
    'GEOADD cities 13.4050 52.5200 Berlin 12.3731 51.3397 Leipzig 13.7373 51.0504 Dresden 11.5820 48.1351 Munich 9.9937 53.5511 Hamburg 14.5506 53.4285 Szczecin',
  );
  await run(page, 'viz cities');
  await expect(page.getByTestId('geo-plane')).toBeVisible();
  const printed = (await run(page, 'GEOSEARCH cities FROMLONLAT 13.4 52.5 BYRADIUS 200 km ASC'))
    .map((l) => /^\d+\) "(.*)"$/.exec(l.trim())?.[1])
    .filter((m): m is string => m !== undefined);
  expect(printed.length).toBeGreaterThan(1);
  expect(printed.length).toBeLessThan(6);
  await expect(page.locator('svg.geo-plane path.geo-shape')).toHaveAttribute('data-shape', 'circle');
  await expect(page.locator('svg.geo-plane g.geo-centre')).toHaveCount(1);
  const hits = () =>
    page
      .locator('svg.geo-plane g.geo-point.hit')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-member')!));
  await expect.poll(async () => (await hits()).sort()).toEqual([...printed].sort());
  await expect(page.locator('svg.geo-plane g.geo-point.dim')).toHaveCount(6 - printed.length);
  await expect(page.getByTestId('access-caption')).toHaveText(
    `GEOSEARCH FROMLONLAT 13.4 52.5 BYRADIUS 200 km ASC: ${printed.length} members`,
  );

  // BYBOX draws a box around the member it starts from.
  const boxed = await run(page, 'GEOSEARCH cities FROMMEMBER Munich BYBOX 100 100 km');
  expect(boxed.join('\n')).toContain('"Munich"');
  await expect(page.locator('svg.geo-plane path.geo-shape')).toHaveAttribute('data-shape', 'box');
  await expect.poll(hits).toEqual(['Munich']);
});
