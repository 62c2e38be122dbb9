/*
 * The main-thread facade over the playground worker: the UI starts a Playground, opens Connections
 * (one per console tab) and sends commands; it never sees the engine. Only src/protocol is imported.
 *
 * A Connection's state (db, MULTI, RESP version, subscribed, closed) is refreshed from every answer
 * and push, so the prompt can be drawn from `conn.state` right after `send()` resolves.
 */
import type { BotSpec, BotStatus } from '../protocol/bots.ts';
import type { InspectQuery, KeyInspection, KeyspaceQuery, KeyspaceSnapshot } from '../protocol/inspect.ts';
import type { ClientState, CommandDoc } from '../protocol/messages.ts';
import type { RateLimitSettings, RateLimitSnapshot } from '../protocol/ratelimit.ts';
import type { WireReply } from '../protocol/reply.ts';
import { MetricsClient } from './metrics.ts';
import { IN_MEMORY_WORKER_NAME } from '../protocol/worker-names.ts';
import { PersistenceClient } from './persist.ts';
import { type Answer, Rpc, type Unsolicited, type WorkerLike } from './rpc.ts';

export type { WorkerLike } from './rpc.ts';
export type { BotSpec, BotStatus } from '../protocol/bots.ts';

/** The dataset or the clock changed: views re-request what they show (carries the clock's state). */
export type KeyspaceChange = ClockInfo;

export interface StartOptions {
  /** PRNG seed of the world (`?seed=N`); random when absent. */
  seed?: number;
  /** Unix ms the virtual clock starts at; the worker's wall clock when absent. */
  startMs?: number;
  /** Neither read nor write the browser's stored files (a session rebuilt from a sharing link). */
  inMemory?: boolean;
}

export interface ClockInfo {
  nowMs: number;
  paused: boolean;
  speed: number;
}

/** A bot started or stopped through this facade. */
export type BotAction =
  { action: 'start'; spec: BotSpec } | { action: 'stop'; botId: number; remove: boolean };

/** A clock action taken through this facade (reads, i.e. zero steps, are not actions). */
export type ClockAction = { action: 'pause' | 'play' } | { action: 'step' | 'speed'; value: number };

export class Playground {
  readonly host: string;
  readonly port: number;
  readonly version: string;
  readonly seed: number;
  /** Unix ms the virtual clock started at (pass it back as startMs to replay a session). */
  readonly startMs: number | undefined;
  /** Virtual clock facts as of the last clock request (undefined before the first). */
  clock: ClockInfo | undefined;
  /** Stored files, save/restart actions and the persistence state (see persist.ts). */
  readonly persistence: PersistenceClient;
  /** Memory and ops samples on the virtual clock, pushed while watched (see metrics.ts). */
  readonly metrics: MetricsClient;
  private readonly connections = new Map<number, Connection>();
  private readonly changeListeners = new Set<(c: KeyspaceChange) => void>();
  private readonly clockActionListeners = new Set<(a: ClockAction, after: ClockInfo) => void>();
  private readonly botActionListeners = new Set<(a: BotAction) => void>();
  private readonly rateLimitListeners = new Set<(s: RateLimitSnapshot) => void>();

  private constructor(
    private readonly rpc: Rpc,
    hello: Answer<'hello'>,
  ) {
    this.host = hello.host;
    this.port = hello.port;
    this.version = hello.version;
    this.seed = hello.seed;
    this.startMs = hello.startMs;
    this.persistence = new PersistenceClient(rpc);
    this.metrics = new MetricsClient(rpc);
    rpc.onUnsolicited = (msg) => this.route(msg);
  }

  /** Starts the Web Worker and its world. */
  static start(opts: StartOptions = {}): Promise<Playground> {
    const worker = new Worker(new URL('../worker/playground.worker.ts', import.meta.url), {
      // Vite reads `type` statically: the spread must come before it.
      ...(opts.inMemory ? { name: IN_MEMORY_WORKER_NAME } : {}),
      type: 'module',
    });
    return Playground.attach(worker as unknown as WorkerLike, opts);
  }

  /** Drives an existing worker (or an in-process fake in tests). */
  static async attach(worker: WorkerLike, opts: StartOptions = {}): Promise<Playground> {
    const rpc = new Rpc(worker);
    const seed = opts.seed ?? randomSeed();
    const hello = await rpc.request({ type: 'hello', seed, startMs: opts.startMs }, 'hello');
    return new Playground(rpc, hello);
  }

  async connect(): Promise<Connection> {
    const a = await this.rpc.request({ type: 'connect' }, 'connected');
    const conn = new Connection(this.rpc, a.state, (id) => this.connections.delete(id));
    this.connections.set(conn.clientId, conn);
    return conn;
  }

  async commandDocs(): Promise<CommandDoc[]> {
    return (await this.rpc.request({ type: 'commandDocs' }, 'commandDocs')).docs;
  }

  pause(): Promise<void> {
    return this.clockRequest(this.rpc.request({ type: 'clock', action: 'pause' }, 'clock'), {
      action: 'pause',
    });
  }

  play(): Promise<void> {
    return this.clockRequest(this.rpc.request({ type: 'clock', action: 'play' }, 'clock'), {
      action: 'play',
    });
  }

  /** Advances virtual time by `ms` at once (paused or not). */
  step(ms: number): Promise<void> {
    const action: ClockAction | undefined = ms > 0 ? { action: 'step', value: ms } : undefined;
    return this.clockRequest(
      this.rpc.request({ type: 'clock', action: 'step', stepMs: ms }, 'clock'),
      action,
    );
  }

  /** Virtual ms per real ms while playing (1 by default). */
  setSpeed(factor: number): Promise<void> {
    return this.clockRequest(this.rpc.request({ type: 'speed', factor }, 'clock'), {
      action: 'speed',
      value: factor,
    });
  }

  /** Reads the virtual clock (a zero step). */
  async readClock(): Promise<ClockInfo> {
    await this.step(0);
    return this.clock!;
  }

  /** Starts a bot client (a named connection driven by the virtual clock); rejects a bad spec. */
  async startBot(spec: BotSpec): Promise<BotStatus> {
    this.notifyBotAction({ action: 'start', spec });
    return (await this.rpc.request({ type: 'botStart', spec }, 'bot')).bot;
  }

  /** Stops a bot and closes its connection; `remove` also drops it from listBots(). */
  async stopBot(botId: number, remove = false): Promise<BotStatus> {
    this.notifyBotAction({ action: 'stop', botId, remove });
    return (await this.rpc.request({ type: 'botStop', botId, remove }, 'bot')).bot;
  }

  /** Called as a bot start or stop is sent, before the worker sees it (sharing links record these). */
  onBotAction(cb: (action: BotAction) => void): () => void {
    this.botActionListeners.add(cb);
    return () => void this.botActionListeners.delete(cb);
  }

  private notifyBotAction(action: BotAction): void {
    for (const cb of [...this.botActionListeners]) safeCall(() => cb(action));
  }

  /** Every bot with its counters (sent, received, processed, last reply and error). */
  async listBots(): Promise<BotStatus[]> {
    return (await this.rpc.request({ type: 'botList' }, 'bots')).bots;
  }

  /** Rows of a database's keyspace for the browser (filtered, capped; see protocol/inspect.ts). */
  async keyspace(query: KeyspaceQuery): Promise<KeyspaceSnapshot> {
    return (await this.rpc.request({ type: 'keyspace', query }, 'keyspace')).snapshot;
  }

  /** The picture data of one key. */
  async inspectKey(query: InspectQuery): Promise<KeyInspection> {
    return (await this.rpc.request({ type: 'inspectKey', query }, 'inspectKey')).inspection;
  }

  /** Starts the rate-limit lab (stopping its current run); rejects refused settings. */
  async rateLimitStart(settings: Partial<RateLimitSettings>): Promise<RateLimitSnapshot> {
    return (await this.rpc.request({ type: 'rateLimitStart', settings }, 'rateLimit')).snapshot;
  }

  /** Stops, resets (deleting the lab's keys) or reads the rate-limit lab. */
  async rateLimit(action: 'stop' | 'reset' | 'state'): Promise<RateLimitSnapshot> {
    const type =
      action === 'stop' ? 'rateLimitStop' : action === 'reset' ? 'rateLimitReset' : 'rateLimitState';
    return (await this.rpc.request({ type }, 'rateLimit')).snapshot;
  }

  /** The lab's requests as they happen (only those since the previous event). Returns an unsubscribe. */
  onRateLimitEvents(cb: (s: RateLimitSnapshot) => void): () => void {
    this.rateLimitListeners.add(cb);
    return () => void this.rateLimitListeners.delete(cb);
  }

  /** Called when the dataset or the clock changed (throttled by the worker). Returns an unsubscribe. */
  onKeyspaceChanged(cb: (c: KeyspaceChange) => void): () => void {
    this.changeListeners.add(cb);
    return () => void this.changeListeners.delete(cb);
  }

  /** Called after each pause, play, step or speed change, with the clock's state after it (sharing links record these). */
  onClockAction(cb: (action: ClockAction, after: ClockInfo) => void): () => void {
    this.clockActionListeners.add(cb);
    return () => void this.clockActionListeners.delete(cb);
  }

  /** Stops the worker; every pending and later request is rejected. */
  terminate(): void {
    this.rpc.terminate();
  }

  private async clockRequest(p: Promise<Answer<'clock'>>, action?: ClockAction): Promise<void> {
    const a = await p;
    const clock = { nowMs: a.nowMs, paused: a.paused, speed: a.speed };
    this.clock = clock;
    if (action) for (const cb of [...this.clockActionListeners]) safeCall(() => cb(action, clock));
  }

  private route(msg: Unsolicited): void {
    if (msg.type === 'keyspaceChanged') {
      const change = { nowMs: msg.nowMs, paused: msg.paused, speed: msg.speed };
      this.clock = change;
      for (const cb of [...this.changeListeners]) safeCall(() => cb(change));
      return;
    }
    if (msg.type === 'persistChanged') return this.persistence.receive(msg.state);
    if (msg.type === 'rateLimitEvents') {
      for (const cb of [...this.rateLimitListeners]) safeCall(() => cb(msg.snapshot));
      return;
    }
    if (msg.type === 'metricsPushed') return this.metrics.receive(msg);
    const conn = this.connections.get(msg.clientId);
    if (!conn) return;
    if (msg.type === 'push') conn.receivePush(msg.reply, msg.state);
    else conn.receiveClosed();
  }
}

type Listener<T extends unknown[]> = (...args: T) => void;

export class Connection {
  readonly clientId: number;
  private current: ClientState;
  private readonly pushListeners = new Set<Listener<[WireReply]>>();
  private readonly closeListeners = new Set<Listener<[]>>();

  /** @internal Created by Playground.connect(). */
  constructor(
    private readonly rpc: Rpc,
    state: ClientState,
    private readonly forget: (clientId: number) => void,
  ) {
    this.clientId = state.clientId;
    this.current = state;
  }

  get state(): ClientState {
    return this.current;
  }

  /** Runs one command; resolves with the replies it produced, in order (none with CLIENT REPLY OFF). */
  async send(argv: Uint8Array[]): Promise<WireReply[]> {
    if (this.current.closed) throw new Error('connection closed');
    const a = await this.rpc.request({ type: 'command', clientId: this.clientId, argv }, 'replies');
    this.current = a.state;
    return a.replies;
  }

  /** Pushes and late replies (pub/sub messages, unblocked commands). Returns an unsubscribe function. */
  onPush(cb: (r: WireReply) => void): () => void {
    this.pushListeners.add(cb);
    return () => void this.pushListeners.delete(cb);
  }

  /** The server closed the connection (QUIT, CLIENT KILL). Not called for close(). */
  onClose(cb: () => void): () => void {
    this.closeListeners.add(cb);
    return () => void this.closeListeners.delete(cb);
  }

  /** Closes the connection from this side. Never rejects: a dead worker has no connection left either. */
  async close(): Promise<void> {
    if (this.current.closed) return;
    this.current = { ...this.current, closed: true };
    this.forget(this.clientId);
    await this.rpc.request({ type: 'disconnect', clientId: this.clientId }, 'disconnected').catch(() => {});
  }

  /** @internal */
  receivePush(reply: WireReply, state: ClientState): void {
    this.current = state;
    for (const cb of [...this.pushListeners]) safeCall(() => cb(reply));
  }

  /** @internal */
  receiveClosed(): void {
    this.current = { ...this.current, closed: true };
    this.forget(this.clientId);
    for (const cb of [...this.closeListeners]) safeCall(cb);
  }
}

/** A listener's exception must not stop the others nor the message loop. */
function safeCall(f: () => void): void {
  try {
    f();
  } catch (e) {
    console.error('[playground] listener failed:', e);
  }
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
