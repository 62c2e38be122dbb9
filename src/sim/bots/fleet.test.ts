import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../engine/bytes.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import { World } from '../world.ts';
import { BotFleet } from './fleet.ts';
import { textOf } from './replies.ts';

function setup(seed = 1) {
  const world = new World({ seed, startMs: 1_700_000_000_000 });
  const node = world.addNode();
  const fleet = new BotFleet(world, node);
  const replies: Reply[] = [];
  const user = node.connect({ write: (r) => replies.push(r), close: () => {} });
  const cmd = (...args: string[]): Reply => {
    const before = replies.length;
    node.execute(user, args.map(utf8));
    return replies[before]!;
  };
  return { world, node, fleet, cmd };
}

describe('BotFleet', () => {
  it('names bots with CLIENT SETNAME so CLIENT LIST shows them', () => {
    const { fleet, cmd } = setup();
    const s = fleet.start({ kind: 'script', everyMs: 100, commands: [['INCR', 'ticks']] });
    expect(s).toMatchObject({ id: 1, name: 'bot-script-1', state: 'running', sent: 1, received: 1 });
    const list = cmd('CLIENT', 'LIST');
    expect(textOf(list)).toContain('name=bot-script-1 ');
  });

  it('runs a script every T ms of virtual time, and never without the clock', () => {
    const { world, fleet, cmd } = setup();
    fleet.start({
      kind: 'script',
      everyMs: 250,
      commands: [
        ['INCR', 'ticks'],
        ['SET', 'last', '{seq}'],
      ],
    });
    expect(cmd('GET', 'ticks')).toEqual({ t: 'nil' });
    world.advance(1000);
    expect(cmd('GET', 'ticks')).toEqual({ t: 'bulk', b: utf8('4') });
    expect(cmd('GET', 'last')).toEqual({ t: 'bulk', b: utf8('4') });
    expect(fleet.list()[0]).toMatchObject({ processed: 4, sent: 9, errors: 0, lastReply: 'OK' });
  });

  it('keeps exact rates that are not whole milliseconds, batching fast ones', () => {
    const { world, fleet, cmd } = setup();
    fleet.start({ kind: 'script', everyMs: 1, commands: [['INCR', 'n']] });
    fleet.start({ kind: 'script', everyMs: 333, commands: [['INCR', 'm']] });
    world.advance(1000);
    expect(cmd('GET', 'n')).toEqual({ t: 'bulk', b: utf8('1000') });
    expect(cmd('GET', 'm')).toEqual({ t: 'bulk', b: utf8('3') });
  });

  it('stops a bot and closes its connection; CLIENT KILL closes one from the server side', () => {
    const { world, node, fleet, cmd } = setup();
    const a = fleet.start({ kind: 'script', everyMs: 100, commands: [['INCR', 'a']] });
    const b = fleet.start({ kind: 'script', everyMs: 100, commands: [['INCR', 'b']], name: 'killme' });
    world.advance(200);
    expect(fleet.stop(a.id)).toMatchObject({ state: 'stopped', processed: 2 });
    expect(node.clients.has(a.clientId)).toBe(false);
    expect(cmd('CLIENT', 'KILL', 'ID', String(b.clientId))).toEqual({ t: 'int', n: 1 });
    world.advance(500);
    expect(cmd('GET', 'a')).toEqual({ t: 'bulk', b: utf8('2') });
    expect(cmd('GET', 'b')).toEqual({ t: 'bulk', b: utf8('2') });
    expect(fleet.get(b.id)!.status()).toMatchObject({ state: 'closed' });
    fleet.stop(a.id, true);
    expect(fleet.list().map((s) => s.id)).toEqual([b.id]);
  });

  it('records error replies and refuses bad specs', () => {
    const { world, fleet } = setup();
    fleet.start({ kind: 'script', everyMs: 100, commands: [['NOSUCHCMD']] });
    world.advance(100);
    expect(fleet.list()[0]).toMatchObject({ errors: 1 });
    expect(fleet.list()[0]!.lastError).toMatch(/^\(error\) ERR unknown command 'NOSUCHCMD'/);
    expect(() => fleet.start({ kind: 'producer', stream: 's', perSecond: 0, fields: [['a', 'b']] })).toThrow(
      /perSecond/,
    );
    expect(() => fleet.start({ kind: 'script', everyMs: 10, commands: [] })).toThrow(/commands/);
    expect(() => fleet.start({ kind: 'script', everyMs: 10, commands: [['PING']], name: 'a b' })).toThrow(
      /name/,
    );
    expect(() => fleet.start({ kind: 'nope' })).toThrow(/unknown bot kind/);
  });

  it('waits while CLIENT PAUSE holds its command and counts the late reply', () => {
    const { world, fleet, cmd } = setup();
    fleet.start({ kind: 'script', everyMs: 100, commands: [['SET', 'k', '{seq}']] });
    cmd('CLIENT', 'PAUSE', '1000', 'WRITE');
    world.advance(500);
    expect(fleet.list()[0]).toMatchObject({ sent: 2, received: 1 });
    world.advance(600);
    expect(fleet.list()[0]!.received).toBeGreaterThanOrEqual(2);
    expect(cmd('GET', 'k')).not.toEqual({ t: 'nil' });
  });

  it('selects its database first', () => {
    const { world, fleet, cmd } = setup();
    fleet.start({ kind: 'script', everyMs: 100, commands: [['SET', 'where', 'db5']], db: 5 });
    world.advance(100);
    expect(cmd('GET', 'where')).toEqual({ t: 'nil' });
    cmd('SELECT', '5');
    expect(cmd('GET', 'where')).toEqual({ t: 'bulk', b: utf8('db5') });
  });

  it('is deterministic: same seed, same templates', () => {
    const run = (seed: number) => {
      const { world, fleet, cmd } = setup(seed);
      fleet.start({ kind: 'script', everyMs: 100, commands: [['RPUSH', 'l', '{rand:1-6}']] });
      world.advance(1000);
      const r = cmd('LRANGE', 'l', '0', '-1');
      return r.t === 'array' ? r.a.map((x) => (x.t === 'bulk' ? bin(x.b) : '?')).join(',') : '';
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });

  it('a producer at 10/s for one virtual second adds 10 entries', () => {
    const { world, fleet, cmd } = setup();
    fleet.start({ kind: 'producer', stream: 'orders', perSecond: 10, fields: [['n', '{seq}']] });
    world.advance(1000);
    expect(cmd('XLEN', 'orders')).toEqual({ t: 'int', n: 10 });
    expect(fleet.list()[0]).toMatchObject({ processed: 10, errors: 0 });
  });

  it('replays a pipeline exactly from the seed (IDs, values, pending)', () => {
    const run = (seed: number) => {
      const { world, fleet, cmd } = setup(seed);
      fleet.start({
        kind: 'producer',
        stream: 's',
        perSecond: 7,
        fields: [['v', '{rand:1-1000}']],
        maxLen: 50,
      });
      const c = { kind: 'consumer', stream: 's', group: 'g', perSecond: 3, count: 2 } as const;
      fleet.start({ ...c, consumer: 'a', crashAfter: 4 });
      fleet.start({ ...c, consumer: 'b' });
      for (let i = 0; i < 30; i++) world.advance(97);
      return JSON.stringify([cmd('XRANGE', 's', '-', '+'), cmd('XPENDING', 's', 'g'), fleet.list()]);
    };
    expect(run(11)).toBe(run(11));
    expect(run(11)).not.toBe(run(12));
  });

  it('a publisher reaches subscribers', () => {
    const { world, node, fleet } = setup();
    const got: Reply[] = [];
    const sub = node.connect({ write: (r) => got.push(r), close: () => {} });
    node.execute(sub, [utf8('SUBSCRIBE'), utf8('news')]);
    fleet.start({ kind: 'publisher', channel: 'news', perSecond: 5, message: 'item {seq}' });
    world.advance(1000);
    expect(got.length).toBe(6);
    expect(fleet.list()[0]).toMatchObject({ processed: 5, lastReply: '(integer) 1' });
  });

  it('a crashed consumer leaves pending entries that a claimer takes over', () => {
    const { world, fleet, cmd } = setup();
    for (let i = 1; i <= 10; i++) cmd('XADD', 'jobs', '*', 'n', String(i));
    cmd('XGROUP', 'CREATE', 'jobs', 'workers', '0');
    const worker = fleet.start({
      kind: 'consumer',
      stream: 'jobs',
      group: 'workers',
      consumer: 'alice',
      perSecond: 10,
      count: 2,
      crashAfter: 5,
    });
    world.advance(1000);
    expect(fleet.get(worker.id)!.status()).toMatchObject({ state: 'crashed', processed: 5 });
    // Batches of 2: 1-2, 3-4, then 5-6 of which 5 is acked and 6 left pending.
    const pending = cmd('XPENDING', 'jobs', 'workers');
    expect(pending.t === 'array' && pending.a[0]).toEqual({ t: 'int', n: 1 });
    fleet.start({
      kind: 'claimer',
      stream: 'jobs',
      group: 'workers',
      consumer: 'bob',
      everyMs: 500,
      minIdleMs: 1000,
    });
    world.advance(1000);
    // Idle 1000 ms is reached at the claimer's second run.
    const after = cmd('XPENDING', 'jobs', 'workers');
    expect(after.t === 'array' && after.a[0]).toEqual({ t: 'int', n: 0 });
    expect(fleet.list()[1]).toMatchObject({ processed: 1, errors: 0 });
  });

  it('a consumer restarted under the same name first acks its own backlog', () => {
    const { world, fleet, cmd } = setup();
    for (let i = 1; i <= 6; i++) cmd('XADD', 'jobs', '*', 'n', String(i));
    const spec = {
      kind: 'consumer',
      stream: 'jobs',
      group: 'g',
      consumer: 'alice',
      perSecond: 10,
    } as const;
    fleet.start({ ...spec, count: 3, crashAfter: 1 });
    world.advance(1000);
    const pending = cmd('XPENDING', 'jobs', 'g');
    expect(pending.t === 'array' && pending.a[0]).toEqual({ t: 'int', n: 2 });
    const again = fleet.start(spec);
    world.advance(1000);
    expect(fleet.get(again.id)!.status()).toMatchObject({ state: 'running', processed: 5 });
    const after = cmd('XPENDING', 'jobs', 'g');
    expect(after.t === 'array' && after.a[0]).toEqual({ t: 'int', n: 0 });
  });

  it('a hanging consumer keeps its connection open and silent', () => {
    const { world, node, fleet, cmd } = setup();
    for (let i = 1; i <= 3; i++) cmd('XADD', 'jobs', '*', 'n', String(i));
    const b = fleet.start({
      kind: 'consumer',
      stream: 'jobs',
      group: 'workers',
      consumer: 'carol',
      perSecond: 10,
      crashAfter: 1,
      crashMode: 'hang',
    });
    world.advance(1000);
    const s = fleet.get(b.id)!.status();
    expect(s).toMatchObject({ state: 'crashed', processed: 1 });
    expect(s.lastError).toBe('crashed (hung) with 1 entries pending');
    expect(node.clients.has(b.clientId)).toBe(true);
    const sent = s.sent;
    world.advance(1000);
    expect(fleet.get(b.id)!.status().sent).toBe(sent);
  });

  it('a consumer creates its group and drains the stream', () => {
    const { world, fleet, cmd } = setup();
    for (let i = 1; i <= 20; i++) cmd('XADD', 'q', '*', 'n', String(i));
    fleet.start({ kind: 'consumer', stream: 'q', group: 'g', consumer: 'c1', perSecond: 10, count: 5 });
    world.advance(1000);
    expect(fleet.list()[0]).toMatchObject({ processed: 20, state: 'running' });
    const pending = cmd('XPENDING', 'q', 'g');
    expect(pending.t === 'array' && pending.a[0]).toEqual({ t: 'int', n: 0 });
  });
});
