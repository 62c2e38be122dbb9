/*
 * One client connection to a node: its selected database, protocol version, name, transaction state
 * and reply mode. The host supplies a ClientSink; every reply (synchronous or later, e.g. a push or an
 * unblocked command) is delivered through it, so the same engine serves TCP sockets, worker messages
 * and tests.
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Reply } from '../resp/reply.ts';
import type { Database } from './db.ts';
import type { ServerNode } from './node.ts';
import type { WatchedKey } from './watch.ts';

export interface ClientSink {
  /** One reply (or push) for this client, in order. */
  write(r: Reply): void;
  /** The server closes this connection (QUIT after its reply, CLIENT KILL, protocol error). */
  close(): void;
}

export interface ClientAddress {
  addr: string;
  laddr: string;
  fd?: number;
}

export interface QueuedCommand {
  cmd: Command;
  argv: Bytes[];
}

export class Client {
  db: Database;
  resp: 2 | 3 = 2;
  name: Bytes | null = null;
  libName = '';
  libVer = '';
  /** Set once the client must be closed after its pending replies are written. */
  closeAfterReply = false;
  closed = false;
  /** CLIENT REPLY OFF: no replies until CLIENT REPLY ON. */
  replyOff = false;
  /** CLIENT REPLY SKIP: the next command's reply is dropped (skipCurrent while it runs). */
  skipNext = false;
  skipCurrent = false;
  /** Queued commands while in MULTI; null outside a transaction. */
  multi: QueuedCommand[] | null = null;
  /** A queueing error makes EXEC answer EXECABORT. */
  multiDirty = false;
  authenticated = true;
  user = 'default';
  noEvict = false;
  lastCommand = 'NULL';
  createdMs: number;
  lastInteractionMs: number;
  /** Bytes of the current command (for CLIENT LIST qbuf-like fields; informative). */
  argvLength = 0;
  flags = new Set<string>();
  /** WATCHed keys (watch.ts) and whether one of them changed since (EXEC then answers nil). */
  watched: WatchedKey[] = [];
  dirtyCas = false;
  /** Commands held back while the server is paused (CLIENT PAUSE), in arrival order. */
  postponed: Bytes[][] = [];
  /** The request being processed (CLIENT LIST's qbuf/argv-mem; inside EXEC it stays the EXEC). */
  requestArgv: Bytes[] = [];
  /** Pub/Sub subscriptions (binary strings), kept in step with node.pubsub (server/pubsub.ts). */
  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();

  constructor(
    readonly id: number,
    readonly node: ServerNode,
    readonly sink: ClientSink,
    readonly address: ClientAddress,
  ) {
    this.db = node.dbs[0]!;
    this.createdMs = node.nowMs();
    this.lastInteractionMs = this.createdMs;
  }

  get dbIndex(): number {
    return this.db.id;
  }

  /** Channels + patterns + shard channels: above zero, the client is in Pub/Sub ("subscribed") mode. */
  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }
}
