/*
 * The rate-limit lab in the browser: with the clock paused, a run of steady traffic over the limit is
 * stepped a known amount of virtual time, and the picture's marks must be exactly what a model of the
 * algorithm (computed here from the marks' send times) allows and rejects; the log shows the real
 * commands; a console tab sees the lab's keys.
 */
import { expect, test, type Page } from '@playwright/test';
import { lines, PROMPT, run } from './console-helpers.ts';

test.describe.configure({ timeout: 90_000 });

interface MarkData {
  at: number;
  outcome: string;
  count: number;
}

/** Console errors of the page (the test ends by expecting none). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens the site (the first load after the server starts can be slow on a busy machine). */
async function openLab(page: Page): Promise<void> {
  await page.goto('./');
  await expect.poll(async () => (await lines(page)).at(-1)?.trimEnd(), { timeout: 30_000 }).toBe(PROMPT);
  await page.evaluate(() => window.__playground!.pause());
  await page.getByTestId('view-ratelimit').click();
  await expect(page.getByTestId('rl-form')).toBeVisible();
}

async function marks(page: Page): Promise<MarkData[]> {
  return page.locator('[data-testid=rl-picture] g.rl-mark').evaluateAll((els) =>
    els
      .map((e) => ({
        at: Number(e.getAttribute('data-at')),
        outcome: e.getAttribute('data-outcome') ?? '',
        count: Number(e.getAttribute('data-count')),
      }))
      .sort((a, b) => a.at - b.at),
  );
}

async function step(page: Page, ms: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.step(n), ms);
}

test('fixed window: steady 8/s over a limit of 5 per second rejects exactly the requests over the limit', async ({
  page,
}) => {
  await openLab(page);
  await page.getByTestId('rl-algorithm').selectOption('fixed-window');
  await page.getByTestId('rl-limit').fill('5');
  await page.getByTestId('rl-window').fill('1000');
  await page.getByTestId('rl-pattern').selectOption('steady');
  await page.getByTestId('rl-rate').fill('8');
  await page.getByTestId('rl-start').click();
  await expect(page.getByTestId('rl-summary')).toHaveAttribute('data-state', 'running');
  await step(page, 3000);
  await expect.poll(async () => (await marks(page)).length).toBe(24);
  const got = await marks(page);
  // Model: each request counts in window floor(t / 1000); the first 5 of a window pass.
  const perWindow = new Map<number, number>();
  const want = got.map((m) => {
    const w = Math.floor(m.at / 1000);
    const n = (perWindow.get(w) ?? 0) + 1;
    perWindow.set(w, n);
    return { at: m.at, outcome: n <= 5 ? 'allowed' : 'rejected', count: n };
  });
  expect(got).toEqual(want);
  // Steady 8/s: one request every 125 virtual ms.
  expect(new Set(got.slice(1).map((m, i) => m.at - got[i]!.at))).toEqual(new Set([125]));
  // Full windows (8 requests) show 5 allowed then 3 rejected.
  const full = [...perWindow].filter(([, n]) => n === 8).map(([w]) => w);
  expect(full.length).toBeGreaterThanOrEqual(2);
  for (const w of full) {
    const inW = got.filter((m) => Math.floor(m.at / 1000) === w).map((m) => m.outcome[0]);
    expect(inW.join('')).toBe('aaaaarrr');
  }
  const allowed = want.filter((m) => m.outcome === 'allowed').length;
  const summary = page.getByTestId('rl-summary');
  await expect(summary).toHaveAttribute('data-allowed', String(allowed));
  await expect(summary).toHaveAttribute('data-rejected', String(24 - allowed));
  await expect(page.getByTestId('rl-picture')).toHaveAttribute('data-rejected', String(24 - allowed));

  // The log shows the real commands and replies; the count bar the current window's count.
  const log = page.getByTestId('rl-log');
  await expect(log).toContainText(/> INCR rl:fixed:alice:\d+/);
  await expect(log).toContainText(/> PEXPIRE rl:fixed:alice:\d+ 1000 NX/);
  await expect(log).toContainText('(integer) 6');
  const last = got.at(-1)!;
  await expect(page.getByTestId('rl-count')).toHaveAttribute(
    'data-count',
    String(want.filter((m) => Math.floor(m.at / 1000) === Math.floor(last.at / 1000)).length),
  );

  // One more second: 8 more requests, and the clock alone moves them (no polling).
  await step(page, 1000);
  await expect
    .poll(
      async () =>
        Number(await summary.getAttribute('data-allowed')) +
        Number(await summary.getAttribute('data-rejected')),
    )
    .toBe(32);

  // A console tab sees the lab's keys and its client.
  await page.getByTestId('console').first().click();
  const keys = (await run(page, 'keys rl:*')).join('\n');
  expect(keys).toMatch(/"rl:fixed:alice:\d+"/);
  expect((await run(page, 'client list')).join('\n')).toContain('name=bot-ratelimit ');
  await page.getByTestId('rl-stop').click();
  await expect(summary).toHaveAttribute('data-state', 'stopped');
});

test('token bucket: a burst up to the capacity, then the refill rate; the log shows the script calls', async ({
  page,
}) => {
  await openLab(page);
  await page.getByTestId('rl-algorithm').selectOption('token-bucket');
  await page.getByTestId('rl-limit').fill('3');
  await page.getByTestId('rl-refill').fill('2');
  await page.getByTestId('rl-pattern').selectOption('steady');
  await page.getByTestId('rl-rate').fill('8');
  await page.getByTestId('rl-start').click();
  await expect(page.getByTestId('rl-summary')).toHaveAttribute('data-state', 'running');
  await step(page, 2000);
  await expect.poll(async () => (await marks(page)).length).toBe(16);
  const got = await marks(page);
  // Model: 3 tokens at first, +2 per second (in thousandths), one per allowed request.
  let tokens = 3000;
  let last = got[0]!.at;
  const want = got.map((m) => {
    tokens = Math.min(3000, tokens + (m.at - last) * 2);
    last = m.at;
    const ok = tokens >= 1000;
    if (ok) tokens -= 1000;
    return { at: m.at, outcome: ok ? 'allowed' : 'rejected', count: tokens / 1000 };
  });
  expect(got).toEqual(want);
  expect(got.slice(0, 3).every((m) => m.outcome === 'allowed')).toBe(true);
  expect(got.some((m) => m.outcome === 'rejected')).toBe(true);
  await expect(page.locator('[data-testid=rl-picture] path.rl-level')).toHaveCount(1);
  const log = page.getByTestId('rl-log');
  await expect(log).toContainText(/> EVALSHA [0-9a-f]{40} 1 rl:bucket:alice 3 2 \d+/);
  await expect(log).toContainText('(error) NOSCRIPT No matching script.');
  await expect(log).toContainText('> EVAL "-- token bucket');
  await page.getByTestId('console').first().click();
  expect((await run(page, 'hgetall rl:bucket:alice')).join('\n')).toContain('"tokens"');
  await page.getByTestId('rl-reset').click();
  await expect(page.getByTestId('rl-summary')).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('console').first().click();
  expect(await run(page, 'exists rl:bucket:alice')).toContain('(integer) 0');
});

test('while the clock plays (10x) the lab keeps sending; pausing stops it', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page);
  await page.getByTestId('rl-algorithm').selectOption('sliding-counter');
  await page.getByTestId('rl-pattern').selectOption('bursty');
  await page.getByTestId('rl-start').click();
  const summary = page.getByTestId('rl-summary');
  await expect(summary).toHaveAttribute('data-state', 'running');
  await expect(summary).toContainText('The clock is paused');
  await page.evaluate(async () => {
    await window.__playground!.setSpeed(10);
    await window.__playground!.play();
  });
  await expect
    .poll(async () => Number(await summary.getAttribute('data-rejected')), { timeout: 30_000 })
    .toBeGreaterThan(5);
  await expect(
    page.locator('[data-testid=rl-picture] g.rl-mark[data-outcome=allowed]').first(),
  ).toBeAttached();
  await expect(page.locator('[data-testid=rl-picture] rect.rl-span')).toHaveCount(1);
  await page.evaluate(() => window.__playground!.pause());
  await expect(summary).toContainText('The clock is paused');
  const total = async () =>
    Number(await summary.getAttribute('data-allowed')) + Number(await summary.getAttribute('data-rejected'));
  const before = await total();
  await page.evaluate(() => window.__playground!.step(1000));
  // Bursty traffic averages 8 requests a second: one more virtual second adds some, never hundreds.
  await expect.poll(total).toBeGreaterThan(before);
  expect((await total()) - before).toBeLessThan(30);
  expect(errors).toEqual([]);
});
