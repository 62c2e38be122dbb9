import { describe, expect, it } from 'vitest';
import type { BotStatus } from '../../protocol/bots.ts';
import { BOT_PRESETS, lastOutcome, sortBots } from './presets.ts';

const status = (id: number, state: BotStatus['state']): BotStatus => ({
  id,
  name: `b${id}`,
  kind: 'script',
  state,
  clientId: id,
  summary: '',
  spec: { kind: 'script', everyMs: 1, commands: [['PING']] },
  sent: 0,
  received: 0,
  errors: 0,
  processed: 0,
  lastReply: 'OK',
  lastError: null,
});

describe('bot presets', () => {
  it('have unique ids', () => {
    expect(new Set(BOT_PRESETS.map((p) => p.id)).size).toBe(BOT_PRESETS.length);
  });

  it('sorts running bots first and shows the last error before the last reply', () => {
    expect(
      sortBots([status(1, 'stopped'), status(3, 'running'), status(2, 'running')]).map((b) => b.id),
    ).toEqual([2, 3, 1]);
    expect(lastOutcome(status(1, 'running'))).toBe('OK');
    expect(lastOutcome({ ...status(1, 'crashed'), lastError: 'boom' })).toBe('boom');
  });
});
