/*
 * Runs commands for one console tab the way redis-cli's command loop does, and owns the tab's
 * connection.
 *
 * - A command is sent `repeat` times (redis-cli's "3 PING"); each reply is printed in TTY format, or
 *   raw for the commands redis-cli prints raw (INFO, CLIENT LIST, ...).
 * - SUBSCRIBE/PSUBSCRIBE/SSUBSCRIBE print "Reading messages... (press Ctrl-C to quit)" and MONITOR
 *   starts streaming: the tab then only prints what arrives until an error reply or Ctrl-C, whatever
 *   the protocol (redis-cli decides by the command name, so a RESP3 tab reads its pushes the same way,
 *   each printed as a numbered list). Ctrl-C (also during a blocking command) drops the connection and
 *   opens a new one on the same DB, as redis-cli 7.0 reconnects after an interrupted read; unlike
 *   redis-cli (which only keeps RESP3 when started with -3) the new connection also gets HELLO 3 again
 *   if the tab had switched to RESP3, since a tab has no command line to say so.
 * - With no connection (after QUIT or when the server closed it) the next command connects anew.
 * - Commands taking 500 ms or more of real time get redis-cli's "(1.52s)" line.
 */
import type { WireReply } from '../../protocol/reply.ts';
import { formatPush, formatReply } from '../cli/format.ts';
import { formatReplyRaw, isRawOutputCommand } from '../cli/raw.ts';
import type { ConsoleConnection, SessionDeps } from './types.ts';

export type ReadingMode = 'pubsub' | 'monitor' | null;

export interface ExecutorEvents {
  /** A push arrived while the prompt is shown (the session reprints the prompt around it). */
  onPushAtPrompt(text: string): void;
  /** The connection or reading mode changed: the prompt or tab status may need redrawing. */
  onChange(): void;
  /** The command is blocked (BLPOP, WAIT): its reply comes later, if ever. */
  onBlocked?(): void;
}

const utf8 = new TextEncoder();
const SUBSCRIBES = new Set(['subscribe', 'psubscribe', 'ssubscribe']);

/** Whether the server holds this client's command (BLPOP waiting, CLIENT PAUSE). */
function isBlocked(conn: ConsoleConnection): boolean {
  return conn.state.blocked === true;
}

export class CommandExecutor {
  conn: ConsoleConnection | null = null;
  reading: ReadingMode = null;
  /** Real ms (deps.nowMs) when the command that started the current reading mode was entered. */
  readingSinceMs = 0;
  private detach: (() => void)[] = [];
  /** Bumped on every (re)connect so replies of an aborted command are dropped. */
  private generation = 0;
  /** Set while a blocked command (BLPOP, WAIT, CLIENT PAUSE) waits for its late reply. */
  private awaitingLateReply: ((r: WireReply | null) => void) | null = null;

  constructor(
    private readonly deps: SessionDeps,
    private readonly print: (binary: string) => void,
    private readonly events: ExecutorEvents,
  ) {}

  async connect(): Promise<ConsoleConnection> {
    this.dropConnection();
    const conn = await this.deps.connect();
    this.generation++;
    this.conn = conn;
    this.detach = [conn.onPush((r) => this.handlePush(r)), conn.onClose(() => this.handleClose(conn))];
    this.events.onChange();
    return conn;
  }

  /** QUIT/EXIT: close the tab's connection; the prompt then says "not connected". */
  disconnect(): void {
    this.dropConnection();
    this.reading = null;
    this.events.onChange();
  }

  private dropConnection(): void {
    this.settleLateReply(null);
    for (const d of this.detach) d();
    this.detach = [];
    const old = this.conn;
    this.conn = null;
    if (old) void Promise.resolve(old.close()).catch(() => {});
  }

  private settleLateReply(r: WireReply | null): void {
    const settle = this.awaitingLateReply;
    this.awaitingLateReply = null;
    settle?.(r);
  }

  private handlePush(r: WireReply): void {
    if (this.awaitingLateReply) return this.settleLateReply(r);
    // Subscribed mode reads pushes as plain replies (redis-cli unsets its push handler there); MONITOR
    // keeps the handler, so an invalidation push still prints on its "-> invalidate:" line.
    if (this.reading === 'pubsub') this.print(formatReply(r));
    else if (this.reading === 'monitor') this.print(formatPush(r));
    else this.events.onPushAtPrompt(formatPush(r));
  }

  /** The server closed the connection (QUIT, CLIENT KILL); a reading tab says so as redis-cli does. */
  private handleClose(conn: ConsoleConnection): void {
    if (this.conn !== conn) return;
    if (this.reading) this.print('Error: Server closed the connection\n');
    this.settleLateReply(null);
    for (const d of this.detach) d();
    this.detach = [];
    this.conn = null;
    this.reading = null;
    this.events.onChange();
  }

  /** Ctrl-C while waiting: reconnect on the same DB and protocol, as redis-cli does. */
  async interrupt(): Promise<void> {
    const db = this.conn?.state.db ?? 0;
    const resp = this.conn?.state.resp ?? 2;
    this.reading = null;
    const conn = await this.connect();
    if (db !== 0) await conn.send([utf8.encode('SELECT'), utf8.encode(String(db))]);
    if (resp === 3) await conn.send([utf8.encode('HELLO'), utf8.encode('3')]);
    this.events.onChange();
  }

  /** Sends one command `repeat` times and prints the replies. args: argv as binary strings. */
  async run(argv: Uint8Array[], args: string[], repeat: number): Promise<void> {
    const started = this.deps.nowMs();
    for (let i = 0; i < repeat; i++) {
      const ok = await this.sendOnce(argv, args);
      if (!ok || this.reading) break;
    }
    if (this.reading) this.readingSinceMs = started;
    const elapsedMs = this.deps.nowMs() - started;
    if (elapsedMs >= 500 && !this.reading) this.print(`(${(elapsedMs / 1000).toFixed(2)}s)\n`);
  }

  private async sendOnce(argv: Uint8Array[], args: string[]): Promise<boolean> {
    const conn = this.conn ?? (await this.connect());
    const generation = this.generation;
    const name = args[0]!.toLowerCase();
    if (SUBSCRIBES.has(name)) {
      this.reading = 'pubsub';
      this.print('Reading messages... (press Ctrl-C to quit)\n');
    } else if (name === 'monitor') {
      this.reading = 'monitor';
    }
    let replies: WireReply[];
    try {
      replies = await conn.send(argv);
    } catch {
      if (generation !== this.generation) return false;
      this.reading = null;
      this.print('Error: Server closed the connection\n');
      this.handleClose(conn);
      return false;
    }
    if (generation !== this.generation) return false;
    if (replies.length === 0 && isBlocked(conn)) {
      // The worker answers a blocked command with no reply; the real one comes later as a push.
      this.events.onBlocked?.();
      const late = await new Promise<WireReply | null>((resolve) => (this.awaitingLateReply = resolve));
      if (late === null || generation !== this.generation) return false;
      replies = [late];
    }
    const raw = isRawOutputCommand(args);
    for (const r of replies) this.print(raw ? formatReplyRaw(r) : formatReply(r));
    if (this.reading && replies.some((r) => r.t === 'error')) this.reading = null;
    this.events.onChange();
    return true;
  }
}
