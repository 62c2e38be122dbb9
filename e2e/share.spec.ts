/*
 * Sharing links: a session made in one browser (two tabs, a paused clock stepped between commands,
 * a TTL, a sorted set, a seeded SPOP) is rebuilt from its link in a new browser context with the same
 * keys, values, TTLs, SPOP results, tab names and console lines; a damaged link says so and leaves an
 * ordinary empty playground.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectLastLine, lines, PROMPT, run } from './console-helpers.ts';

async function tabNames(page: Page): Promise<string[]> {
  return (await page.getByTestId('tab').allTextContents()).map((t) => t.trim());
}

const SLOW_LINE = /^(\^C)?\(\d+\.\d\ds\)$/;

/** A tab's lines without redis-cli's "(2.06s)" and "^C(2.06s)" lines, which time real (not virtual) waits. */
async function replies(page: Page, tab: number): Promise<string[]> {
  return (await lines(page, tab)).filter((l) => !SLOW_LINE.test(l));
}

/** Opens a page and waits for the first prompt, patiently: a cold start on a loaded machine is slow. */
async function openAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(async () => (await lines(page, 0)).length, { timeout: 60_000 }).toBeGreaterThan(0);
}

async function stepClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((n) => window.__playground!.step(n), ms);
}

/** What both pages must answer alike once the session is rebuilt (the clock is paused in both). */
async function probe(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const conn = await window.__playground!.connect();
    const enc = new TextEncoder();
    const out: unknown[] = [];
    for (const line of [
      'TTL greeting',
      'GET greeting',
      'ZRANGE board 0 -1 WITHSCORES',
      'SMEMBERS s',
      'DBSIZE',
    ]) {
      out.push(await conn.send(line.split(' ').map((w) => enc.encode(w))));
    }
    await conn.close();
    return JSON.stringify(out, (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder().decode(v) : typeof v === 'bigint' ? String(v) : v,
    );
  });
}

test('a shared link rebuilds the same session in another browser', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openAt(page, './');
  await expectLastLine(page, PROMPT);
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Play');
  await page.getByTestId('tab').first().click();
  expect(await run(page, 'SET greeting "hello world" EX 100')).toContain('OK');
  await run(page, 'ZADD board 10 alice 20 bob 15 carol');
  await stepClock(page, 10_000);
  expect(await run(page, 'TTL greeting')).toContain('(integer) 90');

  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  await page.getByTestId('tab').nth(1).dblclick();
  await page.getByLabel('Console name').fill('sets');
  await page.getByLabel('Console name').press('Enter');
  await page.getByTestId('tab').nth(1).click();
  await run(page, 'SADD s a b c d e f g h', 1);
  const popped = await run(page, 'SPOP s 3', 1);
  await run(page, 'RANDOMKEY', 1);
  await stepClock(page, 10_000);
  expect(await run(page, 'TTL greeting', 1)).toContain('(integer) 80');

  await page.getByTestId('share-button').click();
  const urlField = page.getByTestId('share-url');
  await expect(urlField).toHaveValue(/#s=[A-Za-z0-9_-]+$/);
  const url = await urlField.inputValue();
  await expect(page.getByTestId('share-status')).toHaveText(/Copied to the clipboard|Select the link/);
  await expect(page.getByTestId('share-truncated')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-button')).toBeFocused();
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  const names = await tabNames(page);
  const consoles = [await replies(page, 0), await replies(page, 1)];

  const other = await browser.newContext();
  const copy = await other.newPage();
  await openAt(copy, url);
  // The replay waits for each reply in turn: give a loaded machine time.
  await expect(copy.getByTestId('share-banner')).toContainText('Replayed 7 commands from a shared link', {
    timeout: 60_000,
  });
  expect(await tabNames(copy)).toEqual(names);
  expect(await replies(copy, 0)).toEqual(consoles[0]);
  expect(await replies(copy, 1)).toEqual(consoles[1]);
  const members = popped.filter((l) => /^\d\) "[a-h]"$/.test(l));
  expect(members).toHaveLength(3);
  expect((await replies(copy, 1)).join('\n')).toContain(members.join('\n'));
  await expect(copy.getByTestId('clock-toggle')).toHaveText('Play');

  const here = await probe(page);
  expect(here).toContain('"n":80');
  expect(await probe(copy)).toEqual(here);

  await copy.getByTestId('share-banner-dismiss').click();
  await expect(copy.getByTestId('share-banner')).toHaveCount(0);
  // The rebuilt session runs in memory: the copy's browser storage is neither read nor written.
  await copy.getByTestId('persist-toggle').click();
  await expect(copy.getByTestId('persist-storage-error')).toContainText('rebuilt from a shared link');
  await other.close();
});

test('a damaged link says so and starts an ordinary empty playground', async ({ page }) => {
  test.setTimeout(120_000);
  await openAt(page, './#s=this-is-not-a-session');
  await expect(page.getByTestId('share-banner')).toContainText('This shared link could not be opened');
  await expect(page.getByTestId('share-banner')).toContainText('An empty playground was started instead.');
  await expectLastLine(page, PROMPT);
  expect(await run(page, 'DBSIZE')).toContain('(integer) 0');
  await page.getByTestId('share-banner-dismiss').click();
  await expect(page.getByTestId('share-banner')).toHaveCount(0);
});

test('subscribed and blocked tabs are replayed without waiting for them', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openAt(page, './');
  await expectLastLine(page, PROMPT);
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Play');
  await page.getByTestId('tab').first().click();
  await page.keyboard.type('SUBSCRIBE news');
  await page.keyboard.press('Enter');
  await expectLastLine(page, '3) (integer) 1', 0);

  await page.getByTestId('add-tab').click();
  await expectLastLine(page, PROMPT, 1);
  await run(page, 'PUBLISH news hello', 1);
  await expectLastLine(page, '3) "hello"', 0);
  await page.keyboard.type('BLPOP jobs 5');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await lines(page, 1)).at(-1)).toBe('127.0.0.1:6379> BLPOP jobs 5');
  await stepClock(page, 6000);
  await expectLastLine(page, PROMPT, 1);
  await page.getByTestId('tab').first().click();
  await page.keyboard.press('Control+C');
  await expectLastLine(page, PROMPT, 0);
  await run(page, 'LPUSH jobs a', 0);

  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#s=/);
  const url = await page.getByTestId('share-url').inputValue();
  const consoles = [await replies(page, 0), await replies(page, 1)];
  expect(consoles[1]).toContain('(nil)');

  const other = await browser.newContext();
  const copy = await other.newPage();
  await openAt(copy, url);
  await expect(copy.getByTestId('share-banner')).toContainText('Replayed 4 commands from a shared link', {
    timeout: 60_000,
  });
  expect(await replies(copy, 0)).toEqual(consoles[0]);
  expect(await replies(copy, 1)).toEqual(consoles[1]);
  await other.close();
});

test('bots started in the session run again in the rebuilt one', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openAt(page, './');
  await expectLastLine(page, PROMPT);
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('clock-toggle')).toHaveText('Play');
  await page.evaluate(() =>
    window.__playground!.startBot({
      kind: 'script',
      name: 'ticker',
      everyMs: 250,
      commands: [['INCR', 'ticks']],
    }),
  );
  await stepClock(page, 5000);
  await page.getByTestId('tab').first().click();
  const ticks = await run(page, 'GET ticks');
  expect(ticks.join('\n')).toMatch(/^"\d+"$/m);

  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-url')).toHaveValue(/#s=/);
  const url = await page.getByTestId('share-url').inputValue();
  const other = await browser.newContext();
  const copy = await other.newPage();
  await openAt(copy, url);
  await expect(copy.getByTestId('share-banner')).toContainText('Replayed 1 command from a shared link', {
    timeout: 60_000,
  });
  expect(await replies(copy, 0)).toEqual(await replies(page, 0));
  await other.close();
});
