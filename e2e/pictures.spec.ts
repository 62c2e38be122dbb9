/*
 * Pictures and the keyspace browser in the browser: data built through the console, the SVG checked
 * against what the engine reports through the protocol (window.__playground), the browser's rows and
 * its TTL countdown on the virtual clock.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 150_000 });

interface NodeFact {
  rank: number;
  levels: number;
}

/** Skiplist nodes and levels as the engine reports them (through the worker protocol). */
async function engineNodes(page: Page, key: string): Promise<NodeFact[]> {
  return page.evaluate(async (k) => {
    const v = await window.__playground!.inspectKey({ db: 0, key: k, limit: 64 });
    if (v.picture?.kind !== 'zset-skiplist') throw new Error(`not a skiplist: ${v.picture?.kind}`);
    return v.picture.nodes.map((n) => ({ rank: n.id, levels: n.levels.length }));
  }, key);
}

async function svgNodes(page: Page): Promise<NodeFact[]> {
  return page.locator('svg.pic g.sl-node').evaluateAll((gs) =>
    gs
      .map((g) => ({
        rank: Number(g.getAttribute('data-rank')),
        levels: g.querySelectorAll('rect.sl-level').length,
      }))
      .sort((a, b) => a.rank - b.rank),
  );
}

test('a zset is drawn as a listpack, then as the skiplist the engine holds', async ({ page }) => {
  await open(page);
  await run(page, 'ZADD z 1 a 2 b 3 c');
  await run(page, 'viz z');
  const svg = page.getByTestId('picture-svg');
  await expect(svg).toHaveAttribute('data-kind', 'zset-listpack');
  await expect(page.locator('svg.pic g.lp-entry')).toHaveCount(3);
  await expect(page.locator('svg.pic g.lp-entry[data-index="0"]')).toHaveAttribute('data-member', 'a');

  // Past zset-max-listpack-entries Redis converts: the picture switches to the skiplist.
  await run(page, 'CONFIG SET zset-max-listpack-entries 4');
  await run(page, 'ZADD z 4 d 5 e');
  await expect(svg).toHaveAttribute('data-kind', 'zset-skiplist');
  await expect(page.getByTestId('picture-meta')).toContainText('skiplist');
  await expect.poll(async () => (await svgNodes(page)).length).toBe(6);
  // A big set is windowed: the first 64 nodes by rank.
  const pairs = Array.from({ length: 75 }, (_, i) => `${10 + i} m${i}`).join(' ');
  await run(page, `ZADD z ${pairs}`);
  await expect(page.getByTestId('picture-note')).toContainText('first 64 of 80');
  const truth = await engineNodes(page, 'z');
  expect(truth).toHaveLength(65);
  await expect.poll(() => svgNodes(page)).toEqual(truth);
  const maxLevel = Math.max(...truth.map((n) => n.levels));
  await expect(page.locator('svg.pic g.sl-node.header rect.sl-level')).toHaveCount(maxLevel);
  // One link per level of every node drawn.
  const links = truth.reduce((sum, n) => sum + n.levels, 0);
  await expect(page.locator('svg.pic line.sl-link')).toHaveCount(links);
});

test('a stream shows each consumer’s pending entries after XREADGROUP and XACK', async ({ page }) => {
  await open(page);
  for (let i = 1; i <= 5; i++) await run(page, `XADD s ${i}-0 f v${i}`);
  await run(page, 'XGROUP CREATE s g 0');
  await run(page, 'XREADGROUP GROUP g alice COUNT 3 STREAMS s >');
  await run(page, 'XREADGROUP GROUP g bob COUNT 1 STREAMS s >');
  await run(page, 'viz s');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'stream');
  await expect(page.locator('svg.pic g.st-entry')).toHaveCount(5);
  const pendingOf = (name: string) =>
    page.locator(`svg.pic g.st-consumer[data-consumer="${name}"] g.st-pending`);
  await expect(pendingOf('alice')).toHaveCount(3);
  await expect(pendingOf('bob')).toHaveCount(1);
  await expect(page.locator('svg.pic line.st-marker')).toHaveAttribute('data-id', '4-0');

  await run(page, 'XACK s g 1-0 2-0');
  await expect(pendingOf('alice')).toHaveCount(1);
  await expect(pendingOf('alice').first()).toHaveAttribute('data-id', '3-0');
  await run(page, 'XCLAIM s g bob 0 3-0');
  await expect(pendingOf('alice')).toHaveCount(0);
  await expect(pendingOf('bob')).toHaveCount(2);
  await expect(page.locator('svg.pic g.st-pending[data-id="3-0"]')).toHaveAttribute('data-deliveries', '2');
});

test('the keyspace browser lists keys, filters them, opens pictures and counts TTLs on the clock', async ({
  page,
}) => {
  await open(page);
  await run(page, 'SET user:1 alice');
  await run(page, 'HSET user:2 name bob');
  await run(page, 'SET session x EX 50');
  const rows = page.getByTestId('keyspace-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('keyspace-count')).toContainText('3 keys');

  await page.getByTestId('keyspace-pattern').fill('user:*');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('keyspace-type').selectOption('hash');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button').click();
  await expect(page.getByTestId('picture-key')).toHaveText('user:2');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-layout', 'hash-listpack');
  await expect(page.getByTestId('picture-svg')).toContainText('name');
  await page.getByTestId('keyspace-type').selectOption('');
  await page.getByTestId('keyspace-pattern').fill('*');

  const ttl = page.locator('[data-testid="keyspace-row"][data-key="session"] [data-testid="keyspace-ttl"]');
  const seconds = async () => Number.parseFloat((await ttl.textContent()) ?? 'NaN');
  // Playing: the countdown moves.
  const first = await seconds();
  await expect.poll(seconds).toBeLessThan(first - 0.5);
  // Paused: it stands still.
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Play');
  const held = await seconds();
  await page.waitForTimeout(1200);
  expect(await seconds()).toBe(held);
  // A step moves it by the step.
  await page.getByTestId('clock-step').click();
  await expect.poll(seconds).toBeCloseTo(held - 1, 0);
});

test('the browser follows writes without a reload and the rows are keyboard reachable', async ({ page }) => {
  await open(page);
  await run(page, 'MSET a 1 b 2 c 3');
  const rows = page.getByTestId('keyspace-row');
  await expect(rows).toHaveCount(3);
  await run(page, 'DEL b');
  await expect(rows).toHaveCount(2);
  await rows.first().getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picture-key')).toHaveText('c');
  // The string "3" is the byte 0x33.
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-layout', 'string');
  await expect(page.locator('svg.pic g.cg-group[data-index="0"] g.cg-cell > text')).toHaveText(['33']);
});
