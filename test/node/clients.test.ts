/*
 * Real clients against our server: redis-cli (as a child process), ioredis and node-redis v5, with
 * binary values and 1000-command pipelines, and isolation between connections when one of them sends
 * garbage.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import IORedis from 'ioredis';
import { createClient, RESP_TYPES } from 'redis';
import { describe, expect, it } from 'vitest';
import { RespConnection } from '../diff/redis.ts';
import { exchange, useOurServer } from './helpers.ts';

const run = promisify(execFile);
const ours = useOurServer();

/** Every byte value, twice, plus CR LF and NUL in awkward places. */
const BINARY = Buffer.from([...Array(256).keys(), ...Array(256).keys(), 13, 10, 0, 13]);

describe('redis-cli', () => {
  it('runs commands given as arguments', async () => {
    const cli = (...args: string[]): Promise<string> =>
      run('redis-cli', ['-p', String(ours.port), ...args]).then((r) => r.stdout);
    expect(await cli('SET', 'cli:k', 'v a l')).toBe('OK\n');
    expect(await cli('GET', 'cli:k')).toBe('v a l\n');
    expect(await cli('GET', 'cli:missing')).toBe('\n');
    expect(await cli('PING')).toBe('PONG\n');
  });

  it('pipes commands from stdin (--pipe mode)', async () => {
    const child = execFile('redis-cli', ['-p', String(ours.port), '--pipe']);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const lines = Array.from({ length: 500 }, (_, i) => `SET pipe:${i} ${i}\r\n`).join('');
    child.stdin!.end(lines);
    await new Promise((r) => child.on('close', r));
    expect(out).toContain('errors: 0, replies: 500');
  });
});

describe('ioredis', () => {
  it('stores and reads binary values, and pipelines 1000 commands', async () => {
    const r = new IORedis({
      port: ours.port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    await r.connect();
    try {
      expect(await r.set(Buffer.from('io:\x00bin', 'latin1'), BINARY)).toBe('OK');
      expect(await r.getBuffer(Buffer.from('io:\x00bin', 'latin1'))).toEqual(BINARY);
      const p = r.pipeline();
      for (let i = 0; i < 500; i++) p.set(`io:${i}`, `value-${i}`);
      for (let i = 0; i < 500; i++) p.get(`io:${i}`);
      const results = (await p.exec())!;
      expect(results.length).toBe(1000);
      expect(results.slice(0, 500).every(([e, v]) => e === null && v === 'OK')).toBe(true);
      expect(results.slice(500).map(([, v]) => v)).toEqual(
        Array.from({ length: 500 }, (_, i) => `value-${i}`),
      );
    } finally {
      r.disconnect();
    }
  });
});

describe('node-redis v5', () => {
  it('stores and reads binary values, and pipelines 1000 commands', async () => {
    const client = createClient({ socket: { port: ours.port, host: '127.0.0.1' } });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const bufs = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      expect(await client.set('nr:bin', BINARY)).toBe('OK');
      expect(await bufs.get('nr:bin')).toEqual(BINARY);
      const multi = client.multi();
      for (let i = 0; i < 500; i++) multi.set(`nr:${i}`, String(i * 3));
      for (let i = 0; i < 500; i++) multi.get(`nr:${i}`);
      const results = await multi.execAsPipeline();
      expect(results.length).toBe(1000);
      expect(results.slice(500)).toEqual(Array.from({ length: 500 }, (_, i) => String(i * 3)));
    } finally {
      await client.quit().catch(() => undefined);
    }
  });
});

describe('isolation', () => {
  it("one client's protocol error leaves the others working", async () => {
    const a = await RespConnection.open(ours.port);
    const b = await RespConnection.open(ours.port);
    try {
      expect(await a.call('SET', 'iso:k', '1')).toEqual({ t: 'simple', s: 'OK' });
      const bad = await exchange(ours.port, ['*1\r\n$-5\r\n']);
      expect(bad).toEqual({ received: '-ERR Protocol error: invalid bulk length\r\n', closed: true });
      expect(await b.call('GET', 'iso:k')).toEqual({ t: 'bulk', b: new Uint8Array([49]) });
      expect(await a.call('PING')).toEqual({ t: 'simple', s: 'PONG' });
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('server-side close', () => {
  it('QUIT answers OK and closes; CLIENT KILL closes another connection', async () => {
    const quit = await exchange(ours.port, ['QUIT\r\nPING\r\n']);
    expect(quit).toEqual({ received: '+OK\r\n', closed: true });
    const victim = await RespConnection.open(ours.port);
    const killer = await RespConnection.open(ours.port);
    try {
      const id = await victim.call('CLIENT', 'ID');
      expect(id.t).toBe('int');
      const n = id.t === 'int' ? String(id.n) : '';
      expect(await killer.call('CLIENT', 'KILL', 'ID', n)).toEqual({ t: 'int', n: 1 });
      for (let i = 0; i < 50 && !victim.closed; i++) await new Promise((r) => setTimeout(r, 10));
      expect(victim.closed).toBe(true);
    } finally {
      victim.close();
      killer.close();
    }
  });
});

describe('protocol desync', () => {
  it('closes a connection that keeps writing after a protocol error', async () => {
    const { Socket } = await import('node:net');
    const s = new Socket();
    let received = '';
    const ended = new Promise<string>((resolve) => {
      s.on('data', (d) => (received += d.toString('latin1')));
      s.on('error', () => resolve('error'));
      s.on('close', () => resolve('close'));
    });
    await new Promise<void>((r) => s.connect(ours.port, '127.0.0.1', () => r()));
    s.write('\x00');
    let stop = false;
    void ended.then(() => (stop = true));
    for (let i = 0; i < 2000 && !stop; i++) {
      s.write('A'.repeat(1024) + '\n');
      await new Promise((r) => setImmediate(r));
    }
    expect(await ended).toMatch(/close|error/);
    // The reset that follows may overtake the error line on the client side, as with Redis.
    expect(['-ERR Protocol error: too big inline request\r\n', '']).toContain(received);
    s.destroy();
  });
});

describe('blocking commands over TCP', () => {
  it('BLPOP times out through the cron tick and wakes on another client’s push', async () => {
    const a = await RespConnection.open(ours.port);
    const b = await RespConnection.open(ours.port);
    try {
      const t0 = Date.now();
      expect(await a.call('BLPOP', 'blk:none', '0.2')).toEqual({ t: 'nilarray' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
      const waiting = a.call('BLPOP', 'blk:list', '0');
      await new Promise((r) => setTimeout(r, 50));
      expect(await b.call('RPUSH', 'blk:list', 'v')).toEqual({ t: 'int', n: 1 });
      const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
      expect(await waiting).toEqual({
        t: 'array',
        a: [
          { t: 'bulk', b: enc('blk:list') },
          { t: 'bulk', b: enc('v') },
        ],
      });
    } finally {
      a.close();
      b.close();
    }
  });
});
