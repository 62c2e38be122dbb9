import { describe, expect, it } from 'vitest';
import type { BotAction, BotSpec, ClockAction, ClockInfo } from '../../client/playground.ts';
import { codeFromHash, openLink } from './link.ts';
import { registerReplayTarget } from './replay-targets.ts';
import { type ShareBannerState, type SharePlayground, ShareSession, type TabsPort } from './share-session.ts';

const START = 1_700_000_000_000;

/** A playground whose clock moves only when told (the worker's answers, in order). */
class FakePlayground implements SharePlayground {
  readonly startMs = START;
  clock: ClockInfo = { nowMs: START, paused: false, speed: 1 };
  readonly actions: string[] = [];
  private readonly listeners: ((a: ClockAction, c: ClockInfo) => void)[] = [];
  private readonly botListeners: ((a: BotAction) => void)[] = [];
  constructor(readonly seed: number) {}
  async readClock(): Promise<ClockInfo> {
    return this.clock;
  }
  async pause(): Promise<void> {
    this.act({ action: 'pause' }, { paused: true });
  }
  async play(): Promise<void> {
    this.act({ action: 'play' }, { paused: false });
  }
  async step(ms: number): Promise<void> {
    this.act({ action: 'step', value: ms }, { nowMs: this.clock.nowMs + ms });
  }
  async setSpeed(factor: number): Promise<void> {
    this.act({ action: 'speed', value: factor }, { speed: factor });
  }
  async startBot(spec: BotSpec): Promise<void> {
    this.actions.push(`bot ${spec.kind}`);
    for (const cb of this.botListeners) cb({ action: 'start', spec });
  }
  async stopBot(botId: number, remove = false): Promise<void> {
    this.actions.push(`stop bot ${botId}`);
    for (const cb of this.botListeners) cb({ action: 'stop', botId, remove });
  }
  onBotAction(cb: (a: BotAction) => void): () => void {
    this.botListeners.push(cb);
    return () => {};
  }
  onClockAction(cb: (a: ClockAction, c: ClockInfo) => void): () => void {
    this.listeners.push(cb);
    return () => {};
  }
  private act(a: ClockAction, change: Partial<ClockInfo>): void {
    this.clock = { ...this.clock, ...change };
    this.actions.push('value' in a ? `${a.action} ${a.value}` : a.action);
    for (const cb of this.listeners) cb(a, this.clock);
  }
}

/** The shell's tab strip, and consoles that echo what they run into the session (as App wires them). */
function fakeShell(session: () => ShareSession, typed: string[]) {
  const tabs = new Map<number, string>([[1, 'Console 1']]);
  let active = 1;
  const mount = (tab: number) =>
    registerReplayTarget(tab, {
      typeLine: async (line) => {
        typed.push(`${tab}> ${line}`);
        session().entered(tab, { kind: 'line', line });
      },
      typeInterrupt: async () => void typed.push(`${tab}> ^C`),
    });
  const unmount = new Map<number, () => void>([[1, mount(1)]]);
  const port: TabsPort = {
    has: (tab) => tabs.has(tab),
    open: (tab, name) => {
      if (!tabs.has(tab)) unmount.set(tab, mount(tab));
      tabs.set(tab, name);
    },
    rename: (tab, name) => void tabs.set(tab, name),
    close: (tab) => {
      tabs.delete(tab);
      unmount.get(tab)?.();
    },
    activate: (tab) => void (active = tab),
  };
  return { tabs, port, active: () => active };
}

describe('ShareSession', () => {
  it('records a session, makes a link, and replays it into a fresh playground', async () => {
    const pg = new FakePlayground(99);
    const banners: (ShareBannerState | null)[] = [];
    const typedHere: string[] = [];
    const here: ShareSession = new ShareSession((b) => banners.push(b));
    const shellHere = fakeShell(() => here, typedHere);
    await here.attach(pg, { kind: 'none' }, shellHere.port);
    await pg.pause();
    here.entered(1, { kind: 'line', line: 'SET a 1 EX 100' });
    await pg.step(10_000);
    here.tabOpened(2, 'Console 2');
    here.tabRenamed(2, 'sets');
    here.entered(2, { kind: 'line', line: 'SPOP s' });
    here.entered(2, { kind: 'interrupt' });
    await pg.startBot({ kind: 'script', everyMs: 1000, commands: [['INCR', 'n']] });
    await pg.stopBot(1);
    await pg.setSpeed(10);
    const link = await here.makeLink(2, 'https://example.org/play/');
    expect(link).toMatchObject({ events: 10, dropped: 0 });
    expect(banners).toEqual([]);

    const opening = await openLink(new URL(link.url).hash);
    expect(opening.kind).toBe('session');
    expect(codeFromHash(new URL(link.url).hash)).not.toBeNull();
    const copyPg = new FakePlayground(1234);
    copyPg.clock = { nowMs: START + 20, paused: false, speed: 1 };
    const typedThere: string[] = [];
    const seen: (ShareBannerState | null)[] = [];
    const there: ShareSession = new ShareSession((b) => seen.push(b), 1000);
    const shellThere = fakeShell(() => there, typedThere);
    await there.attach(copyPg, opening, shellThere.port);

    expect(typedThere).toEqual(['1> SET a 1 EX 100', '2> SPOP s', '2> ^C']);
    expect([...shellThere.tabs]).toEqual([
      [1, 'Console 1'],
      [2, 'sets'],
    ]);
    expect(shellThere.active()).toBe(2);
    expect(copyPg.clock).toEqual({ nowMs: START + 10_000, paused: true, speed: 10 });
    expect(copyPg.actions).toEqual(['pause', 'step 9980', 'bot script', 'stop bot 1', 'speed 10']);
    expect(seen.at(-1)).toEqual({ kind: 'replayed', lines: 2, unsettled: 0, dropped: 0 });
    expect(seen[0]).toMatchObject({ kind: 'replaying', done: 0 });

    // The replay's own typing and clock actions were not recorded twice; later input is.
    there.entered(1, { kind: 'line', line: 'GET a' });
    const again = await there.makeLink(1, 'https://example.org/play/');
    expect(again.events).toBe(11);
    there.dismiss();
    expect(there.banner).toBeNull();
  });

  it('shows why a link could not be opened, and records as usual', async () => {
    const pg = new FakePlayground(5);
    const session = new ShareSession(() => {});
    const shell = fakeShell(() => session, []);
    await session.attach(pg, await openLink('#s=%%'), shell.port);
    expect(session.banner).toMatchObject({ kind: 'error', message: /could not be opened/ });
    session.dismiss();
    expect(session.banner).toBeNull();
    session.entered(1, { kind: 'line', line: 'PING' });
    expect((await session.makeLink(1, 'http://localhost/')).events).toBe(1);
  });

  it('cannot make a link before the playground runs', async () => {
    await expect(new ShareSession(() => {}).makeLink(1, 'http://localhost/')).rejects.toThrow('not started');
  });
});
