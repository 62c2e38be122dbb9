/*
 * The "Memory & ops" charts: with the clock paused, commands typed in the console show up as the ops
 * bar of the next step's sample, memory follows what INFO memory prints, FLUSHALL brings it down (and is
 * marked), the arrow keys walk the samples, and the charts keep drawing when the clock plays again.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { open, run } from './console-helpers.ts';

test.describe.configure({ timeout: 300_000 });

const charts = (page: Page) => page.getByTestId('metrics-charts');

async function sampleCount(page: Page): Promise<number> {
  return Number(await charts(page).getAttribute('data-samples'));
}

/** Clicks +1 s and waits for the sample that step takes; returns its seq. */
async function stepAndSample(page: Page): Promise<number> {
  const before = await sampleCount(page);
  await page.getByTestId('clock-step').click();
  await expect.poll(() => sampleCount(page)).toBe(before + 1);
  await focusConsole(page);
  return Number(await page.locator('rect.ops-bar').last().getAttribute('data-seq'));
}

async function lastMemory(page: Page): Promise<number> {
  return Number(await page.locator('circle.mem-point').last().getAttribute('data-used-memory'));
}

async function infoUsedMemory(page: Page): Promise<number> {
  const out = (await run(page, 'INFO memory')).join('\n');
  return Number(/used_memory:(\d+)/.exec(out)![1]);
}

async function pause(page: Page): Promise<void> {
  await page.getByTestId('view-charts').click();
  await expect(page.getByTestId('clock-toggle')).toHaveAttribute('aria-label', 'Pause the clock');
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('metrics-paused')).toBeVisible();
  await focusConsole(page);
}

/** Types into the console again (after clicking a button: Enter would press it). */
async function focusConsole(page: Page): Promise<void> {
  await page.getByTestId('console').first().click();
}

test('ops of a stepped second, memory as INFO reports it, FLUSHALL marked', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await open(page);
  await pause(page);
  // Nothing is sampled while paused.
  const idle = await sampleCount(page);
  await run(page, 'PING');
  expect(await sampleCount(page)).toBe(idle);
  await stepAndSample(page);

  // redis-cli's repeat prefix: 30 SET commands, one line.
  await run(page, '30 SET hot value');
  const seq = await stepAndSample(page);
  const bar = page.locator(`rect.ops-bar[data-seq="${seq}"]`);
  await expect(bar).toHaveAttribute('data-ops', '30');
  await expect(bar).toHaveAttribute('data-interval', '1000');
  await expect(page.getByTestId('metrics-readout')).toContainText('30 ops in 1 s');

  const before = await lastMemory(page);
  await run(page, `EVAL "for i=1,5000 do redis.call('SET','pop:'..i,'value:'..i) end" 0`);
  await run(page, 'SETRANGE big 1000000 x');
  await stepAndSample(page);
  const populated = await lastMemory(page);
  expect(populated - before).toBeGreaterThan(1_000_000 + 5_000 * 50);
  const info = await infoUsedMemory(page);
  expect(Math.abs(info - populated)).toBeLessThan(1024);
  await expect(page.locator('circle.mem-point').last()).toHaveAttribute('data-keys', '5002');

  await run(page, 'FLUSHALL');
  const flushSeq = await stepAndSample(page);
  const flushed = await lastMemory(page);
  expect(flushed).toBeLessThan(before);
  expect(Math.abs((await infoUsedMemory(page)) - flushed)).toBeLessThan(1024);
  await expect(page.locator(`g.event-marker[data-seq="${flushSeq}"]`).first()).toHaveAttribute(
    'data-events',
    'flush',
  );
  expect(errors).toEqual([]);
});

test('keyboard readout, drawing resumes on play, fits 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page);
  await pause(page);
  await run(page, 'CONFIG SET maxmemory 1mb');
  for (let i = 0; i < 3; i++) await stepAndSample(page);
  await expect(page.getByTestId('maxmemory-line')).toHaveAttribute('data-bytes', String(1024 * 1024));
  const readout = page.getByTestId('metrics-readout');
  const last = Number(await readout.getAttribute('data-seq'));
  const slider = page.getByRole('slider', { name: /memory and ops charts/i });
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(readout).toHaveAttribute('data-seq', String(last - 1));
  await expect(slider).toHaveAttribute('aria-valuetext', /used_memory/);
  await page.keyboard.press('End');
  await expect(readout).toHaveAttribute('data-seq', String(last));

  // No serious or critical accessibility violations in the charts, in either theme.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="metrics-charts"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  // Both charts fit the narrow panel.
  for (const id of ['memory-chart', 'ops-chart']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  }

  // Play at 100x: new samples keep arriving as pushes.
  await page.getByTestId('clock-speed').selectOption('100');
  await page.getByTestId('clock-toggle').click();
  await expect(page.getByTestId('metrics-paused')).toHaveCount(0);
  const n = await sampleCount(page);
  await expect.poll(() => sampleCount(page), { timeout: 30_000 }).toBeGreaterThan(n + 3);
  await expect(page.locator('rect.ops-bar[data-cause="second"]').last()).toHaveAttribute(
    'data-interval',
    '1000',
  );
});
