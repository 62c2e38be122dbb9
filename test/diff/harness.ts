/*
 * The differential harness: one real redis-server and one engine node (on a real-time clock, as the
 * Node host runs it), fed the same commands; mismatches are collected with the command that caused
 * them and a match rate is printed per test file (with the seed of random sequences).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Bytes } from '../../src/engine/bytes.ts';
import { utf8 } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { Clock } from '../../src/engine/ports.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { ServerNode } from '../../src/engine/server/node.ts';
import type { Client } from '../../src/engine/server/client.ts';
import { encodeCommand, replyText, RespConnection, startRedis, type RealRedis } from './redis.ts';

export const realClock: Clock = {
  nowMs: () => Date.now(),
  nowUs: () => Math.round(performance.timeOrigin * 1000 + performance.now() * 1000),
  sleep: (ms) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
};

type Arg = string | Bytes;

export interface CheckOptions {
  /** Sort array/map elements before comparing (replies Redis documents as unordered). */
  unordered?: boolean;
  /** Compare with a custom projection instead of exact bytes (e.g. TTL within a tolerance). */
  project?: (r: Reply) => unknown;
}

export class Differential {
  matched = 0;
  total = 0;
  readonly mismatches: string[] = [];
  node!: ServerNode;
  private ours!: Client;
  private oursReplies: Reply[] = [];
  private redis!: RealRedis;
  real!: RespConnection;
  resp: 2 | 3 = 2;

  async start(): Promise<void> {
    this.redis = await startRedis();
    this.real = await RespConnection.open(this.redis.port);
    this.node = new ServerNode({
      clock: realClock,
      random: new SeededRandom(7),
      config: { 'enable-debug-command': 'yes' },
    });
    this.ours = this.node.connect({ write: (r) => this.oursReplies.push(r), close: () => undefined });
  }

  async stop(): Promise<void> {
    for (const p of this.pairs) p.close();
    this.real?.close();
    await this.redis?.stop();
  }

  /** Sends argv to both; returns [ours, theirs]. */
  async both(...args: Arg[]): Promise<[Reply | undefined, Reply]> {
    const argv = args.map((a) => (typeof a === 'string' ? utf8(a) : a));
    const before = this.oursReplies.length;
    this.node.execute(this.ours, argv);
    const ours = this.oursReplies.length > before ? this.oursReplies[this.oursReplies.length - 1] : undefined;
    const theirs = await this.real.call(...argv);
    if (argv.length >= 1 && /^hello$/i.test(String.fromCharCode(...argv[0]!)) && theirs.t === 'map') {
      this.resp = 3;
    }
    return [ours, theirs];
  }

  /** Sends to both and records whether the replies are identical. Returns true on a match. */
  async check(args: Arg[], opts: CheckOptions = {}): Promise<boolean> {
    const [ours, theirs] = await this.both(...args);
    this.total++;
    let a: string;
    let b: string;
    if (opts.project) {
      a = JSON.stringify(ours === undefined ? '<no reply>' : opts.project(ours));
      b = JSON.stringify(opts.project(theirs));
    } else {
      a = replyText(ours, this.resp, opts.unordered);
      b = replyText(theirs, this.resp, opts.unordered);
    }
    if (a === b) {
      this.matched++;
      return true;
    }
    const shown = args.map((x) => (typeof x === 'string' ? x : `<${x.length} bytes>`)).join(' ');
    this.mismatches.push(`${shown}\n    ours:  ${a}\n    redis: ${b}`);
    return false;
  }

  /** Runs many commands; each is an argv array. */
  async checkAll(cmds: Arg[][], opts: CheckOptions = {}): Promise<void> {
    for (const c of cmds) await this.check(c, opts);
  }

  /** Opens one more client on each side (for tests with several connections). */
  async openPair(): Promise<ClientPair> {
    const real = await RespConnection.open(this.redis.port);
    const pair = new ClientPair(this.node, real);
    this.pairs.push(pair);
    return pair;
  }

  private readonly pairs: ClientPair[] = [];

  /** Records a comparison made outside check() (e.g. late replies of a ClientPair). */
  record(what: string, ours: Reply | undefined, theirs: Reply | undefined, opts: CheckOptions = {}): boolean {
    this.total++;
    const a = replyText(ours, this.resp, opts.unordered);
    const b = replyText(theirs, this.resp, opts.unordered);
    if (a === b) {
      this.matched++;
      return true;
    }
    this.mismatches.push(`${what}\n    ours:  ${a}\n    redis: ${b}`);
    return false;
  }

  report(label: string, seed?: number): string {
    const rate = this.total ? ((100 * this.matched) / this.total).toFixed(2) : '100.00';
    return `[differential] ${label}: ${this.matched}/${this.total} replies matched (${rate}%)${seed !== undefined ? ` seed=${seed}` : ''}`;
  }
}

/**
 * An extra connection to each server. send() writes a command to both without waiting; next() waits
 * for the next reply of each (ours may come late: a served blocked command, a timeout). While waiting
 * on ours it runs the node's beforeSleep(), as a host's event loop would.
 */
export class ClientPair {
  readonly ours: Client;
  private readonly oursReplies: Reply[] = [];

  constructor(
    private readonly node: ServerNode,
    readonly real: RespConnection,
  ) {
    this.ours = node.connect({ write: (r) => this.oursReplies.push(r), close: () => undefined });
  }

  send(...args: Arg[]): void {
    const argv = args.map((a) => (typeof a === 'string' ? utf8(a) : a));
    this.node.execute(this.ours, argv);
    this.real.sendRaw(encodeCommand(argv));
  }

  /** Sends different arguments to each side (e.g. a client id, which differs between servers). */
  sendEach(ours: Arg[], theirs: Arg[]): void {
    this.node.execute(
      this.ours,
      ours.map((a) => (typeof a === 'string' ? utf8(a) : a)),
    );
    this.real.sendRaw(encodeCommand(theirs));
  }

  /** Replies received on our side and not yet taken by next(). */
  get oursWaiting(): number {
    return this.oursReplies.length;
  }

  async next(timeoutMs = 2000): Promise<[Reply | undefined, Reply | undefined]> {
    const theirs = this.real.nextReply(timeoutMs);
    const end = Date.now() + timeoutMs;
    while (this.oursReplies.length === 0 && Date.now() < end) {
      this.node.beforeSleep();
      if (this.oursReplies.length > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return [this.oursReplies.shift(), await theirs];
  }

  close(): void {
    this.real.close();
    this.node.disconnect(this.ours);
  }
}

/** Sets up a Differential for a test file: starts redis-server before, prints the match rate after. */
export function useDifferential(label: string): Differential {
  const d = new Differential();
  beforeAll(async () => {
    await d.start();
  });
  afterAll(async () => {
    console.log(d.report(label));
    await d.stop();
  });
  return d;
}

/** The seed for random sequences: $DIFF_SEED to replay a failure, else a fresh one (printed). */
export function diffSeed(): number {
  const env = process.env.DIFF_SEED;
  return env ? Number(env) : Math.floor(Math.random() * 2 ** 31);
}
