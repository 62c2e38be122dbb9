import { describe, expect, it } from 'vitest';
import type { ZSetValue } from '../engine/commands/zsets/zset.ts';
import { snapshot } from '../engine/ds/skiplist-inspect.ts';
import type { KeyInspection, KeyspaceSnapshot } from '../protocol/inspect.ts';
import { startedHost } from './testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function started() {
  const t = startedHost(7);
  const { req, node } = t;
  const c = req({ type: 'connect' });
  const clientId = c.type === 'connected' ? c.state.clientId : -1;
  const run = (...a: string[]) => req({ type: 'command', clientId, argv: a.map(enc) });
  const keyspace = (query: Record<string, unknown>): KeyspaceSnapshot => {
    const a = req({ type: 'keyspace', query: { db: 0, ...query } });
    if (a.type !== 'keyspace') throw new Error(JSON.stringify(a));
    return a.snapshot;
  };
  const inspect = (key: string, limit?: number): KeyInspection => {
    const a = req({ type: 'inspectKey', query: { db: 0, key, limit } });
    if (a.type !== 'inspectKey') throw new Error(JSON.stringify(a));
    return a.inspection;
  };
  const changes = () => t.posted.filter((p) => p.type === 'keyspaceChanged').length;
  return { ...t, req, node, run, keyspace, inspect, changes };
}

describe('keyspace snapshot', () => {
  it('lists keys sorted with type, encoding, deadline and length; filters by pattern and type', () => {
    const s = started();
    s.run('SET', 'b:str', 'hello');
    s.run('RPUSH', 'a:list', 'x', 'y', 'z');
    s.run('ZADD', 'c:z', '1', 'm');
    s.run('SET', 'n', '12', 'PX', '5000');
    const snap = s.keyspace({});
    expect(snap.dbSize).toBe(4);
    expect(snap.matched).toBe(4);
    expect(snap.rows.map((r) => [r.key, r.type, r.encoding, r.length])).toEqual([
      ['a:list', 'list', 'quicklist', 3],
      ['b:str', 'string', 'embstr', 5],
      ['c:z', 'zset', 'listpack', 1],
      ['n', 'string', 'int', 2],
    ]);
    expect(snap.rows[3]!.expiresAtMs).toBe(snap.nowMs + 5000);
    expect(snap.rows.every((r) => r.approxBytes > 0)).toBe(true);
    expect(s.keyspace({ pattern: '[ab]:*' }).rows.map((r) => r.key)).toEqual(['a:list', 'b:str']);
    expect(s.keyspace({ type: 'string' }).matched).toBe(2);
    const capped = s.keyspace({ limit: 1 });
    expect([capped.rows.length, capped.matched]).toEqual([1, 4]);
  });

  it('leaves out keys past their deadline without expiring them', () => {
    const s = started();
    s.run('SET', 'k', 'v', 'PX', '100');
    s.req({ type: 'clock', action: 'pause' });
    s.req({ type: 'clock', action: 'step', stepMs: 101 });
    const expiredBefore = s.node.stats.expiredKeys;
    expect(s.keyspace({}).dbSize).toBe(0);
    expect(s.node.stats.expiredKeys).toBe(expiredBefore);
    expect(s.node.dbs[0]!.dict.size + expiredBefore).toBeGreaterThanOrEqual(1);
  });

  it('refuses a missing database', () => {
    const s = started();
    expect(s.req({ type: 'keyspace', query: { db: 99 } })).toMatchObject({ type: 'error' });
  });
});

describe('inspectKey', () => {
  it('draws a small zset as listpack entries and a big one as the real skiplist', () => {
    const s = started();
    s.run('ZADD', 'z', '2', 'b', '1', 'a');
    expect(s.inspect('z').picture).toEqual({
      kind: 'zset-listpack',
      length: 2,
      entries: [
        { member: 'a', score: 1 },
        { member: 'b', score: 2 },
      ],
    });
    for (let i = 0; i < 200; i++) s.run('ZADD', 'z', String(i), `m${i}`);
    const full = s.inspect('z', 500);
    const zsl = (s.node.dbs[0]!.dict.get('z') as ZSetValue).skiplist()!;
    expect(full.encoding).toBe('skiplist');
    const truth = snapshot(zsl);
    expect(full.picture).toEqual({
      kind: 'zset-skiplist',
      length: 202,
      level: truth.level,
      nodes: truth.nodes,
    });
    const window = s.inspect('z', 10).picture;
    expect(window?.kind === 'zset-skiplist' && window.nodes.length).toBe(11);
    if (window?.kind === 'zset-skiplist') expect(window.nodes).toEqual(truth.nodes.slice(0, 11));
  });

  it('shows a stream with its groups and per-consumer PELs after XREADGROUP and XACK', () => {
    const s = started();
    for (let i = 1; i <= 4; i++) s.run('XADD', 's', `${i}-0`, 'f', `v${i}`);
    s.run('XGROUP', 'CREATE', 's', 'g', '0');
    s.run('XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '3', 'STREAMS', 's', '>');
    s.run('XREADGROUP', 'GROUP', 'g', 'bob', 'COUNT', '1', 'STREAMS', 's', '>');
    s.run('XACK', 's', 'g', '2-0');
    const p = s.inspect('s').picture;
    if (p?.kind !== 'stream') throw new Error('not a stream');
    expect(p.entries.map((e) => e.id)).toEqual(['1-0', '2-0', '3-0', '4-0']);
    const g = p.groups[0]!;
    expect(g.lastDeliveredId).toBe('4-0');
    expect(g.consumers.map((k) => [k.name, k.pending.map((x) => x.id)])).toEqual([
      ['alice', ['1-0', '3-0']],
      ['bob', ['4-0']],
    ]);
    expect(g.consumers[0]!.pending[0]!.deliveryCount).toBe(1);
  });

  it('draws hashes, sets, lists and strings as cells of their encoding; null for a missing key', () => {
    const s = started();
    s.run('HSET', 'h', 'f1', 'v1', 'f2', 'v2');
    s.run('SADD', 'ints', '3', '1', '2');
    s.run('RPUSH', 'l', 'a', 'b');
    s.run('SET', 'str', 'A');
    const texts = (k: string) => {
      const p = s.inspect(k).picture;
      if (p?.kind !== 'cells') throw new Error(String(p?.kind));
      return p.groups.map((g) => [g.label, g.cells.map((c) => c.text)]);
    };
    expect(texts('h')).toEqual([['listpack: 2 field-value pairs', ['f1', 'v1', 'f2', 'v2']]]);
    expect(texts('ints')).toEqual([['intset: 3 integers of 16 bits, sorted', ['1', '2', '3']]]);
    expect(texts('l')).toEqual([['node 0: 2 entries, 13 bytes', ['a', 'b']]]);
    expect(texts('str')).toEqual([
      ['embstr: 1 bytes', ['41']],
      ['bits of the first 1 bytes', ['0', '1', '0', '0', '0', '0', '0', '1']],
    ]);
    s.run('SADD', 'ints', 'x');
    expect(texts('ints')[0]![0]).toBe('hashtable: 4 members');
    expect(s.inspect('nope')).toMatchObject({ type: null, picture: null });
  });
});

describe('keyspaceChanged events', () => {
  it('follows writes and expiries, not reads; throttled while the ticker runs', () => {
    const s = started();
    s.env.passRealTime(1000);
    const base = s.changes();
    s.run('GET', 'x');
    expect(s.changes()).toBe(base);
    s.run('SET', 'x', '1');
    expect(s.changes()).toBe(base + 1);
    s.run('SET', 'x', '2');
    s.run('SET', 'x', '3');
    expect(s.changes()).toBe(base + 1); // inside the interval: pending
    s.env.passRealTime(150);
    expect(s.changes()).toBe(base + 2); // the trailing post
    s.env.passRealTime(500);
    expect(s.changes()).toBe(base + 2);
  });

  it('posts on clock actions and, while paused, at once', () => {
    const s = started();
    const base = s.changes();
    s.req({ type: 'clock', action: 'pause' });
    expect(s.changes()).toBe(base + 1);
    s.run('SET', 'a', '1');
    s.run('SET', 'b', '1', 'PX', '10');
    expect(s.changes()).toBe(base + 3);
    s.req({ type: 'clock', action: 'step', stepMs: 50 });
    expect(s.changes()).toBe(base + 4);
    const last = s.posted.filter((p) => p.type === 'keyspaceChanged').at(-1);
    expect(last).toMatchObject({ paused: true, speed: 1 });
  });

  it('posts when a consumer group reads (XREADGROUP changes the PEL)', () => {
    const s = started();
    s.req({ type: 'clock', action: 'pause' });
    s.run('XADD', 's', '1-0', 'f', 'v');
    s.run('XGROUP', 'CREATE', 's', 'g', '0');
    const base = s.changes();
    s.run('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>');
    expect(s.changes()).toBe(base + 1);
  });
});
