import { describe, expect, it } from 'vitest';
import type { BotStatus } from '../protocol/bots.ts';
import type { FromWorker } from '../protocol/messages.ts';
import { startedHost } from './testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function started() {
  const t = startedHost(3);
  t.req({ type: 'clock', action: 'pause' });
  return t;
}

function bot(a: FromWorker): BotStatus {
  if (a.type !== 'bot') throw new Error(`expected bot, got ${JSON.stringify(a)}`);
  return a.bot;
}

describe('bot messages', () => {
  it('starts, lists and stops bots on the virtual clock', () => {
    const { req } = started();
    const b = bot(
      req({ type: 'botStart', spec: { kind: 'script', everyMs: 100, commands: [['INCR', 'n']] } }),
    );
    expect(b).toMatchObject({ id: 1, name: 'bot-script-1', state: 'running', kind: 'script' });
    req({ type: 'clock', action: 'step', stepMs: 1000 });
    const list = req({ type: 'botList' });
    expect(list.type === 'bots' && list.bots[0]).toMatchObject({ processed: 10, lastReply: '(integer) 10' });
    expect(bot(req({ type: 'botStop', botId: 1 }))).toMatchObject({ state: 'stopped' });
    expect(bot(req({ type: 'botStop', botId: 1, remove: true }))).toMatchObject({ id: 1 });
    expect(req({ type: 'botList' })).toMatchObject({ bots: [] });
  });

  it('answers error for a bad spec or an unknown bot', () => {
    const { req } = started();
    expect(
      req({ type: 'botStart', spec: { kind: 'script', everyMs: 0, commands: [['PING']] } }),
    ).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^bad bot spec: everyMs/),
    });
    expect(req({ type: 'botStop', botId: 9 })).toMatchObject({ type: 'error', message: 'no bot with id 9' });
  });

  it("shows a bot in CLIENT LIST and delivers its PUBLISH to a tab's connection as a push", () => {
    const { req, posted } = started();
    bot(
      req({ type: 'botStart', spec: { kind: 'script', everyMs: 500, commands: [['PING']], name: 'pinger' } }),
    );
    const c = req({ type: 'connect' });
    const clientId = c.type === 'connected' ? c.state.clientId : -1;
    const list = req({ type: 'command', clientId, argv: ['CLIENT', 'LIST'].map(enc) });
    const text =
      list.type === 'replies' ? new TextDecoder().decode((list.replies[0] as { b: Uint8Array }).b) : '';
    expect(text).toContain('name=pinger ');
    const sub = req({ type: 'command', clientId, argv: ['SUBSCRIBE', 'news'].map(enc) });
    if (sub.type !== 'replies' || sub.replies[0]?.t === 'error') return; // SUBSCRIBE not served yet
    bot(
      req({
        type: 'botStart',
        spec: { kind: 'publisher', channel: 'news', perSecond: 2, message: 'm{seq}' },
      }),
    );
    const before = posted.length;
    req({ type: 'clock', action: 'step', stepMs: 1000 });
    const pushes = posted.slice(before).filter((p) => p.type === 'push');
    expect(pushes.length).toBe(2);
  });
});
