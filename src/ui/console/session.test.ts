import { describe, expect, it } from 'vitest';
import type { ClientState, CommandDoc } from '../../protocol/messages.ts';
import type { WireReply } from '../../protocol/reply.ts';
import { History } from '../cli/history.ts';
import { FakeScreen } from './screen.test-util.ts';
import { ConsoleSession } from './session.ts';
import type { ConsoleConnection, SessionStatus } from './types.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bulk = (s: string): WireReply => ({ t: 'bulk', b: enc.encode(s) });

/** A pretend server: SET/GET/SELECT/MULTI/EXEC/SUBSCRIBE, and pushes on demand. */
class FakeConnection implements ConsoleConnection {
  state: ClientState = {
    clientId: 1,
    db: 0,
    inMulti: false,
    resp: 2,
    subscribed: false,
    monitor: false,
    closed: false,
  };
  sent: string[][] = [];
  private pushCbs: ((r: WireReply) => void)[] = [];
  constructor(
    readonly clientId: number,
    private readonly data: Map<string, string>,
  ) {
    this.state = { ...this.state, clientId };
  }
  async send(argv: Uint8Array[]): Promise<WireReply[]> {
    const [cmd, ...a] = argv.map((b) => dec.decode(b));
    this.sent.push([cmd!, ...a]);
    const key = `${this.state.db}:${a[0]}`;
    switch (cmd!.toLowerCase()) {
      case 'set':
        this.data.set(key, a[1]!);
        return [{ t: 'simple', s: 'OK' }];
      case 'get':
        return [this.data.has(key) ? bulk(this.data.get(key)!) : { t: 'nil' }];
      case 'select':
        this.state = { ...this.state, db: Number(a[0]) };
        return [{ t: 'simple', s: 'OK' }];
      case 'multi':
        this.state = { ...this.state, inMulti: true };
        return [{ t: 'simple', s: 'OK' }];
      case 'blpop':
        this.state = { ...this.state, blocked: true };
        return [];
      case 'subscribe': {
        if (a.length === 0)
          return [{ t: 'error', s: "ERR wrong number of arguments for 'subscribe' command" }];
        this.state = { ...this.state, subscribed: true };
        const kind = this.state.resp === 3 ? 'push' : 'array';
        return a.map((ch, i) => ({ t: kind, a: [bulk('subscribe'), bulk(ch), { t: 'int', n: i + 1 }] }));
      }
      case 'monitor':
        this.state = { ...this.state, monitor: true };
        return [{ t: 'simple', s: 'OK' }];
      case 'hello':
        this.state = { ...this.state, resp: 3 };
        return [{ t: 'map', m: [[bulk('proto'), { t: 'int', n: 3 }]] }];
      default:
        return [{ t: 'error', s: `ERR unknown command '${cmd}'` }];
    }
  }
  onPush(cb: (r: WireReply) => void): () => void {
    this.pushCbs.push(cb);
    return () => (this.pushCbs = this.pushCbs.filter((c) => c !== cb));
  }
  push(r: WireReply): void {
    for (const cb of this.pushCbs) cb(r);
  }
  private closeCbs: (() => void)[] = [];
  onClose(cb: () => void): () => void {
    this.closeCbs.push(cb);
    return () => (this.closeCbs = this.closeCbs.filter((c) => c !== cb));
  }
  /** The server closes the connection (CLIENT KILL). */
  kill(): void {
    this.state = { ...this.state, closed: true };
    for (const cb of this.closeCbs) cb();
  }
  close(): void {
    this.state = { ...this.state, closed: true };
  }
}

const docs: CommandDoc[] = [
  {
    name: 'SET',
    argsHint: 'key value',
    summary: 'Stores.',
    since: '1.0.0',
    group: 'string',
    complexity: '',
    arity: -3,
  },
  {
    name: 'GET',
    argsHint: 'key',
    summary: 'Reads.',
    since: '1.0.0',
    group: 'string',
    complexity: '',
    arity: 2,
  },
];

async function setup() {
  const clock = { ms: 0 };
  const statuses: SessionStatus[] = [];
  const screen = new FakeScreen(60);
  const data = new Map<string, string>();
  const conns: FakeConnection[] = [];
  const session = new ConsoleSession(
    {
      term: screen,
      server: { host: '127.0.0.1', port: 6379, version: '7.0.15' },
      connect: async () => {
        conns.push(new FakeConnection(conns.length + 1, data));
        return conns[conns.length - 1]!;
      },
      docs: Promise.resolve(docs),
      nowMs: () => clock.ms,
    },
    new History(null),
    (st) => statuses.push(st),
  );
  await session.start();
  const type = async (text: string) => {
    session.input(text);
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return { screen, session, conns, type, clock, statuses };
}

describe('ConsoleSession', () => {
  it('runs commands and prints replies like redis-cli', async () => {
    const { screen, type } = await setup();
    await type('set k "a b"\r');
    await type('get k\rget nope\r');
    await type('get "x\r');
    expect(screen.text()).toEqual([
      '127.0.0.1:6379> set k "a b"',
      'OK',
      '127.0.0.1:6379> get k',
      '"a b"',
      '127.0.0.1:6379> get nope',
      '(nil)',
      '127.0.0.1:6379> get "x',
      'Invalid argument(s)',
      '127.0.0.1:6379>',
    ]);
  });

  it('shows the DB and MULTI in the prompt, and hints', async () => {
    const { screen, type } = await setup();
    await type('select 2\rmulti\rset');
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379[2](TX)> set key value');
  });

  it('edits the line with arrows and control keys', async () => {
    const { screen, type } = await setup();
    await type('gt k\x1b[D\x1b[D\x1b[De\x05 more\x17\x01x\x1b[D\x1b[3~');
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379> get k');
    await type('\x15ping\x0b');
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379> ping');
  });

  it('recalls history and completes with TAB', async () => {
    const { screen, type } = await setup();
    await type('set a 1\r\x1b[A');
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379> set a 1');
    await type('\x15g\t');
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379> GET key');
  });

  it('repeats commands and disconnects on quit', async () => {
    const { screen, conns, type } = await setup();
    await type('2 get k\r');
    expect(conns[0]!.sent.length).toBe(2);
    await type('quit\r');
    expect(screen.text().at(-1)).toBe('not connected>');
    await type('get k\r');
    expect(conns.length).toBe(2);
  });

  it('reads pub/sub messages until Ctrl-C, then reconnects on the same DB', async () => {
    const { screen, conns, type } = await setup();
    await type('select 3\rsubscribe ch\r');
    conns[0]!.push({ t: 'array', a: [bulk('message'), bulk('ch'), bulk('hi')] });
    expect(screen.text().slice(-8, -1)).toEqual([
      'Reading messages... (press Ctrl-C to quit)',
      '1) "subscribe"',
      '2) "ch"',
      '3) (integer) 1',
      '1) "message"',
      '2) "ch"',
      '3) "hi"',
    ]);
    await type('\x03');
    expect(conns.length).toBe(2);
    expect(conns[1]!.sent).toEqual([['SELECT', '3']]);
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379[3]>');
  });

  it("waits for a blocked command's late reply, queueing what is typed meanwhile", async () => {
    const { screen, conns, type } = await setup();
    await type('blpop q 0\rget k\r');
    expect(screen.text().at(-1)).toBe('');
    conns[0]!.state = { ...conns[0]!.state, blocked: false };
    conns[0]!.push({ t: 'array', a: [bulk('q'), bulk('x')] });
    await type('');
    expect(screen.text().slice(-5)).toEqual([
      '1) "q"',
      '2) "x"',
      '127.0.0.1:6379> get k',
      '(nil)',
      '127.0.0.1:6379>',
    ]);
  });

  it('abandons a blocked command on Ctrl-C and reconnects', async () => {
    const { screen, conns, type } = await setup();
    await type('blpop q 0\r');
    await type('\x03');
    expect(conns.length).toBe(2);
    conns[0]!.push({ t: 'array', a: [bulk('q'), bulk('late')] });
    await type('');
    expect(screen.text().slice(-3)).toEqual(['127.0.0.1:6379> blpop q 0', '^C', '127.0.0.1:6379>']);
  });

  it('prints help locally', async () => {
    const { screen, type } = await setup();
    await type('help get\r');
    expect(screen.text()).toContain('  GET key');
  });

  it('leaves subscribed mode on Ctrl-C as redis-cli 7.0: "^C(1.20s)", a new connection, a notice', async () => {
    const { screen, session, conns, type, clock, statuses } = await setup();
    await type('subscribe a b\r');
    expect(session.status).toMatchObject({ reading: 'pubsub', busy: true, subscribed: true });
    await type('get k\r'); // typing does nothing while reading
    expect(conns[0]!.sent.length).toBe(1);
    clock.ms = 1200;
    await type('\x03');
    expect(screen.text().slice(-2)).toEqual(['^C(1.20s)', '127.0.0.1:6379>']);
    expect(statuses.at(-1)).toMatchObject({ reading: null, busy: false, subscribed: false });
    expect(statuses.at(-1)!.notice).toBe(
      'Left subscribed mode: this tab reconnected as client 2, as redis-cli does.',
    );
    await type('get k\r');
    expect(conns[1]!.sent).toEqual([['get', 'k']]);
    expect(session.status.notice).toBeNull();
  });

  it('prints the banner, then the error, and stays at the prompt when SUBSCRIBE fails', async () => {
    const { screen, session, type } = await setup();
    await type('subscribe\r');
    // (the fake screen is 60 columns wide, so the error wraps)
    expect(screen.text().slice(-4).join('|')).toBe(
      "Reading messages... (press Ctrl-C to quit)|(error) ERR wrong number of arguments for 'subscribe' comman|d|127.0.0.1:6379>",
    );
    expect(session.status).toMatchObject({ reading: null, busy: false });
  });

  it('prints MONITOR lines as they arrive until Ctrl-C', async () => {
    const { screen, conns, type } = await setup();
    await type('monitor\r');
    conns[0]!.push({ t: 'simple', s: '1700000000.000001 [0 127.0.0.1:40002] "set" "a" "1"' });
    expect(screen.text().slice(-4)).toEqual([
      '127.0.0.1:6379> monitor',
      'OK',
      '1700000000.000001 [0 127.0.0.1:40002] "set" "a" "1"',
      '',
    ]);
    // MONITOR keeps redis-cli's push handler: an invalidation prints on one line.
    const inval: WireReply = { t: 'push', a: [bulk('invalidate'), { t: 'array', a: [bulk('k')] }] };
    conns[0]!.push(inval);
    expect(screen.text().at(-2)).toBe("-> invalidate: 'k'");
    await type('\x03');
    expect(screen.text().at(-1)).toBe('127.0.0.1:6379>');
    expect(conns.length).toBe(2);
    // Subscribed mode reads it as a plain reply.
    await type('subscribe ch\r');
    conns[1]!.push(inval);
    expect(screen.text().slice(-3)).toEqual(['1) "invalidate"', '2) 1) "k"', '']);
  });

  it('reads RESP3 pushes in subscribed mode as numbered lists, and restores RESP3 after Ctrl-C', async () => {
    const { screen, conns, type } = await setup();
    await type('hello 3\rsubscribe ch\r');
    conns[0]!.push({ t: 'push', a: [bulk('message'), bulk('ch'), bulk('hi')] });
    expect(screen.text().slice(-7)).toEqual([
      '1) "subscribe"',
      '2) "ch"',
      '3) (integer) 1',
      '1) "message"',
      '2) "ch"',
      '3) "hi"',
      '',
    ]);
    await type('\x03');
    expect(conns[1]!.sent).toEqual([['HELLO', '3']]);
  });

  it('says so and shows "not connected" when the server closes a reading tab', async () => {
    const { screen, conns, type, session } = await setup();
    await type('subscribe ch\r');
    conns[0]!.kill();
    await type('');
    expect(screen.text().slice(-2)).toEqual(['Error: Server closed the connection', 'not connected>']);
    expect(session.status).toMatchObject({ connected: false, reading: null, busy: false });
  });

  it('prints a push that arrives at the prompt above the prompt line', async () => {
    const { screen, conns, type } = await setup();
    await type('get');
    conns[0]!.push({ t: 'push', a: [bulk('invalidate'), { t: 'array', a: [bulk('k')] }] });
    expect(screen.text().slice(-2)).toEqual(["-> invalidate: 'k'", '127.0.0.1:6379> get key']);
  });
});
