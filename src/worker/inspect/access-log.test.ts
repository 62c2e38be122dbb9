import { describe, expect, it } from 'vitest';
import type { ZSetValue } from '../../engine/commands/zsets/zset.ts';
import { type SkipListView, snapshot } from '../../engine/ds/skiplist-inspect.ts';
import type { KeyAccess } from '../../protocol/inspect.ts';
import type { WireReply } from '../../protocol/reply.ts';
import { startedHost } from '../testenv.ts';
import { accessLogOf } from './access-log.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

function started() {
  const t = startedHost(11);
  const log = accessLogOf(t.node);
  const c = t.req({ type: 'connect' });
  const clientId = c.type === 'connected' ? c.state.clientId : -1;
  const run = (line: string): WireReply => {
    const a = t.req({ type: 'command', clientId, argv: line.split(' ').map(enc) });
    if (a.type !== 'replies') throw new Error(JSON.stringify(a));
    return a.replies[0]!;
  };
  const db = t.node.dbs[0]!;
  const access = (key: string): KeyAccess | undefined => log.lastAccess(db, key);
  const view = (key: string): SkipListView => snapshot((db.dict.get(key) as ZSetValue).skiplist()!);
  const changes = () => t.posted.filter((p) => p.type === 'keyspaceChanged').length;
  return { run, access, view, changes, env: t.env };
}

/** A skiplist zset of 60 members m0..m59 with scores 0..59. */
function bigSet() {
  const s = started();
  s.run('CONFIG SET zset-max-listpack-entries 0');
  s.run(`ZADD z ${Array.from({ length: 60 }, (_, i) => `${i} m${i}`).join(' ')}`);
  return s;
}

/** Every step of a path follows a real link of its level, and ids only grow. */
function expectRealLinks(v: SkipListView, visited: KeyAccess['searches'][number]['visited']): void {
  let last = 0;
  for (const l of visited) {
    expect(l.ids[0]).toBe(last);
    for (let k = 1; k < l.ids.length; k++) expect(v.nodes[l.ids[k - 1]!]!.levels[l.level]!.to).toBe(l.ids[k]);
    last = l.ids.at(-1)!;
  }
}

describe('access log of zset commands', () => {
  it('ZSCORE and ZRANK note zslGetRank’s walk to the member, stopping where it reaches it', () => {
    const s = bigSet();
    s.run('ZSCORE z m37');
    const a = s.access('z')!;
    expect(a.command).toBe('ZSCORE');
    expect(a.args).toBe('m37');
    expect(a.encoding).toBe('skiplist');
    const [search] = a.searches;
    expect(search!.found).toBe(38);
    const v = s.view('z');
    expect(search!.foundLevel).toBe(v.nodes[38]!.levels.length);
    expectRealLinks(v, search!.visited);
    // It stops on the level where it first stands on the target: the top level of its tower.
    expect(search!.visited.at(-1)!.level).toBe(v.nodes[38]!.levels.length - 1);
    expect(search!.links).toBe(search!.visited.reduce((n, l) => n + l.ids.length - 1, 0));
    s.run('ZRANK z nope');
    expect(s.access('z')!.searches).toEqual([]);
  });

  it('a read that leaves a new path tells the pictures (keyspaceChanged), though no data changed', () => {
    const s = bigSet();
    s.env.passRealTime(500);
    const before = s.changes();
    s.run('ZSCORE z m3');
    s.env.passRealTime(500);
    expect(s.changes()).toBe(before + 1);
    s.run('GET nothing');
    s.env.passRealTime(500);
    expect(s.changes()).toBe(before + 1);
  });

  it('ZADD notes the update path and the new tower; ZREM the path to the removed node', () => {
    const s = bigSet();
    s.run('ZADD z 20.5 new');
    const a = s.access('z')!;
    const [search] = a.searches;
    expect(search!.inserted).toBe(true);
    expect(search!.found).toBe(22);
    const v = s.view('z');
    expect(search!.foundLevel).toBe(v.nodes[22]!.levels.length);
    expect(search!.changed).toHaveLength(search!.foundLevel!);
    for (const c of search!.changed!) expect(v.nodes[c.id]!.levels[c.level]!.to).toBe(22);
    s.run('ZADD z 21 new');
    expect(s.access('z')!.searches[0]!.inserted).toBeUndefined();
    s.run('ZINCRBY z 0.25 m10');
    expect(s.access('z')!.searches[0]).toMatchObject({ found: 11 });
    expect(s.access('z')!.searches[0]!.moved).toBeUndefined();
    s.run('ZINCRBY z 100 m10');
    const moved = s.access('z')!.searches[0]!;
    expect(moved).toMatchObject({ moved: true, found: 61 });
    expect(moved.foundLevel).toBe(s.view('z').nodes[61]!.levels.length);
    const before = s.view('z');
    s.run('ZREM z m40 absent');
    const rem = s.access('z')!;
    expect(rem.searches).toHaveLength(1);
    expect(rem.searches[0]).toMatchObject({
      found: 41,
      removed: true,
      foundLevel: before.nodes[41]!.levels.length,
    });
    expectRealLinks(before, rem.searches[0]!.visited);
  });

  it('range commands note the search for their start (none from rank 0); ZCOUNT makes four', () => {
    const s = bigSet();
    s.run('ZRANGE z 0 5');
    expect(s.access('z')!.searches).toEqual([]);
    s.run('ZRANGE z 10 12');
    expect(s.access('z')!.searches[0]).toMatchObject({ rule: 'by-rank', found: 11 });
    s.run('ZRANGE z (30 +inf BYSCORE');
    expect(s.access('z')!.searches[0]).toMatchObject({ rule: 'range-start', found: 32 });
    s.run('ZREVRANGEBYSCORE z 30 10');
    expect(s.access('z')!.searches[0]).toMatchObject({ rule: 'range-end', found: 31 });
    s.run('ZRANGE z 100 200 BYSCORE');
    expect(s.access('z')!.searches).toEqual([]);
    s.run('ZCOUNT z 5 9');
    const count = s.access('z')!;
    expect(count.searches.map((x) => [x.rule, x.found])).toEqual([
      ['range-start', 6],
      ['rank-of-member', 6],
      ['range-end', 10],
      ['rank-of-member', 10],
    ]);
  });

  it('keeps a note only for successful commands, and drops it when the key changes otherwise', () => {
    const s = bigSet();
    s.run('ZSCORE z m1');
    s.run('ZADD z notafloat x');
    expect(s.access('z')!.command).toBe('ZSCORE');
    s.run('ZREMRANGEBYRANK z 0 0');
    expect(s.access('z')).toBeUndefined();
    s.run('ZRANK z m5');
    s.run('DEL z');
    s.run('ZADD z 1 a');
    expect(s.access('z')!.command).toBe('ZADD');
    s.run('SET other 1');
    expect(s.access('z')!.command).toBe('ZADD');
  });

  it('a listpack notes the linear scan Redis makes instead', () => {
    const s = started();
    s.run('ZADD z 1 a 2 b 3 c 4 d');
    s.run('ZSCORE z c');
    expect(s.access('z')).toMatchObject({
      encoding: 'listpack',
      searches: [],
      scan: { scanned: 3, found: 2 },
    });
    s.run('ZADD z 2.5 x');
    expect(s.access('z')!.scan).toEqual({ scanned: 4, found: 2, inserted: true });
    s.run('ZREVRANGEBYSCORE z 2 -inf');
    expect(s.access('z')!.scan).toEqual({ scanned: 4, found: 1, fromTail: true });
  });

  it('geo searches note their shape and exactly the members they returned', () => {
    const s = started();
    s.run('GEOADD g 13.361389 38.115556 Palermo 15.087269 37.502669 Catania 12.5 41.9 Rome');
    const reply = s.run('GEOSEARCH g FROMLONLAT 15 37 BYRADIUS 200 km ASC');
    const printed = reply.t === 'array' ? reply.a.map((r) => (r.t === 'bulk' ? dec(r.b) : '')) : [];
    const a = s.access('g')!;
    expect(a.command).toBe('GEOSEARCH');
    expect(a.geo).toEqual({ lon: 15, lat: 37, radiusM: 200_000, members: printed });
    expect(printed).toEqual(['Catania', 'Palermo']);
    s.run('GEOSEARCH g FROMMEMBER Rome BYBOX 400 300 km WITHDIST');
    expect(s.access('g')!.geo).toMatchObject({ widthM: 400_000, heightM: 300_000, members: ['Rome'] });
    expect(s.access('g')!.geo!.lat).toBeCloseTo(41.9, 4);
    s.run('GEOSEARCHSTORE dst g FROMLONLAT 15 37 BYRADIUS 100 km STOREDIST');
    expect(s.access('g')!.geo!.members).toEqual(['Catania']);
    s.run('GEORADIUS g 15 37 700 km STORE dst2');
    expect(s.access('g')!.geo!.members.sort()).toEqual(['Catania', 'Palermo', 'Rome']);
  });
});
