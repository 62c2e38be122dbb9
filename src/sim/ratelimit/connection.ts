/*
 * The lab's client connection: an ordinary connection of the node (named with CLIENT SETNAME, so
 * CLIENT LIST and MONITOR show it), which records every command it sends with the reply it got, in
 * order, for the lab's log. Commands run synchronously through node.execute; the lab never sends
 * blocking commands, and a command held by CLIENT PAUSE simply has no reply (recorded as null) and
 * the lab skips its requests until the connection is free again.
 */
import { utf8 } from '../../engine/bytes.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import type { Client } from '../../engine/server/client.ts';
import type { ServerNode } from '../../engine/server/node.ts';

export interface SentCommand {
  argv: string[];
  /** null when no reply came while the command ran (held by CLIENT PAUSE, connection closed). */
  reply: Reply | null;
}

export class LabConnection {
  readonly client: Client;
  private inbox: Reply[] | null = null;
  private journal: SentCommand[] = [];

  constructor(
    readonly node: ServerNode,
    name: string,
    db: number,
    onServerClose: () => void,
  ) {
    this.client = node.connect({ write: (r) => this.inbox?.push(r), close: onServerClose });
    this.send(['CLIENT', 'SETNAME', name]);
    if (db !== 0) this.send(['SELECT', String(db)]);
    this.journal = [];
  }

  get closed(): boolean {
    return this.client.closed;
  }

  /** A command is held (CLIENT PAUSE): send nothing more until it is answered. */
  get busy(): boolean {
    return this.client.postponed.length > 0;
  }

  /** Sends one command; returns its last reply (undefined when none came). */
  send(argv: readonly string[]): Reply | undefined {
    if (this.client.closed) return undefined;
    this.inbox = [];
    let replies: Reply[];
    try {
      this.node.execute(this.client, argv.map(utf8));
    } finally {
      replies = this.inbox;
      this.inbox = null;
    }
    const reply = replies.at(-1);
    this.journal.push({ argv: [...argv], reply: reply ?? null });
    return reply;
  }

  /** The commands sent since the last call, with their replies. */
  takeJournal(): SentCommand[] {
    const j = this.journal;
    this.journal = [];
    return j;
  }

  close(): void {
    if (!this.client.closed) this.node.disconnect(this.client);
  }
}
