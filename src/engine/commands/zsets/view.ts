/*
 * Plain-data pictures of a sorted set for the visualisation (DESIGN.md "Pictures read snapshots"): a
 * listpack-encoded set as its entries in order (members as binary strings), a skiplist-encoded one as
 * the skiplist snapshot of ds/skiplist-inspect.ts, and the search path of a member lookup, so a view can
 * highlight the nodes ZSCORE/ZRANK-style searches visit. Nothing here mutates the value.
 */
import { bin } from '../../bytes.ts';
import {
  type SearchPath,
  searchPathByMember,
  searchPathByRank,
  searchPathByScore,
  type SkipListView,
  snapshot,
} from '../../ds/skiplist-inspect.ts';
import type { ZSetValue } from './zset.ts';

export type ZSetView =
  | { encoding: 'listpack'; entries: { member: string; score: number }[] }
  | { encoding: 'skiplist'; skiplist: SkipListView };

export function zsetView(z: ZSetValue): ZSetView {
  const zsl = z.skiplist();
  if (zsl) return { encoding: 'skiplist', skiplist: snapshot(zsl) };
  return {
    encoding: 'listpack',
    entries: [...z.entries()].map((e) => ({ member: bin(e.ele), score: e.score })),
  };
}

export type ZSetLookup =
  { by: 'member'; member: string } | { by: 'score'; min: number } | { by: 'rank'; rank: number };

/** The levels and nodes a skiplist search visits; undefined for listpacks (a linear walk). */
export function zsetSearchPath(z: ZSetValue, q: ZSetLookup): SearchPath | undefined {
  const zsl = z.skiplist();
  if (!zsl) return undefined;
  if (q.by === 'score') return searchPathByScore(zsl, q.min);
  if (q.by === 'rank') return searchPathByRank(zsl, q.rank + 1);
  const score = z.score(q.member);
  if (score === undefined) return { visited: [], found: null };
  const node = zsl.byRank(z.rank(q.member)! + 1)!;
  return searchPathByMember(zsl, score, node.ele);
}
