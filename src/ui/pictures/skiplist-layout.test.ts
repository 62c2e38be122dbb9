import { describe, expect, it } from 'vitest';
import type { ZsetSkiplistView } from '../../protocol/inspect.ts';
import { BOX_W, columnX, layoutSkiplist } from './skiplist-layout.ts';

// header(2 levels) -> a(2) -> b(1) -> NIL; header level 1 spans 1 to a, a level 1 spans 2 to NIL.
const view: ZsetSkiplistView = {
  kind: 'zset-skiplist',
  length: 2,
  level: 2,
  nodes: [
    {
      id: 0,
      member: '',
      score: 0,
      levels: [
        { to: 1, span: 1 },
        { to: 1, span: 1 },
      ],
    },
    {
      id: 1,
      member: 'a',
      score: 1,
      levels: [
        { to: 2, span: 1 },
        { to: null, span: 2 },
      ],
    },
    { id: 2, member: 'b', score: 2, levels: [{ to: null, span: 1 }] },
  ],
};

describe('layoutSkiplist', () => {
  it('places towers by rank and links level by level, NIL after the last node', () => {
    const l = layoutSkiplist(view);
    expect(l.nodes.map((n) => [n.id, n.x, n.height])).toEqual([
      [0, columnX(0), 2],
      [1, columnX(1), 2],
      [2, columnX(2), 1],
    ]);
    expect(l.nilX).toBe(columnX(3));
    expect(l.links).toHaveLength(5);
    const top = l.links.find((k) => k.from === 1 && k.level === 1)!;
    expect([top.x1, top.x2, top.span, top.beyond]).toEqual([columnX(1) + BOX_W, l.nilX, 2, false]);
    const low = l.links.filter((k) => k.level === 0).map((k) => k.y);
    const high = l.links.filter((k) => k.level === 1).map((k) => k.y);
    expect(new Set(low).size).toBe(1);
    expect(high[0]!).toBeLessThan(low[0]!);
  });

  it('marks links that leave a window and leaves a gap before NIL', () => {
    const windowed: ZsetSkiplistView = { ...view, length: 10, nodes: view.nodes.slice(0, 2) };
    windowed.nodes[1] = {
      ...windowed.nodes[1]!,
      levels: [
        { to: 2, span: 1 },
        { to: 7, span: 6 },
      ],
    };
    const l = layoutSkiplist(windowed);
    expect(l.nilX).toBe(columnX(3));
    expect(l.links.filter((k) => k.beyond).map((k) => k.key)).toEqual(['m:a@0', 'm:a@1']);
  });
});
