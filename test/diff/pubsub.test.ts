/*
 * Differential tests of Pub/Sub with several connections to both servers: (un)subscribe confirmations
 * and counts, PUBLISH receiver counts and the messages each subscriber gets (channel subscribers before
 * pattern subscribers; several matching patterns give several pmessages, compared as a set since Redis
 * walks its pattern dict in hash order), shard channels, RESP3 pushes, the RESP2 subscribed-mode rule,
 * PUBSUB introspection, CLIENT LIST / INFO fields, and keyspace notifications.
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential, type ClientPair, type Differential } from './harness.ts';
import { replyText } from './redis.ts';
import { resetBoth } from './strings-helpers.ts';

const settle = (ms = 40): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Records one comparison, rendered in the given protocol (pairs may speak RESP3 while d speaks RESP2). */
function rec(d: Differential, what: string, ours: unknown, theirs: unknown): boolean {
  const a = typeof ours === 'string' ? ours : JSON.stringify(ours);
  const b = typeof theirs === 'string' ? theirs : JSON.stringify(theirs);
  d.total++;
  if (a === b) {
    d.matched++;
    return true;
  }
  d.mismatches.push(`${what}\n    ours:  ${a}\n    redis: ${b}`);
  return false;
}

/** Sends a command on a pair and compares the next `n` replies of each side in order. */
async function expectReplies(d: Differential, p: ClientPair, args: string[], n = 1, resp: 2 | 3 = 2) {
  p.send(...args);
  for (let i = 0; i < n; i++) {
    const [ours, theirs] = await p.next(10_000);
    rec(d, `${args.join(' ')} #${i + 1}`, replyText(ours, resp), replyText(theirs, resp));
  }
}

/** Takes the next `n` replies of a pair on each side and compares them as a multiset. */
async function expectUnordered(d: Differential, p: ClientPair, what: string, n: number, resp: 2 | 3 = 2) {
  const ours: string[] = [];
  const theirs: string[] = [];
  for (let i = 0; i < n; i++) {
    const [o, t] = await p.next(10_000);
    ours.push(replyText(o, resp));
    theirs.push(replyText(t, resp));
  }
  rec(d, what, ours.sort().join(' '), theirs.sort().join(' '));
}

/** Our replies not yet taken by next() (the pair keeps them private). */
function oursQueue(p: ClientPair): Reply[] {
  return (p as unknown as { oursReplies: Reply[] }).oursReplies;
}

/**
 * Everything each side sends before a marker PING, in order. A marker instead of a quiet period:
 * RespConnection leaves a timed-out reader waiting, which would swallow a later reply.
 */
async function untilMarker(p: ClientPair): Promise<[string[], string[]]> {
  p.send('PING', 'marker');
  const isMarker = (r: Reply): boolean =>
    (r.t === 'bulk' && bin(r.b) === 'marker') || short(r) === 'pong marker';
  const ours: string[] = [];
  for (const r of oursQueue(p).splice(0)) if (!isMarker(r)) ours.push(short(r));
  const theirs: string[] = [];
  for (;;) {
    const r = await p.real.nextReply(3000);
    if (r === undefined || isMarker(r)) break;
    theirs.push(short(r));
  }
  return [ours, theirs];
}

/** Checks that neither side has sent anything more on this pair. */
async function expectQuiet(d: Differential, p: ClientPair, what: string): Promise<void> {
  const [ours, theirs] = await untilMarker(p);
  rec(d, `${what}: nothing more`, ours, theirs);
}

/** Every reply up to a marker, in order (keyspace notifications). */
const drain = untilMarker;

function short(r: Reply): string {
  if (r.t !== 'array' && r.t !== 'push') return replyText(r);
  return r.a.map((x) => (x.t === 'bulk' ? bin(x.b) : replyText(x))).join(' ');
}

function field(r: Reply | undefined, name: string): string {
  const text = r && (r.t === 'bulk' || r.t === 'verbatim') ? bin(r.b) : '';
  return new RegExp(`(?:^|[\\n ])${name}[:=]([^\\r\\n ]*)`).exec(text)?.[1] ?? '?';
}

describe('differential pubsub', () => {
  const d = useDifferential('pubsub');

  it('subscribe / publish / unsubscribe counts and messages', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await expectReplies(d, a, ['SUBSCRIBE', 'ch1', 'ch2', 'ch1'], 3);
    await expectReplies(d, b, ['PSUBSCRIBE', 'ch*', 'other'], 2);
    await expectReplies(d, b, ['SUBSCRIBE', 'ch1'], 1);
    await settle();
    await d.check(['PUBLISH', 'ch1', 'hello']);
    const [m1, t1] = await a.next(10_000);
    rec(d, 'a gets message', replyText(m1), replyText(t1));
    const [m2, t2] = await b.next(10_000);
    rec(d, 'b gets the channel message first', replyText(m2), replyText(t2));
    const [m3, t3] = await b.next(10_000);
    rec(d, 'then the pattern message', replyText(m3), replyText(t3));
    await d.check(['PUBLISH', 'nobody', 'x']);
    await d.check(['PUBLISH', 'chX', 'y']);
    const [m4, t4] = await b.next(10_000);
    rec(d, 'pattern only', replyText(m4), replyText(t4));
    await expectQuiet(d, a, 'a after chX');
    await d.checkAll([
      ['PUBSUB', 'NUMSUB', 'ch1', 'ch2', 'chX'],
      ['PUBSUB', 'NUMPAT'],
    ]);
    await d.check(['PUBSUB', 'CHANNELS'], { unordered: true });
    await expectReplies(d, a, ['UNSUBSCRIBE', 'ch2', 'nope'], 2);
    await expectReplies(d, a, ['UNSUBSCRIBE'], 1);
    await expectReplies(d, a, ['UNSUBSCRIBE'], 1);
    await expectReplies(d, a, ['PING'], 1);
    await expectReplies(d, b, ['PUNSUBSCRIBE', 'other'], 1);
    await expectReplies(d, b, ['PUNSUBSCRIBE'], 1);
    await expectReplies(d, b, ['PUNSUBSCRIBE'], 1);
    await expectReplies(d, b, ['UNSUBSCRIBE', 'ch1'], 1);
    await d.checkAll([
      ['PUBSUB', 'NUMSUB', 'ch1'],
      ['PUBSUB', 'NUMPAT'],
      ['PUBSUB', 'CHANNELS'],
    ]);
    a.close();
    b.close();
  });

  it('unsubscribing from all channels leaves each one, counting down', async () => {
    const a = await d.openPair();
    await expectReplies(d, a, ['SUBSCRIBE', 'u1', 'u2', 'u3'], 3);
    await expectReplies(d, a, ['PSUBSCRIBE', 'p1', 'p2'], 2);
    // Redis walks its channel dict in hash order: compare channel names as a set, counts in order.
    a.send('UNSUBSCRIBE');
    const names: [string[], string[]] = [[], []];
    const counts: [string[], string[]] = [[], []];
    for (let i = 0; i < 3; i++) {
      const [o, t] = await a.next(10_000);
      for (const [j, r] of [o, t].entries()) {
        const parts = short(r!).split(' ');
        names[j]!.push(parts[1]!);
        counts[j]!.push(parts[0]! + parts[2]!);
      }
    }
    rec(d, 'UNSUBSCRIBE all: channels', names[0].sort(), names[1].sort());
    rec(d, 'UNSUBSCRIBE all: counts', counts[0], counts[1]);
    await expectReplies(d, a, ['PUNSUBSCRIBE'], 2);
    await expectReplies(d, a, ['GET', 'k'], 1);
    a.close();
  });

  it('a client matching several patterns gets one pmessage per pattern', async () => {
    const [a, b] = [await d.openPair(), await d.openPair()];
    await expectReplies(d, a, ['PSUBSCRIBE', '*', 'n*', 'ne?s', 'news', '[a-m]*'], 5);
    await expectReplies(d, b, ['SUBSCRIBE', 'news'], 1);
    await settle();
    await d.check(['PUBLISH', 'news', 'm']);
    await expectUnordered(d, a, 'pmessages of news', 4);
    const [o, t] = await b.next(10_000);
    rec(d, 'b message', replyText(o), replyText(t));
    await d.check(['PUBLISH', '', 'empty channel']);
    await expectQuiet(d, a, 'empty channel matches no pattern (not even *)');
    await d.check(['PUBLISH', 'bar', '']);
    await expectUnordered(d, a, 'pmessages of bar', 2);
    await d.check(['PUBSUB', 'NUMPAT']);
    a.close();
    b.close();
    await settle();
    await d.checkAll([
      ['PUBSUB', 'NUMPAT'],
      ['PUBSUB', 'NUMSUB', 'news'],
      ['PUBLISH', 'news', 'x'],
    ]);
  });

  it('RESP2 subscribed mode allows only the Pub/Sub commands, PING, QUIT and RESET', async () => {
    const a = await d.openPair();
    await expectReplies(d, a, ['SUBSCRIBE', 'x'], 1);
    for (const cmd of [
      ['GET', 'k'],
      ['SET', 'k', 'v'],
      ['PUBLISH', 'x', 'm'],
      ['PUBSUB', 'NUMSUB', 'x'],
      ['MULTI'],
      ['CLIENT', 'ID'],
      ['PING'],
      ['PING', 'hi'],
      ['PING', 'a', 'b'],
      ['NOSUCHCMD'],
      ['SUBSCRIBE'],
      ['SSUBSCRIBE', 'sx'],
      ['SUNSUBSCRIBE'],
    ]) {
      await expectReplies(d, a, cmd, 1);
    }
    await expectReplies(d, a, ['RESET'], 1);
    await expectReplies(d, a, ['GET', 'k'], 1);
    await expectReplies(d, a, ['PING'], 1);
    await expectReplies(d, a, ['PSUBSCRIBE', 'y*'], 1);
    await expectReplies(d, a, ['QUIT'], 1);
    await settle();
    rec(d, 'QUIT closes', a.ours.closed, a.real.closed);
    await d.check(['PUBSUB', 'NUMPAT']);
    a.close();
  });

  it('RESP3: pushes, no restriction, messages bypass CLIENT REPLY OFF', async () => {
    const a = await d.openPair();
    a.send('HELLO', '3');
    const [h1, h2] = await a.next(10_000);
    expect(h1?.t).toBe('map');
    expect(h2?.t).toBe('map');
    await expectReplies(d, a, ['SUBSCRIBE', 'r3', 'r3b'], 2, 3);
    await expectReplies(d, a, ['PSUBSCRIBE', 'r*'], 1, 3);
    await expectReplies(d, a, ['SET', 'k', 'v'], 1, 3);
    await expectReplies(d, a, ['PING'], 1, 3);
    await expectReplies(d, a, ['PING', 'x'], 1, 3);
    await d.check(['PUBLISH', 'r3', 'hello']);
    for (let i = 0; i < 2; i++) {
      const [o, t] = await a.next(10_000);
      rec(d, `RESP3 message ${i}`, replyText(o, 3), replyText(t, 3));
    }
    await expectReplies(d, a, ['PUBLISH', 'r3b', 'self'], 3, 3);
    await expectReplies(d, a, ['CLIENT', 'REPLY', 'OFF'], 0, 3);
    await d.check(['PUBLISH', 'zzz', 'while off']);
    await expectReplies(d, a, ['SUBSCRIBE', 'late'], 1, 3);
    await d.check(['PUBLISH', 'late', 'while off']);
    const [o, t] = await a.next(10_000);
    rec(d, 'message while replies are off', replyText(o, 3), replyText(t, 3));
    await expectReplies(d, a, ['CLIENT', 'REPLY', 'ON'], 1, 3);
    await expectReplies(d, a, ['UNSUBSCRIBE', 'r3'], 1, 3);
    await expectReplies(d, a, ['PUNSUBSCRIBE'], 1, 3);
    await expectReplies(d, a, ['UNSUBSCRIBE', 'nope'], 1, 3);
    a.close();
  });

  it('shard channels: SSUBSCRIBE / SPUBLISH / SUNSUBSCRIBE and their counts', async () => {
    const [a, b] = [await d.openPair(), await d.openPair()];
    await expectReplies(d, a, ['SSUBSCRIBE', 's1', 's2', 's1'], 3);
    await expectReplies(d, a, ['SUBSCRIBE', 'c'], 1);
    await expectReplies(d, a, ['PSUBSCRIBE', 's*'], 1);
    await expectReplies(d, b, ['SSUBSCRIBE', 's1'], 1);
    await settle();
    await d.check(['SPUBLISH', 's1', 'm']);
    for (const p of [a, b]) {
      const [o, t] = await p.next(10_000);
      rec(d, 'smessage', replyText(o), replyText(t));
    }
    await d.check(['PUBLISH', 's1', 'plain']);
    const [o, t] = await a.next(10_000);
    rec(d, 'a plain PUBLISH reaches only the pattern', replyText(o), replyText(t));
    await expectQuiet(d, b, 'shard subscriber ignores PUBLISH');
    await d.check(['PUBSUB', 'SHARDCHANNELS'], { unordered: true });
    await d.checkAll([
      ['PUBSUB', 'SHARDCHANNELS', 's1*'],
      ['PUBSUB', 'SHARDNUMSUB', 's1', 's2', 's3'],
      ['PUBSUB', 'SHARDNUMSUB'],
      ['PUBSUB', 'NUMSUB', 's1'],
      ['PUBSUB', 'CHANNELS', 's*'],
      ['SPUBLISH', 'nobody', 'x'],
    ]);
    await expectReplies(d, a, ['SUNSUBSCRIBE', 's1', 'zz'], 2);
    await expectReplies(d, a, ['SUNSUBSCRIBE'], 1);
    await expectReplies(d, a, ['SUNSUBSCRIBE'], 1);
    await expectReplies(d, a, ['GET', 'k'], 1);
    await expectReplies(d, a, ['UNSUBSCRIBE'], 1);
    await expectReplies(d, a, ['PUNSUBSCRIBE'], 1);
    await expectReplies(d, a, ['GET', 'k'], 1);
    a.close();
    b.close();
  });

  it('SUBSCRIBE inside MULTI runs, SSUBSCRIBE is refused as deny-blocking', async () => {
    const a = await d.openPair();
    for (const cmd of [['MULTI'], ['SSUBSCRIBE', 'sx'], ['SUBSCRIBE', 'tx'], ['PING'], ['EXEC']]) {
      await expectReplies(d, a, cmd, 1);
    }
    await expectReplies(d, a, ['GET', 'k'], 1);
    await expectReplies(d, a, ['RESET'], 1);
    // Several confirmations from the last queued command: the first fills its slot in EXEC's array,
    // the others follow the array (Redis writes them all in place; with commands queued behind, its
    // array would hold their replies shifted, which we do not reproduce).
    for (const cmd of [['MULTI'], ['PING'], ['UNSUBSCRIBE', 'zz'], ['SUBSCRIBE', 'm1', 'm2', 'm3']]) {
      await expectReplies(d, a, cmd, 1);
    }
    await expectReplies(d, a, ['EXEC'], 3);
    await expectReplies(d, a, ['PING'], 1);
    await expectReplies(d, a, ['RESET'], 1);
    a.close();
  });

  it('PUBSUB introspection: help, arity and syntax errors', async () => {
    await d.checkAll([
      ['PUBSUB', 'HELP'],
      ['PUBSUB', 'help'],
      ['PUBSUB', 'CHANNELS', 'a', 'b'],
      ['PUBSUB', 'SHARDCHANNELS', 'a', 'b'],
      ['PUBSUB', 'NUMPAT', 'x'],
      ['PUBSUB', 'HELP', 'x'],
      ['PUBSUB', 'FOO'],
      ['PUBSUB'],
      ['PUBSUB', 'NUMSUB'],
      ['SUBSCRIBE'],
      ['PSUBSCRIBE'],
      ['SSUBSCRIBE'],
      ['PUBLISH', 'a'],
      ['SPUBLISH', 'a', 'b', 'c'],
      [
        'COMMAND',
        'INFO',
        'subscribe',
        'spublish',
        'ssubscribe',
        'sunsubscribe',
        'punsubscribe',
        'pubsub|numsub',
      ],
      ['COMMAND', 'GETKEYS', 'SPUBLISH', 'ch', 'msg'],
    ]);
  });

  it('CLIENT LIST fields, INFO counts and CLIENT KILL TYPE pubsub', async () => {
    await resetBoth(d);
    const [a, b] = [await d.openPair(), await d.openPair()];
    await expectReplies(d, a, ['SUBSCRIBE', 'i1', 'i2'], 2);
    await expectReplies(d, a, ['PSUBSCRIBE', 'ip*'], 1);
    await expectReplies(d, a, ['SSUBSCRIBE', 'is'], 1);
    await expectReplies(d, b, ['PSUBSCRIBE', 'ip*', 'iq*'], 2);
    await settle();
    const [ours, theirs] = await d.both('CLIENT', 'LIST', 'TYPE', 'pubsub');
    const lines = (r: Reply | undefined): string[] =>
      (r?.t === 'bulk' || r?.t === 'verbatim' ? bin(r.b) : '')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) =>
          ['flags', 'sub', 'psub', 'ssub']
            .map((f) => `${f}=${field({ t: 'bulk', b: new TextEncoder().encode(l) }, f)}`)
            .join(' '),
        )
        .sort();
    rec(d, 'CLIENT LIST TYPE pubsub', lines(ours), lines(theirs));
    const [io, it2] = await d.both('INFO', 'stats');
    for (const f of ['pubsub_channels', 'pubsub_patterns', 'pubsubshard_channels']) {
      rec(d, `INFO ${f}`, field(io, f), field(it2, f));
    }
    await d.check(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    await settle(100);
    rec(d, 'killed subscribers closed', [a.ours.closed, b.ours.closed], [a.real.closed, b.real.closed]);
    await d.checkAll([
      ['PUBSUB', 'NUMPAT'],
      ['PUBSUB', 'CHANNELS'],
      ['PUBSUB', 'SHARDCHANNELS'],
    ]);
    const [io2, it3] = await d.both('INFO', 'stats');
    rec(d, 'INFO pubsub_patterns after kill', field(io2, 'pubsub_patterns'), field(it3, 'pubsub_patterns'));
    a.close();
    b.close();
  });

  it('CLIENT LIST tot-mem counts the subscriptions (dict tables keep their peak size)', async () => {
    const [a, obs] = [await d.openPair(), await d.openPair()];
    const theirsId = await a.real.call('CLIENT', 'ID');
    const ids = [String(a.ours.id), theirsId.t === 'int' ? String(theirsId.n) : '?'];
    // Compared as growth from the first reading: the base itself depends on buffer history (CLIENT ID
    // above), which client-line.ts models only for a fresh connection.
    let base: number[] = [];
    const totMem = async (what: string): Promise<void> => {
      obs.sendEach(['CLIENT', 'LIST', 'ID', ids[0]!], ['CLIENT', 'LIST', 'ID', ids[1]!]);
      const mem = (await obs.next(10_000)).map((r) => Number(field(r, 'tot-mem')));
      if (base.length === 0) base = mem;
      rec(d, `tot-mem growth ${what}`, mem[0]! - base[0]!, mem[1]! - base[1]!);
    };
    await totMem('fresh');
    const steps: [string[], number][] = [
      [['SUBSCRIBE', 'a'], 1],
      [['SUBSCRIBE', 'b', 'c', 'd'], 3],
      [['PSUBSCRIBE', 'p1', 'p2'], 2],
      [['UNSUBSCRIBE', 'a', 'b'], 2],
      [['SSUBSCRIBE', 's'], 1],
      [['SUNSUBSCRIBE'], 1],
      [['RESET'], 1],
    ];
    for (const [cmd, n] of steps) {
      await expectReplies(d, a, cmd, n);
      await totMem(cmd.join(' '));
    }
    a.close();
    obs.close();
  });

  it('keyspace notifications for SET, DEL, EXPIRE and expired keys', async () => {
    await resetBoth(d);
    const a = await d.openPair();
    await expectReplies(d, a, ['PSUBSCRIBE', '__key*__:*'], 1);
    try {
      for (const flags of ['KEA', 'Kg', 'E$', 'Ex', 'KEn', 'AKE']) {
        await d.check(['CONFIG', 'SET', 'notify-keyspace-events', flags]);
        await d.checkAll([
          ['SET', 'k', 'v'],
          ['SET', 'k', 'v2'],
          ['DEL', 'k', 'missing'],
          ['SET', 'e', 'v'],
          ['EXPIRE', 'e', '100'],
          ['EXPIRE', 'missing', '100'],
          ['PERSIST', 'e'],
          ['PEXPIRE', 'e', '-1'],
          ['SELECT', '3'],
          ['INCR', 'n'],
          ['SELECT', '0'],
          // last, so that Redis's active expiry and our lazy one give the same order
          ['SET', 'lazy', 'v', 'PX', '15'],
        ]);
        await settle(50);
        await d.check(['GET', 'lazy']);
        const [ours, theirs] = await drain(a);
        rec(d, `events with ${flags}`, ours, theirs);
        await d.both('FLUSHALL');
        await drain(a);
      }
    } finally {
      await d.check(['CONFIG', 'SET', 'notify-keyspace-events', '']);
    }
    await d.check(['SET', 'quiet', 'v']);
    await expectQuiet(d, a, 'no events once disabled');
    a.close();
  });

  it('keyspace events with new-key notifications across types (AKEn)', async () => {
    await resetBoth(d);
    const a = await d.openPair();
    await expectReplies(d, a, ['PSUBSCRIBE', '*'], 1);
    try {
      await d.check(['CONFIG', 'SET', 'notify-keyspace-events', 'AKEn']);
      await d.checkAll([
        ['SET', 'k', 'v'],
        ['SET', 'k2', 'v'],
        ['RENAME', 'k', 'k2'],
        ['APPEND', 'ap', 'x'],
        ['SETRANGE', 'sr', '2', 'x'],
        ['INCRBYFLOAT', 'f', '1.5'],
        ['GETDEL', 'f'],
        ['SET', 'k2', 'w', 'GET'],
        ['GETEX', 'k2', 'EX', '100'],
        ['LPUSH', 'l', 'a', 'b'],
        ['RPOP', 'l', '2'],
        ['SADD', 's', 'a', 'b'],
        ['SADD', 't', 'b', 'c'],
        ['SUNIONSTORE', 'u', 's', 't'],
        ['SINTERSTORE', 'u', 's', 't'],
        ['HSET', 'h', 'f', 'v'],
        ['HINCRBY', 'h', 'n', '2'],
        ['ZADD', 'z', '1', 'a'],
        ['ZINCRBY', 'z', '2', 'b'],
        ['ZREM', 'z', 'a', 'b'],
        ['COPY', 's', 's2'],
        ['MOVE', 's2', '2'],
        ['SORT', 'l', 'STORE', 'sorted'],
        ['MSET', 'm1', '1', 'm2', '2'],
        ['MSETNX', 'm3', '1'],
        ['PFADD', 'hll', 'a'],
        ['SETBIT', 'bits', '7', '1'],
        ['GEOADD', 'g', '13.36', '38.11', 'p'],
        ['EXPIRE', 'k2', '0'],
      ]);
      const [ours, theirs] = await drain(a);
      rec(d, 'events with AKEn', ours, theirs);
    } finally {
      await d.check(['CONFIG', 'SET', 'notify-keyspace-events', '']);
    }
    a.close();
  });

  it('keymiss events and keys expired by the active cycle', async () => {
    await resetBoth(d);
    const a = await d.openPair();
    await expectReplies(d, a, ['PSUBSCRIBE', '__key*'], 1);
    try {
      await d.check(['CONFIG', 'SET', 'notify-keyspace-events', 'KEmx']);
      await d.checkAll([
        ['GET', 'nokey'],
        ['HGET', 'nohash', 'f'],
        ['SET', 'ae', 'v', 'PX', '10'],
        ['EXISTS', 'x'],
      ]);
      await settle(300);
      d.node.cron();
      const [ours, theirs] = await drain(a);
      rec(d, 'keymiss and active expiry events', ours, theirs);
      expect(theirs.length).toBe(8);
      await d.check(['CONFIG', 'GET', 'notify-keyspace-events']);
    } finally {
      await d.check(['CONFIG', 'SET', 'notify-keyspace-events', '']);
    }
    a.close();
  });

  it('reports the match rate', () => {
    if (d.mismatches.length > 0) console.log(d.mismatches.join('\n'));
    expect(d.mismatches).toEqual([]);
  });
});
