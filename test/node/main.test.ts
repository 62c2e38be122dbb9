/*
 * The server as users start it: `tsx src/node/main.ts --port N --name value`, checked for its ready
 * line, a config override taking effect, and a clean exit on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort, RespConnection } from '../diff/redis.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run server', () => {
  it('starts, applies --name value overrides, and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(
      `${ROOT}node_modules/.bin/tsx`,
      ['src/node/main.ts', '--port', String(port), '--hz', '25', '--save', ''],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      for (let i = 0; i < 300 && !out.includes('Ready to accept connections'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(out).toMatch(/^\d+:M \d\d \w{3} \d{4} [\d:.]+ \* Ready to accept connections tcp$/m);
      const c = await RespConnection.open(port);
      expect(await c.call('PING')).toEqual({ t: 'simple', s: 'PONG' });
      const hz = await c.call('CONFIG', 'GET', 'hz');
      expect(hz.t === 'array' && hz.a[1]).toEqual({ t: 'bulk', b: new TextEncoder().encode('25') });
      c.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses an unknown directive like redis-server', async () => {
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['src/node/main.ts', '--no-such-option', 'x'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toContain('FATAL CONFIG FILE ERROR');
  });
});

describe('npm run server logging', () => {
  it('honours --loglevel warning (no notice lines)', async () => {
    const port = await freePort();
    const child = spawn(
      `${ROOT}node_modules/.bin/tsx`,
      ['src/node/main.ts', '--port', String(port), '--loglevel', 'warning', '--save', ''],
      { cwd: ROOT, stdio: 'pipe' },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let up = false;
    for (let i = 0; i < 300 && !up; i++) {
      await new Promise((r) => setTimeout(r, 50));
      up = await RespConnection.open(port).then(
        (c) => (c.close(), true),
        () => false,
      );
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(up).toBe(true);
    expect(out).toContain(' # Redis playground');
    expect(out).not.toContain('Ready to accept connections');
  });
});
