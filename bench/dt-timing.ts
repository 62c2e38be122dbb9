/*
 * Shared timing helpers for the data-type benchmarks (bench/datatypes.ts): a node on the real-time
 * clock with a client whose sink drops replies (as bench/inprocess.ts), and a timer that runs a batch
 * of pre-built argv through node.execute() and reports the cost per command in nanoseconds.
 *
 * Argv is always built before the timer starts so the figures are the engine's cost, not the cost of
 * encoding strings. Each figure is the best of a few rounds (the least disturbed by other processes on
 * the shared cores); wall and CPU time are both kept, CPU time being the steadier of the two.
 */
import { utf8, type Bytes } from '../src/engine/bytes.ts';
import { SeededRandom } from '../src/engine/ds/prng.ts';
import type { Client } from '../src/engine/server/client.ts';
import { ServerNode } from '../src/engine/server/node.ts';
import { RealClock } from '../src/node/clock.ts';

export interface BenchNode {
  node: ServerNode;
  client: Client;
  /** Runs one command, ignoring its reply. */
  run(...args: (string | Bytes)[]): void;
  close(): void;
}

export function newBenchNode(seed = 1): BenchNode {
  const node = new ServerNode({ clock: new RealClock(), random: new SeededRandom(seed) });
  const client = node.connect({ write: () => undefined, close: () => undefined });
  return {
    node,
    client,
    run: (...args) =>
      node.execute(
        client,
        args.map((a) => (typeof a === 'string' ? utf8(a) : a)),
      ),
    close: () => node.disconnect(client),
  };
}

export interface Cost {
  /** Nanoseconds of wall time per command. */
  wallNs: number;
  /** Nanoseconds of this process's CPU time per command. */
  cpuNs: number;
}

/** Executes every argv once; the time per command. */
export function timeBatch(b: BenchNode, argvs: readonly Bytes[][]): Cost {
  const { node, client } = b;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < argvs.length; i++) node.execute(client, argvs[i]!);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const n = argvs.length;
  return { wallNs: (wallMs * 1e6) / n, cpuNs: ((cpu.user + cpu.system) * 1000) / n };
}

/** The best (lowest) of several costs, wall and CPU taken separately. */
export function bestOf(costs: readonly Cost[]): Cost {
  return {
    wallNs: Math.min(...costs.map((c) => c.wallNs)),
    cpuNs: Math.min(...costs.map((c) => c.cpuNs)),
  };
}

/** Runs `round()` once to warm the JIT, then `rounds` more times; the best of the timed ones. */
export function bestRounds(rounds: number, round: () => Cost): Cost {
  round();
  const costs: Cost[] = [];
  for (let r = 0; r < rounds; r++) costs.push(round());
  return bestOf(costs);
}

/** Builds argv: a command name followed by byte arguments. */
export function argv(...args: (string | Bytes)[]): Bytes[] {
  return args.map((a) => (typeof a === 'string' ? utf8(a) : a));
}

export function formatNs(ns: number): string {
  return ns >= 10_000 ? `${(ns / 1000).toFixed(1)} us` : `${Math.round(ns).toLocaleString('en-US')} ns`;
}
