/*
 * Subscribed mode against the real thing: the same SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE runs in
 * redis-cli 7 (--no-raw: its TTY format) and in our console's executor, both connected to one real
 * redis-server; a third connection publishes; the two transcripts must be equal byte for byte
 * (banner, confirmations, message/pmessage/smessage, RESP2 arrays and RESP3 pushes; MONITOR lines).
 * Needs redis-server and redis-cli on PATH.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientState } from '../../protocol/messages.ts';
import type { WireReply } from '../../protocol/reply.ts';
import { encodeCommand, RespConnection, startRedis, type RealRedis } from '../../../test/diff/redis.ts';
import { CommandExecutor } from './executor.ts';
import type { ConsoleConnection, SessionDeps } from './types.ts';

let redis: RealRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const enc = new TextEncoder();

/** A console connection over a real socket; what arrives after a command's replies is a push. */
class RealConnection implements ConsoleConnection {
  readonly clientId = 1;
  private listeners: ((r: WireReply) => void)[] = [];
  private pumping = true;
  constructor(
    private readonly conn: RespConnection,
    readonly state: ClientState,
  ) {}
  /** Like the worker host: a command answers with every reply it produced (SUBSCRIBE a b: two). */
  async send(argv: Uint8Array[]): Promise<WireReply[]> {
    this.conn.sendRaw(encodeCommand(argv));
    const replies: WireReply[] = [];
    // (P|S)SUBSCRIBE answers once per channel, MONITOR once. No timeouts: one would swallow a reply.
    for (let i = 0; i < Math.max(1, argv.length - 1); i++)
      replies.push((await this.conn.nextReply(60_000)) as WireReply);
    setTimeout(() => void this.pump(), 0);
    return replies;
  }

  private async pump(): Promise<void> {
    while (this.pumping) {
      const r = await this.conn.nextReply(60_000);
      if (!r) return;
      for (const l of this.listeners) l(r as WireReply);
    }
  }

  onPush(cb: (r: WireReply) => void): () => void {
    this.listeners.push(cb);
    return () => {};
  }
  onClose(): () => void {
    return () => {};
  }
  close(): void {
    this.pumping = false;
    this.conn.close();
  }
}

async function ourTranscript(resp: 2 | 3, argv: string[]): Promise<{ out: () => string; done: () => void }> {
  const conn = await RespConnection.open(redis.port);
  if (resp === 3) await conn.call('HELLO', '3');
  const state: ClientState = {
    clientId: 1,
    db: 0,
    inMulti: false,
    resp,
    subscribed: false,
    monitor: false,
    closed: false,
  };
  const real = new RealConnection(conn, state);
  let out = '';
  const deps = { connect: async () => real, nowMs: () => 0 } as unknown as SessionDeps;
  const ex = new CommandExecutor(deps, (t) => (out += t), {
    onPushAtPrompt: (t) => (out += t),
    onChange: () => {},
  });
  await ex.run(
    argv.map((a) => enc.encode(a)),
    argv,
    1,
  );
  return { out: () => out, done: () => real.close() };
}

function cliTranscript(resp: 2 | 3, argv: string[]): { out: () => string; stop: () => Promise<void> } {
  const args = ['-p', String(redis.port), '--no-raw', ...(resp === 3 ? ['-3'] : []), ...argv];
  const child = spawn('redis-cli', args);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('latin1')));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { out: () => out, stop: () => (child.kill('SIGINT'), exited) };
}

const MARK = 'transcripts-compared-from-here';

/** A MONITOR transcript from the marker line on (the two monitors start at different times). */
function fromMark(out: string): string {
  const i = out.indexOf(MARK);
  return i < 0 ? out : out.slice(out.lastIndexOf('\n', i) + 1);
}

/** Waits until `n` clients are subscribed (channels, patterns or shard channels) or monitoring. */
async function waitForSubscribers(admin: RespConnection, n: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const list = await admin.call('CLIENT', 'LIST');
    const text = list.t === 'bulk' || list.t === 'verbatim' ? new TextDecoder().decode(list.b) : '';
    const subscribed = text.split('\n').filter((l) => / ((sub|psub|ssub)=[1-9]|flags=O)/.test(l)).length;
    if (subscribed >= n) return;
    await sleep(20);
  }
  throw new Error('subscribers did not show up');
}

const scenarios: { name: string; resp: 2 | 3; argv: string[]; publish: string[][] }[] = [
  {
    name: 'RESP2 SUBSCRIBE two channels',
    resp: 2,
    argv: ['SUBSCRIBE', 'news', 'alerts'],
    publish: [
      ['PUBLISH', 'news', 'hello world'],
      ['PUBLISH', 'alerts', 'tab\there "q" \xff'],
      ['PUBLISH', 'other', 'unseen'],
    ],
  },
  {
    name: 'RESP2 PSUBSCRIBE',
    resp: 2,
    argv: ['PSUBSCRIBE', 'news.*', 'a?'],
    publish: [
      ['PUBLISH', 'news.eu', 'euro'],
      ['PUBLISH', 'ab', 'x'],
    ],
  },
  {
    name: 'RESP2 SSUBSCRIBE',
    resp: 2,
    argv: ['SSUBSCRIBE', 'shard1'],
    publish: [['SPUBLISH', 'shard1', 'sharded']],
  },
  {
    name: 'RESP3 SUBSCRIBE (pushes)',
    resp: 3,
    argv: ['SUBSCRIBE', 'news'],
    publish: [
      ['PUBLISH', 'news', 'one'],
      ['PUBLISH', 'news', 'two'],
    ],
  },
  {
    name: 'RESP2 MONITOR',
    resp: 2,
    argv: ['MONITOR'],
    publish: [
      ['SET', 'k', 'v "quoted"\n'],
      ['GET', 'k'],
    ],
  },
  {
    name: 'RESP3 PSUBSCRIBE (pushes)',
    resp: 3,
    argv: ['PSUBSCRIBE', 'n*'],
    publish: [['PUBLISH', 'news', 'p']],
  },
];

describe('subscribed mode transcript matches redis-cli byte for byte', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const admin = await RespConnection.open(redis.port);
      const cli = cliTranscript(s.resp, s.argv);
      await waitForSubscribers(admin, 1);
      const ours = await ourTranscript(s.resp, s.argv);
      await waitForSubscribers(admin, 2);
      await admin.call('ECHO', MARK); // MONITOR transcripts are compared from here on
      for (const p of s.publish)
        await admin.call(...p.map((a) => Uint8Array.from(a, (c) => c.charCodeAt(0))));
      await sleep(300);
      await cli.stop();
      ours.done();
      admin.close();
      expect(fromMark(ours.out())).toBe(fromMark(cli.out()));
      if (s.argv[0] === 'MONITOR') expect(fromMark(cli.out()).split('\n').length).toBe(4);
      expect(cli.out()).toMatch(s.argv[0] === 'MONITOR' ? /^OK\n\d+\.\d{6} \[0 / : /^Reading messages/);
    });
  }
});
