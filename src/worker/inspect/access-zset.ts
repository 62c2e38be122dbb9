/*
 * What a sorted-set command did inside the structure, for the picture of its key (KeyAccess): the
 * skiplist searches Redis makes for it (ds/skiplist-paths.ts, one t_zset.c rule each), or, while the
 * set is a listpack, the linear scan Redis makes instead.
 *
 *   ZSCORE ZMSCORE      Redis answers from the dict in O(1); the path drawn is zslGetRank's walk to
 *                       the member (what ZRANK makes), so the picture shows where the member sits.
 *   ZRANK ZREVRANK      zslGetRank; absent members cost no walk (the dict lookup fails first).
 *   ZADD ZINCRBY        zslInsert's update[] search to each member where it now stands, computed after
 *                       the command, with the member's tower: a new node when it did not exist before,
 *                       or when its new score changed its order (zslUpdateScore then removes the node
 *                       and inserts a new one, with a new random level; told by the node object).
 *   ZREM                zslDelete's update[] search, computed before the command (the node goes).
 *   ZRANGE by rank      zslGetElementByRank (none when starting at rank 0: the header's level-0 link or
 *                       the tail); BYSCORE / BYLEX and ZRANGEBYSCORE...: zslFirstIn(Lex)Range, or
 *                       zslLastIn(Lex)Range when reversed, after the zslIsInRange check.
 *   ZCOUNT ZLEXCOUNT    first and last in range, and zslGetRank of each.
 *
 * Computed right after the command (before it for ZREM), so ranks are those of the list the picture
 * then shows; the note is dropped as soon as the key changes in another way (access-log.ts). With
 * several members, the searches of the first MAX_SEARCHES are kept and searchCount tells how many.
 */
import { bin, type Bytes, eqIgnoreCase } from '../../engine/bytes.ts';
import { lexSpec, type RangeSpec, scoreSpec } from '../../engine/commands/zsets/locate.ts';
import { parseLexRange } from '../../engine/commands/zsets/lex.ts';
import { parseScoreRange } from '../../engine/commands/zsets/score.ts';
import type { ZEntry, ZSetValue } from '../../engine/commands/zsets/zset.ts';
import type { SkipList, SkipNode } from '../../engine/ds/skiplist.ts';
import {
  memberRankPath,
  predecessorPath,
  rangeEndPath,
  rangeStartPath,
  rankPath,
  type SkipPath,
} from '../../engine/ds/skiplist-paths.ts';
import type { ListpackScanSnap, SkipSearchSnap } from '../../protocol/inspect.ts';
import { parseRangeArgs, type RangeArgs } from './access-args.ts';

export const MAX_SEARCHES = 8;

export interface ZsetAccessResult {
  searches: SkipSearchSnap[];
  searchCount: number;
  scan?: ListpackScanSnap;
}

function snap(rule: SkipSearchSnap['rule'], target: string, p: SkipPath): SkipSearchSnap {
  return {
    rule,
    target,
    visited: p.visited,
    found: p.found,
    foundLevel: p.foundLevel,
    links: p.links,
    ...(p.changed ? { changed: p.changed } : {}),
  };
}

function result(searches: SkipSearchSnap[], count = searches.length): ZsetAccessResult {
  return { searches: searches.slice(0, MAX_SEARCHES), searchCount: count };
}

/** Index of a member in a listpack (what zzlFind scans to), or -1. */
function lpIndex(z: ZSetValue, member: string): number {
  let i = 0;
  for (const e of z.entries()) {
    if (bin(e.ele) === member) return i;
    i++;
  }
  return -1;
}

/** ZSCORE / ZMSCORE / ZRANK / ZREVRANK: zslGetRank walks, or zzlFind's scan. */
export function lookupAccess(z: ZSetValue, members: readonly Bytes[]): ZsetAccessResult {
  const zsl = z.skiplist();
  if (!zsl) return { ...result([]), scan: memberScan(z, bin(members[0]!)) };
  const searches: SkipSearchSnap[] = [];
  for (const m of members.slice(0, MAX_SEARCHES)) {
    const score = z.score(bin(m));
    if (score !== undefined) searches.push(snap('rank-of-member', bin(m), memberRankPath(zsl, score, m)));
  }
  return result(searches, searches.length + Math.max(0, members.length - MAX_SEARCHES));
}

function memberScan(z: ZSetValue, member: string): ListpackScanSnap {
  const i = lpIndex(z, member);
  return i < 0 ? { scanned: z.size, found: null } : { scanned: i + 1, found: i };
}

/** Before ZREM: zslDelete's update[] for each present member (or the listpack scan to the first). */
export function removalAccess(z: ZSetValue, members: readonly Bytes[]): ZsetAccessResult {
  const zsl = z.skiplist();
  if (!zsl) {
    const scan = memberScan(z, bin(members[0]!));
    return { ...result([]), scan: scan.found === null ? scan : { ...scan, removed: true } };
  }
  const searches: SkipSearchSnap[] = [];
  for (const m of members.slice(0, MAX_SEARCHES)) {
    const score = z.score(bin(m));
    if (score === undefined) continue;
    searches.push({ ...snap('update', bin(m), predecessorPath(zsl, score, m)), removed: true });
  }
  return result(searches);
}

/** After ZADD / ZINCRBY: the update[] path to each member where it stands now, new towers marked. */
export function insertAccess(
  z: ZSetValue,
  members: readonly Bytes[],
  existedBefore: ReadonlySet<string>,
  nodesBefore?: ReadonlyMap<string, SkipNode>,
): ZsetAccessResult {
  const zsl = z.skiplist();
  if (!zsl) return { ...result([]), scan: insertScan(z, members[0]!, existedBefore) };
  const searches: SkipSearchSnap[] = [];
  for (const m of members.slice(0, MAX_SEARCHES)) {
    const key = bin(m);
    const score = z.score(key);
    if (score === undefined) continue;
    const s = snap('update', key, predecessorPath(zsl, score, m));
    if (!existedBefore.has(key)) searches.push({ ...s, inserted: true });
    else if (nodesBefore?.has(key) && z.table()?.get(key) !== nodesBefore.get(key))
      searches.push({ ...s, moved: true });
    else searches.push(s);
  }
  return result(searches, searches.length + Math.max(0, members.length - MAX_SEARCHES));
}

/** A new member: zzlFind read every old entry, then it went in at its index. Else the scan to it. */
function insertScan(z: ZSetValue, member: Bytes, existedBefore: ReadonlySet<string>): ListpackScanSnap {
  const key = bin(member);
  const i = lpIndex(z, key);
  if (existedBefore.has(key) || i < 0) return memberScan(z, key);
  return { scanned: z.size - 1, found: i, inserted: true };
}

/** ZRANGE and friends, ZCOUNT, ZLEXCOUNT, from their parsed arguments. */
export function rangeAccess(z: ZSetValue, name: string, argv: readonly Bytes[]): ZsetAccessResult {
  const r = parseRangeArgs(name, argv);
  if (!r || z.size === 0) return result([]);
  if (r.by === 'rank') return rankRangeAccess(z, r);
  const spec = specOf(r);
  if (!spec) return result([]);
  const zsl = z.skiplist();
  if (!zsl) return { ...result([]), scan: rangeScan(z, spec, r) };
  if (!mayHold(z, spec)) return result([]);
  const target = `${bin(r.min)} ${bin(r.max)}`;
  const start = (): SkipPath =>
    rangeStartPath(zsl, (s, e) => !spec.gteMin({ score: s, ele: e }), within(spec));
  const end = (): SkipPath => rangeEndPath(zsl, within(spec), (s, e) => spec.gteMin({ score: s, ele: e }));
  if (!r.count)
    return result([r.rev ? snap('range-end', target, end()) : snap('range-start', target, start())]);
  return result(countSearches(zsl, z, target, start(), end()));
}

function specOf(r: RangeArgs): RangeSpec | null {
  if (r.by === 'score') {
    const s = parseScoreRange(r.min, r.max);
    return s ? scoreSpec(s) : null;
  }
  const l = parseLexRange(r.min, r.max);
  return l ? lexSpec(l) : null;
}

const within =
  (spec: RangeSpec) =>
  (score: number, ele: Bytes): boolean =>
    spec.lteMax({ score, ele });

/** zslIsInRange / zslIsInLexRange: false when no search is made at all. */
function mayHold(z: ZSetValue, spec: RangeSpec): boolean {
  return !spec.empty && spec.gteMin(z.at(z.size - 1)) && spec.lteMax(z.at(0));
}

/** ZCOUNT on a skiplist: first in range and its rank, last in range and its rank. */
function countSearches(
  zsl: SkipList,
  z: ZSetValue,
  target: string,
  first: SkipPath,
  last: SkipPath,
): SkipSearchSnap[] {
  const out = [snap('range-start', target, first)];
  if (first.found === null) return out;
  const rankOf = (rank: number): SkipSearchSnap => {
    const e: ZEntry = z.at(rank - 1);
    return snap('rank-of-member', bin(e.ele), memberRankPath(zsl, e.score, e.ele));
  };
  out.push(rankOf(first.found), snap('range-end', target, last));
  if (last.found !== null) out.push(rankOf(last.found));
  return out;
}

function rankRangeAccess(z: ZSetValue, r: RangeArgs): ZsetAccessResult {
  const len = z.size;
  let start = r.start;
  let end = r.end;
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  if (start > end || start >= len) return result([]);
  const zsl = z.skiplist();
  if (!zsl) {
    return {
      ...result([]),
      scan: { scanned: start, found: r.rev ? len - 1 - start : start, fromTail: r.rev },
    };
  }
  // Starting at the first (or last) entry needs no search: the header's level-0 link (or the tail).
  if (start === 0) return result([]);
  const rank = r.rev ? len - start : start + 1;
  return result([snap('by-rank', String(rank), rankPath(zsl, rank))]);
}

/** zzlFirstInRange scans from the head, zzlLastInRange from the tail; ZCOUNT then walks the run. */
function rangeScan(z: ZSetValue, spec: RangeSpec, r: RangeArgs): ListpackScanSnap {
  const entries = [...z.entries()];
  if (r.rev) {
    let i = entries.length - 1;
    while (i >= 0 && !spec.lteMax(entries[i]!)) i--;
    const hit = i >= 0 && spec.gteMin(entries[i]!);
    return { scanned: entries.length - Math.max(i, 0), found: hit ? i : null, fromTail: true };
  }
  let i = 0;
  while (i < entries.length && !spec.gteMin(entries[i]!)) i++;
  const hit = i < entries.length && spec.lteMax(entries[i]!);
  if (!hit) return { scanned: Math.min(i + 1, entries.length), found: null };
  let j = i;
  if (r.count) while (j + 1 < entries.length && spec.lteMax(entries[j + 1]!)) j++;
  return { scanned: Math.min(j + 2, entries.length), found: i };
}

/** ZADD's members: the words after its options, every second one. */
export function zaddMembers(argv: readonly Bytes[]): Bytes[] {
  let i = 2;
  const options = ['nx', 'xx', 'gt', 'lt', 'ch', 'incr'];
  while (i < argv.length && options.some((o) => eqIgnoreCase(argv[i]!, o))) i++;
  const out: Bytes[] = [];
  for (let j = i + 1; j < argv.length; j += 2) out.push(argv[j]!);
  return out;
}
