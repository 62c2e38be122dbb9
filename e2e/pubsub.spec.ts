/*
 * Subscribed mode and MONITOR in the browser, across console tabs and bots: one tab reads, another
 * (or a bot) writes; the reading tab prints what arrives as redis-cli does and leaves on Ctrl-C.
 * Tests skip themselves while the engine does not serve the commands they need.
 */
import { expect, test, type Page } from '@playwright/test';
import { PROMPT, lines, expectLastLine, open, run } from './console-helpers.ts';

/** Types a line that starts a reading mode and waits for `last` to be printed. */
async function startReading(page: Page, line: string, last: string, tab = 0): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expectLastLine(page, last, tab);
}

async function newTab(page: Page, index: number): Promise<void> {
  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, index);
}

const tab = (page: Page, i: number) => page.getByTestId('tab').nth(i);

test('a subscriber tab receives what another tab publishes, then leaves with Ctrl-C', async ({ page }) => {
  await open(page);
  await startReading(page, 'subscribe news alerts', '3) (integer) 2');
  await expect(page.getByTestId('console-note')).toContainText('Subscribed mode');
  await expect(tab(page, 0)).toContainText('sub');
  await newTab(page, 1);
  expect(await run(page, 'publish news "hello there"', 1)).toContain('(integer) 1');
  expect(await run(page, 'publish nobody x', 1)).toContain('(integer) 0');
  await tab(page, 0).click();
  await expectLastLine(page, '3) "hello there"');
  expect((await lines(page)).slice(-10)).toEqual([
    'Reading messages... (press Ctrl-C to quit)',
    '1) "subscribe"',
    '2) "news"',
    '3) (integer) 1',
    '1) "subscribe"',
    '2) "alerts"',
    '3) (integer) 2',
    '1) "message"',
    '2) "news"',
    '3) "hello there"',
  ]);
  await page.waitForTimeout(600); // past redis-cli's 0.5 s line
  await page.keyboard.press('Control+C');
  await expectLastLine(page, PROMPT);
  expect((await lines(page)).at(-2)).toMatch(/^\^C\(\d+\.\d\ds\)$/);
  await expect(page.getByTestId('console-note')).toContainText('Left subscribed mode: this tab reconnected');
  await expect(tab(page, 0)).not.toContainText('sub');
  expect(await run(page, 'ping')).toContain('PONG');
  await newTab(page, 2);
  expect(await run(page, 'publish news again', 2)).toContain('(integer) 0');
});

test('pattern subscriptions print pmessage with the pattern', async ({ page }) => {
  await open(page);
  await startReading(page, 'psubscribe news.*', '3) (integer) 1');
  await newTab(page, 1);
  expect(await run(page, 'publish news.eu euro', 1)).toContain('(integer) 1');
  await tab(page, 0).click();
  await expectLastLine(page, '4) "euro"');
  expect((await lines(page)).slice(-4)).toEqual([
    '1) "pmessage"',
    '2) "news.*"',
    '3) "news.eu"',
    '4) "euro"',
  ]);
});

test('a RESP3 tab prints pushes the same way in subscribed mode', async ({ page }) => {
  await open(page);
  await run(page, 'hello 3');
  await startReading(page, 'subscribe news', '3) (integer) 1');
  await newTab(page, 1);
  await run(page, 'publish news hi', 1);
  await tab(page, 0).click();
  await expectLastLine(page, '3) "hi"');
  await page.keyboard.press('Control+C');
  await expectLastLine(page, PROMPT);
  await expect(page.getByTestId('console-note')).toContainText('RESP3');
});

test('a MONITOR tab prints the commands other tabs run', async ({ page }) => {
  await open(page);
  await startReading(page, 'monitor', 'OK');
  await expect(page.getByTestId('console-note')).toContainText('MONITOR');
  await newTab(page, 1);
  await run(page, 'set greeting "hi there"', 1);
  await tab(page, 0).click();
  await expect
    .poll(async () => (await lines(page)).at(-1) ?? '')
    .toMatch(/^\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "set" "greeting" "hi there"$/);
  await page.keyboard.press('Control+C');
  await expectLastLine(page, PROMPT);
});

test('a publisher bot reaches a subscribed tab on the running clock', async ({ page }) => {
  await open(page);
  await startReading(page, 'subscribe ticks', '3) (integer) 1');
  await page.evaluate(() =>
    window.__playground!.startBot({ kind: 'publisher', channel: 'ticks', perSecond: 10, message: 't{seq}' }),
  );
  await expect.poll(async () => await lines(page)).toContain('3) "t3"');
  expect((await lines(page)).slice(-3)).toEqual([
    '1) "message"',
    '2) "ticks"',
    expect.stringMatching(/^3\) "t\d+"$/),
  ]);
  const bots = await page.evaluate(() => window.__playground!.stopBot(1));
  expect(bots.processed).toBeGreaterThanOrEqual(3);
});

test("a MONITOR tab shows a bot's commands with the bot's address", async ({ page }) => {
  await open(page);
  await startReading(page, 'monitor', 'OK');
  await page.evaluate(() =>
    window.__playground!.startBot({
      kind: 'script',
      everyMs: 200,
      commands: [['INCR', 'ticks']],
      name: 'ticker',
    }),
  );
  await expect
    .poll(async () => (await lines(page)).at(-1) ?? '')
    .toMatch(/^\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "INCR" "ticks"$/);
  await page.evaluate(() => window.__playground!.stopBot(1));
});
