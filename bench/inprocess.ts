/*
 * In-process throughput of the engine's hot path: node.execute() on pre-built argv through the whole
 * dispatcher (lookup, arity, stats, handler, reply delivery) with a sink that drops replies, on the
 * real-time clock the Node host uses. Keys cycle over a fixed keyspace as redis-benchmark's
 * __rand_int__ does, so GETs hit. A warm-up pass lets the JIT settle before timing.
 */
import { utf8, type Bytes } from '../src/engine/bytes.ts';
import { SeededRandom } from '../src/engine/ds/prng.ts';
import { ServerNode } from '../src/engine/server/node.ts';
import { RealClock } from '../src/node/clock.ts';

export interface InProcessResult {
  command: string;
  ops: number;
  /** Operations per second of wall time. */
  opsPerSec: number;
  /** Operations per second of CPU time used by this process (robust when other work shares the cores). */
  opsPerCpuSec: number;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function buildArgv(cmd: 'SET' | 'GET', keys: number): Bytes[][] {
  const value = utf8('xxx');
  const name = utf8(cmd);
  const out: Bytes[][] = [];
  for (let i = 0; i < keys; i++) {
    const key = utf8(`key:${String(i).padStart(12, '0')}`);
    out.push(cmd === 'SET' ? [name, key, value] : [name, key]);
  }
  return out;
}

function timeRun(node: ServerNode, argvs: Bytes[][], ops: number): Timing {
  const c = node.connect({ write: () => undefined, close: () => undefined });
  const n = argvs.length;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) node.execute(c, argvs[i % n]!);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  node.disconnect(c);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Runs SET then GET, `ops` each, over `keys` distinct keys; the best of `rounds` runs. */
export function benchInProcess(ops = 1_000_000, keys = 10_000, rounds = 3): InProcessResult[] {
  const node = new ServerNode({ clock: new RealClock(), random: new SeededRandom(1) });
  const results: InProcessResult[] = [];
  for (const cmd of ['SET', 'GET'] as const) {
    const argvs = buildArgv(cmd, keys);
    timeRun(node, argvs, Math.min(ops, 300_000));
    let best: Timing = { wallMs: Infinity, cpuMs: Infinity };
    for (let r = 0; r < rounds; r++) {
      const t = timeRun(node, argvs, ops);
      best = { wallMs: Math.min(best.wallMs, t.wallMs), cpuMs: Math.min(best.cpuMs, t.cpuMs) };
    }
    results.push({
      command: cmd,
      ops,
      opsPerSec: (ops * 1000) / best.wallMs,
      opsPerCpuSec: (ops * 1000) / best.cpuMs,
    });
  }
  return results;
}
