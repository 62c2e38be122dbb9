import { describe, expect, it } from 'vitest';
import type { KeyAccess, ZsetSkiplistView } from '../../protocol/inspect.ts';
import { accessCaption, beyondNote } from './access-caption.ts';
import { scanMarks } from './access-listpack.ts';
import { BOX_W, columnX, layoutSkiplist } from './skiplist-layout.ts';
import { pathMarks } from './skiplist-path.ts';

// header(2) -> a(1) -> b(2) -> c(1) -> NIL; level 1: header -> b -> NIL.
const view: ZsetSkiplistView = {
  kind: 'zset-skiplist',
  length: 3,
  level: 2,
  nodes: [
    {
      id: 0,
      member: '',
      score: 0,
      levels: [
        { to: 1, span: 1 },
        { to: 2, span: 2 },
      ],
    },
    { id: 1, member: 'a', score: 1, levels: [{ to: 2, span: 1 }] },
    {
      id: 2,
      member: 'b',
      score: 2,
      levels: [
        { to: 3, span: 1 },
        { to: null, span: 2 },
      ],
    },
    { id: 3, member: 'c', score: 3, levels: [{ to: null, span: 1 }] },
  ],
};

const zrankC: KeyAccess = {
  command: 'ZRANK',
  args: 'c',
  encoding: 'skiplist',
  searchCount: 1,
  searches: [
    {
      rule: 'rank-of-member',
      target: 'c',
      visited: [
        { level: 1, ids: [0, 2] },
        { level: 0, ids: [2, 3] },
      ],
      found: 3,
      foundLevel: 1,
      links: 2,
    },
  ],
};

describe('search path marks', () => {
  it('numbers hops and drops in search order, over the links they follow', () => {
    const layout = layoutSkiplist(view);
    const m = pathMarks(layout, zrankC);
    expect(m.hops.map((h) => [h.order, h.level, h.from, h.to])).toEqual([
      [1, 1, 0, 2],
      [3, 0, 2, 3],
    ]);
    expect(m.drops.map((d) => [d.order, d.at])).toEqual([[2, 2]]);
    expect(m.hops[0]!.x1).toBe(columnX(0) + BOX_W);
    expect(m.hops[0]!.x2).toBe(columnX(2));
    expect(m.stood).toEqual([0, 2, 3]);
    expect(m.found).toEqual([3]);
    expect(m.steps).toBe(3);
    expect(accessCaption(zrankC)).toBe(
      "ZRANK walks 2 levels and 2 links to reach 'c' (rank 3, level 1 of 32).",
    );
    expect(beyondNote(zrankC, 3)).toBe('');
  });

  it('cuts hops at the window and says so', () => {
    const small = { ...view, nodes: view.nodes.slice(0, 3) };
    const m = pathMarks(layoutSkiplist(small), zrankC);
    expect(m.hops.find((h) => h.to === 3)!.beyond).toBe(true);
    expect(m.found).toEqual([]);
    expect(beyondNote(zrankC, 2)).toContain('past rank 2');
  });

  it('marks a new tower and the pointers rewritten to it', () => {
    const zadd: KeyAccess = {
      ...zrankC,
      command: 'ZADD',
      args: '2 b',
      searches: [
        {
          rule: 'update',
          target: 'b',
          visited: [
            { level: 1, ids: [0] },
            { level: 0, ids: [0, 1] },
          ],
          found: 2,
          foundLevel: 2,
          links: 1,
          changed: [
            { level: 1, id: 0 },
            { level: 0, id: 1 },
          ],
          inserted: true,
        },
      ],
    };
    const m = pathMarks(layoutSkiplist(view), zadd);
    expect(m.inserted).toEqual([{ id: 2, level: 2 }]);
    expect(m.changed).toHaveLength(2);
    expect(accessCaption(zadd)).toContain(
      'new node at rank 2: level 2 of 32; 2 forward pointers now point to it',
    );
  });

  it('words ZSCORE as the dict lookup it is, and a listpack as a scan', () => {
    expect(accessCaption({ ...zrankC, command: 'ZSCORE' })).toMatch(
      /^ZSCORE reads the score from the dict in O\(1\)/,
    );
    const lp: KeyAccess = {
      command: 'ZSCORE',
      args: 'c',
      encoding: 'listpack',
      searches: [],
      searchCount: 0,
      scan: { scanned: 3, found: 2 },
    };
    expect(accessCaption(lp)).toContain('reads 3 entries of the listpack from the head, stopping at index 2');
    expect([...scanMarks(lp.scan!, 4).scanned]).toEqual([0, 1, 2]);
    expect([...scanMarks({ scanned: 2, found: 2, fromTail: true }, 4).scanned]).toEqual([2, 3]);
    expect(scanMarks({ scanned: 3, found: 1, inserted: true }, 4)).toEqual({
      scanned: new Set([0, 2, 3]),
      found: 1,
    });
  });

  it('captions geo queries with their arguments and member count', () => {
    const geo: KeyAccess = {
      command: 'GEOSEARCH',
      args: 'FROMLONLAT 13.4 52.5 BYRADIUS 200 km',
      encoding: 'listpack',
      searches: [],
      searchCount: 0,
      geo: { lon: 13.4, lat: 52.5, radiusM: 200000, members: ['a', 'b', 'c'] },
    };
    expect(accessCaption(geo)).toBe('GEOSEARCH FROMLONLAT 13.4 52.5 BYRADIUS 200 km: 3 members');
  });
});

describe('captions of several searches', () => {
  it('says how many other members were searched and drawn', () => {
    const many: KeyAccess = { ...zrankC, searchCount: 10, searches: Array(8).fill(zrankC.searches[0]) };
    expect(accessCaption(many)).toContain('7 of the searches for 9 other members are drawn too.');
  });
});
