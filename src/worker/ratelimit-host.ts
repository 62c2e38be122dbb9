/*
 * The worker's side of the rate-limit lab: maps rateLimitStart / Stop / Reset / State onto the
 * session's RateLimitLab (src/sim/ratelimit) and pushes `rateLimitEvents` when the lab made requests
 * or changed state since the last push. The host calls flush() after each clock request and tick()
 * on its periodic tick while playing (pushing every TICKS_PER_PUSH ticks, about 10 a second, so a
 * fast run never floods the page), so the picture follows pause, play, speed and step without polling.
 *
 * Replies are converted to the wire model as a RESP2 client reads them (the lab's connection never
 * sends HELLO 3). Commands travel only with the newest COMMANDS_CARRIED records of a message.
 */
import type { RequestOf } from '../protocol/messages.ts';
import {
  COMMANDS_CARRIED,
  type RateLimitRecord,
  type RateLimitRequest,
  type RateLimitSnapshot,
  type RateLimitStatus,
} from '../protocol/ratelimit.ts';
import { RateLimitLab, type RequestRecord } from '../sim/ratelimit/lab.ts';
import type { ServerNode } from '../engine/server/node.ts';
import type { World } from '../sim/world.ts';
import type { Post } from './host.ts';
import { toWire } from './wire.ts';

export type RateLimitMessage = RequestOf<RateLimitRequest['type']>;

/** While playing, requests are pushed every this many host ticks (25 ms each): about 10 pushes a second. */
export const TICKS_PER_PUSH = 4;

export class RateLimitHost {
  readonly lab: RateLimitLab;
  private lastStatus = '';
  private ticks = 0;

  constructor(
    private readonly world: World,
    node: () => ServerNode | null,
    private readonly post: Post,
  ) {
    this.lab = new RateLimitLab(world, node);
  }

  /** Answers one request with the lab's whole snapshot; a refused setting throws (answered `error`). */
  handle(msg: RateLimitMessage): void {
    this.flush();
    if (msg.type === 'rateLimitStart') this.lab.start(msg.settings);
    else if (msg.type === 'rateLimitStop') this.lab.stop();
    else if (msg.type === 'rateLimitReset') this.lab.reset();
    else if (msg.type !== 'rateLimitState') throw new Error(`unknown lab request ${String(msg)}`);
    this.lab.takeNew();
    const status = this.lab.status();
    this.lastStatus = JSON.stringify(status);
    this.post({ type: 'rateLimit', id: msg.id, snapshot: this.snapshot(status, this.lab.recent()) });
  }

  /** Pushes the requests made since the last push, or a changed status. */
  flush(): void {
    const fresh = this.lab.takeNew();
    const status = this.lab.status();
    const text = JSON.stringify(status);
    if (fresh.length === 0 && text === this.lastStatus) return;
    this.lastStatus = text;
    this.post({ type: 'rateLimitEvents', snapshot: this.snapshot(status, fresh) });
  }

  /** The host's periodic tick while playing: pushes at most every TICKS_PER_PUSH ticks. */
  tick(): void {
    this.ticks = (this.ticks + 1) % TICKS_PER_PUSH;
    if (this.ticks === 0) this.flush();
  }

  /** The server went away (SHUTDOWN, restart): stop the lab and tell the UI. */
  stop(): void {
    this.lab.stop();
    this.flush();
  }

  private snapshot(status: RateLimitStatus, records: readonly RequestRecord[]): RateLimitSnapshot {
    const firstWithCommands = records.length - COMMANDS_CARRIED;
    return {
      status,
      nowMs: this.world.nowMs(),
      records: records.map((r, i) => wireRecord(r, i >= firstWithCommands)),
    };
  }
}

function wireRecord(r: RequestRecord, withCommands: boolean): RateLimitRecord {
  return {
    seq: r.seq,
    atMs: r.atMs,
    allowed: r.allowed,
    count: r.count,
    limit: r.limit,
    key: r.key,
    commands: withCommands
      ? r.commands.map((c) => ({ argv: c.argv, reply: c.reply ? toWire(c.reply, 2) : null }))
      : [],
  };
}
