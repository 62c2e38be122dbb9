/*
 * `npm run bench`, part (e): Lua scripts (issue #7). Reports, never asserts:
 *   (e1) in-process, through node.execute(): EVALSHA of the distributed-lock release script (the token
 *        matches: GET + DEL; and a miss: GET only), a token-bucket rate limiter (HMGET, arithmetic,
 *        HSET, PEXPIRE), and a pure-Lua loop (1,000 iterations of arithmetic and a table write) that
 *        shows the interpreter's own speed;
 *   (e2) over TCP against our server and a real redis-server in the same run: redis-benchmark running
 *        EVALSHA of the lock release (a miss, so every request does the same work), with the server CPU
 *        time per request and the ratio ours/real.
 * BENCH_SKIP_TCP=1 skips (e2).
 */
import { createHash } from 'node:crypto';
import { startRedis } from '../test/diff/redis.ts';
import { findPid, processTreeCpuMs } from './cpu.ts';
import { argv, bestRounds, formatNs, newBenchNode, timeBatch, type Cost } from './dt-timing.ts';
import { formatOps, formatTable } from './table.ts';
import { redisBenchmark, startOurServer } from './tcp.ts';

const LOCK_RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

const TOKEN_BUCKET = `local rate, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1 allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return allowed`;

const PURE_LUA = `local t, s = {}, 0
for i = 1, 1000 do s = s + i * 2 t[i % 64 + 1] = s end
return s`;

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

function evalshaCost(script: string, n: number, args: (i: number) => string[], setup?: string[][]): Cost {
  return bestRounds(3, () => {
    const b = newBenchNode();
    b.run('SCRIPT', 'LOAD', script);
    for (const cmd of setup ?? []) b.run(...cmd);
    const sha = sha1(script);
    const cmds = Array.from({ length: n }, (_, i) => argv('EVALSHA', sha, ...args(i)));
    const cost = timeBatch(b, cmds);
    b.close();
    return cost;
  });
}

function inProcess(): void {
  // A hit releases the lock, so each command re-acquires it first: the pair's cost minus a SET's.
  const set = bestRounds(3, () => {
    const b = newBenchNode();
    const cost = timeBatch(
      b,
      Array.from({ length: 100_000 }, () => argv('SET', 'lock', 'token')),
    );
    b.close();
    return cost;
  });
  const hitPair = bestRounds(3, () => {
    const b = newBenchNode();
    b.run('SCRIPT', 'LOAD', LOCK_RELEASE);
    const sha = sha1(LOCK_RELEASE);
    const cmds = Array.from({ length: 100_000 }, (_, i) =>
      i % 2 === 0 ? argv('SET', 'lock', 'token') : argv('EVALSHA', sha, '1', 'lock', 'token'),
    );
    const c = timeBatch(b, cmds);
    b.close();
    return { wallNs: c.wallNs * 2, cpuNs: c.cpuNs * 2 };
  });
  const hit = { wallNs: hitPair.wallNs - set.wallNs, cpuNs: hitPair.cpuNs - set.cpuNs };
  const miss = evalshaCost(LOCK_RELEASE, 100_000, () => ['1', 'lock', 'other'], [['SET', 'lock', 'token']]);
  const bucket = evalshaCost(TOKEN_BUCKET, 100_000, (i) => ['1', 'bucket', '10', '20', String(1000 + i)]);
  const pure = evalshaCost(PURE_LUA, 5_000, () => ['0']);
  const row = (name: string, c: Cost): string[] => [
    name,
    formatNs(c.cpuNs),
    `${formatOps(1e9 / c.cpuNs)}/s`,
    `${formatOps(1e9 / c.wallNs)}/s`,
  ];
  console.log('(e1) Lua scripts in-process (best of 3, CPU time per EVALSHA)');
  console.log(
    formatTable(
      ['script', 'cost (cpu)', 'rate (cpu)', 'rate (wall)'],
      [
        row('lock release, token matches (GET + DEL)', hit),
        row('lock release, other token (GET)', miss),
        row('token bucket (HMGET, HSET, PEXPIRE)', bucket),
        row('pure Lua: 1,000-iteration loop', pure),
      ],
    ),
  );
  console.log();
}

async function tcpFigure(port: number, pid: number | undefined, pipeline: string[]): Promise<number[]> {
  const n = 200_000;
  const cpu0 = pid === undefined ? NaN : processTreeCpuMs(pid);
  const sha = sha1(LOCK_RELEASE);
  const args = ['-n', String(n), '-c', '50', ...pipeline, 'EVALSHA', sha, '1', 'lock', 'other'];
  const { rps } = await redisBenchmark(port, args);
  const cpuMs = pid === undefined ? NaN : processTreeCpuMs(pid) - cpu0;
  return [Object.values(rps)[0] ?? NaN, (cpuMs * 1000) / n];
}

async function overTcp(): Promise<void> {
  const ours = await startOurServer();
  const real = await startRedis();
  const realPid = findPid(['redis-server', `:${real.port}`]);
  try {
    const rows: string[][] = [];
    for (const [label, pipeline] of [
      ['no pipeline', []],
      ['-P 16', ['-P', '16']],
    ] as const) {
      for (const port of [ours.port, real.port]) {
        await redisBenchmark(port, ['-n', '1', 'SCRIPT', 'LOAD', LOCK_RELEASE]);
        await redisBenchmark(port, ['-n', '1', 'SET', 'lock', 'token']);
      }
      const [ourRps, ourCpu] = await tcpFigure(ours.port, ours.pid, [...pipeline]);
      const [realRps, realCpu] = await tcpFigure(real.port, realPid, [...pipeline]);
      rows.push([
        `EVALSHA lock release (${label})`,
        formatOps(ourRps!),
        formatOps(realRps!),
        ourCpu!.toFixed(1),
        realCpu!.toFixed(1),
        (realCpu! / ourCpu!).toFixed(2),
      ]);
    }
    console.log('(e2) Over TCP: redis-benchmark EVALSHA against our server and redis-server 7.0 (same run)');
    console.log(
      formatTable(
        ['test', 'ours req/s', 'redis req/s', 'ours cpu us/req', 'redis cpu us/req', 'speed ours/real (cpu)'],
        rows,
      ),
    );
  } finally {
    await ours.stop();
    await real.stop();
  }
}

export async function benchScripting(): Promise<void> {
  inProcess();
  if (process.env.BENCH_SKIP_TCP !== '1') await overTcp();
}
