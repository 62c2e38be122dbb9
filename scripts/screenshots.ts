/*
 * `npm run screenshots`: the README's pictures, from the real app. Builds the site into a temporary
 * folder, serves it with `vite preview`, and for each scene (screenshot-scenes.ts) opens the site in a
 * new browser context (empty storage) with a fixed seed, pauses the virtual clock, types the scene's
 * commands into the console, opens the picture and captures the picture panel in the light and the dark
 * scheme into docs/screenshots/<scene>-<light|dark>.png.
 *
 * Stable images: a fixed seed (skiplist levels), the clock paused (idle times, TTLs), reduced motion
 * (pictures draw without transitions), a fixed viewport at device scale 1, and two animation frames
 * after every scheme switch (canvas pictures redraw on the change). Only the picture panel is kept, so
 * the PNGs stay small. SCREENSHOTS_ONLY=name,name captures some scenes; SCREENSHOTS_DIST=<folder>
 * reuses a build.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buildSite, launchChromium, removeDir, ROOT, servePreview } from '../bench/browser-serve.ts';
import { SCENES, type Scene } from './screenshot-scenes.ts';

const OUT_DIR = join(ROOT, 'docs', 'screenshots');
const PROMPT = '127.0.0.1:6379>';
const VIEWPORT = { width: 1700, height: 900 };
const MARGIN_PX = 12;

/*
 * The panel's drawn area in page coordinates: its full width, from its top down to the lowest visible
 * leaf element (text, shape, canvas) plus a margin, so a short picture leaves no empty band below.
 */
const DRAWN_AREA = `(() => {
  const panel = document.querySelector('[data-testid="picture-panel"]');
  const box = panel.getBoundingClientRect();
  let bottom = box.top;
  for (const el of panel.querySelectorAll('*')) {
    if (el.children.length > 0 && el.tagName !== 'text') continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) bottom = Math.max(bottom, r.bottom);
  }
  return { x: box.left, y: box.top, width: box.width, height: Math.min(box.bottom, bottom + ${MARGIN_PX}) - box.top };
})()`;
const SEED = 7;

const LAST_LINE = `(() => {
  const lines = window.__consoleLines ? window.__consoleLines(0) : [];
  return (lines[lines.length - 1] || '').trimEnd();
})()`;

async function waitForPrompt(page: Page): Promise<void> {
  await page.waitForFunction(`${LAST_LINE} === ${JSON.stringify(PROMPT)}`, undefined, { timeout: 30_000 });
}

const LINE_COUNT = '(window.__consoleLines ? window.__consoleLines(0) : []).length';

/** Types a console line and waits until the terminal has moved on to a new prompt. */
async function typeLine(page: Page, line: string): Promise<void> {
  const before = (await page.evaluate(LINE_COUNT)) as number;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(`${LINE_COUNT} > ${before}`);
  await waitForPrompt(page);
}

async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined))))',
  );
}

async function pauseClock(page: Page): Promise<void> {
  const toggle = page.getByTestId('clock-toggle');
  await toggle.waitFor();
  if ((await toggle.textContent())?.trim() === 'Pause') await toggle.click();
  await page.waitForFunction(
    `document.querySelector('[data-testid="clock-toggle"]')?.textContent.trim() === 'Play'`,
  );
}

async function openScene(page: Page, scene: Scene): Promise<void> {
  for (const line of scene.commands) await typeLine(page, line);
  if ('viz' in scene.open) await typeLine(page, `viz ${scene.open.viz}`);
  else await page.getByTestId(scene.open.tab).click();
  await page.locator(scene.ready).first().waitFor({ timeout: 30_000 });
  for (const name of scene.click ?? []) {
    const button = page.getByTestId('picture-panel').getByRole('button', { name, exact: true });
    if ((await button.count()) > 0) await button.first().click();
  }
  if (scene.bots) {
    await page.evaluate(
      `Promise.all(${JSON.stringify(scene.bots)}.map((s) => window.__playground.startBot(s)))`,
    );
  }
  for (let i = 0; i < (scene.steps ?? 0); i++) {
    await page.getByTestId('clock-step').click();
    await nextFrames(page);
  }
}

async function capture(browser: Browser, url: string, scene: Scene): Promise<void> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(`${url}?seed=${SEED}`);
    await waitForPrompt(page);
    await pauseClock(page);
    await page.locator('.xterm').first().click();
    await openScene(page, scene);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await nextFrames(page);
      const clip = (await page.evaluate(DRAWN_AREA)) as {
        x: number;
        y: number;
        width: number;
        height: number;
      };
      await page.screenshot({
        path: join(OUT_DIR, `${scene.name}-${scheme}.png`),
        clip,
        animations: 'disabled',
      });
    }
    console.log(`  ${scene.name}: light, dark`);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const only = process.env.SCREENSHOTS_ONLY?.split(',');
  const scenes = only ? SCENES.filter((s) => only.includes(s.name)) : SCENES;
  mkdirSync(OUT_DIR, { recursive: true });
  const given = process.env.SCREENSHOTS_DIST;
  const dir = given ?? buildSite();
  const server = await servePreview(dir);
  const browser = await launchChromium();
  const failed: string[] = [];
  try {
    console.log(`Screenshots into ${OUT_DIR}`);
    for (const scene of scenes) {
      await capture(browser, server.url, scene).catch((e: unknown) => {
        failed.push(scene.name);
        console.error(
          `  ${scene.name}: FAILED: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        );
      });
    }
  } finally {
    await browser.close();
    await server.stop();
    if (given === undefined) removeDir(dir);
  }
  if (failed.length > 0) process.exitCode = 1;
}

await main();
