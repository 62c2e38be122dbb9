/*
 * A bot: one client connection of a node, a behaviour (what one operation sends) and a pace (when
 * operations happen), driven by the world's scheduler on virtual time only, never by real timers. So
 * a bot's whole history is a function of the world seed, its spec and the clock's advances.
 *
 * It is an ordinary client: it runs CLIENT SETNAME <name> (and SELECT) first, so CLIENT LIST, MONITOR
 * and CLIENT KILL see it like any other connection. Commands run synchronously through node.execute
 * and their replies are collected from the client's sink. A reply that arrives later (the command was
 * held by CLIENT PAUSE) is counted when it comes; while a command is held the bot does not send more.
 *
 * States: running -> stopped (stop()), crashed (a consumer's scripted crash), closed (the server closed
 * the connection, e.g. CLIENT KILL). Only running bots have a timer.
 */
import { utf8 } from '../../engine/bytes.ts';
import { SeededRandom } from '../../engine/ds/prng.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import type { Client } from '../../engine/server/client.ts';
import type { ServerNode } from '../../engine/server/node.ts';
import type { TimerHandle } from '../scheduler.ts';
import { deriveSeed, type World } from '../world.ts';
import { Pace } from './pace.ts';
import { describeReply } from './replies.ts';
import type { BotKind, BotSpec } from './spec.ts';
import { expandTemplate } from './template.ts';

export type BotState = 'running' | 'stopped' | 'crashed' | 'closed';

export interface BotStatus {
  id: number;
  name: string;
  kind: BotKind;
  state: BotState;
  /** CLIENT ID of the bot's connection. */
  clientId: number;
  /** What the bot does, in a few words, e.g. "XADD orders at 10/s". */
  summary: string;
  /** The spec it was started with (start it again to restart the bot). */
  spec: BotSpec;
  /** Commands sent, replies received, error replies among them. */
  sent: number;
  received: number;
  errors: number;
  /** Units of work done: entries added, entries acked, messages published, script rounds. */
  processed: number;
  lastReply: string | null;
  lastError: string | null;
}

/** What one operation of a bot sends; it may send several commands and must not block. */
export interface Behaviour {
  readonly summary: string;
  op(bot: Bot): void;
}

export class Bot {
  readonly client: Client;
  readonly random: SeededRandom;
  state: BotState = 'running';
  sent = 0;
  received = 0;
  errors = 0;
  processed = 0;
  /** Operation number, the {seq} of templates. */
  seq = 0;
  lastReply: string | null = null;
  lastError: string | null = null;
  private inbox: Reply[] | null = null;
  private timer: TimerHandle | null = null;
  private readonly pace: Pace;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly spec: BotSpec,
    private readonly world: World,
    private readonly node: ServerNode,
    private readonly behaviour: Behaviour,
  ) {
    this.random = new SeededRandom(deriveSeed(world.seed, `bot:${id}:${name}`));
    this.client = node.connect({ write: (r) => this.receive(r), close: () => this.closedByServer() });
    this.pace = new Pace(world.clock.nowUs(), perSecondOf(spec));
    this.call(['CLIENT', 'SETNAME', name]);
    if (spec.db) this.call(['SELECT', String(spec.db)]);
    this.schedule();
  }

  status(): BotStatus {
    return {
      id: this.id,
      name: this.name,
      kind: this.spec.kind,
      state: this.state,
      clientId: this.client.id,
      summary: this.behaviour.summary,
      spec: this.spec,
      sent: this.sent,
      received: this.received,
      errors: this.errors,
      processed: this.processed,
      lastReply: this.lastReply,
      lastError: this.lastError,
    };
  }

  /** Sends one command (strings are UTF-8 encoded) and returns its last reply, if any came. */
  call(args: readonly string[]): Reply | undefined {
    if (this.client.closed) return undefined;
    this.sent++;
    this.inbox = [];
    let replies: Reply[];
    try {
      this.node.execute(this.client, args.map(utf8));
    } finally {
      replies = this.inbox;
      this.inbox = null;
    }
    for (const r of replies) this.note(r);
    return replies.at(-1);
  }

  /** Expands a template string with this bot's context. */
  expand(template: string): string {
    return expandTemplate(template, {
      seq: this.seq,
      bot: this.name,
      nowMs: this.world.nowMs(),
      random: this.random,
    });
  }

  /** Stops acting; the connection is closed unless the bot hangs (keeps it open, silent). */
  halt(state: 'stopped' | 'crashed', keepConnection = false): void {
    if (this.state === 'running') this.state = state;
    this.timer?.cancel();
    this.timer = null;
    if (!keepConnection) this.node.disconnect(this.client);
  }

  private receive(r: Reply): void {
    if (this.inbox) this.inbox.push(r);
    else this.note(r); // a late reply (the command was held by CLIENT PAUSE)
  }

  private note(r: Reply): void {
    this.received++;
    const text = describeReply(r);
    if (r.t === 'error') {
      this.errors++;
      this.lastError = text;
    } else {
      this.lastReply = text;
    }
  }

  private closedByServer(): void {
    if (this.state === 'running') {
      this.state = 'closed';
      this.lastError = 'connection closed by the server';
    }
    this.timer?.cancel();
    this.timer = null;
  }

  /** A held command (CLIENT PAUSE, a blocking command) must be answered before the bot sends more. */
  private waiting(): boolean {
    return this.client.postponed.length > 0 || this.node.blocking.isBlocked(this.client);
  }

  private schedule(): void {
    if (this.state !== 'running') return;
    const wakeUs = this.pace.nextWakeUs(this.world.clock.nowUs());
    this.timer = this.world.scheduler.at(wakeUs, () => this.tick());
  }

  /** An engine bug must not stop the bot's clock work nor the world's: note it and go on. */
  private runOp(): void {
    try {
      this.behaviour.op(this);
    } catch (e) {
      this.lastError = `bot failure: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private tick(): void {
    this.timer = null;
    const due = this.pace.take(this.world.clock.nowUs());
    for (let i = 0; i < due && this.state === 'running' && !this.waiting(); i++) {
      this.seq++;
      this.runOp();
    }
    this.schedule();
  }
}

function perSecondOf(spec: BotSpec): number {
  return 'perSecond' in spec ? spec.perSecond : 1000 / spec.everyMs;
}
