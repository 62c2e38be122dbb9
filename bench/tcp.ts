/*
 * TCP benchmark pieces: our server started as users start it (a child process through tsx running
 * src/node/main.ts), a real redis-server (startRedis from the differential tests), and a runner for
 * redis-benchmark whose quiet output ("SET: 81234.50 requests per second, p50=...") is parsed into
 * figures per test.
 */
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../test/diff/redis.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  port: number;
  /** The process to measure (its descendants included). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts `tsx src/node/main.ts --port N [extra...]` and resolves once it prints its ready line. */
export async function startOurServer(extra: readonly string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const tsx = `${ROOT}node_modules/.bin/tsx`;
  const child = spawn(tsx, ['src/node/main.ts', '--port', String(port), '--save', '', ...extra], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`our server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`our server exited (${code}):\n${output}`)));
  });
  return {
    port,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface BenchmarkFigures {
  /** requests per second by test name (SET, GET). */
  rps: Record<string, number>;
}

/** Runs redis-benchmark against 127.0.0.1:port with the given extra arguments. */
export async function redisBenchmark(port: number, args: readonly string[]): Promise<BenchmarkFigures> {
  const { stdout } = await run('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-q', ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const rps: Record<string, number> = {};
  for (const line of stdout.split(/[\r\n]+/)) {
    const m = /^"?(.+?)"?: ([\d.]+) requests per second/.exec(line.trim());
    if (m) rps[m[1]!] = Number(m[2]);
  }
  return { rps };
}
