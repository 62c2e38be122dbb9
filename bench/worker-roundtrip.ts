/*
 * Browser round-trip benchmark: the median time of `PING` from the page, through Playground/Connection,
 * postMessage, the worker's engine and back, as the console experiences it.
 *
 *   npm run build && npx tsx bench/worker-roundtrip.ts [samples]
 *
 * Builds nothing: it serves the existing dist/ with `vite preview` on a free loopback port (stopped by
 * its PID at the end), opens it in Playwright's Chromium ($CHROMIUM_PATH, else /usr/bin/chromium when
 * present, else Playwright's own browser) and reads the page's test hook `window.__playground` (a
 * Playground, or a promise of one). Without the hook it falls back to driving the built worker chunk
 * directly with the raw protocol (same path minus the facade) and says so.
 *
 * performance.now() in a page that is not cross-origin isolated is coarsened (to 0.1 ms in Chromium), so
 * the median is quantised; the mean over the whole run is printed too. Target: median < 1 ms.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, ROOT, servePreview } from './browser-serve.ts';

/** BENCH_DIST serves another build output (e.g. a scratch site); dist/ by default. */
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const SAMPLES = Number(process.argv[2] ?? 2000);
const WARMUP = 300;

interface Timing {
  via: string;
  samplesMs: number[];
  totalMs: number;
}

/** Times PING through window.__playground (the facade the console uses). */
async function viaFacade(page: Page, samples: number, warmup: number): Promise<Timing> {
  return page.evaluate(
    async ({ samples, warmup }) => {
      type Conn = { send(argv: Uint8Array[]): Promise<unknown[]>; close(): Promise<void> };
      const hook = (window as unknown as { __playground: unknown }).__playground;
      const pg = (await hook) as { connect(): Promise<Conn> };
      const conn = await pg.connect();
      const argv = [new TextEncoder().encode('PING')];
      for (let i = 0; i < warmup; i++) await conn.send(argv);
      const samplesMs: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        await conn.send(argv);
        samplesMs.push(performance.now() - t);
      }
      const totalMs = performance.now() - t0;
      await conn.close();
      return { via: 'window.__playground (Playground/Connection)', samplesMs, totalMs };
    },
    { samples, warmup },
  );
}

/*
 * Fallback: the built worker chunk driven with the raw protocol from the page. Written as page-side
 * JavaScript text because tsx (esbuild keepNames) would wrap named inner functions of a TS callback in
 * a `__name` helper that does not exist in the page.
 */
const RAW_WORKER_PAGE_SCRIPT = `async ({ workerUrl, samples, warmup }) => {
  const w = new Worker(workerUrl, { type: 'module' });
  let nextId = 1;
  const waiting = new Map();
  w.onmessage = (ev) => waiting.get(ev.data.id)?.(ev.data);
  const req = (m) => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    w.postMessage({ ...m, id });
  });
  await req({ type: 'hello', seed: 1 });
  const clientId = (await req({ type: 'connect' })).state.clientId;
  const argv = [new TextEncoder().encode('PING')];
  for (let i = 0; i < warmup; i++) await req({ type: 'command', clientId, argv });
  const samplesMs = [];
  const t0 = performance.now();
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await req({ type: 'command', clientId, argv });
    samplesMs.push(performance.now() - t);
  }
  const totalMs = performance.now() - t0;
  w.terminate();
  return { via: 'raw protocol to the built worker (no window.__playground hook)', samplesMs, totalMs };
}`;

async function viaRawWorker(page: Page, workerUrl: string, samples: number, warmup: number): Promise<Timing> {
  const args = JSON.stringify({ workerUrl, samples, warmup });
  return (await page.evaluate(`(${RAW_WORKER_PAGE_SCRIPT})(${args})`)) as Timing;
}

function findWorkerChunk(): string | undefined {
  const assets = join(DIST, 'assets');
  if (!existsSync(assets)) return undefined;
  return readdirSync(assets).find((f) => f.startsWith('playground.worker') && f.endsWith('.js'));
}

async function hasHook(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(() => '__playground' in window, undefined, { timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

function report(t: Timing): void {
  const s = [...t.samplesMs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(3);
  console.log(`PING round trip via ${t.via}, ${s.length} samples after ${WARMUP} warm-up:`);
  console.log(`  median ${q(0.5)} ms   p90 ${q(0.9)} ms   p99 ${q(0.99)} ms   max ${q(1)} ms`);
  console.log(`  mean   ${(t.totalMs / s.length).toFixed(3)} ms (total ${t.totalMs.toFixed(1)} ms)`);
  console.log(`  target median < 1 ms: ${Number(q(0.5)) < 1 ? 'met' : 'NOT met'}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/index.html missing: run `npm run build` first');
  const preview = await servePreview(DIST);
  const url = preview.url;
  const browser = await launchChromium().catch(async (e: unknown) => {
    await preview.stop();
    throw e;
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    let timing: Timing;
    if (await hasHook(page, 10_000)) {
      timing = await viaFacade(page, SAMPLES, WARMUP);
    } else {
      const chunk = findWorkerChunk();
      if (!chunk)
        throw new Error('no window.__playground hook and no playground.worker chunk in dist/assets');
      timing = await viaRawWorker(page, `${url}assets/${chunk}`, SAMPLES, WARMUP);
    }
    report(timing);
  } finally {
    await browser.close();
    await preview.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
