/*
 * The worker's side of the bot messages: botStart / botStop / botList map onto the session's
 * BotFleet (src/sim/bots), which validates specs and runs bots on the world's virtual clock. A refused
 * spec or an unknown bot id throws, and the host answers `error` with the reason.
 *
 * The clock is synced first, so a bot started now counts its rate from the current virtual instant,
 * and a listing shows counters up to date with real time.
 */
import type { RequestOf } from '../protocol/messages.ts';
import type { Post } from './host.ts';
import type { BotFleet } from '../sim/bots/fleet.ts';

export type BotRequest = RequestOf<'botStart' | 'botStop' | 'botList'>;

export function handleBotRequest(fleet: BotFleet, msg: BotRequest, post: Post): void {
  switch (msg.type) {
    case 'botStart':
      return post({ type: 'bot', id: msg.id, bot: fleet.start(msg.spec) });
    case 'botStop': {
      if (typeof msg.botId !== 'number') throw new Error('botId must be a number');
      return post({ type: 'bot', id: msg.id, bot: fleet.stop(msg.botId, msg.remove === true) });
    }
    case 'botList':
      return post({ type: 'bots', id: msg.id, bots: fleet.list() });
  }
}
