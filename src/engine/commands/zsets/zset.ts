/*
 * The sorted-set value (Redis's zset object) in its two Redis 7.0 encodings:
 *
 *   'listpack'  small sets: one array of entries kept in (score, member) order, searched linearly as
 *               Redis walks its listpack (that matters only for lex ranges over mixed scores, where the
 *               answer depends on the walk);
 *   'skiplist'  a ds/skiplist.ts list for order and ranks plus a dictionary member -> node (a
 *               ds/hashtable.ts table) for O(1) score lookups, as Redis pairs zsl with a dict; the
 *               table's cursor walk serves ZSCAN and its uniform pick ZRANDMEMBER.
 *
 * Conversion rules are the caller's (zsets/add.ts): a listpack becomes a skiplist when an insertion
 * would exceed zset-max-listpack-entries or bring a member longer than zset-max-listpack-value; a
 * skiplist goes back to listpack only where Redis calls zsetConvertToListpackIfNeeded (results of
 * ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE).
 *
 * Scores are doubles. Redis's listpack stores a score as an integer when it is integral (else as
 * "%.17g" text, which round-trips exactly), so the only loss is the sign of -0, which we reproduce;
 * the skiplist keeps -0. Ranks here are 0-based.
 */
import { bin, type Bytes } from '../../bytes.ts';
import { HashTable, type TableScanPage } from '../../ds/hashtable.ts';
import { compareScoreMember, type RandomU16, SkipList, type SkipNode } from '../../ds/skiplist.ts';
import { LFU_INIT_VAL } from '../../server/object.ts';

export interface ZEntry {
  ele: Bytes;
  score: number;
}

export type ZSetEncoding = 'listpack' | 'skiplist';

export class ZSetValue {
  readonly type = 'zset' as const;
  enc: ZSetEncoding;
  lru: number;
  lfu = LFU_INIT_VAL;
  private lp: ZEntry[] = [];
  private zsl: SkipList | undefined;
  private dict: HashTable<SkipNode> | undefined;

  constructor(
    enc: ZSetEncoding,
    nowMs: number,
    readonly randomU16: RandomU16,
  ) {
    this.lru = nowMs;
    this.enc = 'listpack';
    if (enc === 'skiplist') this.convert('skiplist');
  }

  get size(): number {
    return this.zsl ? this.zsl.length : this.lp.length;
  }

  /** Score of a member (binary-string key), undefined when absent. */
  score(key: string): number | undefined {
    if (this.dict) return this.dict.get(key)?.score;
    const i = this.lpFind(key);
    return i < 0 ? undefined : this.lp[i]!.score;
  }

  private lpFind(key: string): number {
    for (let i = 0; i < this.lp.length; i++) if (bin(this.lp[i]!.ele) === key) return i;
    return -1;
  }

  /** Adds a member known to be absent. */
  insert(ele: Bytes, score: number): void {
    if (this.zsl) {
      const key = bin(ele);
      this.dict!.set(key, this.zsl.insert(score, ele));
      return;
    }
    // The listpack stores integral scores as integers, so -0 comes back as 0 (zzlInsertAt, double2ll).
    if (score === 0) score = 0;
    let i = 0;
    while (i < this.lp.length && compareScoreMember(this.lp[i]!.score, this.lp[i]!.ele, score, ele) < 0) i++;
    this.lp.splice(i, 0, { ele, score });
  }

  /** Removes a member; false when absent. */
  remove(key: string): boolean {
    if (this.zsl) {
      const node = this.dict!.get(key);
      if (!node) return false;
      this.zsl.delete(node.score, node.ele);
      this.dict!.delete(key);
      return true;
    }
    const i = this.lpFind(key);
    if (i < 0) return false;
    this.lp.splice(i, 1);
    return true;
  }

  /** Moves a present member to a new score. */
  update(key: string, score: number): void {
    if (this.zsl) {
      const node = this.dict!.get(key)!;
      this.dict!.set(key, this.zsl.updateScore(node.score, node.ele, score));
      return;
    }
    const i = this.lpFind(key);
    const ele = this.lp[i]!.ele;
    this.lp.splice(i, 1);
    this.insert(ele, score);
  }

  /** 0-based rank of a member from the lowest, undefined when absent. */
  rank(key: string): number | undefined {
    if (this.zsl) {
      const node = this.dict!.get(key);
      return node ? this.zsl.rankOfNode(node) - 1 : undefined;
    }
    const i = this.lpFind(key);
    return i < 0 ? undefined : i;
  }

  /** The entry at 0-based rank (must be in range). */
  at(rank: number): ZEntry {
    if (this.zsl) {
      // The ends are at hand; range lookups check them first (zslIsInRange).
      if (rank === 0) return this.zsl.first()!;
      if (rank === this.zsl.length - 1) return this.zsl.tail!;
      return this.zsl.byRank(rank + 1)!;
    }
    return this.lp[rank]!;
  }

  /**
   * Calls `visit` on entries from 0-based rank `start`, walking down the ranks when `reverse`, until it
   * returns false or the set ends.
   */
  walk(start: number, reverse: boolean, visit: (e: ZEntry) => boolean): void {
    if (start < 0 || start >= this.size) return;
    const zsl = this.zsl;
    if (zsl) {
      for (let n = zsl.byRank(start + 1); n && visit(n); n = reverse ? n.backward : zsl.after(n));
      return;
    }
    const step = reverse ? -1 : 1;
    for (let i = start; i >= 0 && i < this.lp.length && visit(this.lp[i]!); i += step);
  }

  /** Number of leading entries satisfying `pred`, found as Redis's search for a range start does. */
  countWhile(pred: (e: ZEntry) => boolean): number {
    if (this.zsl) return this.zsl.countWhile(pred);
    let i = 0;
    while (i < this.lp.length && pred(this.lp[i]!)) i++;
    return i;
  }

  /**
   * Rank of the last entry satisfying `pred` as Redis's search for a range end finds it: the skiplist
   * moves forward while the next node satisfies it; the listpack walks back from the tail to the first
   * entry that does. -1 when none.
   */
  lastWhere(pred: (e: ZEntry) => boolean): number {
    if (this.zsl) return this.zsl.countWhile(pred) - 1;
    let i = this.lp.length - 1;
    while (i >= 0 && !pred(this.lp[i]!)) i--;
    return i;
  }

  /** countWhile for a predicate on the score alone (the skiplist answers from its cached scores). */
  countScoresWhile(pred: (score: number) => boolean): number {
    if (this.zsl) return this.zsl.countScoresWhile(pred);
    return this.countWhile((e) => pred(e.score));
  }

  /** lastWhere for a predicate on the score alone. */
  lastScoreWhere(pred: (score: number) => boolean): number {
    if (this.zsl) return this.zsl.countScoresWhile(pred) - 1;
    return this.lastWhere((e) => pred(e.score));
  }

  /** Removes 0-based ranks start..end inclusive; returns how many. */
  removeRanks(start: number, end: number): number {
    if (this.zsl) {
      return this.zsl.deleteRangeByRank(start + 1, end + 1, (n) => {
        this.dict!.delete(bin(n.ele));
      });
    }
    return this.lp.splice(start, end - start + 1).length;
  }

  *entries(): IterableIterator<ZEntry> {
    if (this.zsl) yield* this.zsl;
    else yield* this.lp;
  }

  /** Longest member in bytes (for zsetConvertToListpackIfNeeded). */
  maxMemberLength(): number {
    let max = 0;
    for (const e of this.entries()) if (e.ele.length > max) max = e.ele.length;
    return max;
  }

  /** zsetConvert: rebuilds the content in the other encoding (same order, same scores). */
  convert(to: ZSetEncoding): void {
    if (to === this.enc) return;
    if (to === 'skiplist') {
      const zsl = new SkipList(this.randomU16);
      const dict = new HashTable<SkipNode>();
      for (const e of this.lp) dict.set(bin(e.ele), zsl.insert(e.score, e.ele));
      [this.zsl, this.dict, this.lp] = [zsl, dict, []];
    } else {
      this.lp = [...this.zsl!].map((n) => ({ ele: n.ele, score: n.score === 0 ? 0 : n.score }));
      [this.zsl, this.dict] = [undefined, undefined];
    }
    this.enc = to;
  }

  /** The skiplist itself (for the pictures), undefined while listpack-encoded. */
  skiplist(): SkipList | undefined {
    return this.zsl;
  }

  /**
   * A ZSCAN page of a skiplist-encoded set (cursor scheme of ds/hashtable.ts). A listpack-encoded set
   * is answered whole by the caller, as Redis does.
   */
  scanPage(cursor: bigint, count: number): { members: ZEntry[]; next: bigint } {
    const page: TableScanPage = this.dict!.scan(cursor, count);
    return { members: page.keys.map((k) => this.dict!.get(k)!), next: page.next };
  }

  /** The dictionary (skiplist encoding only): random picks for ZRANDMEMBER. */
  table(): HashTable<SkipNode> | undefined {
    return this.dict;
  }

  /** A deep copy for COPY: same encoding and shape of content, fresh access metadata. */
  clone(nowMs: number): ZSetValue {
    const copy = new ZSetValue('listpack', nowMs, this.randomU16);
    if (this.enc === 'skiplist') copy.convert('skiplist');
    for (const e of this.entries()) copy.insert(e.ele.slice(), e.score);
    return copy;
  }
}
