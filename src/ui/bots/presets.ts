/*
 * Ready-made bots for the Bots panel: a small stream pipeline (a producer, a consumer that crashes
 * after a few entries, a claimer that takes its pending entries over), a Pub/Sub publisher and a
 * scripted counter. Each preset is a BotSpec the worker validates; names are left to the worker
 * (bot-<kind>-<id>) so a preset can be started several times.
 */
import type { BotSpec, BotStatus } from '../../protocol/bots.ts';

export interface BotPreset {
  id: string;
  label: string;
  /** One sentence on what the bot does, shown next to its button. */
  description: string;
  spec: BotSpec;
}

export const BOT_PRESETS: readonly BotPreset[] = [
  {
    id: 'producer',
    label: 'Producer',
    description: 'XADD orders * item … qty … at 5 per second.',
    spec: {
      kind: 'producer',
      stream: 'orders',
      perSecond: 5,
      fields: [
        ['item', 'sku-{rand:100-199}'],
        ['qty', '{rand:1-5}'],
      ],
    },
  },
  {
    id: 'consumer',
    label: 'Consumer',
    description: 'XREADGROUP GROUP workers alice on orders, 2 per second, acking; crashes after 10.',
    spec: {
      kind: 'consumer',
      stream: 'orders',
      group: 'workers',
      consumer: 'alice',
      perSecond: 2,
      count: 2,
      crashAfter: 10,
    },
  },
  {
    id: 'claimer',
    label: 'Claimer',
    description: 'XAUTOCLAIM orders workers bob every 2 s for entries idle 5 s, then XACK.',
    spec: {
      kind: 'claimer',
      stream: 'orders',
      group: 'workers',
      consumer: 'bob',
      everyMs: 2000,
      minIdleMs: 5000,
      count: 10,
    },
  },
  {
    id: 'publisher',
    label: 'Publisher',
    description: 'PUBLISH news "headline {seq}" once a second.',
    spec: { kind: 'publisher', channel: 'news', perSecond: 1, message: 'headline {seq}' },
  },
  {
    id: 'ticker',
    label: 'Ticker',
    description: 'INCR ticks every second.',
    spec: { kind: 'script', everyMs: 1000, commands: [['INCR', 'ticks']] },
  },
];

/** The "last" column: the last error when there is one, else the last reply. */
export function lastOutcome(b: BotStatus): string {
  return b.lastError ?? b.lastReply ?? '';
}

/** Running bots first (in start order), then the others. */
export function sortBots(bots: readonly BotStatus[]): BotStatus[] {
  const rank = (b: BotStatus) => (b.state === 'running' ? 0 : 1);
  return [...bots].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}
