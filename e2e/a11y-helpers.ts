/*
 * What the accessibility and layout tests share: an axe scan of the page as it is now (WCAG 2.0 A/AA and
 * 2.1 AA rules), a collector of console and page errors, and ways to put the page in a colour scheme.
 *
 * A scan fails on violations of impact serious or critical; minor and moderate ones are printed with
 * their nodes (so they stay visible in the test log) but do not fail. Every scan also appends a line to
 * the tally, so a run reports how many violations each page state had in each scheme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { lines, PROMPT } from './console-helpers.ts';

export type Scheme = 'light' | 'dark';

export interface ScanResult {
  state: string;
  serious: number;
  other: number;
  rules: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe over the whole page; prints every violation; fails on serious or critical ones. */
export async function scan(page: Page, state: string): Promise<ScanResult> {
  const startedMs = Date.now();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const lines: string[] = [];
  let serious = 0;
  for (const v of results.violations) {
    const blocking = BLOCKING.has(v.impact ?? '');
    if (blocking) serious += v.nodes.length;
    lines.push(`  [${v.impact}] ${v.id} (${v.nodes.length}): ${v.help}`);
    for (const n of v.nodes.slice(0, 6)) {
      lines.push(`      ${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`);
    }
  }
  const other = results.violations.reduce(
    (n, v) => n + (BLOCKING.has(v.impact ?? '') ? 0 : v.nodes.length),
    0,
  );
  const tookS = ((Date.now() - startedMs) / 1000).toFixed(1);
  console.log(`axe ${state}: ${serious} serious/critical, ${other} minor/moderate nodes (${tookS} s)`);
  if (lines.length > 0) console.log(lines.join('\n'));
  // Soft: the test goes on to scan its other states, and fails at the end.
  expect.soft(serious, `serious or critical axe violations in "${state}":\n${lines.join('\n')}`).toBe(0);
  return { state, serious, other, rules: results.violations.map((v) => v.id) };
}

/** Collects console errors and uncaught page errors from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Asserts that no console or page error has been collected so far (naming the state). */
export function expectNoErrors(errors: string[], state: string): void {
  expect(errors, `errors in "${state}"`).toEqual([]);
}

/** Emulates the system colour scheme (what the app follows unless a theme is chosen). */
export async function emulateScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
}

/** The computed background colour of the first element matching `selector`. */
export async function backgroundOf(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
}

/** Relative luminance (0 dark .. 1 light) of a CSS rgb()/rgba() colour string. */
export function luminance(rgb: string): number {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  if (!m) throw new Error(`not an rgb colour: ${rgb}`);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => lin(Number(c))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Runs commands on a connection of its own through the page's facade (window.__playground), for the
 * data a page state needs: typing it key by key is slow on a loaded machine and not what is tested here.
 */
export async function seed(page: Page, commands: string[][]): Promise<void> {
  await page.evaluate(async (cmds) => {
    const conn = await window.__playground!.connect();
    const enc = new TextEncoder();
    for (const argv of cmds) await conn.send(argv.map((a) => enc.encode(a)));
    await conn.close();
  }, commands);
}

/** Opens the site and waits for the first prompt, allowing for a worker that starts slowly on a busy machine. */
export async function openPatiently(page: Page): Promise<void> {
  await page.goto('./');
  await expect.poll(async () => (await lines(page)).at(-1)?.trimEnd(), { timeout: 40_000 }).toBe(PROMPT);
}
