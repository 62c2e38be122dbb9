/*
 * Cold loads of the built site, each in a new browser context (empty cache, no service worker):
 *  - navigation start -> first prompt rendered: a requestAnimationFrame watcher installed before any
 *    page script runs records performance.now() (0 = navigation start) in the first frame whose
 *    console buffer ends with the prompt;
 *  - navigation start -> first command's reply: PING is typed as soon as the prompt shows, and the same
 *    watcher records the frame in which PONG appears;
 *  - JS shipped up to interactive: every .js response of the page and its worker whose download ended
 *    before the prompt frame, with its gzip size (level 9) computed from the body the server sent.
 *
 * Page-side code is plain JavaScript text: tsx (esbuild keepNames) would wrap named inner functions of
 * a TypeScript callback in a `__name` helper that does not exist in the page.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from '@playwright/test';

export const PROMPT = '127.0.0.1:6379>';

const WATCHER = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const tick = () => {
    const lines = window.__consoleLines ? window.__consoleLines(0) : [];
    const last = (lines[lines.length - 1] || '').trimEnd();
    if (marks.prompt === undefined && last === ${JSON.stringify(PROMPT)}) marks.prompt = performance.now();
    if (marks.prompt !== undefined && lines.some((l) => l.trimEnd() === 'PONG')) marks.reply = performance.now();
    if (marks.reply === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export interface ScriptFile {
  /** Path of the URL, e.g. /assets/index-abc.js. */
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** Whether its download ended before the first prompt frame. */
  beforeInteractive: boolean;
}

export interface ColdLoad {
  promptMs: number;
  replyMs: number;
  scripts: ScriptFile[];
}

interface PendingScript {
  path: string;
  response: Response;
}

/** One cold load: a new context, the site opened, PING typed at the first prompt. */
export async function coldLoad(browser: Browser, url: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCHER);
    const pending: PendingScript[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.endsWith('.js')) pending.push({ path, response });
    });
    await page.goto(url);
    await page.waitForFunction('window.__benchMarks && window.__benchMarks.prompt !== undefined');
    await page.keyboard.type('PING');
    await page.keyboard.press('Enter');
    await page.waitForFunction('window.__benchMarks.reply !== undefined');
    const marks = (await page.evaluate('window.__benchMarks')) as { prompt: number; reply: number };
    const scripts = await measureScripts(page, pending, marks.prompt);
    return { promptMs: marks.prompt, replyMs: marks.reply, scripts };
  } finally {
    await context.close();
  }
}

/** Sizes of the scripts seen, and which ended before `interactiveMs` (page time). */
async function measureScripts(
  page: Page,
  seen: PendingScript[],
  interactiveMs: number,
): Promise<ScriptFile[]> {
  const timeOrigin = (await page.evaluate('performance.timeOrigin')) as number;
  const files: ScriptFile[] = [];
  for (const { path, response } of seen) {
    const body = await response.body().catch(() => null);
    if (body === null) continue;
    const timing = response.request().timing();
    const endMs = timing.startTime + Math.max(timing.responseEnd, 0) - timeOrigin;
    files.push({
      path,
      rawBytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      beforeInteractive: endMs <= interactiveMs,
    });
  }
  return files;
}
