/*
 * (g) The browser benchmark (`BENCH_ONLY=browser npm run bench`; part of the default run when a
 * Chromium can be launched). It builds the site into a temporary folder, serves it with `vite preview`
 * on a free port and drives Chromium with the Playwright library, then prints:
 *  - first load to interactive console: navigation start -> first prompt rendered and -> first
 *    command's reply, median (and min/max) of BENCH_BROWSER_LOADS (5) cold loads, each in a new context;
 *  - JS shipped up to interactive: each script (page, worker, chunks) with its gzip size;
 *  - frame times (requestAnimationFrame deltas over 3 s: p50, p95, max) with a 100,000-member zset and
 *    then a 10,000-entry stream on screen, clock at 10x (browser-frames.ts);
 * and the targets with pass/fail. A benchmark, not a test: it never fails the run on a missed target.
 * BENCH_DIST=<folder> measures an existing build instead of building one.
 */
import { cpus, loadavg } from 'node:os';
import { coldLoad, type ColdLoad } from './browser-load.ts';
import { measureFrames, type FrameScenario } from './browser-frames.ts';
import { buildSite, launchChromium, removeDir, servePreview } from './browser-serve.ts';
import { formatTable } from './table.ts';

const LOADS = Number(process.env.BENCH_BROWSER_LOADS ?? 5);
export const TARGETS = { interactiveMs: 1500, initialJsGzipBytes: 300_000, frameMs: 50 };

/** The value at quantile q (0..1) of `values` (nearest rank on a sorted copy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const verdict = (ok: boolean): string => (ok ? 'pass' : 'FAIL');

function reportLoads(loads: ColdLoad[]): { promptMs: number; jsGzip: number } {
  const prompts = loads.map((l) => l.promptMs);
  const replies = loads.map((l) => l.replyMs);
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(`(g) Browser: ${loads.length} cold loads (new context each), vite preview on localhost`);
  console.log(`    machine: ${cpus().length} cores, load average ${load} (figures scale with it)`);
  const row = (name: string, v: number[]) => [
    name,
    ms(quantile(v, 0.5)),
    ms(Math.min(...v)),
    ms(Math.max(...v)),
  ];
  console.log(
    formatTable(
      ['navigation start ->', 'median', 'min', 'max'],
      [row('first prompt rendered', prompts), row('first reply (PING)', replies)],
    ),
  );
  console.log();
  const last = loads.at(-1)!;
  const rows = last.scripts.map((s) => [
    s.path,
    kb(s.rawBytes),
    kb(s.gzipBytes),
    s.beforeInteractive ? 'yes' : 'later',
  ]);
  const initial = last.scripts.filter((s) => s.beforeInteractive);
  const jsGzip = initial.reduce((n, s) => n + s.gzipBytes, 0);
  const jsRaw = initial.reduce((n, s) => n + s.rawBytes, 0);
  rows.push(['total up to interactive', kb(jsRaw), kb(jsGzip), '']);
  console.log('JS responses (gzip -9 of each body; KB = 1000 bytes)');
  console.log(formatTable(['script', 'raw', 'gzip', 'before prompt'], rows));
  console.log();
  return { promptMs: quantile(prompts, 0.5), jsGzip };
}

function reportFrames(scenarios: FrameScenario[]): number {
  const rows = scenarios.map((s) => [
    s.label,
    String(s.deltasMs.length),
    ms(quantile(s.deltasMs, 0.5)),
    ms(quantile(s.deltasMs, 0.95)),
    ms(Math.max(...s.deltasMs)),
  ]);
  console.log('Frame times: requestAnimationFrame deltas over 3 s, clock at 10x, bots writing');
  console.log(formatTable(['on screen', 'frames', 'p50', 'p95', 'max'], rows));
  console.log();
  return Math.max(...scenarios.map((s) => quantile(s.deltasMs, 0.95)));
}

function reportTargets(promptMs: number, jsGzip: number, frameP95Ms: number): void {
  const rows = [
    [
      'interactive (median first prompt)',
      `< ${ms(TARGETS.interactiveMs)}`,
      ms(promptMs),
      verdict(promptMs < TARGETS.interactiveMs),
    ],
    [
      'initial JS (gzip)',
      `< ${kb(TARGETS.initialJsGzipBytes)}`,
      kb(jsGzip),
      verdict(jsGzip < TARGETS.initialJsGzipBytes),
    ],
    ['frames (worst p95)', `< ${ms(TARGETS.frameMs)}`, ms(frameP95Ms), verdict(frameP95Ms < TARGETS.frameMs)],
  ];
  console.log(formatTable(['target', 'goal', 'measured', ''], rows));
}

export async function benchBrowser(): Promise<void> {
  const given = process.env.BENCH_DIST;
  const dir = given ?? buildSite();
  const server = await servePreview(dir);
  const browser = await launchChromium();
  try {
    const loads: ColdLoad[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.url));
    const { promptMs, jsGzip } = reportLoads(loads);
    const frameP95Ms = reportFrames(await measureFrames(browser, server.url));
    reportTargets(promptMs, jsGzip, frameP95Ms);
  } finally {
    await browser.close();
    await server.stop();
    if (given === undefined) removeDir(dir);
  }
}
