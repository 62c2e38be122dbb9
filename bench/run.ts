/*
 * `npm run bench`: prints throughput figures, never asserts them.
 *  (a) the engine in-process: SET and GET through node.execute() with pre-built argv and a no-op sink;
 *  (b) over TCP: redis-benchmark -t set,get -n 200000 -c 50 -q, without and with -P 16, against our
 *      server (a tsx child process, as users run it) and a real redis-server, with the ratio ours/real.
 *  (c) data types, (d) streams and Pub/Sub, (e) Lua scripts, (f) RDB SAVE/load: see datatypes.ts,
 *      messaging.ts, scripting.ts, persistence.ts.
 *  (g) the built site in Chromium: load to interactive, JS shipped, frame times (browser.ts); in the
 *      default run only when a Chromium can be launched.
 * BENCH_SKIP_TCP=1 skips the TCP parts (and f); BENCH_ONLY=types|messaging|scripting|persistence|browser
 * runs one part.
 */
import { startRedis } from '../test/diff/redis.ts';
import { findPid, processTreeCpuMs } from './cpu.ts';
import { benchInProcess } from './inprocess.ts';
import { formatOps, formatTable } from './table.ts';
import { redisBenchmark, startOurServer } from './tcp.ts';
import { benchDataTypes } from './datatypes.ts';
import { benchMessaging } from './messaging.ts';
import { benchScripting } from './scripting.ts';
import { benchPersistence } from './persistence.ts';
import { benchBrowser } from './browser.ts';
import { chromiumAvailable } from './browser-serve.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);
const MODES: { label: string; args: string[] }[] = [
  { label: 'no pipeline', args: [] },
  { label: '-P 16', args: ['-P', '16'] },
];

function inProcess(): void {
  const keys = 10_000;
  const results = benchInProcess(1_000_000, keys, 3);
  console.log(
    `(a) In-process dispatcher, 1,000,000 ops each over ${keys.toLocaleString('en-US')} keys, best of 3`,
  );
  const rows = results.map((r) => [r.command, formatOps(r.opsPerSec), formatOps(r.opsPerCpuSec)]);
  console.log(formatTable(['command', 'ops/s (wall)', 'ops/s (cpu time)'], rows));
  console.log();
}

/** Runs one redis-benchmark and measures the server's CPU time over it. */
async function measure(
  port: number,
  pid: number | undefined,
  args: string[],
): Promise<Record<string, number>> {
  const cpu0 = pid === undefined ? NaN : processTreeCpuMs(pid);
  const { rps } = await redisBenchmark(port, args);
  const cpuMs = pid === undefined ? NaN : processTreeCpuMs(pid) - cpu0;
  return { ...rps, cpuUsPerRequest: (cpuMs * 1000) / (2 * REQUESTS) };
}

async function overTcp(): Promise<void> {
  const ours = await startOurServer();
  const real = await startRedis();
  const realPid = findPid(['redis-server', `:${real.port}`]);
  const rows: string[][] = [];
  try {
    for (const mode of MODES) {
      const args = ['-t', 'set,get', '-n', String(REQUESTS), '-c', '50', ...mode.args];
      const a = await measure(ours.port, ours.pid, args);
      const b = await measure(real.port, realPid, args);
      for (const test of ['SET', 'GET']) {
        const x = a[test] ?? NaN;
        const y = b[test] ?? NaN;
        rows.push([`${test} (${mode.label})`, formatOps(x), formatOps(y), (x / y).toFixed(2)]);
      }
      const cpu = (n: number | undefined): string => (n === undefined || isNaN(n) ? '?' : n.toFixed(1));
      rows.push([`  server CPU us/request`, cpu(a.cpuUsPerRequest), cpu(b.cpuUsPerRequest), '']);
    }
  } finally {
    await ours.stop();
    await real.stop();
  }
  console.log(`(b) redis-benchmark -t set,get -n ${REQUESTS} -c 50 -q [-P 16]`);
  console.log(formatTable(['test', 'ours req/s', 'redis req/s', 'ours/real'], rows));
}

const only = process.env.BENCH_ONLY;
if (!only) {
  inProcess();
  if (process.env.BENCH_SKIP_TCP !== '1') await overTcp();
}

// (c) data-type figures (bench/datatypes.ts); BENCH_SKIP_TYPES=1 skips them.
if ((!only || only === 'types') && process.env.BENCH_SKIP_TYPES !== '1') await benchDataTypes();

// (d) streams and Pub/Sub (bench/messaging.ts); BENCH_SKIP_MESSAGING=1 skips them.
if ((!only || only === 'messaging') && process.env.BENCH_SKIP_MESSAGING !== '1') await benchMessaging();

// (e) Lua scripts (bench/scripting.ts); BENCH_SKIP_SCRIPTING=1 skips them.
if ((!only || only === 'scripting') && process.env.BENCH_SKIP_SCRIPTING !== '1') await benchScripting();

// (f) RDB SAVE and load of 1M keys against redis-server (bench/persistence.ts); BENCH_SKIP_PERSISTENCE=1 skips.
if (
  (!only || only === 'persistence') &&
  process.env.BENCH_SKIP_PERSISTENCE !== '1' &&
  process.env.BENCH_SKIP_TCP !== '1'
) {
  await benchPersistence();
}

// (g) the site in Chromium (bench/browser.ts); BENCH_SKIP_BROWSER=1 skips it.
if (only === 'browser' || (!only && process.env.BENCH_SKIP_BROWSER !== '1' && (await chromiumAvailable()))) {
  await benchBrowser();
}
