/*
 * What every browser test does with the console: open the site, type a line like a user, and read the
 * terminal buffer (window.__consoleLines) until the prompt comes back.
 */
import { expect, type Page } from '@playwright/test';

export const PROMPT = '127.0.0.1:6379>';

/** The lines of a tab's terminal buffer. */
export async function lines(page: Page, tab = 0): Promise<string[]> {
  return page.evaluate((i) => window.__consoleLines?.(i) ?? [], tab);
}

/** Waits until the last line of the tab's terminal is `text`. */
export async function expectLastLine(page: Page, text: string, tab = 0): Promise<void> {
  await expect.poll(async () => (await lines(page, tab)).at(-1)?.trimEnd()).toBe(text);
}

/** Opens the site and waits for the first prompt. */
export async function open(page: Page): Promise<void> {
  await page.goto('./');
  await expectLastLine(page, PROMPT);
}

/** Types a line into the active console and waits for the next prompt; the lines it printed. */
export async function run(page: Page, line: string, tab = 0, prompt = PROMPT): Promise<string[]> {
  const before = (await lines(page, tab)).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expectLastLine(page, prompt, tab);
  return (await lines(page, tab)).slice(before);
}
