/*
 * The World: everything a simulated deployment shares. It owns the virtual clock, the timer scheduler,
 * a seeded PRNG and the server nodes, named "host:port" ("127.0.0.1:6379" for the playground; replicas,
 * sentinels and cluster nodes join later under their own names).
 *
 * Determinism (after TigerBeetle's simulator): a run is a function of the seed and the sequence of
 * advance() calls and commands the host feeds in, nothing else. To keep it so:
 * - nodes read time only from the world's clock and randomness only from their own SeededRandom,
 *   derived from the world seed and the node's name, so adding a node never shifts another's stream;
 * - timers fire in a total order (see scheduler.ts) and each advance does bounded work;
 * - every node runs its cron() every 1000/hz ms of virtual time, hz read from its config at each run
 *   (CONFIG SET hz takes effect from the next period) and clamped to 1..500 as Redis clamps it.
 */
import { SeededRandom } from '../engine/ds/prng.ts';
import type { CommandFamily } from '../engine/commands/types.ts';
import { ServerNode, type NodeOptions } from '../engine/server/node.ts';
import { DEFAULT_EPOCH_MS, VirtualClock } from './clock.ts';
import { DEFAULT_MAX_RUNS_PER_ADVANCE, Scheduler, type TimerHandle } from './scheduler.ts';

export const HZ_MIN = 1;
export const HZ_MAX = 500;

export interface WorldOptions {
  seed: number;
  /** Unix ms the virtual clock starts at (DEFAULT_EPOCH_MS when absent). */
  startMs?: number;
  maxTimerRunsPerAdvance?: number;
}

export interface NodeSpec {
  host?: string;
  port?: number;
  /** Config overrides, as redis-server's command line would apply them. */
  config?: Record<string, string>;
  families?: readonly CommandFamily[];
  /** Host-provided node options (persistence port, files to load at start); the world sets the rest. */
  hostOptions?: Omit<NodeOptions, 'clock' | 'random' | 'port' | 'config' | 'families'>;
}

interface WorldNode {
  name: string;
  node: ServerNode;
  cronTimer: TimerHandle;
}

export class World {
  readonly seed: number;
  readonly clock: VirtualClock;
  readonly scheduler: Scheduler;
  /** World-level randomness (network faults, bots); nodes have their own streams. */
  readonly random: SeededRandom;
  private readonly members = new Map<string, WorldNode>();

  constructor(opts: WorldOptions) {
    this.seed = opts.seed >>> 0;
    this.clock = new VirtualClock(opts.startMs ?? DEFAULT_EPOCH_MS);
    this.scheduler = new Scheduler(this.clock, opts.maxTimerRunsPerAdvance ?? DEFAULT_MAX_RUNS_PER_ADVANCE);
    this.random = new SeededRandom(this.seed);
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Creates a node named "host:port" and starts its cron. Names are unique. */
  addNode(spec: NodeSpec = {}): ServerNode {
    const host = spec.host ?? '127.0.0.1';
    const port = spec.port ?? 6379;
    const name = `${host}:${port}`;
    if (this.members.has(name)) throw new Error(`node ${name} already exists`);
    const node = new ServerNode({
      ...spec.hostOptions,
      clock: this.clock,
      random: new SeededRandom(deriveSeed(this.seed, name)),
      port,
      config: spec.config,
      families: spec.families,
    });
    const member: WorldNode = { name, node, cronTimer: { cancel() {} } };
    this.members.set(name, member);
    this.armCron(member);
    return node;
  }

  /** Stops a node's cron and forgets it (its clients are left to the host to close). */
  removeNode(name: string): void {
    const m = this.members.get(name);
    if (!m) return;
    m.cronTimer.cancel();
    this.members.delete(name);
  }

  node(name: string): ServerNode | undefined {
    return this.members.get(name)?.node;
  }

  get nodeNames(): string[] {
    return [...this.members.keys()];
  }

  /** Moves virtual time forward by `ms`, firing due timers in order. Returns callbacks run. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`bad advance ${ms}`);
    const ran = this.scheduler.runUntil(this.clock.nowUs() + Math.round(ms * 1000));
    // Redis's beforeSleep after the event loop turn: blocked-client timeouts and ready keys.
    for (const m of this.members.values()) m.node.beforeSleep();
    return ran;
  }

  /** Re-arms first, so an exception thrown by cron() cannot stop the node's clock work for good. */
  private armCron(m: WorldNode): void {
    m.cronTimer = this.scheduler.after(cronPeriodMs(m.node), () => {
      if (!this.members.has(m.name)) return;
      this.armCron(m);
      m.node.cron();
    });
  }
}

/** 1000/hz ms (integer division, as serverCron returns it), hz clamped to 1..500 as Redis does (a bad value never stalls or floods the cron). */
export function cronPeriodMs(node: ServerNode): number {
  const raw = node.config.getInt('hz');
  const hz = Number.isFinite(raw) ? Math.min(HZ_MAX, Math.max(HZ_MIN, raw)) : 10;
  return Math.floor(1000 / hz);
}

/** Mixes the world seed with a node name (FNV-1a), giving each node an independent PRNG stream. */
export function deriveSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
