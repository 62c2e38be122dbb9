/*
 * Frame times with big structures on screen: requestAnimationFrame deltas over a few seconds while
 *  (1) a 100,000-member zset's skiplist picture is open and the keyspace browser lists it, a script bot
 *      adding members to it, and
 *  (2) a 10,000-entry stream with a consumer group and 5,000 pending entries is open, a producer and a
 *      consumer bot working on it,
 * with the virtual clock running at 10x, so every keyspaceChanged event makes the picture and the
 * browser re-read their snapshots while the frames are sampled.
 *
 * The data is written through window.__playground (the facade the console uses) in batches: typing
 * 100,000 members would measure xterm, not the pictures. Page-side code is JavaScript text (see
 * browser-load.ts on tsx's __name helper).
 */
import type { Browser, Page } from '@playwright/test';
import { PROMPT } from './browser-load.ts';

export const ZSET_MEMBERS = 100_000;
export const STREAM_ENTRIES = 10_000;
const SAMPLE_MS = 3_000;

export interface FrameScenario {
  label: string;
  deltasMs: number[];
}

const SEND_ALL = `async (commands) => {
  const enc = new TextEncoder();
  const conn = await window.__playground.connect();
  for (let i = 0; i < commands.length; i += 200) {
    const batch = commands.slice(i, i + 200).map((c) => conn.send(c.map((a) => enc.encode(a))));
    await Promise.all(batch);
  }
  await conn.close();
}`;

const SAMPLE_FRAMES = `(durationMs) => new Promise((resolve) => {
  const deltas = [];
  let last;
  const start = performance.now();
  const tick = (t) => {
    if (last !== undefined) deltas.push(t - last);
    last = t;
    if (t - start < durationMs) requestAnimationFrame(tick);
    else resolve(deltas);
  };
  requestAnimationFrame(tick);
})`;

async function sendAll(page: Page, commands: string[][]): Promise<void> {
  await page.evaluate(`(${SEND_ALL})(${JSON.stringify(commands)})`);
}

async function sampleFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(`(${SAMPLE_FRAMES})(${SAMPLE_MS})`)) as number[];
}

function zsetCommands(): string[][] {
  const commands: string[][] = [];
  for (let i = 0; i < ZSET_MEMBERS; i += 1000) {
    const argv = ['ZADD', 'bigzset'];
    for (let j = i; j < i + 1000; j++) argv.push(String(j), `member:${j}`);
    commands.push(argv);
  }
  return commands;
}

function streamCommands(): string[][] {
  const commands: string[][] = [];
  for (let i = 1; i <= STREAM_ENTRIES; i++) commands.push(['XADD', 'events', `${i}-0`, 'n', String(i)]);
  commands.push(['XGROUP', 'CREATE', 'events', 'workers', '0']);
  commands.push(['XREADGROUP', 'GROUP', 'workers', 'alice', 'COUNT', '3000', 'STREAMS', 'events', '>']);
  commands.push(['XREADGROUP', 'GROUP', 'workers', 'bob', 'COUNT', '2000', 'STREAMS', 'events', '>']);
  return commands;
}

/** Types `viz <key>` in the console and waits until the picture of that kind is drawn. */
async function openPicture(page: Page, key: string, kind: string): Promise<void> {
  await page.keyboard.type(`viz ${key}`);
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="picture-svg"][data-kind="${kind}"]`).waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid="keyspace-row"][data-key="${key}"]`).waitFor({ timeout: 60_000 });
}

async function startBots(page: Page, specs: unknown[]): Promise<void> {
  await page.evaluate(`Promise.all(${JSON.stringify(specs)}.map((s) => window.__playground.startBot(s)))`);
}

/** Both scenarios in one page of an already open site. */
export async function measureFrames(browser: Browser, url: string): Promise<FrameScenario[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      `(window.__consoleLines ? window.__consoleLines(0) : []).at(-1)?.trimEnd() === ${JSON.stringify(PROMPT)}`,
    );
    await page.evaluate('window.__playground.setSpeed(10).then(() => window.__playground.play())');
    const results: FrameScenario[] = [];

    await sendAll(page, zsetCommands());
    await openPicture(page, 'bigzset', 'zset-skiplist');
    await startBots(page, [
      { kind: 'script', everyMs: 100, commands: [['ZADD', 'bigzset', '{rand:0-200000}', 'bot:{seq}']] },
    ]);
    results.push({
      label: `zset ${ZSET_MEMBERS.toLocaleString('en-US')} members (skiplist)`,
      deltasMs: await sampleFrames(page),
    });

    await sendAll(page, streamCommands());
    await openPicture(page, 'events', 'stream');
    await startBots(page, [
      { kind: 'producer', stream: 'events', perSecond: 20, fields: [['n', '{seq}']] },
      { kind: 'consumer', stream: 'events', group: 'workers', consumer: 'carol', perSecond: 10, count: 5 },
    ]);
    results.push({
      label: `stream ${STREAM_ENTRIES.toLocaleString('en-US')} entries + PEL`,
      deltasMs: await sampleFrames(page),
    });
    return results;
  } finally {
    await context.close();
  }
}
