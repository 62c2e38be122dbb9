/*
 * `npm run bench`, part (c): data-type figures (the "every data type" issue). Reports, never asserts:
 *   - ZADD / ZRANK / ZRANGE per-command cost on a 1k- versus a 1M-member sorted set, and the ratio
 *     cost@1M / cost@1k (target: within 3x, as a skiplist's O(log N) promises);
 *   - LPUSH / LPOP on a 1M-element list;
 *   - PFADD elements/s with 1 and 100 elements per call;
 *   - memory per key for 1M small strings, ours (V8 heap) versus redis-server's used_memory.
 * Ratios use CPU time (steadier than wall time when other processes share the cores).
 * BENCH_TYPES_BIG overrides the large size (default 1,000,000), e.g. for a quick run.
 */
import { benchList, benchPfadd } from './dt-list-hll.ts';
import { ourBytesPerKey, redisBytesPerKey } from './dt-memory.ts';
import { formatNs } from './dt-timing.ts';
import { redisZrankCpuNs } from './dt-zset-redis.ts';
import { benchZset, ZSET_OPS } from './dt-zset.ts';
import { formatOps, formatTable } from './table.ts';

const BIG = Number(process.env.BENCH_TYPES_BIG ?? 1_000_000);
const SMALL = 1000;
const RATIO_TARGET = 3;

function sizeLabel(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}

async function zsetTable(): Promise<void> {
  const small = benchZset(SMALL, 50_000, 3);
  const big = benchZset(BIG, 20_000, 3);
  const rows = ZSET_OPS.map((op) => {
    const a = small.costs.get(op)!;
    const b = big.costs.get(op)!;
    const ratio = b.cpuNs / a.cpuNs;
    const verdict = ratio <= RATIO_TARGET ? 'ok' : 'ABOVE';
    return [op, formatNs(a.cpuNs), formatNs(b.cpuNs), formatNs(b.wallNs), ratio.toFixed(2), verdict];
  });
  const [s, b] = [sizeLabel(SMALL), sizeLabel(BIG)];
  console.log(`(c1) Sorted sets, cost per command (CPU time, best of 3), ${s} vs ${b} members`);
  console.log(
    `     ${b} set built with ZADD x 1000 members per call in ${(big.buildMs / 1000).toFixed(1)} s`,
  );
  const header = ['command', `@${s} cpu`, `@${b} cpu`, `@${b} wall`, `${b}/${s}`];
  console.log(formatTable([...header, `target <= ${RATIO_TARGET}`], rows));
  const [rs, rb] = await redisZrankCpuNs([SMALL, BIG]);
  const ref = `${formatNs(rs!)} @${s}, ${formatNs(rb!)} @${b}, ratio ${(rb! / rs!).toFixed(2)}`;
  console.log(`     reference, redis-server 7.0 ZRANK server CPU per command (incl. protocol): ${ref}`);
  console.log();
}

function listAndHllTable(): void {
  const list = benchList(BIG, 200_000, 3);
  const rows: string[][] = [];
  for (const [name, c] of [
    ['LPUSH', list.lpush],
    ['LPOP', list.lpop],
  ] as const) {
    rows.push([name, formatNs(c.cpuNs), formatOps(1e9 / c.cpuNs), formatOps(1e9 / c.wallNs)]);
  }
  console.log(
    `(c2) List of ${sizeLabel(BIG)} elements (built with RPUSH x 1000 in ${(list.buildMs / 1000).toFixed(1)} s)`,
  );
  console.log(formatTable(['command', 'cost (cpu)', 'ops/s (cpu)', 'ops/s (wall)'], rows));
  console.log();
  const hll = [benchPfadd(1, 200_000, 3), benchPfadd(100, 1_000_000, 3)];
  const hllRows = hll.map((h) => [
    `PFADD x ${h.perCall}`,
    formatOps(h.elementsPerCpuSec),
    formatOps(h.elementsPerSec),
  ]);
  console.log('(c3) PFADD of distinct elements into one HyperLogLog (dense after the first few thousand)');
  console.log(formatTable(['elements per call', 'elements/s (cpu)', 'elements/s (wall)'], hllRows));
  console.log();
}

async function memoryTable(): Promise<void> {
  const ours = await ourBytesPerKey(BIG);
  const real = await redisBytesPerKey(BIG);
  const ourTotal = ours.heapBytesPerKey + ours.bufferBytesPerKey;
  console.log(`(c4) Memory for ${sizeLabel(BIG)} x SET key:<i> value:<i>, bytes per key`);
  const rows = [
    ['ours: V8 heapUsed + arrayBuffers growth', ourTotal.toFixed(1), (ours.loadMs / 1000).toFixed(1)],
    [
      'redis-server 7.0: INFO used_memory growth',
      real.bytesPerKey.toFixed(1),
      (real.loadMs / 1000).toFixed(1),
    ],
    ['ours / redis', (ourTotal / real.bytesPerKey).toFixed(2), ''],
  ];
  console.log(formatTable(['measure', 'bytes/key', 'load s'], rows));
  console.log();
}

/** Runs every data-type benchmark and prints its tables. */
export async function benchDataTypes(): Promise<void> {
  console.log();
  await zsetTable();
  listAndHllTable();
  await memoryTable();
}
