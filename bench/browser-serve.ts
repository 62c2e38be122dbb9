/*
 * What the browser benchmark and the screenshot script share: a fresh production build in a folder of
 * their own (never dist/, which others serve), `vite preview` of it on a free loopback port, and
 * Playwright's Chromium launched as the e2e tests launch it ($CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own download).
 *
 * The preview server is vite's own bin run with node (not through npx), so the PID we hold is the
 * server itself and stopping it cannot leave a child listening.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Whether a Chromium can be launched at all (the default bench run skips the browser part if not). */
export async function chromiumAvailable(): Promise<boolean> {
  try {
    const browser = await launchChromium();
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
}

/** Builds the site into a new temporary folder (or `outDir` when given) and returns that folder. */
export function buildSite(outDir?: string): string {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'redis-playground-build-'));
  const res = spawnSync(process.execPath, [VITE_BIN, 'build', '--outDir', dir, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status})`);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PreviewServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves `dir` with `vite preview` on a free port; resolves once it answers HTTP. */
export async function servePreview(dir: string): Promise<PreviewServer> {
  const port = await freePort();
  const args = [VITE_BIN, 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(process.execPath, [...args, '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, 30_000);
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}
