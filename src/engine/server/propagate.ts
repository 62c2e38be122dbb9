/*
 * Command propagation: the feed of dataset changes that the AOF (and later replication) consume, as
 * Redis 7.0's call() / alsoPropagate() / propagatePendingCommands() produce it.
 *
 * Model:
 *   - Every call() opens a frame (enter) and closes it (leave). A command whose run changed
 *     node.dirty (counting nested calls) is queued as one operation in `pending`, in the form that
 *     replays deterministically: the handler's own rewrite (rewrite()), else the central rewrite
 *     table (propagate-rewrite.ts), else its argv as received. EXEC is never queued itself (its
 *     commands were), nor are script runners (EVAL/FCALL: Redis's scriptResetRun prevents them, the
 *     commands the script ran are propagated instead).
 *   - Side effects queue their own operations with also(): lazy and active expiry (DEL/UNLINK),
 *     eviction, commands that propagate as several (SPOP with a count -> SREMs). Such operations land
 *     before the command that caused them, as in Redis (the expired key is deleted while the command
 *     runs, the command is queued when it returns).
 *   - When the outermost frame closes, flush() hands the queue to the consumers: more than one
 *     operation is wrapped in MULTI ... EXEC (MULTI carries the first operation's db, EXEC the last
 *     one's, so a consumer inserts SELECT only where needed), unless the caller asked for no
 *     transaction (active expire and eviction, Redis's propagate_no_multi) or the command touches
 *     arbitrary keys (RANDOMKEY, SCAN: CMD_TOUCHES_ARBITRARY_KEYS).
 * Consumers receive (db index, argv) and keep their own notion of the selected db (Redis's
 * aof_selected_db and slaveseldb are separate), so each decides where a SELECT goes.
 * Bounds: pending grows only within one top-level command; frames nest as deep as call() does.
 */
import { type Bytes, utf8 } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Reply } from '../resp/reply.ts';
import type { Client } from './client.ts';
import type { Database } from './db.ts';
import type { ServerNode } from './node.ts';
import { rewriteForPropagation, type RewriteContext } from './propagate-rewrite.ts';
import { captureBefore, type StreamCapture, xautoclaim, xclaim, xreadgroup } from './propagate-streams.ts';

export interface PropagatedOp {
  dbId: number;
  argv: readonly Bytes[];
}

/** A reader of the propagation feed (the AOF now, replication later). */
export interface PropagationConsumer {
  feed(dbId: number, argv: readonly Bytes[]): void;
  /** The end of one batch (one top-level command, one expiry cycle): a point to write out. */
  commit?(): void;
}

interface CallFrame {
  client: Client;
  dirtyBefore: number;
  /** preventCommandPropagation(): the command itself is not queued (also() still works). */
  prevented: boolean;
  /** rewriteClientCommandVector(): what to queue instead of the received argv. */
  rewritten: Bytes[] | null;
  /** State a rewrite needs from before the command ran (stream PELs, consumers). */
  capture: StreamCapture | undefined;
  /** forceCommandPropagation(): queued even if dirty did not move (served blocked clients). */
  forced: boolean;
}

/** Commands whose own argv is never propagated: EXEC and the script runners. */
const NEVER_PROPAGATED = new Set(['exec', 'eval', 'evalsha', 'eval_ro', 'evalsha_ro', 'fcall', 'fcall_ro']);
/** CMD_TOUCHES_ARBITRARY_KEYS: expiries these cause are propagated without MULTI/EXEC. */
const TOUCHES_ARBITRARY_KEYS = new Set(['randomkey', 'scan']);
/** forceCommandPropagation: propagated even when nothing changed (an already empty FLUSHALL). */
const ALWAYS_PROPAGATED = new Set(['flushdb', 'flushall']);

const MULTI: readonly Bytes[] = [utf8('MULTI')];
const EXEC: readonly Bytes[] = [utf8('EXEC')];

export class Propagator {
  private pending: PropagatedOp[] = [];
  private readonly frames: CallFrame[] = [];
  private readonly consumers: PropagationConsumer[] = [];
  /** Set while active expire / eviction run: their deletions are never wrapped in MULTI. */
  private noMulti = false;
  /** Above zero while loading data (AOF replay): nothing is propagated (Redis's server.loading). */
  private suspended = 0;

  constructor(private readonly node: ServerNode) {}

  /** Adds a consumer; the returned function removes it. */
  subscribe(consumer: PropagationConsumer): () => void {
    this.consumers.push(consumer);
    return () => {
      const i = this.consumers.indexOf(consumer);
      if (i >= 0) this.consumers.splice(i, 1);
    };
  }

  /** Nesting depth of call(): 0 outside any command. */
  get depth(): number {
    return this.frames.length;
  }

  /** call() is about to run `cmd` for `c`. */
  enter(c: Client, cmd: Command, argv: readonly Bytes[]): void {
    const capture = cmd.fullName.startsWith('x')
      ? captureBefore({ node: this.node, db: c.db, cmd, argv })
      : undefined;
    this.frames.push({
      client: c,
      dirtyBefore: this.node.dirty,
      prevented: false,
      rewritten: null,
      capture,
      forced: false,
    });
  }

  /**
   * call() finished the handler: queue the command if it changed the dataset; at the outermost level,
   * flush everything queued to the consumers.
   */
  leave(c: Client, cmd: Command, argv: readonly Bytes[], reply: Reply | undefined): void {
    const frame = this.frames.pop();
    if (frame === undefined) return;
    const name = cmd.parent ? cmd.parent.fullName : cmd.fullName;
    const forced = (frame.forced || ALWAYS_PROPAGATED.has(name)) && reply?.t !== 'error';
    const changed = this.node.dirty !== frame.dirtyBefore || forced;
    if (changed && this.suspended === 0 && !frame.prevented && !NEVER_PROPAGATED.has(name)) {
      const x: RewriteContext = { node: this.node, db: c.db, cmd, argv, reply };
      const ops = frame.rewritten ? [frame.rewritten] : opsFor(x, frame.capture);
      for (const op of ops) this.pending.push({ dbId: c.db.id, argv: op });
    }
    if (this.frames.length === 0) this.flush(TOUCHES_ARBITRARY_KEYS.has(cmd.fullName));
  }

  /**
   * Keeps the running top-level unit open after its call() returns (a script suspended across host
   * turns): what its later slices run joins the same MULTI/EXEC. The hold sits below every frame, so
   * call()'s own enter/leave pairs are untouched; the returned release removes it and flushes.
   */
  holdOpen(c: Client): () => void {
    const hold: CallFrame = {
      client: c,
      dirtyBefore: this.node.dirty,
      prevented: true,
      rewritten: null,
      capture: undefined,
      forced: false,
    };
    this.frames.unshift(hold);
    return () => {
      const i = this.frames.indexOf(hold);
      if (i >= 0) this.frames.splice(i, 1);
      if (this.frames.length === 0) this.flush();
    };
  }

  /** alsoPropagate: queue an extra operation for `db`, flushed with the current command. */
  also(db: Database, argv: readonly Bytes[]): void {
    if (this.suspended > 0) return;
    this.pending.push({ dbId: db.id, argv });
    // Outside any command (a timer, a served blocked client's side effects) nothing else will flush.
    if (this.frames.length === 0 && !this.noMulti) this.flush(true);
  }

  /** preventCommandPropagation for the running command. */
  prevent(): void {
    const f = this.frames[this.frames.length - 1];
    if (f) f.prevented = true;
  }

  /** rewriteClientCommandVector for the running command: propagate `argv` instead of what was sent. */
  rewrite(argv: Bytes[]): void {
    const f = this.frames[this.frames.length - 1];
    if (f) f.rewritten = argv;
  }

  /** Runs `work` with propagation off (loading the AOF). */
  suspend(work: () => void): void {
    this.suspended++;
    try {
      work();
    } finally {
      this.suspended--;
    }
  }

  /** Runs `work` (active expire, eviction) with its deletions propagated one by one, never wrapped. */
  withoutMulti<T>(work: () => T): T {
    const was = this.noMulti;
    this.noMulti = true;
    try {
      return work();
    } finally {
      this.noMulti = was;
      if (!was && this.frames.length === 0) this.flush(true);
    }
  }

  /**
   * A blocked client is served outside call() (Redis's serveClientsBlockedOn*Key): `serve` pops for
   * it, and the pop is propagated as the command's non-blocking form, then flushed on its own.
   */
  served(
    c: Client,
    cmd: Command | undefined,
    argv: readonly Bytes[],
    serve: () => Reply | undefined,
  ): Reply | undefined {
    if (cmd === undefined) return serve();
    this.enter(c, cmd, argv);
    // Redis's serve paths propagate with alsoPropagate and do not count dirty.
    this.frames[this.frames.length - 1]!.forced = true;
    let reply: Reply | undefined;
    try {
      reply = serve();
    } finally {
      if (reply === undefined) this.frames.pop();
      else this.leave(c, cmd, argv, reply);
    }
    return reply;
  }

  /** propagatePendingCommands: hand the queue to every consumer, MULTI/EXEC-wrapped when several. */
  flush(noTransaction = false): void {
    const ops = this.pending;
    if (ops.length === 0) return;
    this.pending = [];
    if (this.consumers.length === 0) return;
    const wrap = ops.length > 1 && !this.noMulti && !noTransaction;
    if (wrap) this.emit(ops[0]!.dbId, MULTI);
    for (const op of ops) this.emit(op.dbId, op.argv);
    if (wrap) this.emit(ops[ops.length - 1]!.dbId, EXEC);
    for (const consumer of this.consumers) consumer.commit?.();
  }

  private emit(dbId: number, argv: readonly Bytes[]): void {
    for (const consumer of this.consumers) consumer.feed(dbId, argv);
  }
}

/** The operations standing for one command, using what was captured before it ran when needed. */
function opsFor(x: RewriteContext, capture: StreamCapture | undefined): Bytes[][] {
  switch (x.cmd.fullName) {
    case 'xreadgroup':
      return xreadgroup(x, capture?.consumers ?? new Set());
    case 'xclaim':
      return xclaim(x, capture?.pel ?? new Map());
    case 'xautoclaim':
      return xautoclaim(x, capture?.pel ?? new Map());
    default:
      return rewriteForPropagation(x);
  }
}
