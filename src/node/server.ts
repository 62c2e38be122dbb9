/*
 * The Node RESP host: a net.Server on 127.0.0.1:port in front of one ServerNode, on the real-time
 * clock. Each accepted socket becomes a Connection (see connection.ts); serverCron runs every 1000/hz
 * ms, re-reading hz each time so CONFIG SET hz takes effect as in Redis (clamped to 1..500 like
 * Redis's CONFIG_MIN_HZ / CONFIG_MAX_HZ).
 *
 * Failures stay contained: a throwing cron or connection is logged and the server keeps serving.
 */
import { randomInt } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { SeededRandom } from '../engine/ds/prng.ts';
import { ServerNode } from '../engine/server/node.ts';
import { RealClock } from './clock.ts';
import { Connection } from './connection.ts';
import { filePersistPort } from './rdb-files.ts';
import { withAofFiles } from './aof-files.ts';

export interface RespServerOptions {
  /** TCP port; 0 picks a free one (read it back from start()). */
  port: number;
  host?: string;
  /** Config overrides, as redis-server's command line gives them. */
  config?: Record<string, string>;
  /** Where log lines go (Redis's log format; warning level unless given); silent by default. */
  log?: (line: string, level?: 'notice' | 'warning') => void;
  /** RDB bytes to load before serving (dir/dbfilename read at start). */
  rdb?: Uint8Array;
  /** The files of dir/appenddirname, loaded instead of `rdb` with appendonly yes. */
  aofFiles?: ReadonlyMap<string, Uint8Array>;
  /** SHUTDOWN succeeded: the host stops (main.ts exits the process). */
  onExit?: (code: number) => void;
}

export class RespServer {
  readonly node: ServerNode;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly log: (line: string) => void;
  private cronTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly clock = new RealClock();

  constructor(private readonly opts: RespServerOptions) {
    this.log = opts.log ?? (() => undefined);
    // Files are written while the node is still being built (loading, the first AOF base file).
    const dir = (): string =>
      (this.node as ServerNode | undefined)?.config.get('dir') ?? opts.config?.dir ?? '.';
    const persistLog = (line: string, level: 'notice' | 'warning'): void => opts.log?.(line, level);
    this.node = new ServerNode({
      clock: this.clock,
      random: new SeededRandom(randomInt(2 ** 31)),
      port: opts.port,
      config: opts.config,
      persist: {
        ...withAofFiles(filePersistPort(dir, persistLog), dir, persistLog),
        exit: (code) => opts.onExit?.(code),
      },
      rdb: opts.rdb,
      aofFiles: opts.aofFiles,
    });
    this.node.busy.onPending = () => setImmediate(() => this.continueScript());
    this.server = createServer((socket) => this.accept(socket));
    this.server.on('error', (e) => this.log(`Server error: ${e.message}`));
  }

  /** Starts listening; resolves with the bound port. */
  start(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port, this.opts.host ?? '127.0.0.1', () => {
        this.server.removeListener('error', reject);
        this.scheduleCron();
        resolve((this.server.address() as { port: number }).port);
      });
    });
  }

  /** Stops accepting, drops every connection and the cron timer. */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.cronTimer);
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.node.clients.size >= this.node.config.getInt('maxclients')) {
      // Redis's admission control: a best-effort error line, then the connection is dropped.
      this.node.stats.rejectedConnections++;
      socket.end('-ERR max number of clients reached\r\n');
      return;
    }
    const keepAliveSec = this.node.config.getInt('tcp-keepalive');
    if (keepAliveSec > 0) socket.setKeepAlive(true, keepAliveSec * 1000);
    try {
      new Connection(this.node, socket, { log: this.log, onInput: () => this.clock.refresh() });
    } catch (e) {
      this.log(`Error accepting client: ${e instanceof Error ? e.message : e}`);
      socket.destroy();
    }
  }

  /** One more slice of a long script, after pending socket input had its turn (BUSY, SCRIPT KILL). */
  private continueScript(): void {
    if (this.stopped) return;
    try {
      this.clock.refresh();
      this.node.busy.continue();
    } catch (e) {
      this.log(`script slice failed: ${e instanceof Error ? e.stack : e}`);
    }
  }

  private scheduleCron(): void {
    if (this.stopped) return;
    const hz = Math.min(500, Math.max(1, this.node.config.getInt('hz') || 1));
    this.cronTimer = setTimeout(() => {
      try {
        this.clock.refresh();
        this.node.cron();
        // Blocked clients time out here, as Redis's beforeSleep runs after each serverCron.
        this.node.beforeSleep();
        this.node.beforeSleep();
      } catch (e) {
        this.log(`serverCron failed: ${e instanceof Error ? e.stack : e}`);
      }
      this.scheduleCron();
    }, 1000 / hz);
  }
}
