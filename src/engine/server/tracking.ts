/*
 * Server-assisted client-side caching (Redis's tracking.c): which clients may hold which keys, and the
 * invalidation messages sent when those keys change.
 *
 * Two tables, global to the node (not per database, as in Redis):
 *   - the key table (default mode): key -> ids of the clients that read it with a read-only command.
 *     A change of the key sends each of them one invalidation and forgets them all (the entry is gone
 *     until somebody reads the key again). Ids, not clients: a client that disconnected or switched
 *     tracking off is skipped when the key changes (Redis does no cleanup of ids either).
 *   - the prefix table (BCAST mode, tracking-bcast.ts): keys changed under each prefix, sent from
 *     beforeSleep as one message per prefix per listening client.
 *
 * Ordering: a message for the client whose command is running is held (Redis's tracking_pending_keys)
 * and written after that command's reply, so invalidations never interleave with a reply (EXEC,
 * multi-key replies). The same holds for a blocked client being served: its message follows the reply
 * that unblocks it. Everything held is written when the node finishes the request (endCommand).
 *
 * Delivery (sendTrackingMessage): RESP3 clients get a push ["invalidate", keys|null]. With REDIRECT the
 * target receives it instead: a push if it speaks RESP3, else a Pub/Sub message on
 * "__redis__:invalidate" if it is in Pub/Sub mode, else nothing. A redirect target that is gone marks
 * the redirection broken and tells a RESP3 client with a "tracking-redir-broken" push. Pushes bypass
 * CLIENT REPLY OFF/SKIP (Redis's CLIENT_PUSHING).
 */
import { bin, type Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import { extractKeys } from '../commands/keys-extract.ts';
import { arr, bulkBin, bulkStr, int, NIL, push, type Reply } from '../resp/reply.ts';
import type { Client } from './client.ts';
import type { ServerNode } from './node.ts';
import { BroadcastTable, prefixCollision } from './tracking-bcast.ts';

export interface TrackingState {
  /** Client id receiving this client's invalidations; 0 for none. */
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  /** CLIENT CACHING yes (OPTIN) / no (OPTOUT) given for the next command or transaction. */
  caching: boolean;
  /** The redirect target disconnected (TRACKINGINFO flag broken_redirect). */
  brokenRedirect: boolean;
  /** BCAST prefixes (binary strings); kept across re-enables as Redis does. */
  prefixes: Set<string>;
}

export interface TrackingOptions {
  redirect: number;
  bcast: boolean;
  optin: boolean;
  optout: boolean;
  noloop: boolean;
  prefixes: string[];
}

const INVALIDATE = bulkStr('invalidate');
const MESSAGE = bulkStr('message');
const REDIR_BROKEN = bulkStr('tracking-redir-broken');
export const TRACKING_CHANNEL = '__redis__:invalidate';
const CHANNEL = bulkBin(TRACKING_CHANNEL);
/** Scripted read-only variants remember the script's declared keys instead (not modelled). */
const SCRIPT_READONLY = new Set(['eval_ro', 'evalsha_ro', 'fcall_ro']);

export class TrackingRegistry {
  private readonly states = new Map<Client, TrackingState>();
  private readonly keyTable = new Map<string, Set<number>>();
  private readonly bcast = new BroadcastTable();
  private items = 0;
  /** The client whose request is being processed, and whether its command is running. */
  private current: Client | null = null;
  private inCall = false;
  /** Messages held until the end of the request: keys, or null for "everything" (a flush). */
  private readonly held = new Map<Client, (string | null)[]>();
  /** Rounds in a row trackingLimitUsedSlots ended over the limit (its effort grows with them). */
  private limitRounds = 0;

  constructor(private readonly node: ServerNode) {}

  stateOf(c: Client): TrackingState | undefined {
    return this.states.get(c);
  }

  get clientCount(): number {
    return this.states.size;
  }
  get totalKeys(): number {
    return this.keyTable.size;
  }
  get totalItems(): number {
    return this.items;
  }
  get totalPrefixes(): number {
    return this.bcast.size;
  }

  /**
   * enableTracking: mode flags are replaced, prefixes accumulate, the caching flag survives. Options
   * were validated by CLIENT TRACKING (including prefix collisions, see prefixCollision).
   */
  enable(c: Client, o: TrackingOptions): void {
    const cur = this.states.get(c);
    const st: TrackingState = {
      redirect: o.redirect,
      bcast: o.bcast,
      optin: o.optin,
      optout: o.optout,
      noloop: o.noloop,
      caching: cur?.caching ?? false,
      brokenRedirect: false,
      prefixes: cur?.prefixes ?? new Set(),
    };
    this.states.set(c, st);
    c.flags.add('tracking');
    if (!o.bcast) return;
    for (const p of o.prefixes.length ? o.prefixes : ['']) {
      this.bcast.listen(c, p);
      st.prefixes.add(p);
    }
  }

  /** disableTracking: leaves every prefix (dropping prefixes nobody listens to any more). */
  disable(c: Client): void {
    const st = this.states.get(c);
    if (!st) return;
    for (const p of st.bcast ? st.prefixes : []) this.bcast.leave(c, p);
    this.states.delete(c);
    this.held.delete(c);
    c.flags.delete('tracking');
  }

  /** checkPrefixCollisionsOrReply against the prefixes `c` already has. */
  prefixCollision(c: Client, prefixes: readonly string[]): string | null {
    return prefixCollision(this.states.get(c)?.prefixes ?? [], prefixes);
  }

  // ---- request lifecycle (called by the node) ---------------------------------------------------

  /** Before a request runs: keep the key table within tracking-table-max-keys, then enter call(). */
  beginCommand(c: Client): void {
    this.current = c;
    if (this.states.size > 0) this.limitUsedSlots();
    this.inCall = true;
  }

  /**
   * Runs `fn` as code outside call() (processCommand's performEvictions, time events): invalidations
   * it causes reach even the requesting client at once instead of after its reply.
   */
  outsideCall<T>(fn: () => T): T {
    const was = this.inCall;
    this.inCall = false;
    try {
      return fn();
    } finally {
      this.inCall = was;
    }
  }

  /**
   * After the request (its reply and any replies of clients it unblocked are written): the held
   * messages go out, and CLIENT CACHING stops applying unless a transaction is open or the request
   * was itself a CLIENT subcommand (Redis's resetClient).
   */
  endCommand(c: Client): void {
    this.inCall = false;
    this.current = null;
    this.flushHeld();
    const st = this.states.get(c);
    if (st && c.multi === null && !/^client(\||$)/.test(c.lastCommand)) st.caching = false;
  }

  /** call(): a read-only command of a tracking client in default mode remembers the keys it read. */
  rememberKeys(c: Client, cmd: Command, argv: readonly Bytes[]): void {
    const st = this.states.get(c);
    if (!st || st.bcast) return;
    const flags = cmd.spec.flags;
    if (!flags.includes('readonly') || flags.includes('pubsub') || SCRIPT_READONLY.has(cmd.fullName)) return;
    if ((st.optin && !st.caching) || (st.optout && st.caching)) return;
    for (const ref of extractKeys(cmd, argv)) {
      const key = bin(argv[ref.pos]!);
      let ids = this.keyTable.get(key);
      if (!ids) this.keyTable.set(key, (ids = new Set()));
      if (!ids.has(c.id)) {
        ids.add(c.id);
        this.items++;
      }
    }
  }

  // ---- invalidation -----------------------------------------------------------------------------

  /**
   * trackingInvalidateKey: `key` changed (writer: the client that changed it, null for the server, e.g.
   * expiry). `bcast` is false when the key only leaves the table (tracking-table-max-keys).
   */
  invalidateKey(key: string, writer: Client | null = this.current, bcast = true): void {
    if (this.states.size === 0 && this.keyTable.size === 0) return;
    if (bcast && this.bcast.size > 0) this.bcast.remember(key, writer);
    const ids = this.keyTable.get(key);
    if (!ids) return;
    for (const id of ids) {
      const target = this.node.clients.get(id);
      const st = target && this.states.get(target);
      if (!target || !st || st.bcast) continue;
      if (st.noloop && target === this.current) continue;
      this.sendOrHold(target, key);
    }
    this.items -= ids.size;
    this.keyTable.delete(key);
  }

  /** trackingInvalidateKeysOnFlush: every tracking client is told "all keys" (null); the table empties. */
  invalidateAll(): void {
    for (const c of this.node.clients.values()) {
      if (!this.states.has(c)) continue;
      if (c === this.current) this.hold(c, null);
      else this.send(c, null);
    }
    this.keyTable.clear();
    this.items = 0;
  }

  /** beforeSleep (trackingBroadcastInvalidationMessages): one message per prefix per BCAST client. */
  broadcast(): void {
    if (this.states.size === 0) return;
    this.bcast.drain(
      (c, keys) => this.send(c, arr(keys.map(bulkBin))),
      (c) => this.states.get(c)?.noloop ?? false,
    );
  }

  /**
   * trackingLimitUsedSlots: over tracking-table-max-keys, random keys leave the table (their clients
   * are told, as if the keys changed). The effort, 100 keys per round, grows with each round in a row
   * that could not get under the limit.
   */
  limitUsedSlots(): void {
    const max = this.node.config.getInt('tracking-table-max-keys');
    if (max === 0) return;
    if (this.keyTable.size <= max) {
      this.limitRounds = 0;
      return;
    }
    const keys = [...this.keyTable.keys()];
    for (let effort = 100 * (this.limitRounds + 1); effort > 0 && keys.length > 0; effort--) {
      const i = this.node.random.int(keys.length);
      const key = keys[i]!;
      keys[i] = keys[keys.length - 1]!;
      keys.pop();
      this.invalidateKey(key, null, false);
      if (this.keyTable.size <= max) {
        this.limitRounds = 0;
        return;
      }
    }
    this.limitRounds++;
  }

  // ---- delivery ---------------------------------------------------------------------------------

  /** Held while the target's own command runs or while it is blocked (its reply comes first). */
  private sendOrHold(target: Client, key: string): void {
    if ((target === this.current && this.inCall) || this.node.blocking.isBlocked(target)) {
      this.hold(target, key);
    } else {
      this.send(target, arr([bulkBin(key)]));
    }
  }

  private hold(c: Client, key: string | null): void {
    const list = this.held.get(c);
    if (list) list.push(key);
    else this.held.set(c, [key]);
  }

  /** Writes every held message (trackingHandlePendingKeyInvalidations). */
  flushHeld(): void {
    if (this.held.size === 0) return;
    for (const [c, keys] of [...this.held]) {
      this.held.delete(c);
      if (c.closed) continue;
      for (const k of keys) this.send(c, k === null ? null : arr([bulkBin(k)]));
    }
  }

  /** sendTrackingMessage: `keys` is an array of key names, or null for "all keys". */
  private send(c: Client, keys: Reply | null): void {
    const st = this.states.get(c);
    if (!st) return;
    let target = c;
    const redirected = st.redirect !== 0;
    if (redirected) {
      const redir = this.node.clients.get(st.redirect);
      if (!redir) {
        st.brokenRedirect = true;
        if (c.resp === 3) write(c, push([REDIR_BROKEN, int(st.redirect)]));
        return;
      }
      target = redir;
    }
    const payload = keys ?? NIL;
    if (target.resp === 3) write(target, push([INVALIDATE, payload]));
    else if (redirected && target.flags.has('pubsub')) write(target, push([MESSAGE, CHANNEL, payload]));
  }
}

function write(c: Client, r: Reply): void {
  if (!c.closed) c.sink.write(r);
}
