import { describe, expect, it } from 'vitest';
import { simple } from '../engine/resp/reply.ts';
import type { ToWorker } from '../protocol/messages.ts';
import { fakeHost, startedHost } from './testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const argv = (...a: string[]) => a.map(enc);

const started = startedHost;

function connect(s: ReturnType<typeof started>): number {
  const a = s.req({ type: 'connect' });
  if (a.type !== 'connected') throw new Error(a.type);
  return a.state.clientId;
}

describe('PlaygroundHost', () => {
  it('answers hello with the node facts and the seed', () => {
    const { posted } = started(99);
    expect(posted[0]).toEqual({
      type: 'hello',
      id: 1,
      host: '127.0.0.1',
      port: 6379,
      version: '7.0.15',
      seed: 99,
      startMs: 1_000_000,
    });
  });

  it('uses the env seed when hello brings none', () => {
    const t = fakeHost();
    t.host.handle({ type: 'hello', id: 1 });
    expect(t.posted[0]).toMatchObject({ type: 'hello', seed: 12345, startMs: 1_750_000_000_000 });
  });

  it('refuses requests before hello and unknown messages', () => {
    const t = fakeHost();
    t.host.handle({ type: 'connect', id: 4 });
    expect(t.posted[0]).toMatchObject({ type: 'error', id: 4 });
    t.host.handle({ type: 'hello', id: 5 });
    t.host.handle({ type: 'bogus', id: 6 } as unknown as ToWorker);
    expect(t.posted[2]).toMatchObject({ type: 'error', id: 6, message: 'unknown message type bogus' });
  });

  it('runs commands and reports replies with the client state', () => {
    const s = started();
    const id = connect(s);
    expect(s.req({ type: 'command', clientId: id, argv: argv('PING') })).toEqual({
      type: 'replies',
      id: 3,
      replies: [{ t: 'simple', s: 'PONG' }],
      state: {
        clientId: id,
        db: 0,
        inMulti: false,
        resp: 2,
        subscribed: false,
        monitor: false,
        closed: false,
        blocked: false,
      },
    });
    const sel = s.req({ type: 'command', clientId: id, argv: argv('SELECT', '3') });
    expect(sel).toMatchObject({ type: 'replies', replies: [{ t: 'simple', s: 'OK' }], state: { db: 3 } });
    const empty = s.req({ type: 'command', clientId: id, argv: [] });
    expect(empty).toMatchObject({ type: 'replies', replies: [] });
  });

  it('posts closed after the replies of QUIT, then refuses the connection', () => {
    const s = started();
    const id = connect(s);
    const before = s.posted.length;
    s.req({ type: 'command', clientId: id, argv: argv('QUIT') });
    expect(s.posted.slice(before)).toEqual([
      {
        type: 'replies',
        id: 3,
        replies: [{ t: 'simple', s: 'OK' }],
        state: expect.objectContaining({ closed: true }),
      },
      { type: 'closed', clientId: id },
    ]);
    expect(s.req({ type: 'command', clientId: id, argv: argv('PING') })).toMatchObject({ type: 'error' });
  });

  it('sends later writes to the sink as pushes', () => {
    const s = started();
    const id = connect(s);
    const client = s.node.clients.get(id)!;
    s.node.reply(client, simple('late'));
    expect(s.posted.at(-1)).toEqual({
      type: 'push',
      clientId: id,
      reply: { t: 'simple', s: 'late' },
      state: expect.objectContaining({ clientId: id }),
    });
    s.node.kill(client);
    expect(s.posted.at(-1)).toEqual({ type: 'closed', clientId: id });
  });

  it('survives an engine exception and answers error', () => {
    const s = started();
    const id = connect(s);
    s.node.execute = () => {
      throw new Error('engine bug');
    };
    expect(s.req({ type: 'command', clientId: id, argv: argv('PING') })).toMatchObject({
      type: 'error',
      message: 'engine bug',
    });
    expect(s.req({ type: 'connect' })).toMatchObject({ type: 'connected' });
  });

  it('disconnects clients', () => {
    const s = started();
    const id = connect(s);
    expect(s.req({ type: 'disconnect', clientId: id })).toMatchObject({ type: 'disconnected' });
    expect(s.node.clients.has(id)).toBe(false);
  });

  it('lists command docs from the command table', () => {
    const s = started();
    const a = s.req({ type: 'commandDocs' });
    if (a.type !== 'commandDocs') throw new Error(a.type);
    const ping = a.docs.find((d) => d.name === 'PING');
    expect(ping).toMatchObject({ group: 'connection', since: '1.0.0', arity: -1, argsHint: '[message]' });
    const set = a.docs.find((d) => d.name === 'SET');
    expect(set?.argsHint).toMatch(/^key value/);
  });

  it('moves virtual time with real time, speed, pause and step', () => {
    const s = started();
    const now = () => {
      const a = s.req({ type: 'clock', action: 'step', stepMs: 0 });
      return a.type === 'clock' ? a.nowMs : NaN;
    };
    expect(now()).toBe(1_000_000);
    s.env.passRealTime(1000);
    expect(now()).toBe(1_001_000);
    expect(s.req({ type: 'speed', factor: 10 })).toMatchObject({ type: 'clock', speed: 10, paused: false });
    s.env.passRealTime(100);
    expect(now()).toBe(1_002_000);
    expect(s.req({ type: 'clock', action: 'pause' })).toMatchObject({ paused: true });
    expect(s.env.tickerRunning()).toBe(false);
    s.env.passRealTime(5000);
    expect(now()).toBe(1_002_000);
    expect(s.req({ type: 'clock', action: 'step', stepMs: 250 })).toMatchObject({ nowMs: 1_002_250 });
    s.req({ type: 'clock', action: 'play' });
    expect(s.env.tickerRunning()).toBe(true);
    s.env.passRealTime(10);
    expect(now()).toBe(1_002_350);
    expect(s.req({ type: 'speed', factor: 0 })).toMatchObject({ type: 'error' });
    expect(s.req({ type: 'clock', action: 'step', stepMs: -1 })).toMatchObject({ type: 'error' });
  });

  it('runs the node cron from the ticker while the user is idle', () => {
    const s = started();
    let crons = 0;
    s.node.cron = () => void crons++;
    s.env.passRealTime(1000);
    expect(crons).toBe(10);
  });

  it('syncs the clock before each command so TTLs follow real time', () => {
    const s = started();
    const id = connect(s);
    s.req({ type: 'command', clientId: id, argv: argv('SET', 'k', 'v') });
    s.node.dbs[0]!.setExpire('k', s.node.nowMs() + 50);
    s.env.passRealTime(20);
    expect(s.req({ type: 'command', clientId: id, argv: argv('GET', 'k') })).toMatchObject({
      replies: [{ t: 'bulk' }],
    });
    s.env.passRealTime(40);
    expect(s.req({ type: 'command', clientId: id, argv: argv('GET', 'k') })).toMatchObject({
      replies: [{ t: 'nil' }],
    });
  });

  it('answers a command held by CLIENT PAUSE later, as a push, once virtual time ends the pause', () => {
    const s = started();
    const admin = connect(s);
    const user = connect(s);
    s.req({ type: 'command', clientId: admin, argv: argv('CLIENT', 'PAUSE', '500', 'ALL') });
    const held = s.req({ type: 'command', clientId: user, argv: argv('PING') });
    expect(held).toMatchObject({ type: 'replies', replies: [], state: { blocked: true } });
    s.env.passRealTime(600);
    expect(s.posted.at(-1)).toMatchObject({
      type: 'push',
      clientId: user,
      reply: { t: 'simple', s: 'PONG' },
    });
    expect(s.req({ type: 'command', clientId: user, argv: argv('PING') })).toMatchObject({
      state: { blocked: false },
    });
  });

  it('is deterministic: the same seed and inputs give the same replies', () => {
    const trace = () => {
      const s = started(1234);
      const id = connect(s);
      for (const k of ['a', 'b', 'c', 'd', 'e'])
        s.req({ type: 'command', clientId: id, argv: argv('SET', k, '1') });
      s.env.passRealTime(333);
      const out = [];
      for (let i = 0; i < 5; i++) out.push(s.req({ type: 'command', clientId: id, argv: argv('RANDOMKEY') }));
      out.push(s.req({ type: 'command', clientId: id, argv: argv('TIME') }));
      return out;
    };
    expect(trace()).toEqual(trace());
  });
});
