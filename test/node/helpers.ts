/*
 * Helpers for host tests: our RESP server in-process on a free port, and a raw socket that sends bytes
 * and records everything the server answers until it closes the connection or goes quiet, so replies
 * and close behaviour can be compared byte for byte with a real redis-server.
 */
import { Socket } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { RespServer } from '../../src/node/server.ts';
import { freePort } from '../diff/redis.ts';

export interface OurServer {
  port: number;
  server: RespServer;
}

/** Starts our server before the tests of the file and stops it after. */
export function useOurServer(config: Record<string, string> = {}): OurServer {
  const s = { port: 0 } as OurServer;
  beforeAll(async () => {
    s.port = await freePort();
    s.server = new RespServer({ port: s.port, config: { 'enable-debug-command': 'yes', ...config } });
    await s.server.start();
  });
  afterAll(async () => {
    await s.server?.stop();
  });
  return s;
}

export interface RawExchange {
  /** Everything received, as a binary string. */
  received: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/**
 * Connects, sends each chunk (pausing between chunks so they arrive as separate reads), then waits
 * until the server closes the connection or `quietMs` pass without data.
 */
export function exchange(port: number, chunks: readonly string[], quietMs = 250): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const s = new Socket();
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      s.destroy();
      resolve({ received, closed });
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), quietMs);
    };
    s.on('data', (d) => {
      received += d.toString('latin1');
      arm();
    });
    s.on('close', () => finish(true));
    s.on('end', () => finish(true));
    let connected = false;
    // A reset after connecting (the server closed with input unread) counts as a close.
    s.on('error', (e) => (connected ? finish(true) : reject(e)));
    s.connect(port, '127.0.0.1', async () => {
      connected = true;
      for (const c of chunks) {
        if (s.destroyed) break;
        s.write(Buffer.from(c, 'latin1'));
        await new Promise((r) => setTimeout(r, 20));
      }
      arm();
    });
  });
}
