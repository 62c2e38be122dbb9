import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { SeededRandom } from './prng.ts';
import { SkipList } from './skiplist.ts';
import { type SkipListView, snapshot } from './skiplist-inspect.ts';
import { memberRankPath, predecessorPath, rangeEndPath, rangeStartPath, rankPath } from './skiplist-paths.ts';

/** 300 members m000..m299 with scores i div 3 (ties broken by member), on a seeded list. */
function list(seed: number): SkipList {
  const r = new SeededRandom(seed);
  const zsl = new SkipList(() => r.int(0x10000));
  const order = Array.from({ length: 300 }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order) zsl.insert(Math.floor(i / 3), utf8(`m${String(i).padStart(3, '0')}`));
  return zsl;
}

/**
 * An independent walk over the snapshot (ids and spans from skiplist-inspect.ts), moving while
 * `goOn(rankOfNext)` holds: the ids stood on per level.
 */
function referenceWalk(v: SkipListView, goOn: (rank: number) => boolean, stop?: (rank: number) => boolean) {
  const out: { level: number; ids: number[] }[] = [];
  let x = 0;
  for (let i = v.level - 1; i >= 0; i--) {
    const ids = [x];
    for (;;) {
      const link = v.nodes[x]!.levels[i]!;
      if (link.to === null || !goOn(link.to)) break;
      x = link.to;
      ids.push(x);
    }
    out.push({ level: i, ids });
    if (stop?.(x)) break;
  }
  return out;
}

describe('skiplist search paths (ids are ranks)', () => {
  for (const seed of [1, 7, 42]) {
    it(`follow each t_zset.c rule on seed ${seed}`, () => {
      const zsl = list(seed);
      const v = snapshot(zsl);
      const target = 151; // rank of m150 (score 50)
      const t = v.nodes[target]!;
      const score = t.score;
      const ele = utf8(t.member);
      const byRank = memberRankPath(zsl, score, ele);
      expect(byRank.found).toBe(target);
      expect(byRank.visited).toEqual(
        referenceWalk(
          v,
          (r) => r <= target,
          (r) => r === target,
        ),
      );
      expect(byRank.links).toBe(byRank.visited.reduce((n, l) => n + l.ids.length - 1, 0));
      expect(byRank.foundLevel).toBe(t.levels.length);

      const pred = predecessorPath(zsl, score, ele);
      expect(pred.visited).toEqual(referenceWalk(v, (r) => r < target));
      expect(pred.visited).toHaveLength(zsl.level);
      expect(pred.found).toBe(target);
      expect(pred.changed).toHaveLength(t.levels.length);
      for (const c of pred.changed!) expect(v.nodes[c.id]!.levels[c.level]!.to).toBe(target);

      expect(rankPath(zsl, 200).visited).toEqual(
        referenceWalk(
          v,
          (r) => r <= 200,
          (r) => r === 200,
        ),
      );
      expect(rankPath(zsl, 200).found).toBe(200);
      expect(rankPath(zsl, 301).found).toBeNull();

      // Scores 40..60: ranks 121..183.
      const start = rangeStartPath(
        zsl,
        (s) => s < 40,
        (s) => s <= 60,
      );
      expect(start.found).toBe(121);
      expect(start.visited).toEqual(referenceWalk(v, (r) => v.nodes[r]!.score < 40));
      const end = rangeEndPath(
        zsl,
        (s) => s <= 60,
        (s) => s >= 40,
      );
      expect(end.found).toBe(183);
      expect(end.visited).toEqual(referenceWalk(v, (r) => v.nodes[r]!.score <= 60));
    });
  }

  it('reports absent members and empty ranges', () => {
    const zsl = list(3);
    expect(memberRankPath(zsl, 50, utf8('nope')).found).toBeNull();
    expect(predecessorPath(zsl, 50, utf8('nope')).found).toBeNull();
    expect(
      rangeStartPath(
        zsl,
        (s) => s < 500,
        () => true,
      ).found,
    ).toBeNull();
    expect(rankPath(new SkipList(() => 0), 1).found).toBeNull();
  });
});
