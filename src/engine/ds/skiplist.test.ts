import { describe, expect, it } from 'vitest';
import { bin, compareBytes, utf8 } from '../bytes.ts';
import { SeededRandom } from './prng.ts';
import { SkipList } from './skiplist.ts';
import {
  checkInvariants,
  searchPathByMember,
  searchPathByRank,
  searchPathByScore,
  snapshot,
} from './skiplist-inspect.ts';

interface Model {
  score: number;
  ele: string;
}

function sortModel(m: Model[]): void {
  m.sort((a, b) => a.score - b.score || compareBytes(utf8(a.ele), utf8(b.ele)));
}

function newList(seed: number): SkipList {
  const r = new SeededRandom(seed);
  return new SkipList(() => r.int(0x10000));
}

describe('SkipList', () => {
  it('orders by score then member bytes, ranks and finds by rank', () => {
    const zsl = newList(1);
    zsl.insert(2, utf8('b'));
    zsl.insert(1, utf8('z'));
    zsl.insert(2, utf8('a'));
    zsl.insert(-0, utf8('m'));
    expect([...zsl].map((n) => bin(n.ele))).toEqual(['m', 'z', 'a', 'b']);
    expect(zsl.rankOf(2, utf8('a'))).toBe(3);
    expect(zsl.rankOf(2, utf8('c'))).toBe(0);
    expect(bin(zsl.byRank(4)!.ele)).toBe('b');
    expect(zsl.byRank(5)).toBeUndefined();
    expect(zsl.byRank(0)).toBeUndefined();
    expect(checkInvariants(zsl)).toBeNull();
  });

  it('keeps invariants under random operations, checked against a sorted array', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = new SeededRandom(seed * 31);
      const zsl = newList(seed);
      const model: Model[] = [];
      for (let step = 0; step < 400; step++) {
        const op = rnd.int(10);
        const ele = 'm' + rnd.int(60);
        const at = model.findIndex((e) => e.ele === ele);
        if (op < 5 && at < 0) {
          const score = rnd.int(20) - 10;
          zsl.insert(score, utf8(ele));
          model.push({ score, ele });
        } else if (op < 7 && at >= 0) {
          expect(zsl.delete(model[at]!.score, utf8(ele))).toBeDefined();
          model.splice(at, 1);
        } else if (op < 9 && at >= 0) {
          const score = rnd.int(20) - 10;
          zsl.updateScore(model[at]!.score, utf8(ele), score);
          model[at]!.score = score;
        } else if (model.length > 2) {
          sortModel(model);
          const a = 1 + rnd.int(model.length);
          const b = Math.min(model.length, a + rnd.int(3));
          const removed: string[] = [];
          expect(zsl.deleteRangeByRank(a, b, (n) => removed.push(bin(n.ele)))).toBe(b - a + 1);
          expect(removed).toEqual(model.splice(a - 1, b - a + 1).map((e) => e.ele));
        }
        sortModel(model);
        expect(zsl.length).toBe(model.length);
      }
      expect(checkInvariants(zsl)).toBeNull();
      expect([...zsl].map((n) => [n.score, bin(n.ele)])).toEqual(model.map((e) => [e.score, e.ele]));
      model.forEach((e, k) => {
        expect(zsl.rankOf(e.score, utf8(e.ele))).toBe(k + 1);
        expect(zsl.rankOfNode(zsl.byRank(k + 1)!)).toBe(k + 1);
        expect(bin(zsl.byRank(k + 1)!.ele)).toBe(e.ele);
      });
      for (let t = -11; t <= 11; t++) {
        expect(zsl.countWhile((n) => n.score < t)).toBe(model.filter((e) => e.score < t).length);
        expect(zsl.countWhile((n) => n.score <= t)).toBe(model.filter((e) => e.score <= t).length);
        expect(zsl.countScoresWhile((s) => s < t)).toBe(zsl.countWhile((n) => n.score < t));
        expect(zsl.countScoresWhile((s) => !(s >= t))).toBe(zsl.countWhile((n) => !(n.score >= t)));
      }
    }
  });

  it('draws heights geometrically with p = 1/4, capped at 32', () => {
    const zsl = newList(5);
    const counts = new Array(34).fill(0);
    for (let i = 0; i < 40000; i++) counts[zsl.randomLevel()]++;
    expect(counts[1] / 40000).toBeGreaterThan(0.72);
    expect(counts[1] / 40000).toBeLessThan(0.78);
    expect(counts[2] / counts[1]).toBeGreaterThan(0.22);
    expect(counts[2] / counts[1]).toBeLessThan(0.28);
    const always = new SkipList(() => 0);
    expect(always.randomLevel()).toBe(32);
  });

  it('updates a score in place when the order is unchanged', () => {
    const zsl = newList(2);
    zsl.insert(1, utf8('a'));
    const b = zsl.insert(5, utf8('b'));
    zsl.insert(9, utf8('c'));
    expect(zsl.updateScore(5, utf8('b'), 6)).toBe(b);
    expect(zsl.updateScore(6, utf8('b'), 10)).not.toBe(b);
    expect([...zsl].map((n) => bin(n.ele))).toEqual(['a', 'c', 'b']);
    expect(checkInvariants(zsl)).toBeNull();
  });

  it('gives snapshots and search paths for the pictures', () => {
    const zsl = newList(3);
    for (let i = 1; i <= 30; i++) zsl.insert(i, utf8('e' + i));
    const view = snapshot(zsl);
    expect(view.nodes.length).toBe(31);
    expect(view.nodes[0]!.levels.length).toBe(zsl.level);
    expect(view.nodes[1]!.levels[0]).toEqual({ to: 2, span: 1 });
    const byMember = searchPathByMember(zsl, 17, utf8('e17'));
    expect(byMember.found).toBe(17);
    expect(byMember.visited.length).toBe(zsl.level);
    expect(byMember.visited[byMember.visited.length - 1]!.ids.at(-1)).toBe(17);
    expect(searchPathByMember(zsl, 17, utf8('nope')).found).toBeNull();
    expect(searchPathByScore(zsl, 10.5).found).toBe(11);
    expect(searchPathByRank(zsl, 25).found).toBe(25);
    expect(searchPathByRank(zsl, 25).visited.at(-1)!.ids.at(-1)).toBe(25);
  });
  it('keeps cached successor scores and reused records consistent at every step', () => {
    const rnd = new SeededRandom(99);
    const zsl = newList(9);
    const scores = new Map<string, number>();
    for (let step = 0; step < 600; step++) {
      const ele = 'k' + rnd.int(25);
      const cur = scores.get(ele);
      const score = [-0, 0, 1.5, rnd.int(6)][rnd.int(4)]!;
      if (cur === undefined) zsl.insert(score, utf8(ele));
      else if (rnd.int(3) === 0) zsl.delete(cur, utf8(ele));
      else zsl.updateScore(cur, utf8(ele), score);
      if (cur !== undefined && zsl.rankOf(score, utf8(ele)) === 0) scores.delete(ele);
      else scores.set(ele, score);
      expect(checkInvariants(zsl)).toBeNull();
      expect(zsl.length).toBe(scores.size);
      const all = [...zsl];
      const below = zsl.countScoresWhile((x) => x < 2);
      expect(zsl.byRank(below + 1)).toBe(all[below]);
      expect(zsl.byRank(below)).toBe(all[below - 1]);
    }
    for (const [ele, score] of scores) expect(zsl.rankOf(score, utf8(ele))).toBeGreaterThan(0);
  });
});
