/*
 * The bots of one node: start them from specs, stop them, list their status. Bot ids count from 1 in
 * start order and are never reused, so a status line keeps meaning the same bot. Stopped bots stay in
 * the list (with their final counters) until removed; at most MAX_BOTS exist at once.
 */
import type { ServerNode } from '../../engine/server/node.ts';
import type { World } from '../world.ts';
import { behaviourFor } from './behaviours.ts';
import { Bot, type BotStatus } from './bot.ts';
import { validateBotSpec } from './spec.ts';

export const MAX_BOTS = 64;

export class BotFleet {
  private readonly bots = new Map<number, Bot>();
  private nextId = 1;

  constructor(
    private readonly world: World,
    private readonly node: ServerNode,
  ) {}

  /** Starts a bot; throws with a readable reason when the spec is refused. */
  start(raw: unknown): BotStatus {
    const spec = validateBotSpec(raw);
    if (typeof spec === 'string') throw new Error(`bad bot spec: ${spec}`);
    if (this.bots.size >= MAX_BOTS) throw new Error(`too many bots (at most ${MAX_BOTS}); remove some first`);
    const id = this.nextId++;
    const name = spec.name ?? `bot-${spec.kind}-${id}`;
    const bot = new Bot(id, name, spec, this.world, this.node, behaviourFor(spec));
    this.bots.set(id, bot);
    return bot.status();
  }

  /** Stops a bot (closing its connection); `remove` also forgets it. */
  stop(id: number, remove = false): BotStatus {
    const bot = this.bots.get(id);
    if (!bot) throw new Error(`no bot with id ${id}`);
    bot.halt('stopped');
    if (remove) this.bots.delete(id);
    return bot.status();
  }

  list(): BotStatus[] {
    return [...this.bots.values()].map((b) => b.status());
  }

  get(id: number): Bot | undefined {
    return this.bots.get(id);
  }

  /** Stops every bot (host shutdown). */
  stopAll(): void {
    for (const b of this.bots.values()) b.halt('stopped');
  }
}
