/*
 * Responsive layout, keyboard use and themes, on a 360 x 740 phone and a 1440 x 900 screen:
 * - the page never scrolls sideways; the header's controls are on screen (they wrap on a phone);
 * - each picture view tab can be reached and its picture fits the page width;
 * - Tab reaches the header controls, the console tabs, the console (Escape then Tab leaves it: Tab
 *   completes inside), the view tabs (arrow keys move between them, ARIA tabs pattern), the keyspace
 *   rows and every button of the Bots and Persistence panels, each with a visible focus ring;
 * - the theme switch (system / light / dark) changes the page, the terminal and the pictures, and is
 *   remembered across a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  backgroundOf,
  collectErrors,
  emulateScheme,
  expectNoErrors,
  luminance,
  openPatiently,
} from './a11y-helpers.ts';
import { run } from './console-helpers.ts';

test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'wide', width: 1440, height: 900 },
] as const;

const HEADER_CONTROLS = [
  'clock-toggle',
  'clock-step',
  'clock-speed',
  'bots-toggle',
  'persist-toggle',
  'share-button',
  'theme-select',
];
const VIEWS = ['key', 'slots', 'ratelimit', 'charts'];

/** What has the focus: test id, id, or role and name; whether a focus ring is drawn around it. */
interface Focused {
  what: string;
  ring: boolean;
  xterm: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', ring: false, xterm: false };
    const css = getComputedStyle(el);
    const ring =
      (css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0) || css.boxShadow !== 'none';
    const what =
      el.dataset.testid ??
      (el.id ? `#${el.id}` : `${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${el.textContent}`);
    return { what, ring, xterm: el.classList.contains('xterm-helper-textarea') };
  });
}

/** Presses Tab until `done` holds for the focused element (at most `max` times); the stops on the way. */
async function tabUntil(page: Page, done: (f: Focused) => boolean, max = 40): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f);
    if (done(f)) return stops;
  }
  throw new Error(`Tab never got there; stops: ${stops.map((s) => s.what).join(', ')}`);
}

function expectRings(stops: Focused[]): void {
  const bare = stops.filter((s) => !s.ring && !s.xterm).map((s) => s.what);
  expect(bare, 'elements focused without a visible focus ring').toEqual([]);
}

/** Horizontal extent of an element against the viewport width. */
async function fitsWidth(page: Page, testId: string): Promise<void> {
  const el = page.getByTestId(testId).first();
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x, `${testId} starts on screen`).toBeGreaterThanOrEqual(-0.5);
  expect(box.x + box.width, `${testId} ends on screen`).toBeLessThanOrEqual(width + 0.5);
}

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const size of SIZES) {
  test.describe(`${size.width} x ${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('no sideways scrolling; header controls, view tabs and pictures fit', async ({ page }) => {
      const errors = collectErrors(page);
      await openPatiently(page);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      for (const id of HEADER_CONTROLS) await fitsWidth(page, id);
      await fitsWidth(page, 'add-tab');

      await run(page, 'ZADD z 1 a 2 b 3 c');
      await run(page, 'viz z');
      await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'zset-listpack');
      const pictureOf: Record<string, string> = {
        key: 'picture-panel',
        slots: 'slot-grid',
        ratelimit: 'ratelimit-lab',
        charts: 'metrics-charts',
      };
      for (const v of VIEWS) {
        await page.getByTestId(`view-${v}`).click();
        await expect(page.getByTestId(`view-${v}`)).toHaveAttribute('aria-selected', 'true');
        await fitsWidth(page, `view-${v}`);
        await fitsWidth(page, pictureOf[v]!);
        expect(await pageOverflow(page), `sideways overflow in the ${v} view`).toBeLessThanOrEqual(0);
      }
      await page.getByTestId('bots-toggle').click();
      await page.getByTestId('persist-toggle').click();
      await fitsWidth(page, 'bots-panel');
      await fitsWidth(page, 'persist-panel');
      expect(await pageOverflow(page), 'sideways overflow with both panels open').toBeLessThanOrEqual(0);
      expectNoErrors(errors, `layout ${size.name}`);
    });

    test('the keyboard reaches everything, with a visible focus ring', async ({ page }) => {
      const errors = collectErrors(page);
      await openPatiently(page);
      await run(page, 'MSET k1 a k2 b');
      await expect(page.getByTestId('keyspace-row')).toHaveCount(2);
      // Start from the top of the page.
      await page.locator('h1').click();
      const header = await tabUntil(page, (f) => f.xterm);
      const reached = header.map((s) => s.what);
      for (const id of [...HEADER_CONTROLS, 'tab', 'add-tab']) expect(reached).toContain(id);
      expectRings(header);

      // Tab completes inside the console; Escape then Tab moves on to the picture view tabs.
      await page.keyboard.press('Escape');
      const out = await tabUntil(page, (f) => f.what === 'view-key', 3);
      expectRings(out);
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('view-slots')).toBeFocused();
      await expect(page.getByTestId('view-slots')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('End');
      await expect(page.getByTestId('view-charts')).toBeFocused();
      await page.keyboard.press('Home');
      await expect(page.getByTestId('view-key')).toHaveAttribute('aria-selected', 'true');
      const toRows = await tabUntil(page, (f) => f.what === 'button:k1');
      expectRings(toRows);
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('button', { name: 'k2', exact: true })).toBeFocused();
      expectRings([await focused(page)]);

      for (const panel of ['bots', 'persist']) {
        await page.getByTestId(`${panel}-toggle`).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId(`${panel}-panel`)).toBeVisible();
        await reachesEveryControl(page, `${panel}-panel`);
        await page.getByTestId(`${panel}-toggle`).click();
      }
      expectNoErrors(errors, `keyboard ${size.name}`);
    });
  });
}

/** Tabs from the panel's toggle through the panel: every enabled button and field gets the focus. */
async function reachesEveryControl(page: Page, panelId: string): Promise<void> {
  const panel = page.getByTestId(panelId);
  const names = await panel
    .locator('button:not([disabled]), input:not([disabled]):not([type=file]):not([type=radio]), textarea')
    .evaluateAll((els) => els.map((el, i) => ((el as HTMLElement).dataset.r5 = String(i))));
  const seen = new Set<string>();
  const stops: Focused[] = [];
  for (let i = 0; i < names.length + 10 && seen.size < names.length; i++) {
    await page.keyboard.press('Tab');
    const mark = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.r5);
    if (mark !== undefined) {
      seen.add(mark);
      stops.push(await focused(page));
    }
  }
  expect(seen.size, `controls of ${panelId} reached by Tab`).toBe(names.length);
  expectRings(stops);
}

test('the theme switch changes the page, the terminal and the pictures, and is remembered', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await emulateScheme(page, 'light');
  await openPatiently(page);
  await run(page, 'ZADD z 1 a 2 b');
  await run(page, 'viz z');
  await expect(page.getByTestId('picture-svg')).toHaveAttribute('data-kind', 'zset-listpack');
  const select = page.getByTestId('theme-select');
  await expect(select).toHaveValue('system');

  /** Luminance of the page, the terminal (background and text) and a picture cell. */
  const looks = async () => ({
    page: luminance(await backgroundOf(page, 'body')),
    terminal: luminance(await backgroundOf(page, '.xterm-viewport')),
    terminalText: luminance(
      await page
        .locator('.xterm-rows')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    ),
    picture: luminance(
      await page
        .locator('svg.pic rect.lp-member')
        .first()
        .evaluate((el) => getComputedStyle(el).fill),
    ),
  });
  const light = await looks();
  expect(light.page).toBeGreaterThan(0.5);
  expect(light.terminal).toBeGreaterThan(0.5);
  expect(light.terminalText).toBeLessThan(0.2);
  expect(light.picture).toBeGreaterThan(0.5);

  await select.selectOption('dark');
  await expect.poll(async () => (await looks()).page).toBeLessThan(0.1);
  const dark = await looks();
  expect(dark.terminal).toBeLessThan(0.1);
  expect(dark.terminalText).toBeGreaterThan(0.5);
  expect(dark.picture).toBeLessThan(0.1);

  // Remembered across a reload, whatever the system says.
  await page.reload();
  await expect(page.getByTestId('theme-select')).toHaveValue('dark');
  await expect.poll(async () => luminance(await backgroundOf(page, '.xterm-viewport'))).toBeLessThan(0.1);

  // Back to following the system, which is now dark too.
  await emulateScheme(page, 'dark');
  await page.getByTestId('theme-select').selectOption('system');
  expect(luminance(await backgroundOf(page, 'body'))).toBeLessThan(0.1);
  await emulateScheme(page, 'light');
  await expect.poll(async () => luminance(await backgroundOf(page, 'body'))).toBeGreaterThan(0.5);
  await expect
    .poll(async () =>
      luminance(
        await page
          .locator('.xterm-rows')
          .first()
          .evaluate((el) => getComputedStyle(el).color),
      ),
    )
    .toBeLessThan(0.2);
  expectNoErrors(errors, 'theme switch');
});

test('console tabs by keyboard: arrows and Home/End select, F2 renames, Delete closes', async ({ page }) => {
  const errors = collectErrors(page);
  await openPatiently(page);
  await page.getByTestId('add-tab').click();
  await page.getByTestId('add-tab').click();
  const tabs = page.getByRole('tab', { name: /Console/ });
  await expect(tabs).toHaveCount(3);
  await tabs.nth(2).focus();
  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toBeFocused();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab is in the Tab order; it names the console it controls.
  const strip = page.getByRole('tablist', { name: 'Consoles' });
  await expect(strip.locator('[role=tab][tabindex="0"]')).toHaveCount(1);
  const panelId = await tabs.nth(0).getAttribute('aria-controls');
  await expect(page.locator(`#${panelId}`)).toHaveAttribute('role', 'tabpanel');

  await page.keyboard.press('F2');
  await page.getByLabel('Console name').fill('reader');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab').first()).toContainText('reader');
  await page.getByRole('tab', { name: /reader/ }).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('tab')).toHaveCount(2);
  await expect(page.getByTestId('tab').first()).not.toContainText('reader');
  expectNoErrors(errors, 'console tabs by keyboard');
});
