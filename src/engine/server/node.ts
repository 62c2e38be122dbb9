/*
 * A server node: one Redis server as an object. Several can live side by side in one process (a world
 * of replicas, sentinels, cluster nodes), each with its own config, clients and keyspace, all reading
 * time and randomness from the ports their host gives them.
 *
 * Hosts drive a node with connect() / execute() / disconnect() and call cron() every 1000/hz ms of
 * clock time (Redis's serverCron: the active expire cycle and the other periodic jobs).
 */
import { type Bytes, unbin } from '../bytes.ts';
import { allFamilies } from '../commands/index.ts';
import { type Command, CommandRegistry } from '../commands/registry.ts';
import type { CommandFamily } from '../commands/types.ts';
import type { Clock, PersistPort, Random } from '../ports.ts';
import { RdbPersistence } from '../persistence/rdb-saver.ts';
import type { Reply } from '../resp/reply.ts';
import { BlockingRegistry } from './blocking.ts';
import { Client, type ClientAddress, type ClientSink } from './client.ts';
import { Config } from './config.ts';
import { CONFIG_PARAMS } from './config-table.ts';
import { Database } from './db.ts';
import { processCommand } from './dispatch.ts';
import { activeExpireCycle } from './expire.ts';
import { lfuTouch, type LfuSettings, type RValue } from './object.ts';
import { ClientPause } from './pause.ts';
import { PubSubRegistry } from './pubsub.ts';
import { Stats } from './stats.ts';
import { TrackingRegistry } from './tracking.ts';
import { MonitorRegistry } from './monitor.ts';
import type { CallObserver } from './observers.ts';
import { WatchRegistry } from './watch.ts';
import { BusyScripts } from './busy-script.ts';
import { keyChanged } from './memory.ts';
import { performEvictions } from './evict.ts';
import type { ScriptingEngine } from '../scripting/engine.ts';
import { scriptingCode } from '../scripting/late-bound.ts';
import '../scripting/install-static.ts';
import { trackingTarget } from '../scripting/tracking.ts';
import { AclState } from '../acl/acl.ts';
import { SlowLog } from './slowlog.ts';
import { LatencyMonitor } from './latency-monitor.ts';
import { CommandLatencies } from './latency-tracking.ts';
import { Propagator } from './propagate.ts';
import { AofPersistence } from '../persistence/aof.ts';
import { aofCron, bootAof } from '../persistence/aof-startup.ts';
import { deletion } from './propagate-rewrite.ts';

export interface NodeOptions {
  clock: Clock;
  random: Random;
  /** TCP port the node reports (INFO, CLIENT LIST laddr); 6379 by default. */
  port?: number;
  /** 40 hex chars reported as run_id; derived from `random` when absent. */
  runId?: string;
  families?: readonly CommandFamily[];
  /** Config overrides applied at start, as redis-server's command line would. */
  config?: Record<string, string>;
  /** Where RDB files go (SAVE, BGSAVE, save points); without it files stay in memory only. */
  persist?: PersistPort;
  /** An RDB file to load before serving (the host read dbfilename); the constructor throws if bad. */
  rdb?: Uint8Array;
  /** The files of appenddirname (by name), loaded instead of `rdb` when appendonly is yes. */
  aofFiles?: ReadonlyMap<string, Uint8Array>;
}

/** Shared registries are immutable apart from their stats; one per node keeps stats per node. */
export class ServerNode {
  readonly clock: Clock;
  readonly random: Random;
  readonly commands: CommandRegistry;
  readonly config: Config;
  readonly stats = new Stats();
  readonly dbs: Database[] = [];
  readonly clients = new Map<number, Client>();
  readonly port: number;
  readonly runId: string;
  readonly startMs: number;
  /** Changes since the last save (INFO rdb_changes_since_last_save). */
  dirty = 0;
  /**
   * Derived from maxmemory-policy / lfu-log-factor / lfu-decay-time and kept in step by config
   * listeners, so the per-access hot path reads fields instead of parsing config strings.
   */
  lfuPolicy = false;
  lfuSettings: LfuSettings = { logFactor: 10, decayMinutes: 1 };
  /** DEBUG SET-ACTIVE-EXPIRE: when false, cron() leaves stale keys to lazy expiry. */
  activeExpireEnabled = true;
  /** DEBUG PAUSE-CRON: when true, cron() does nothing. */
  cronPaused = false;
  lastSaveMs: number;
  private nextClientId = 1;
  /** WATCHed keys of all clients (MULTI/EXEC optimistic locking). */
  readonly watches = new WatchRegistry();
  /** CLIENT PAUSE state and the commands it holds. */
  readonly pause = new ClientPause(this);
  /** Clients blocked on keys (BLPOP, BZPOPMIN, XREAD BLOCK ...), see blocking.ts. */
  readonly blocking = new BlockingRegistry(this);
  /** Client-side caching: keys read by tracking clients, BCAST prefixes, invalidations. */
  readonly tracking = new TrackingRegistry(this);
  /** Run by RESET on a client (modules with per-client state, e.g. Pub/Sub, register here). */
  readonly resetClientHooks: ((c: Client) => void)[] = [];
  /** Clients in MONITOR mode, fed one line per executed command. */
  readonly monitors = new MonitorRegistry(this);
  /** Hosts watching executed commands and modified keys (observers.ts); empty unless a host adds one. */
  readonly observers: CallObserver[] = [];
  /** Channels, patterns and shard channels with their subscribers; keyspace notifications. */
  readonly pubsub: PubSubRegistry;
  /** SAVE, BGSAVE, save points, DEBUG RELOAD and the INFO persistence counters. */
  readonly rdb: RdbPersistence;
  private scriptingEngine: ScriptingEngine | undefined;
  /** Lua scripts and function libraries, and the script running now (scripting/engine.ts); created
   * on first use from the scripting code, which the host installs first (scripting/late-bound.ts). */
  get scripts(): ScriptingEngine {
    return (this.scriptingEngine ??= scriptingCode().createEngine(this));
  }
  /** The scripting state if this node ever used it; undefined means no scripts, libraries or run. */
  get scriptsIfStarted(): ScriptingEngine | undefined {
    return this.scriptingEngine;
  }
  /** A script suspended across host turns: held commands, BUSY, the host's continue() (busy-script.ts). */
  readonly busy = new BusyScripts(this);
  /** Users, authentication, permission checks and the ACL log. */
  readonly acl: AclState;
  /** SLOWLOG entries; latency events (LATENCY LATEST ...); per-command histograms (latencystats). */
  readonly slowlog: SlowLog;
  readonly latency: LatencyMonitor;
  readonly commandLatencies: CommandLatencies;
  /** The feed of executed writes for the AOF and replication (server/propagate.ts). */
  readonly propagation = new Propagator(this);
  /** The multi-part append-only file (persistence/aof*.ts). */
  readonly aof: AofPersistence;

  constructor(opts: NodeOptions) {
    this.clock = opts.clock;
    this.random = opts.random;
    this.port = opts.port ?? 6379;
    this.commands = new CommandRegistry(opts.families ?? allFamilies);
    this.config = new Config(CONFIG_PARAMS);
    this.trackLfuConfig();
    this.pubsub = new PubSubRegistry(this);
    // `user` directives are not config parameters: they become ACL users (one per line).
    for (const [k, v] of Object.entries(opts.config ?? {})) if (k !== 'user') this.config.setRaw(k, v);
    this.acl = new AclState(this, opts.persist, opts.config?.user);
    const dbCount = this.config.getInt('databases');
    for (let i = 0; i < dbCount; i++) this.dbs.push(new Database(this, i));
    // updateMaxmemory: a lowered limit starts evicting at once (Redis's eviction time proc).
    this.config.onChange('maxmemory', () => void performEvictions(this));
    this.runId = opts.runId ?? randomHex(this.random, 40);
    this.startMs = this.clock.nowMs();
    this.lastSaveMs = this.startMs;
    if (opts.port !== undefined) this.config.setRaw('port', String(opts.port));
    this.slowlog = new SlowLog(this);
    this.latency = new LatencyMonitor(this);
    this.commandLatencies = new CommandLatencies(this);
    this.rdb = new RdbPersistence(this, opts.persist);
    this.aof = new AofPersistence(this, opts.persist);
    const aofOn = this.config.getBool('appendonly');
    if (!aofOn && opts.rdb && !this.rdb.loadAtStart(opts.rdb)) throw new Error('Error loading the RDB file');
    bootAof(this.aof, opts.aofFiles ?? new Map());
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** A new client connection; replies to it go to `sink`. */
  connect(sink: ClientSink, address?: Partial<ClientAddress>): Client {
    const id = this.nextClientId++;
    const addr: ClientAddress = {
      addr: address?.addr ?? `127.0.0.1:${40000 + (id % 20000)}`,
      laddr: address?.laddr ?? `127.0.0.1:${this.port}`,
      fd: address?.fd ?? 7 + id,
    };
    const c = new Client(id, this, sink, addr);
    c.authenticated = this.acl.defaultAuthenticated();
    this.clients.set(id, c);
    this.stats.numConnections++;
    return c;
  }

  /** The connection is gone (closed by the peer, the host, or the server). */
  disconnect(c: Client): void {
    if (c.closed) return;
    c.closed = true;
    this.clients.delete(c.id);
    this.watches.unwatchAll(c);
    this.pause.forget(c);
    this.blocking.forget(c);
    this.pubsub.forget(c);
    this.tracking.disable(c);
    this.monitors.forget(c);
  }

  /** Runs one command from `c`; its reply (if any) is written to c's sink. */
  execute(c: Client, argv: Bytes[]): void {
    if (c.closed) return;
    this.pause.check();
    this.blocking.fireTimeouts();
    // A blocked client's next commands wait for it to be served (Redis leaves them in the query buffer).
    if (this.blocking.isBlocked(c)) return this.blocking.hold(c, argv);
    // Behind a held command, later commands of the same client wait too (CLIENT PAUSE).
    if (c.postponed.length > 0) return this.pause.hold(c, argv);
    const dirtyBefore = this.dirty;
    this.tracking.beginCommand(c);
    processCommand(this, c, argv);
    this.monitors.flushOwnLines();
    // Keys made ready by the command (or the whole EXEC) are served now, as after Redis's call().
    if (this.dirty !== dirtyBefore) this.blocking.scanForReadyKeys();
    this.blocking.handleReadyKeys();
    this.blocking.runUnblocked();
    this.tracking.endCommand(c);
  }

  /**
   * Redis's beforeSleep: hosts call it after each batch of input and each clock advance. Times out
   * blocked clients whose deadline passed, serves ready keys, runs commands held by unblocked clients.
   */
  beforeSleep(): void {
    // During a busy script Redis serves clients but never blocked ones: the script stays atomic.
    if (this.busy.active) return;
    this.tracking.broadcast();
    this.blocking.fireTimeouts();
    this.blocking.handleReadyKeys();
    this.blocking.runUnblocked();
    this.tracking.flushHeld();
    this.monitors.flushOwnLines();
  }

  /** A key gained a value that may wake blocked clients (Redis's signalKeyAsReady from dbAdd). */
  signalKeyAsReady(db: Database, key: string): void {
    this.blocking.signalKeyAsReady(db, key);
  }

  /** Delivers a reply, honouring CLIENT REPLY OFF/SKIP. */
  reply(c: Client, r: Reply): void {
    if (c.closed || c.replyOff || c.skipCurrent) return;
    c.sink.write(r);
  }

  /** Server-initiated close (QUIT, CLIENT KILL): the sink closes after pending output. */
  kill(c: Client): void {
    if (c.closed) return;
    this.disconnect(c);
    c.sink.close();
  }

  /** Hook after every executed command (propagation, tracking and unblocking come here). */
  afterCommand(c: Client, cmd: Command, argv: readonly Bytes[]): void {
    this.tracking.rememberKeys(...trackingTarget(this, c, cmd, argv));
    this.monitors.feed(c, cmd, argv);
  }

  private trackLfuConfig(): void {
    const refresh = (): void => {
      this.lfuPolicy = this.config.get('maxmemory-policy').endsWith('lfu');
      this.lfuSettings = {
        logFactor: this.config.getInt('lfu-log-factor'),
        decayMinutes: this.config.getInt('lfu-decay-time'),
      };
    };
    for (const name of ['maxmemory-policy', 'lfu-log-factor', 'lfu-decay-time'])
      this.config.onChange(name, refresh);
    refresh();
  }

  /** Marks an access to a value (LRU clock / LFU counter for OBJECT IDLETIME/FREQ and eviction). */
  touchValue(v: RValue): void {
    if (this.lfuPolicy) {
      lfuTouch(v, this.clock.nowMs(), this.lfuSettings, this.random.next());
    } else {
      v.lru = this.clock.nowMs();
    }
  }

  /** Deletes an expired key, counting it and notifying as Redis's deleteExpiredKeyAndPropagate. */
  expireKey(db: Database, key: string): void {
    this.latency.timeDeletion('expire-del', db.dict.get(key), 'lazyfree-lazy-expire', () => db.delete(key));
    this.stats.expiredKeys++;
    this.notify('x', 'expired', key, db);
    this.signalModifiedKey(db, key, null);
    this.propagation.also(db, deletion(this, 'lazyfree-lazy-expire', unbin(key)));
    // Redis's delete path readies the key: XREADGROUP clients blocked on an expired stream unblock.
    this.blocking.signalKeyAsReady(db, key);
  }

  /**
   * Keyspace notification hook (notifyKeyspaceEvent). `cls` is the class letter of
   * notify-keyspace-events (g, $, l, s, h, z, x, e, t, m, d, n). Handlers call it exactly where Redis
   * does; the Pub/Sub registry publishes it when notify-keyspace-events enables the class.
   */
  notify(cls: string, event: string, key: string, db: Database): void {
    this.pubsub.notifyKeyspaceEvent(cls, event, key, db);
  }

  /**
   * A key's value changed (signalModifiedKey): invalidates WATCH and client-side caching. `by` is the
   * client that changed it (default: the one whose command runs), null for the server (expiry).
   */
  signalModifiedKey(db: Database, key: string, by?: Client | null): void {
    this.watches.touch(db, key);
    this.tracking.invalidateKey(key, by);
    keyChanged(this, db, key);
    for (const o of this.observers) o.keyModified(db, key);
  }

  /** Periodic jobs: called by the host every 1000/hz ms of clock time. */
  cron(): void {
    if (this.cronPaused || this.busy.active) return;
    this.pause.check();
    if (this.activeExpireEnabled) this.propagation.withoutMulti(() => activeExpireCycle(this));
    if (this.tracking.clientCount > 0) this.tracking.limitUsedSlots();
    this.rdb.cron();
    aofCron(this.aof);
  }
}

function randomHex(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
  return s;
}
