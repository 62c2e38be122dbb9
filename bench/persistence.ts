/*
 * `npm run bench`, part (f): RDB persistence (issue #6). Reports, never asserts. Both servers run over
 * TCP as users run them (ours: `npm run server -- --dir D`; redis-server --dir D'), each in its own
 * temporary folder, filled with the same 1,000,000 small keys by DEBUG POPULATE. Then, timed from the
 * client (redis-cli), with the server's CPU time over each step:
 *   - SAVE (serialize and write dump.rdb);
 *   - DEBUG RELOAD (save, flush, load the file again); load = DEBUG RELOAD - SAVE;
 * and the file sizes, which should be equal (same data, same format).
 * BENCH_PERSIST_KEYS overrides the key count.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startRedis } from '../test/diff/redis.ts';
import { findPid, processTreeCpuMs } from './cpu.ts';
import { formatTable } from './table.ts';
import { startOurServer } from './tcp.ts';

const run = promisify(execFile);
const KEYS = Number(process.env.BENCH_PERSIST_KEYS ?? 1_000_000);

interface Step {
  wallMs: number;
  cpuMs: number;
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), ...args], { timeout: 600_000 });
  return stdout.trim();
}

async function timed(port: number, pid: number | undefined, ...args: string[]): Promise<Step> {
  const cpu0 = pid === undefined ? NaN : processTreeCpuMs(pid);
  const t0 = performance.now();
  const out = await cli(port, ...args);
  const wallMs = performance.now() - t0;
  if (out !== 'OK') throw new Error(`${args.join(' ')} answered ${out}`);
  return { wallMs, cpuMs: pid === undefined ? NaN : processTreeCpuMs(pid) - cpu0 };
}

async function measure(port: number, pid: number | undefined, dir: string): Promise<Record<string, number>> {
  await cli(port, 'DEBUG', 'POPULATE', String(KEYS));
  const keys = Number(await cli(port, 'DBSIZE'));
  if (keys !== KEYS) throw new Error(`DBSIZE ${keys} after DEBUG POPULATE ${KEYS}`);
  const save = await timed(port, pid, 'SAVE');
  const reload = await timed(port, pid, 'DEBUG', 'RELOAD');
  return {
    saveWall: save.wallMs,
    saveCpu: save.cpuMs,
    loadWall: reload.wallMs - save.wallMs,
    loadCpu: reload.cpuMs - save.cpuMs,
    bytes: statSync(join(dir, 'dump.rdb')).size,
  };
}

export async function benchPersistence(): Promise<void> {
  const ourDir = mkdtempSync(join(tmpdir(), 'bench-ours-'));
  const realDir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const ours = await startOurServer(['--dir', ourDir, '--enable-debug-command', 'yes']);
  const real = await startRedis(['--dir', realDir]);
  const realPid = findPid(['redis-server', `:${real.port}`]);
  try {
    const a = await measure(ours.port, ours.pid, ourDir);
    const b = await measure(real.port, realPid, realDir);
    const ms = (n: number | undefined): string => (n === undefined || isNaN(n) ? '?' : n.toFixed(0));
    const ratio = (x: number | undefined, y: number | undefined): string =>
      x && y ? (y / x).toFixed(2) : '?';
    const rows = [
      ['SAVE, wall ms', ms(a.saveWall), ms(b.saveWall), ratio(a.saveWall, b.saveWall)],
      ['SAVE, server cpu ms', ms(a.saveCpu), ms(b.saveCpu), ratio(a.saveCpu, b.saveCpu)],
      ['load (DEBUG RELOAD - SAVE), wall ms', ms(a.loadWall), ms(b.loadWall), ratio(a.loadWall, b.loadWall)],
      ['load, server cpu ms', ms(a.loadCpu), ms(b.loadCpu), ratio(a.loadCpu, b.loadCpu)],
      ['dump.rdb bytes', String(a.bytes), String(b.bytes), ''],
    ];
    console.log(
      `(f) RDB SAVE and load of ${KEYS.toLocaleString('en-US')} small keys (DEBUG POPULATE), same run`,
    );
    console.log(formatTable(['step', 'ours', 'redis', 'speed ours/real'], rows));
    console.log();
  } finally {
    await ours.stop();
    await real.stop();
    rmSync(ourDir, { recursive: true, force: true });
    rmSync(realDir, { recursive: true, force: true });
  }
}
