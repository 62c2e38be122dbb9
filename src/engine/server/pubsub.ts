/*
 * The node's Pub/Sub registry (Redis's pubsub.c): who listens to which channel, pattern and shard
 * channel, and message delivery. Keyspace notifications (keyspace-events.ts) publish through it.
 *
 * Invariants, both directions kept in step by every method here and nowhere else:
 *   - `channels` / `patterns` / `shardChannels` map a name (binary string) to the Set of its subscribed
 *     clients, in subscription order (Redis appends to a list); an entry exists only while non-empty.
 *   - each Client has the same names in its own `channels` / `patterns` / `shardChannels` Sets.
 *   - the client's 'pubsub' flag (Redis's CLIENT_PUBSUB: RESP2 subscribed mode, CLIENT LIST 'P') is set
 *     after any (P|S)SUBSCRIBE and cleared when its total subscription count falls to zero.
 *
 * Delivery: subscribers of the exact channel first, then for every pattern that matches, each client
 * subscribed to that pattern (one 'pmessage' per matching pattern, so a client may receive several).
 * Shard channels ignore patterns. One Reply object per message (per pattern for 'pmessage') is shared by
 * all receivers: the Reply model is protocol-free (a push encodes as '>' in RESP3, '*' in RESP2).
 * With several receivers the Reply is also marked so that hosts encode it once per protocol version and
 * copy the bytes (shareEncoding). Pushes bypass CLIENT REPLY OFF/SKIP, as Redis's CLIENT_PUSHING does.
 * Redis iterates its pattern dict in hash order; we use subscription order (Redis documents no order
 * between patterns).
 */
import { type Bytes, unbin } from '../bytes.ts';
import { shareEncoding } from '../resp/encode.ts';
import { bulk, bulkBin, bulkStr, int, NIL, push, type Reply } from '../resp/reply.ts';
import { globMatchBin } from '../util/glob.ts';
import type { Client } from './client.ts';
import type { Database } from './db.ts';
import { KeyspaceEvents } from './keyspace-events.ts';
import type { ServerNode } from './node.ts';

/** Plain channels or shard channels (SSUBSCRIBE / SPUBLISH): same mechanics, separate namespaces. */
export type ChannelKind = 'plain' | 'shard';

const WORDS = {
  message: bulkStr('message'),
  pmessage: bulkStr('pmessage'),
  smessage: bulkStr('smessage'),
  subscribe: bulkStr('subscribe'),
  unsubscribe: bulkStr('unsubscribe'),
  psubscribe: bulkStr('psubscribe'),
  punsubscribe: bulkStr('punsubscribe'),
  ssubscribe: bulkStr('ssubscribe'),
  sunsubscribe: bulkStr('sunsubscribe'),
};

/** From this many receivers on, encoding once and copying bytes beats encoding per client. */
const SHARED_ENCODING_MIN = 3;

export class PubSubRegistry {
  readonly channels = new Map<string, Set<Client>>();
  readonly patterns = new Map<string, Set<Client>>();
  readonly shardChannels = new Map<string, Set<Client>>();
  private readonly keyspaceEvents: KeyspaceEvents;

  constructor(readonly node: ServerNode) {
    this.keyspaceEvents = new KeyspaceEvents(node, this);
    // RESET leaves every subscription without notifying (clearClientConnectionState).
    node.resetClientHooks.push((c) => this.forget(c));
  }

  // ---- subscriptions ----------------------------------------------------------------------------

  private serverMap(kind: ChannelKind): Map<string, Set<Client>> {
    return kind === 'shard' ? this.shardChannels : this.channels;
  }

  private clientSet(c: Client, kind: ChannelKind): Set<string> {
    return kind === 'shard' ? c.shardChannels : c.channels;
  }

  /** The count a (un)subscribe confirmation reports: channels+patterns, or shard channels alone. */
  private confirmCount(c: Client, kind: ChannelKind): Reply {
    return int(kind === 'shard' ? c.shardChannels.size : c.channels.size + c.patterns.size);
  }

  /** Subscribes `c` (no-op when already subscribed) and returns the confirmation to send. */
  subscribe(c: Client, channel: string, kind: ChannelKind = 'plain'): Reply {
    const mine = this.clientSet(c, kind);
    if (!mine.has(channel)) {
      mine.add(channel);
      addMember(this.serverMap(kind), channel, c);
      this.notePeak(c, kind, mine.size);
    }
    c.flags.add('pubsub');
    const word = kind === 'shard' ? WORDS.ssubscribe : WORDS.subscribe;
    return push([word, bulkBin(channel), this.confirmCount(c, kind)]);
  }

  /** Unsubscribes `c` from one channel (subscribed or not) and returns the confirmation. */
  unsubscribe(c: Client, channel: string, kind: ChannelKind = 'plain'): Reply {
    if (this.clientSet(c, kind).delete(channel)) removeMember(this.serverMap(kind), channel, c);
    this.syncFlag(c);
    const word = kind === 'shard' ? WORDS.sunsubscribe : WORDS.unsubscribe;
    return push([word, bulkBin(channel), this.confirmCount(c, kind)]);
  }

  /** UNSUBSCRIBE / SUNSUBSCRIBE without arguments: one confirmation per channel, or one with nil. */
  unsubscribeAll(c: Client, kind: ChannelKind = 'plain'): Reply[] {
    const out = [...this.clientSet(c, kind)].map((ch) => this.unsubscribe(c, ch, kind));
    if (out.length > 0) return out;
    const word = kind === 'shard' ? WORDS.sunsubscribe : WORDS.unsubscribe;
    this.syncFlag(c);
    return [push([word, NIL, this.confirmCount(c, kind)])];
  }

  psubscribe(c: Client, pattern: string): Reply {
    if (!c.patterns.has(pattern)) {
      c.patterns.add(pattern);
      addMember(this.patterns, pattern, c);
    }
    c.flags.add('pubsub');
    return push([WORDS.psubscribe, bulkBin(pattern), this.confirmCount(c, 'plain')]);
  }

  punsubscribe(c: Client, pattern: string): Reply {
    if (c.patterns.delete(pattern)) removeMember(this.patterns, pattern, c);
    this.syncFlag(c);
    return push([WORDS.punsubscribe, bulkBin(pattern), this.confirmCount(c, 'plain')]);
  }

  punsubscribeAll(c: Client): Reply[] {
    const out = [...c.patterns].map((p) => this.punsubscribe(c, p));
    if (out.length > 0) return out;
    this.syncFlag(c);
    return [push([WORDS.punsubscribe, NIL, this.confirmCount(c, 'plain')])];
  }

  private syncFlag(c: Client): void {
    if (c.subscriptionCount === 0) c.flags.delete('pubsub');
  }

  /** Drops every subscription of `c` without confirmations (disconnect, RESET). */
  forget(c: Client): void {
    this.afterReply.delete(c);
    for (const ch of c.channels) removeMember(this.channels, ch, c);
    for (const p of c.patterns) removeMember(this.patterns, p, c);
    for (const ch of c.shardChannels) removeMember(this.shardChannels, ch, c);
    c.channels.clear();
    c.patterns.clear();
    c.shardChannels.clear();
    c.flags.delete('pubsub');
  }

  isSubscribed(c: Client, channel: string): boolean {
    return c.channels.has(channel);
  }

  // ---- memory (CLIENT LIST tot-mem) --------------------------------------------------------------

  /** Most channels / shard channels each client has held at once: its dict tables never shrink. */
  private readonly peaks = new WeakMap<Client, { plain: number; shard: number }>();

  private notePeak(c: Client, kind: ChannelKind, size: number): void {
    let peak = this.peaks.get(c);
    if (peak === undefined) this.peaks.set(c, (peak = { plain: 0, shard: 0 }));
    if (size > peak[kind]) peak[kind] = size;
  }

  /**
   * Redis's pubsubMemOverhead: a 24-byte list node per pattern, a 24-byte dict entry per channel and
   * shard channel, plus 8 bytes per slot of the two per-client dicts. A dict table holds 4 slots at
   * first and doubles when full; it never shrinks while the client lives (not even on RESET). Redis may
   * briefly hold the old table too while it rehashes incrementally: that transient is not modelled.
   */
  memOverhead(c: Client): number {
    const peak = this.peaks.get(c);
    const slots = (n: number): number => (n === 0 ? 0 : Math.max(4, 2 ** Math.ceil(Math.log2(n))));
    const entries = c.patterns.size + c.channels.size + c.shardChannels.size;
    return 24 * entries + 8 * (slots(peak?.plain ?? 0) + slots(peak?.shard ?? 0));
  }

  // ---- delivery ---------------------------------------------------------------------------------

  /** Confirmations of an (un)subscribe run by EXEC, beyond the first, sent after EXEC's reply. */
  private readonly afterReply = new Map<Client, Reply[]>();

  /**
   * Inside EXEC a (un)subscribe command's slot in the array holds its first confirmation; Redis writes
   * the others right behind it, after the array. We queue them until the dispatcher has sent the reply.
   */
  deferUntilReplied(c: Client, replies: Reply[]): void {
    const queued = this.afterReply.get(c);
    if (queued === undefined) this.afterReply.set(c, replies);
    else queued.push(...replies);
  }

  /** Called by the dispatcher after each command's reply (cheap when nothing is queued). */
  flushAfterReply(c: Client): void {
    if (this.afterReply.size === 0) return;
    const queued = this.afterReply.get(c);
    if (queued === undefined) return;
    this.afterReply.delete(c);
    for (const r of queued) this.pushTo(c, r);
  }

  /** Writes a Pub/Sub push to `c` even under CLIENT REPLY OFF/SKIP (Redis's CLIENT_PUSHING). */
  pushTo(c: Client, r: Reply): void {
    if (!c.closed) c.sink.write(r);
  }

  /** One 'message' push to one client, with any payload (addReplyPubsubMessage; tracking uses it). */
  sendMessage(c: Client, channel: string, payload: Reply): void {
    this.pushTo(c, push([WORDS.message, bulkBin(channel), payload]));
  }

  /** PUBLISH: delivers to channel then pattern subscribers; returns how many messages were sent. */
  publish(channel: string, message: Bytes): number {
    const subscribers = this.channels.get(channel);
    if (subscribers === undefined && this.patterns.size === 0) return 0;
    let receivers = 0;
    const channelBulk = bulk(unbin(channel));
    const messageBulk = bulk(message);
    if (subscribers !== undefined) {
      const r = shared(push([WORDS.message, channelBulk, messageBulk]), subscribers.size);
      for (const c of subscribers) this.pushTo(c, r);
      receivers += subscribers.size;
    }
    for (const [pattern, clients] of this.patterns) {
      if (!globMatchBin(pattern, channel)) continue;
      const r = shared(push([WORDS.pmessage, bulkBin(pattern), channelBulk, messageBulk]), clients.size);
      for (const c of clients) this.pushTo(c, r);
      receivers += clients.size;
    }
    return receivers;
  }

  /** SPUBLISH: shard channel subscribers only (no patterns). */
  spublish(channel: string, message: Bytes): number {
    const subscribers = this.shardChannels.get(channel);
    if (subscribers === undefined) return 0;
    const r = shared(push([WORDS.smessage, bulkBin(channel), bulk(message)]), subscribers.size);
    for (const c of subscribers) this.pushTo(c, r);
    return subscribers.size;
  }

  /** Whether anyone listens to a plain channel or a pattern (keyspace events skip work otherwise). */
  hasSubscribers(): boolean {
    return this.channels.size !== 0 || this.patterns.size !== 0;
  }

  /** notifyKeyspaceEvent (see keyspace-events.ts); ServerNode.notify calls it for every event. */
  notifyKeyspaceEvent(cls: string, event: string, key: string, db: Database): void {
    this.keyspaceEvents.notify(cls, event, key, db);
  }
}

/** Marks a message for many receivers so hosts encode it once per protocol (resp/encode.ts). */
function shared(r: Reply, receivers: number): Reply {
  return receivers >= SHARED_ENCODING_MIN ? shareEncoding(r) : r;
}

function addMember(map: Map<string, Set<Client>>, name: string, c: Client): void {
  const set = map.get(name);
  if (set === undefined) map.set(name, new Set([c]));
  else set.add(c);
}

function removeMember(map: Map<string, Set<Client>>, name: string, c: Client): void {
  const set = map.get(name);
  if (set === undefined) return;
  set.delete(c);
  if (set.size === 0) map.delete(name);
}
