/*
 * Memory per key for 1M small strings (SET key:<i> value:<i>), ours versus a real redis-server.
 *
 * Ours: measured in a child process started with --expose-gc (a fresh heap, nothing else alive), as
 * the growth of V8's heapUsed plus arrayBuffers (Uint8Array backing stores live outside the V8 heap)
 * between two full collections, one before loading and one after. Run as a script it prints one JSON
 * line; the parent (bench/datatypes.ts) calls ourBytesPerKey().
 *
 * Redis: INFO memory's used_memory before and after loading the same keys through one connection,
 * pipelined in chunks, counting the +OK replies by bytes rather than parsing them.
 */
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { RespConnection, encodeCommand, startRedis } from '../test/diff/redis.ts';
import type { Reply } from '../src/engine/resp/reply.ts';
import { argv, newBenchNode } from './dt-timing.ts';

export interface MemoryFigures {
  keys: number;
  heapBytesPerKey: number;
  bufferBytesPerKey: number;
  loadMs: number;
}

function collect(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}

/** Loads `keys` strings into a fresh node (call with --expose-gc). */
export function measureOurs(keys: number): MemoryFigures {
  const b = newBenchNode();
  const before = collect();
  const t0 = performance.now();
  for (let i = 0; i < keys; i++) b.node.execute(b.client, argv('SET', `key:${i}`, `value:${i}`));
  const loadMs = performance.now() - t0;
  const after = collect();
  const figures = {
    keys,
    heapBytesPerKey: (after.heapUsed - before.heapUsed) / keys,
    bufferBytesPerKey: (after.arrayBuffers - before.arrayBuffers) / keys,
    loadMs,
  };
  b.close();
  return figures;
}

/** Runs measureOurs in a child node with --expose-gc; resolves with its figures. */
export function ourBytesPerKey(keys: number): Promise<MemoryFigures> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', '--import', 'tsx', script, String(keys)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop()!) as MemoryFigures);
      else reject(new Error(`memory child exited with ${code}`));
    });
  });
}

function usedMemory(info: Reply): number {
  const text = info.t === 'bulk' ? new TextDecoder().decode(info.b) : '';
  return Number(/used_memory:(\d+)/.exec(text)?.[1] ?? NaN);
}

/** Sends SET key:i value:i for i < keys, pipelined; resolves when every +OK has arrived. */
function loadRedis(port: number, keys: number): Promise<void> {
  const chunk = 10_000;
  return new Promise((resolve, reject) => {
    const s = new Socket();
    let received = 0;
    const expected = keys * '+OK\r\n'.length;
    s.on('error', reject);
    s.on('data', (d: Buffer) => {
      received += d.length;
      if (received >= expected) s.end(() => resolve());
    });
    s.connect(port, '127.0.0.1', async () => {
      for (let start = 0; start < keys; start += chunk) {
        const parts: Uint8Array[] = [];
        for (let i = start; i < Math.min(keys, start + chunk); i++)
          parts.push(encodeCommand(['SET', `key:${i}`, `value:${i}`]));
        if (!s.write(Buffer.concat(parts))) await new Promise((r) => s.once('drain', r));
      }
    });
  });
}

/** used_memory growth per key of a real redis-server for the same data. */
export async function redisBytesPerKey(keys: number): Promise<{ bytesPerKey: number; loadMs: number }> {
  const redis = await startRedis();
  try {
    const c = await RespConnection.open(redis.port);
    const before = usedMemory(await c.call('INFO', 'memory'));
    const t0 = performance.now();
    await loadRedis(redis.port, keys);
    const loadMs = performance.now() - t0;
    const after = usedMemory(await c.call('INFO', 'memory'));
    c.close();
    return { bytesPerKey: (after - before) / keys, loadMs };
  } finally {
    await redis.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(measureOurs(Number(process.argv[2] ?? 1_000_000))));
}
