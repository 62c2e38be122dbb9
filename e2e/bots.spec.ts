/*
 * Bot clients in the browser: started from the Bots panel or the facade, they run on the virtual
 * clock (which follows real time, faster with setSpeed) and show up as ordinary clients.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, run } from './console-helpers.ts';

// Each test types many commands while bots work in the same worker: allow for a busy machine.
test.describe.configure({ timeout: 60_000 });

/** Runs a command until its output contains `want` (bots work in the background meanwhile). */
async function runUntil(page: Page, line: string, want: string): Promise<void> {
  await expect.poll(async () => (await run(page, line)).join('\n'), { timeout: 20_000 }).toContain(want);
}

test('the Bots panel starts a ticker that CLIENT LIST shows, counts its work, and stops it', async ({
  page,
}) => {
  await open(page);
  await page.getByTestId('bots-toggle').click();
  await expect(page.getByTestId('bots-panel')).toContainText('No bots yet');
  await page.getByTestId('bot-preset-ticker').click();
  const row = page.getByTestId('bot-row').first();
  await expect(row).toHaveAttribute('data-bot-name', 'bot-script-1');
  await expect(row).toHaveAttribute('data-state', 'running');
  await expect
    .poll(async () => Number(await row.getByTestId('bot-processed').textContent()))
    .toBeGreaterThan(1);
  await page.getByTestId('console').first().click();
  expect((await run(page, 'client list')).join('\n')).toContain('name=bot-script-1 ');
  await runUntil(page, 'get ticks', '"');
  await row.getByRole('button', { name: 'Stop bot-script-1' }).click();
  await expect(row).toHaveAttribute('data-state', 'stopped');
  expect((await run(page, 'client list')).join('\n')).not.toContain('bot-script-1');
  await row.getByRole('button', { name: 'Remove bot-script-1' }).click();
  await expect(page.getByTestId('bot-row')).toHaveCount(0);
});

test('a consumer bot drains a stream while the clock runs', async ({ page }) => {
  await open(page);
  const ids = (await run(page, '20 xadd jobs * n 1')).filter((l) => /^"\d+-\d+"$/.test(l));
  expect(ids).toHaveLength(20);
  expect(await run(page, 'xgroup create jobs workers 0')).toContain('OK');
  await page.evaluate(() =>
    window.__playground!.startBot({
      kind: 'consumer',
      stream: 'jobs',
      group: 'workers',
      consumer: 'w1',
      perSecond: 10,
      count: 5,
    }),
  );
  await runUntil(page, 'xinfo groups jobs', '"entries-read"\n   10) (integer) 20');
  expect((await run(page, 'xinfo groups jobs')).slice(4, 6)).toEqual([
    '    5) "pending"',
    '    6) (integer) 0',
  ]);
  expect(await run(page, 'xlen jobs')).toContain('(integer) 20');
  expect((await run(page, 'xpending jobs workers'))[0]).toBe('1) (integer) 0');
});

test('a crashed consumer leaves pending entries that a claimer takes over', async ({ page }) => {
  await open(page);
  await run(page, '12 xadd orders * item x');
  await page.evaluate(() => window.__playground!.setSpeed(20));
  await page.getByTestId('bots-toggle').click();
  await page.getByTestId('bot-preset-consumer').click();
  const consumer = page.locator('[data-testid=bot-row][data-bot-name=bot-consumer-1]');
  await expect(consumer).toHaveAttribute('data-state', 'crashed', { timeout: 20_000 });
  await page.getByTestId('console').first().click();
  await runUntil(page, 'xpending orders workers', '1) (integer) 2');
  await page.getByTestId('bot-preset-claimer').click();
  await page.getByTestId('console').first().click();
  await runUntil(page, 'xpending orders workers', '1) (integer) 0');
  const claimer = page.locator('[data-testid=bot-row][data-bot-name=bot-claimer-2]');
  await expect(claimer.getByTestId('bot-processed')).toHaveText('2');
});

test('bots follow the virtual clock: nothing while paused, one second of work per step', async ({ page }) => {
  await open(page);
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Play');
  const frozen = await page.getByTestId('clock-time').textContent();
  await page.getByTestId('bots-toggle').click();
  await page.getByTestId('bot-preset-ticker').click();
  const done = page.getByTestId('bot-row').first().getByTestId('bot-processed');
  await page.waitForTimeout(1200);
  await expect(done).toHaveText('0');
  await expect(page.getByTestId('clock-time')).toHaveText(frozen!);
  await page.getByTestId('clock-step').click();
  await expect(done).toHaveText('1');
  await page.getByTestId('clock-step').click();
  await page.getByTestId('clock-step').click();
  await expect(done).toHaveText('3');
  await page.getByTestId('console').first().click();
  expect(await run(page, 'get ticks')).toContain('"3"');
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Pause');
});

test('the script form starts a named bot that runs a typed command line', async ({ page }) => {
  await open(page);
  await page.getByTestId('bots-toggle').click();
  const form = page.getByTestId('bot-script-form');
  await form.getByLabel('Period in ms').fill('100');
  await form.getByLabel('Commands, one per line').fill('SET greeting "hi there"\nINCR rounds');
  await form.getByLabel('Bot name').fill('greeter');
  await form.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('[data-testid=bot-row][data-bot-name=greeter]')).toContainText(
    'SET, INCR every 100 ms',
  );
  await page.getByTestId('console').first().click();
  await runUntil(page, 'get greeting', '"hi there"');
  expect((await run(page, 'client list')).join('\n')).toContain('name=greeter ');
  await form.getByLabel('Commands, one per line').fill('GET "x');
  await form.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toHaveText('Invalid argument(s): GET "x');
});

test('a crashed consumer restarted from the panel finishes its own pending entries', async ({ page }) => {
  await open(page);
  await run(page, '12 xadd orders * item x');
  await page.evaluate(() => window.__playground!.setSpeed(20));
  await page.getByTestId('bots-toggle').click();
  await page.getByTestId('bot-preset-consumer').click();
  const crashed = page.locator('[data-testid=bot-row][data-bot-name=bot-consumer-1][data-state=crashed]');
  await expect(crashed).toHaveCount(1, { timeout: 20_000 });
  await crashed.getByRole('button', { name: 'Restart bot-consumer-1' }).click();
  const running = page.locator('[data-testid=bot-row][data-bot-name=bot-consumer-1][data-state=running]');
  await expect(running.getByTestId('bot-processed')).toHaveText('2', { timeout: 20_000 });
  await page.getByTestId('console').first().click();
  expect((await run(page, 'xpending orders workers'))[0]).toBe('1) (integer) 0');
});
