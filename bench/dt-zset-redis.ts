/*
 * The reference for the sorted-set scaling figures: the same ZRANK on a real redis-server with a 1k
 * and a 1M member sorted set, as server CPU time per command (measured from /proc over a pipelined
 * redis-benchmark run, so it includes Redis's protocol handling, which dominates at 1k). It shows how
 * much of our ratio the machine's memory latency explains: a C skiplist pays the same cache misses.
 * Members are m:<12-digit i>, matching redis-benchmark's __rand_int__ substitution.
 */
import { execFileSync } from 'node:child_process';
import { RespConnection, startRedis } from '../test/diff/redis.ts';
import { findPid, processTreeCpuMs } from './cpu.ts';

async function loadZset(c: RespConnection, key: string, size: number): Promise<void> {
  for (let start = 0; start < size; start += 1000) {
    const args = ['ZADD', key];
    for (let i = start; i < Math.min(size, start + 1000); i++)
      args.push(String((i * 7919) % size), `m:${String(i).padStart(12, '0')}`);
    await c.call(...args);
  }
}

/** Server CPU nanoseconds per ZRANK on a real redis-server, for each size. */
export async function redisZrankCpuNs(sizes: readonly number[], requests = 300_000): Promise<number[]> {
  const redis = await startRedis();
  const pid = findPid(['redis-server', `:${redis.port}`]);
  const out: number[] = [];
  try {
    const c = await RespConnection.open(redis.port);
    for (const size of sizes) {
      const key = `z${size}`;
      await loadZset(c, key, size);
      const args = ['-p', String(redis.port), '-n', String(requests), '-P', '32', '-c', '4', '-q'];
      const cpu0 = pid === undefined ? NaN : processTreeCpuMs(pid);
      execFileSync('redis-benchmark', [...args, '-r', String(size), 'ZRANK', key, 'm:__rand_int__']);
      const cpuMs = pid === undefined ? NaN : processTreeCpuMs(pid) - cpu0;
      out.push((cpuMs * 1e6) / requests);
    }
    c.close();
  } finally {
    await redis.stop();
  }
  return out;
}
