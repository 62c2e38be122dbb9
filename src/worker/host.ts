/*
 * The playground host: the worker's logic as a plain object, `handle(message)` in, `post(message)` out,
 * so tests run it in-process and the Web Worker glue (playground.worker.ts) stays a few lines.
 *
 * It owns one World with one node ("127.0.0.1:6379") and maps the protocol onto it:
 * - every request gets exactly one answer with its id: the expected response, or `error` (nothing the
 *   engine throws may escape: an engine bug answers `error` and the worker lives on);
 * - a `command` answers `replies`: everything the client's sink received while the command ran, in
 *   order, plus the client's state afterwards; whatever reaches the sink later (pub/sub messages,
 *   an unblocked command's reply) is posted as `push`, and a server-side close as `closed` (after the
 *   `replies` of the command that caused it, e.g. QUIT);
 * - virtual time follows real time (TimeDriver), synced before each command and on a ticker.
 */
import type { Bytes } from '../engine/bytes.ts';
import { REDIS_VERSION } from '../engine/commands/version.ts';
import type { Client } from '../engine/server/client.ts';
import type { ServerNode } from '../engine/server/node.ts';
import type { ClientState, FromWorker, RequestOf, ToWorker } from '../protocol/messages.ts';
import type { PersistRequest } from '../protocol/persist.ts';
import type { WireReply } from '../protocol/reply.ts';
import { BotFleet } from '../sim/bots/fleet.ts';
import { World } from '../sim/world.ts';
import { handleBotRequest } from './bots-host.ts';
import { RateLimitHost } from './ratelimit-host.ts';
import { commandDocsFromRegistry } from './command-docs.ts';
import { handleInspectRequest } from './inspect-host.ts';
import { MetricsHost } from './metrics-host.ts';
import type { Persistence } from './persist-host.ts';
import { Outbox } from './persist-outbox.ts';
import { handlePersistRequest, type NodeLifecycle } from './persist-requests.ts';
import { ChangeWatch } from './inspect/change-watch.ts';
import { accessLogOf } from './inspect/access-log.ts';
import { TimeDriver } from './time-driver.ts';
import { toWire } from './wire.ts';

export const NODE_HOST = '127.0.0.1';
export const NODE_PORT = 6379;
/** Real ms between ticks while playing: often enough for crons (hz 10) and timeouts to feel live. */
export const TICK_MS = 25;

/** What the host needs from its environment (the worker global scope, or a test). */
export interface HostEnv {
  /** Monotonic real time in ms (performance.now()). */
  realNowMs(): number;
  /** Unix ms of the real wall clock, the default start of virtual time. */
  wallClockMs(): number;
  /**
   * Runs `fn` soon, after pending messages had their turn (a MessageChannel hop in the worker): how a
   * long script continues slice after slice while other tabs' commands get BUSY or SCRIPT KILL. `idle`
   * asks for a few ms of rest first (a timer): a script past busy-reply-threshold keeps running, but no
   * longer holds a whole core, so the page stays responsive while the learner finds SCRIPT KILL.
   */
  defer(fn: () => void, idle?: boolean): void;
  /** Calls `tick` every `intervalMs` real ms until the returned function is called. */
  startTicker(tick: () => void, intervalMs: number): () => void;
  /** A seed when `hello` brings none. */
  randomSeed(): number;
  /** Reports a failure that has no request to answer (a tick). */
  logError(what: string, e: unknown): void;
}

export type Post = (msg: FromWorker) => void;

interface Connection {
  client: Client;
  /** Replies collected while one of this client's commands runs; null between commands. */
  collecting: WireReply[] | null;
  /** The server closed the connection during the current command: post `closed` after `replies`. */
  closedDuringCommand: boolean;
}

interface Session {
  world: World;
  node: ServerNode;
  driver: TimeDriver;
  startMs: number;
  connections: Map<number, Connection>;
  bots: BotFleet;
  stopTicker: (() => void) | undefined;
  /** Posts `keyspaceChanged` when the dataset or the clock changed (inspect/change-watch.ts). */
  watch: ChangeWatch;
  /** SHUTDOWN stopped the node: no connections until a restart (persistence panel). */
  stopped: boolean;
  /** Samples memory and ops once a virtual second for the charts (metrics-host.ts). */
  metrics: MetricsHost;
  /** The rate-limit lab: a bot client on the virtual clock (ratelimit-host.ts). */
  ratelimit: RateLimitHost;
}

export class PlaygroundHost {
  private session: Session | undefined;
  /** Every message leaves through the outbox (held while an appendfsync-always write commits). */
  private readonly outbox: Outbox;
  private readonly post: Post;

  /** `persistence`: the browser's stored files (persist-host.ts); without it nothing is stored. */
  constructor(
    private readonly env: HostEnv,
    send: Post,
    private readonly persistence?: Persistence,
  ) {
    this.outbox = new Outbox(send);
    this.post = (m) => this.outbox.post(m);
    persistence?.wire({
      hold: (durable) => this.outbox.holdUntil(durable),
      // Called inside SHUTDOWN's execution: stop once the command has returned.
      exit: () => queueMicrotask(() => this.session && this.stopNode(this.session)),
      changed: () => this.session && this.pushPersistState(this.session),
    });
  }

  /** Handles one request; always answers it (with `error` when anything goes wrong). */
  handle(msg: ToWorker): void {
    const id = typeof msg === 'object' && msg !== null && typeof msg.id === 'number' ? msg.id : -1;
    try {
      this.dispatch(msg);
    } catch (e) {
      this.post({ type: 'error', id, message: errorText(e) });
    }
  }

  /** Stops the ticker (tests, worker shutdown). */
  dispose(): void {
    this.session?.stopTicker?.();
    if (this.session) this.session.stopTicker = undefined;
  }

  private dispatch(msg: ToWorker): void {
    if (typeof msg !== 'object' || msg === null) throw new Error('malformed message');
    if (msg.type === 'hello') return this.hello(msg);
    const s = this.session;
    if (!s) throw new Error(`not started: send hello before ${String(msg.type)}`);
    switch (msg.type) {
      case 'connect':
        return this.connect(s, msg);
      case 'command':
        return this.command(s, msg);
      case 'disconnect':
        return this.disconnect(s, msg);
      case 'commandDocs':
        return this.post({ type: 'commandDocs', id: msg.id, docs: commandDocsFromRegistry(s.node.commands) });
      case 'clock':
        return this.clock(s, msg);
      case 'speed':
        s.driver.setSpeed(msg.factor);
        this.postClock(s, msg.id);
        return s.watch.clockChanged();
      case 'botStart':
      case 'botStop':
      case 'botList':
        this.syncClock(s);
        handleBotRequest(s.bots, msg, this.post);
        return this.checkChanges(s);
      case 'keyspace':
      case 'inspectKey':
        this.syncClock(s);
        return handleInspectRequest(s.node, s.driver, msg, this.post);
      case 'rateLimitStart':
      case 'rateLimitStop':
      case 'rateLimitReset':
      case 'rateLimitState':
        this.syncClock(s);
        s.ratelimit.handle(msg);
        return this.checkChanges(s);
      case 'metricsWatch':
        this.syncClock(s);
        return s.metrics.handle(msg);
      case 'persistState':
      case 'persistAction':
      case 'persistMode':
      case 'persistFiles':
      case 'persistLoadRdb':
        return this.persistRequest(s, msg);
      default:
        throw new Error(`unknown message type ${String((msg as { type: unknown }).type)}`);
    }
  }

  private hello(msg: RequestOf<'hello'>): void {
    if (!this.session) this.session = this.start(msg.seed, msg.startMs);
    const s = this.session;
    this.post({
      type: 'hello',
      id: msg.id,
      host: NODE_HOST,
      port: NODE_PORT,
      version: REDIS_VERSION,
      seed: s.world.seed,
      startMs: s.startMs,
    });
  }

  private start(seedIn: number | undefined, startIn: number | undefined): Session {
    const seed = validSeed(seedIn) ?? this.env.randomSeed() >>> 0;
    const startMs =
      startIn !== undefined && Number.isFinite(startIn) && startIn >= 0 ? startIn : this.env.wallClockMs();
    const world = new World({ seed, startMs: Math.floor(startMs) });
    const node = this.addNode(world);
    accessLogOf(node);
    const driver = new TimeDriver(world, () => this.env.realNowMs());
    const s: Session = {
      world,
      node,
      driver,
      startMs,
      connections: new Map(),
      bots: new BotFleet(world, node),
      stopTicker: undefined,
      watch: undefined as unknown as ChangeWatch,
      stopped: false,
      metrics: undefined as unknown as MetricsHost,
      ratelimit: undefined as unknown as RateLimitHost,
    };
    s.ratelimit = new RateLimitHost(world, () => (s.stopped ? null : s.node), this.post);
    s.watch = this.watchFor(s);
    s.metrics = new MetricsHost({
      world,
      nodeOf: () => (s.stopped ? null : s.node),
      realNowMs: () => this.env.realNowMs(),
      paused: () => s.driver.paused,
      post: this.post,
    });
    this.continueScriptsOf(s);
    this.startTicker(s);
    return s;
  }

  private watchFor(s: Session): ChangeWatch {
    return new ChangeWatch(
      () => this.env.realNowMs(),
      s.node,
      () =>
        this.post({
          type: 'keyspaceChanged',
          nowMs: s.world.nowMs(),
          paused: s.driver.paused,
          speed: s.driver.speed,
        }),
    );
  }

  /** The playground's node, with the stored files loaded (started empty when they cannot be). */
  private addNode(world: World): ServerNode {
    const p = this.persistence;
    const spec = { host: NODE_HOST, port: NODE_PORT };
    if (!p) return world.addNode(spec);
    try {
      return world.addNode({ ...spec, config: p.startupConfig(), hostOptions: p.nodeOptions(true) });
    } catch (e) {
      const config = p.startFailed(e);
      return world.addNode({ ...spec, config, hostOptions: p.nodeOptions(false) });
    }
  }

  /** Redis restarted: every connection closes, bots stop, a new node loads the stored files. */
  private restartNode(s: Session): void {
    this.closeAll(s);
    s.world.removeNode(`${NODE_HOST}:${NODE_PORT}`);
    s.node = this.addNode(s.world);
    accessLogOf(s.node);
    s.bots = new BotFleet(s.world, s.node);
    s.watch = this.watchFor(s);
    this.continueScriptsOf(s);
    s.stopped = false;
    s.watch.clockChanged();
    this.pushPersistState(s);
  }

  /** SHUTDOWN: the server is gone until restarted from the persistence panel. */
  private stopNode(s: Session): void {
    s.stopped = true;
    this.closeAll(s);
    s.world.removeNode(`${NODE_HOST}:${NODE_PORT}`);
    this.pushPersistState(s);
  }

  private closeAll(s: Session): void {
    s.bots.stopAll();
    s.ratelimit.stop();
    for (const conn of [...s.connections.values()]) {
      s.connections.delete(conn.client.id);
      if (conn.collecting) conn.closedDuringCommand = true;
      else this.post({ type: 'closed', clientId: conn.client.id });
    }
  }

  private persistRequest(s: Session, msg: RequestOf<PersistRequest['type']>): void {
    const p = this.persistence;
    if (!p) throw new Error('this host stores no files');
    this.syncClock(s);
    const life: NodeLifecycle = {
      node: () => s.node,
      stopped: () => s.stopped,
      restart: () => this.restartNode(s),
      datasetReplaced: () => s.watch.clockChanged(),
    };
    const done = handlePersistRequest(p, life, msg, this.post);
    if (done) done.catch((e: unknown) => this.post({ type: 'error', id: msg.id, message: errorText(e) }));
    this.checkChanges(s);
  }

  private pushPersistState(s: Session, fromTick = false): void {
    this.persistence?.pushIfChanged(
      s.node,
      s.stopped,
      (state) => this.post({ type: 'persistChanged', state }),
      fromTick,
    );
  }

  private startTicker(s: Session): void {
    if (s.stopTicker) return;
    s.stopTicker = this.env.startTicker(() => this.tick(s), TICK_MS);
  }

  private tick(s: Session): void {
    try {
      s.driver.sync();
      s.watch.tick();
      s.metrics.flush(true);
      s.ratelimit.tick();
      if (this.persistence) {
        this.persistence.tick(s.stopped ? null : s.node);
        this.pushPersistState(s, true);
      }
    } catch (e) {
      this.env.logError('clock tick', e);
    }
  }

  /** After a request that may have written: tell the views (deferred while the ticker runs). */
  /** A long script on this node continues on the host's next turns (engine: server/busy-script.ts). */
  private continueScriptsOf(s: Session): void {
    const node = s.node;
    node.busy.onPending = () =>
      this.env.defer(() => {
        if (s.node !== node) return;
        this.syncClock(s);
        try {
          node.busy.continue();
        } catch (e) {
          this.env.logError('script slice', e);
        }
        this.checkChanges(s);
      }, node.busy.timedOut);
  }

  private checkChanges(s: Session): void {
    s.watch.check(s.stopTicker !== undefined);
    this.pushPersistState(s);
  }

  private connect(s: Session, msg: RequestOf<'connect'>): void {
    if (s.stopped)
      throw new Error(`Could not connect to Redis at ${NODE_HOST}:${NODE_PORT}: Connection refused`);
    const conn: Connection = {
      client: undefined as unknown as Client,
      collecting: null,
      closedDuringCommand: false,
    };
    conn.client = s.node.connect({
      write: (r) => this.deliver(conn, toWire(r, conn.client.resp)),
      close: () => this.closedByServer(s, conn),
    });
    s.connections.set(conn.client.id, conn);
    this.post({ type: 'connected', id: msg.id, state: clientState(conn.client) });
  }

  private deliver(conn: Connection, reply: WireReply): void {
    if (conn.collecting) conn.collecting.push(reply);
    else this.post({ type: 'push', clientId: conn.client.id, reply, state: clientState(conn.client) });
  }

  private closedByServer(s: Session, conn: Connection): void {
    s.connections.delete(conn.client.id);
    if (conn.collecting) conn.closedDuringCommand = true;
    else this.post({ type: 'closed', clientId: conn.client.id });
  }

  private command(s: Session, msg: RequestOf<'command'>): void {
    const conn = s.connections.get(msg.clientId);
    if (!conn) throw new Error(`connection ${msg.clientId} is closed`);
    const argv = validArgv(msg.argv);
    this.syncClock(s);
    conn.collecting = [];
    let replies: WireReply[];
    try {
      if (argv.length > 0) s.node.execute(conn.client, argv);
    } finally {
      replies = conn.collecting;
      conn.collecting = null;
    }
    this.post({ type: 'replies', id: msg.id, replies, state: clientState(conn.client) });
    if (conn.closedDuringCommand) this.post({ type: 'closed', clientId: conn.client.id });
    this.checkChanges(s);
  }

  /** A failing cron must not stop the user's command: report it and go on. */
  private syncClock(s: Session): void {
    try {
      s.driver.sync();
    } catch (e) {
      this.env.logError('clock sync', e);
    }
  }

  private disconnect(s: Session, msg: RequestOf<'disconnect'>): void {
    const conn = s.connections.get(msg.clientId);
    if (conn) {
      s.connections.delete(msg.clientId);
      s.node.disconnect(conn.client);
    }
    this.post({ type: 'disconnected', id: msg.id });
  }

  private clock(s: Session, msg: RequestOf<'clock'>): void {
    if (msg.action === 'pause') {
      s.driver.pause();
      s.stopTicker?.();
      s.stopTicker = undefined;
    } else if (msg.action === 'play') {
      s.driver.play();
      this.startTicker(s);
    } else if (msg.action === 'step') {
      const ms = msg.stepMs ?? 0;
      s.metrics.step(ms, () => s.driver.step(ms));
    } else {
      throw new Error(`unknown clock action ${String(msg.action)}`);
    }
    this.postClock(s, msg.id);
    s.watch.clockChanged();
    s.ratelimit.flush();
  }

  private postClock(s: Session, id: number): void {
    this.post({ type: 'clock', id, nowMs: s.world.nowMs(), paused: s.driver.paused, speed: s.driver.speed });
  }
}

export function clientState(c: Client): ClientState {
  return {
    clientId: c.id,
    db: c.dbIndex,
    inMulti: c.multi !== null,
    resp: c.resp,
    subscribed: c.subscriptionCount > 0,
    monitor: c.flags.has('monitor'),
    closed: c.closed,
    blocked:
      c.postponed.length > 0 ||
      c.flags.has('blocked') ||
      c.flags.has('script-caller') ||
      c.flags.has('busy-held'),
  };
}

function validSeed(seed: number | undefined): number | undefined {
  return typeof seed === 'number' && Number.isFinite(seed) ? Math.floor(seed) >>> 0 : undefined;
}

function validArgv(argv: unknown): Bytes[] {
  if (!Array.isArray(argv) || !argv.every((a) => a instanceof Uint8Array)) {
    throw new Error('argv must be an array of Uint8Array');
  }
  return argv as Bytes[];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
