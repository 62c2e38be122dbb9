/*
 * ConsoleSession's side of shared links: entered lines and Ctrl-C are reported before they run
 * (onEntered), and typeLine()/typeInterrupt() drive the tab as a user would, resolving once the tab has
 * settled (prompt back, reading pushes, or blocked).
 */
import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../protocol/messages.ts';
import type { WireReply } from '../../protocol/reply.ts';
import { History } from '../cli/history.ts';
import { FakeScreen } from './screen.test-util.ts';
import { ConsoleSession } from './session.ts';
import type { ConsoleConnection, EnteredInput } from './types.ts';

const dec = new TextDecoder();

/** SET answers OK, BLPOP blocks until release(), SUBSCRIBE subscribes. */
class Conn implements ConsoleConnection {
  readonly clientId = 1;
  state: ClientState = {
    clientId: 1,
    db: 0,
    inMulti: false,
    resp: 2,
    subscribed: false,
    monitor: false,
    closed: false,
  };
  private pushes: ((r: WireReply) => void)[] = [];
  async send(argv: Uint8Array[]): Promise<WireReply[]> {
    const [cmd, ch] = argv.map((b) => dec.decode(b).toLowerCase());
    if (cmd === 'blpop') {
      this.state = { ...this.state, blocked: true };
      return [];
    }
    if (cmd === 'subscribe') {
      this.state = { ...this.state, subscribed: true };
      return [
        {
          t: 'array',
          a: [
            { t: 'simple', s: 'subscribe' },
            { t: 'simple', s: ch! },
            { t: 'int', n: 1 },
          ],
        },
      ];
    }
    return [{ t: 'simple', s: 'OK' }];
  }
  release(): void {
    this.state = { ...this.state, blocked: false };
    for (const cb of this.pushes) cb({ t: 'nil' });
  }
  onPush(cb: (r: WireReply) => void): () => void {
    this.pushes.push(cb);
    return () => {};
  }
  onClose(): () => void {
    return () => {};
  }
  close(): void {}
}

async function setup() {
  const screen = new FakeScreen(60);
  const entered: EnteredInput[] = [];
  const conns: Conn[] = [];
  const session = new ConsoleSession(
    {
      term: screen,
      server: { host: '127.0.0.1', port: 6379, version: '7.0.15' },
      connect: async () => (conns.push(new Conn()), conns.at(-1)!),
      docs: Promise.resolve([]),
      nowMs: () => 0,
      onEntered: (e) => entered.push(e),
    },
    new History(null),
  );
  const started = session.start();
  return { screen, entered, conns, session, started };
}

describe('ConsoleSession typed by a replay', () => {
  it('types a line as if entered, even before the first prompt, and reports it', async () => {
    const { screen, entered, session, started } = await setup();
    const typed = session.typeLine('set k "a b"');
    await started;
    await typed;
    await session.typeLine('set j 1');
    expect(screen.text()).toEqual([
      '127.0.0.1:6379> set k "a b"',
      'OK',
      '127.0.0.1:6379> set j 1',
      'OK',
      '127.0.0.1:6379>',
    ]);
    expect(entered).toEqual([
      { kind: 'line', line: 'set k "a b"' },
      { kind: 'line', line: 'set j 1' },
    ]);
  });

  it('settles when a command blocks, and queues the next line until it is answered', async () => {
    const { screen, conns, session, started } = await setup();
    await started;
    await session.typeLine('blpop q 0');
    let done = false;
    const next = session.typeLine('set a 1').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toBe(false);
    conns[0]!.release();
    await next;
    expect(screen.text().slice(-4)).toEqual(['(nil)', '127.0.0.1:6379> set a 1', 'OK', '127.0.0.1:6379>']);
  });

  it('settles in subscribed mode and leaves it on a typed Ctrl-C', async () => {
    const { screen, entered, conns, session, started } = await setup();
    await started;
    await session.typeLine('subscribe news');
    expect(session.status.reading).toBe('pubsub');
    await session.typeLine('ignored while reading');
    await session.typeInterrupt();
    expect(session.status.reading).toBeNull();
    expect(conns).toHaveLength(2);
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379>');
    expect(entered.map((e) => e.kind)).toEqual(['line', 'interrupt']);
    await session.typeInterrupt(); // at the prompt: nothing to interrupt
    expect(entered).toHaveLength(2);
  });
});
