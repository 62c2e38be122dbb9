/*
 * Clients blocked on keys (Redis's blocked.c + timeout.c): BLPOP and friends today, BZPOPMIN/BZMPOP and
 * XREAD BLOCK tomorrow. A blocking command that finds nothing to serve calls block() with the keys it
 * waits for, the value type that can wake it, its deadline, and a `serve` callback: the same code path
 * as its non-blocking case, run later against the key that became ready.
 *
 * Semantics, after Redis 7.0:
 *   - Per (db, key), blocked clients wait in FIFO order; a client blocked on several keys sits in the
 *     queue of each, and leaves all of them when served, timed out, unblocked or disconnected.
 *   - Writers call signalKeyAsReady(db, key) when a key gains a value of a type that can wake clients
 *     (Redis's dbAdd does it). Ready keys are deduplicated and kept in signal order; they are served
 *     only after the whole command (or the whole EXEC) finishes: handleReadyKeys() runs from the
 *     node's execute() and beforeSleep(). Serving may ready more keys (BLMOVE pushes to its target),
 *     so it loops until no key is left.
 *   - For a ready key, the waiting clients are offered the key in blocking order while it still holds a
 *     value of the type they wait for (a list that a pop emptied is deleted, which stops the loop, as
 *     Redis's "deleted" flag does). A callback may decline (undefined) and keep its client blocked.
 *   - XREADGROUP depends on its stream and group existing: a client blocked with `keyLost` is answered
 *     by it when the key it waits on no longer holds a value of its type (deleted, overwritten,
 *     flushed, swapped, expired), as Redis's unblockDeletedStreamReadgroupClients does.
 *   - Keys that got a value without a signal (RENAME, MOVE, COPY, RESTORE, SWAPDB) are found by a scan
 *     of the blocked keys after any command that changed the dataset, queued after signalled keys; the
 *     same scan notices when the value a keyLost client blocked on was replaced or removed.
 *   - Deadlines are absolute node ms (0 = none); a client times out once the clock is strictly past its
 *     deadline (Redis compares timeout < now), in deadline order, answering its timeout reply.
 *   - While blocked, a client's further commands are held and run, in order, once it is unblocked
 *     (Redis keeps them in the query buffer and processes them from processUnblockedClients).
 * Bounds: every loop walks a finite snapshot (queues are copied before serving).
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import { err, NIL_ARRAY, type Reply } from '../resp/reply.ts';
import type { Client } from './client.ts';
import type { Database } from './db.ts';
import type { ServerNode } from './node.ts';
import type { RType, RValue } from './object.ts';
import { recordUnblocked } from './latency-call.ts';

export interface BlockRequest {
  /** The value type that can wake the client ('list', 'zset', 'stream'). */
  kind: RType;
  keys: readonly string[];
  /** Absolute deadline in node ms; 0 blocks forever. */
  deadlineMs: number;
  /** Serves the client from `key` (which holds a value of `kind`): its reply, or undefined to keep waiting. */
  serve: (key: string) => Reply | undefined;
  /** Reply on timeout or CLIENT UNBLOCK TIMEOUT (a nil array by default, as Redis answers). */
  timeoutReply?: Reply;
  /**
   * XREADGROUP only: called when a waited key lost the value the client blocked on (deleted, replaced
   * by RENAME or another type, flushed, swapped away); its reply unblocks the client (Redis 7.0's
   * unblockDeletedStreamReadgroupClients), undefined keeps it waiting.
   */
  keyLost?: (key: string) => Reply | undefined;
}

interface BlockState extends BlockRequest {
  client: Client;
  db: Database;
  cmd: Command | undefined;
  /** Commands the client sent while blocked, run in order after it is unblocked. */
  pending: Bytes[][];
  /** With keyLost: the value object each key held when last offered, to notice replacements. */
  seen: Map<string, RValue | undefined> | undefined;
}

export const UNBLOCKED_ERROR = 'UNBLOCKED client unblocked via CLIENT UNBLOCK';

export class BlockingRegistry {
  /** "db:key" -> blocked clients in blocking order. */
  private readonly waiting = new Map<string, BlockState[]>();
  private readonly byClient = new Map<Client, BlockState>();
  /** Ready keys in signal order, deduplicated. */
  private ready = new Map<string, { db: Database; key: string }>();
  /** Clients unblocked whose held commands have not run yet. */
  private readonly unblocked: { client: Client; pending: Bytes[][] }[] = [];
  private serving = false;
  private draining = false;
  /** Blocked clients with a keyLost callback (XREADGROUP): the replaced-value scan runs only then. */
  private keyLostClients = 0;

  constructor(private readonly node: ServerNode) {}

  get blockedCount(): number {
    return this.byClient.size;
  }

  isBlocked(c: Client): boolean {
    return this.byClient.has(c);
  }

  /** Blocking commands behave as non-blocking inside MULTI/EXEC (Redis's CLIENT_DENY_BLOCKING). */
  canBlock(c: Client): boolean {
    return c.multi === null && !c.flags.has('deny_blocking');
  }

  /** Blocks `c` (the handler then returns no reply). */
  block(c: Client, req: BlockRequest): void {
    const cmd = c.node.commands.lookupByName(c.lastCommand);
    const keys = [...new Set(req.keys)];
    const seen = req.keyLost ? new Map(keys.map((k) => [k, c.db.dict.get(k)])) : undefined;
    const st: BlockState = { ...req, keys, client: c, db: c.db, cmd, pending: [], seen };
    for (const key of st.keys) {
      const id = slot(c.db, key);
      const q = this.waiting.get(id);
      if (q) q.push(st);
      else this.waiting.set(id, [st]);
    }
    this.byClient.set(c, st);
    if (seen !== undefined) this.keyLostClients++;
    c.flags.add('blocked');
  }

  /** Holds a command a blocked client sent. */
  hold(c: Client, argv: Bytes[]): void {
    this.byClient.get(c)?.pending.push(argv);
  }

  /** signalKeyAsReady: queue `key` if someone waits on it. */
  signalKeyAsReady(db: Database, key: string): void {
    const id = slot(db, key);
    if (!this.waiting.has(id) || this.ready.has(id)) return;
    this.ready.set(id, { db, key });
  }

  /** Removes a client's blocked state; returns it (undefined when it was not blocked). */
  private release(c: Client): BlockState | undefined {
    const st = this.byClient.get(c);
    if (st === undefined) return undefined;
    this.byClient.delete(c);
    if (st.seen !== undefined) this.keyLostClients--;
    c.flags.delete('blocked');
    for (const key of st.keys) {
      const id = slot(st.db, key);
      const q = this.waiting.get(id);
      if (!q) continue;
      const i = q.indexOf(st);
      if (i >= 0) q.splice(i, 1);
      if (q.length === 0) this.waiting.delete(id);
    }
    return st;
  }

  /** The connection is gone: drop it from every queue, forget its held commands. */
  forget(c: Client): void {
    this.release(c);
  }

  /** Unblocks with a reply (served, timed out, CLIENT UNBLOCK); held commands run later. */
  private finish(st: BlockState, reply: Reply): void {
    this.release(st.client);
    if (reply.t === 'error') {
      if (st.cmd) st.cmd.stats.failedCalls++;
      this.node.stats.countError(reply.s);
    }
    this.node.reply(st.client, reply);
    recordUnblocked(this.node, st.client);
    if (st.pending.length > 0) this.unblocked.push({ client: st.client, pending: st.pending });
  }

  /** CLIENT UNBLOCK: true when `c` was blocked here. */
  unblock(c: Client, withError: boolean): boolean {
    const st = this.byClient.get(c);
    if (st === undefined) return false;
    // Redis counts an unblocked command as failed either way (updateStatsOnUnblock with had_errors).
    if (!withError && st.cmd) st.cmd.stats.failedCalls++;
    this.finish(st, withError ? err(UNBLOCKED_ERROR) : (st.timeoutReply ?? NIL_ARRAY));
    return true;
  }

  /** Times out every client whose deadline is strictly in the past, earliest deadline first. */
  fireTimeouts(): void {
    if (this.byClient.size === 0) return;
    const now = this.node.nowMs();
    const due = [...this.byClient.values()].filter((st) => st.deadlineMs !== 0 && st.deadlineMs < now);
    due.sort((a, b) => a.deadlineMs - b.deadlineMs || a.client.id - b.client.id);
    for (const st of due)
      if (this.byClient.get(st.client) === st) this.finish(st, st.timeoutReply ?? NIL_ARRAY);
  }

  /** Earliest deadline of a blocked client (for hosts that arm a timer), or undefined. */
  nextDeadlineMs(): number | undefined {
    let min: number | undefined;
    for (const st of this.byClient.values()) {
      if (st.deadlineMs !== 0 && (min === undefined || st.deadlineMs < min)) min = st.deadlineMs;
    }
    return min;
  }

  /**
   * Finds keys that gained a value without a signal (see the header), and keys whose value an
   * XREADGROUP client blocked on was deleted or replaced (Redis signals those from its delete and
   * overwrite paths); cheap when nobody blocks.
   */
  scanForReadyKeys(): void {
    if (this.byClient.size === 0) return;
    for (const q of this.waiting.values()) {
      const st = q[0]!;
      for (const key of st.keys) {
        const v = st.db.dict.get(key);
        // Streams are woken by XADD's signal; only a replaced or deleted value matters (below).
        if (v !== undefined && v.type === st.kind && (v.type as string) !== 'stream')
          this.signalKeyAsReady(st.db, key);
      }
      // Every keyLost client of a queue recorded the same value for its key (it is refreshed for all
      // of them whenever the key is offered), so the first one speaks for the queue.
      if (this.keyLostClients === 0) continue;
      const w = st.seen !== undefined ? st : q.find((x) => x.seen !== undefined);
      if (w === undefined) continue;
      for (const [key, was] of w.seen!) if (w.db.dict.get(key) !== was) this.signalKeyAsReady(w.db, key);
    }
  }

  /** handleClientsBlockedOnKeys: serves ready keys until none is left. */
  handleReadyKeys(): void {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.ready.size > 0) {
        const batch = [...this.ready.values()];
        this.ready = new Map();
        for (const { db, key } of batch) this.serveKey(db, key);
      }
    } finally {
      this.serving = false;
    }
  }

  private serveKey(db: Database, key: string): void {
    const q = this.waiting.get(slot(db, key));
    if (!q) return;
    for (const st of [...q]) {
      if (this.byClient.get(st.client) !== st) continue;
      const v = db.peek(key);
      st.seen?.set(key, v);
      // A deleted key (a list a pop emptied) or another type serves nobody but the keyLost clients.
      const reply =
        v !== undefined && v.type === st.kind
          ? this.node.propagation.served(st.client, st.cmd, st.client.requestArgv, () => st.serve(key))
          : st.keyLost?.(key);
      if (reply !== undefined) this.finish(st, reply);
    }
  }

  /** processUnblockedClients: runs the commands held while clients were blocked. */
  runUnblocked(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.unblocked.length > 0) {
        const { client, pending } = this.unblocked.shift()!;
        for (let i = 0; i < pending.length; i++) {
          if (client.closed) break;
          // Blocked again by one of them: the rest waits behind it.
          if (this.isBlocked(client)) {
            this.byClient.get(client)!.pending.push(...pending.slice(i));
            break;
          }
          this.node.execute(client, pending[i]!);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

function slot(db: Database, key: string): string {
  return `${db.id}:${key}`;
}
