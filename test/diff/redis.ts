/*
 * Differential testing against the real thing: starts a private redis-server on a free loopback port
 * (no persistence, debug commands enabled) and talks RESP to it with a tiny client built on our own
 * reply parser. The same commands go to an in-process engine node; replies are compared as RESP bytes
 * (ours encoded, Redis's re-encoded after parsing), so every type, error text and nesting must match.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, Socket } from 'node:net';
import { bin, utf8, type Bytes } from '../../src/engine/bytes.ts';
import { RespWriter } from '../../src/engine/resp/encode.ts';
import { ReplyParser } from '../../src/engine/resp/reply-parser.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RealRedis {
  port: number;
  stop(): Promise<void>;
}

/** Starts redis-server (from PATH or $REDIS_SERVER) on a free port; resolves once it answers. */
export async function startRedis(extraArgs: string[] = []): Promise<RealRedis> {
  const port = await freePort();
  const bin = process.env.REDIS_SERVER ?? 'redis-server';
  // Its own empty folder: a dump.rdb left in the working directory would otherwise be loaded (LOADING).
  const dir = mkdtempSync(join(tmpdir(), 'diff-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  args.push('--enable-debug-command', 'yes', '--daemonize', 'no', '--logfile', '', '--loglevel', 'warning');
  const child: ChildProcess = spawn(bin, [...args, ...extraArgs], { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 100; i++) {
    if (exited)
      throw new Error(`${bin} exited at start (is redis-server installed? apt-get install redis-server)`);
    try {
      const c = await RespConnection.open(port);
      const pong = await c.call('PING');
      c.close();
      // Any answer but LOADING (NOAUTH with --requirepass is fine): the server is serving.
      if (pong.t === 'error' && pong.s.startsWith('LOADING')) throw new Error('still loading');
      return {
        port,
        stop: () =>
          new Promise<void>((resolve) => {
            const done = () => {
              rmSync(dir, { recursive: true, force: true });
              resolve();
            };
            if (exited) return done();
            child.once('exit', done);
            child.kill('SIGKILL');
          }),
      };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

/** A minimal RESP client: one command at a time, or pipelined with callMany(). */
export class RespConnection {
  private readonly parser = new ReplyParser();
  private readonly waiting: ((r: Reply) => void)[] = [];
  private readonly pushes: Reply[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.parser.feed(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      for (let r = this.parser.next(); r !== undefined; r = this.parser.next()) {
        const w = this.waiting.shift();
        if (w) w(r);
        else this.pushes.push(r);
      }
    });
    socket.on('close', () => {
      this.closed = true;
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<RespConnection> {
    return new Promise((resolve, reject) => {
      const s = new Socket();
      s.once('error', reject);
      s.connect(port, host, () => {
        s.removeListener('error', reject);
        s.on('error', () => undefined);
        resolve(new RespConnection(s));
      });
    });
  }

  /** Sends raw bytes (for protocol tests). */
  sendRaw(b: Uint8Array | string): void {
    this.socket.write(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);
  }

  /** Waits for the next reply (or undefined if the connection closes first / timeout). */
  nextReply(timeoutMs = 2000): Promise<Reply | undefined> {
    const p = this.pushes.shift();
    if (p) return Promise.resolve(p);
    return new Promise((resolve) => {
      // A waiter that gave up (timeout, close) leaves the queue, so it cannot swallow a later reply.
      const waiter = (r: Reply): void => {
        clearTimeout(t);
        this.socket.removeListener('close', onClose);
        resolve(r);
      };
      const giveUp = (): void => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        this.socket.removeListener('close', onClose);
        resolve(undefined);
      };
      const t = setTimeout(giveUp, timeoutMs);
      const onClose = (): void => {
        clearTimeout(t);
        giveUp();
      };
      this.socket.once('close', onClose);
      this.waiting.push(waiter);
    });
  }

  call(...args: (string | Bytes)[]): Promise<Reply> {
    this.sendRaw(encodeCommand(args));
    return this.nextReply(10000).then((r) => r ?? { t: 'error', s: '<connection closed>' });
  }

  close(): void {
    this.socket.destroy();
  }
}

export function encodeCommand(args: readonly (string | Bytes)[]): Uint8Array {
  const w = new RespWriter(64);
  w.ascii(`*${args.length}\r\n`);
  for (const a of args) {
    const b = typeof a === 'string' ? utf8(a) : a;
    w.ascii(`$${b.length}\r\n`);
    w.bytes(b);
    w.ascii('\r\n');
  }
  return w.take();
}

/**
 * A reply as comparable text: its RESP encoding with bytes escaped. With `unordered`, array elements
 * (and map entries) are sorted first, for replies Redis documents as unordered (KEYS, SMEMBERS, ...).
 */
export function replyText(r: Reply | undefined, resp: 2 | 3 = 2, unordered = false): string {
  if (r === undefined) return '<no reply>';
  const w = new RespWriter(64);
  w.write(unordered ? sortReply(r) : r, resp);
  return JSON.stringify(bin(w.take()));
}

function sortReply(r: Reply): Reply {
  const key = (x: Reply): string => replyText(x);
  if (r.t === 'array' || r.t === 'set') return { ...r, a: [...r.a].sort((a, b) => cmp(key(a), key(b))) };
  if (r.t === 'map') return { ...r, m: [...r.m].sort((a, b) => cmp(key(a[0]), key(b[0]))) };
  return r;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
