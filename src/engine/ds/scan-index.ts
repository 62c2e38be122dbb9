/*
 * An ordered index of the keys of one dictionary, giving SCAN its guarantee and RANDOMKEY its O(1) pick.
 *
 * Redis's SCAN walks hash buckets with a reverse-binary cursor so that a key present for the whole scan
 * is returned at least once even while the table grows or shrinks. Our dictionary is a JS Map, which can
 * neither seek nor pick at random, so this side index gives every key a sequence number when it is
 * added (a strictly increasing counter that never restarts, not even after clear()) and keeps the keys
 * in an array sorted by that number:
 *
 *   keys[i]  the key with sequence seqs[i], or undefined once it was removed (a hole)
 *   seqs[i]  strictly increasing; binary search finds where a cursor resumes
 *   seqOf    key -> its sequence, for removal
 *
 * A walk resumes from a sequence number. A key present from the first call to the last keeps its
 * sequence, and every call continues at the first sequence >= the cursor, so such a key is reached
 * exactly once (stronger than Redis, which may repeat keys). A walk may also stop at a `limit`: the
 * horizon (next sequence to hand out) when it started, so keys added meanwhile are skipped (Redis may
 * or may not return them) and the walk ends even while other clients keep adding keys faster than it
 * reads. Holes are compacted away once they outnumber live keys; compaction renumbers positions, never
 * sequences, so cursors stay valid.
 *
 * Invariants: seqs is sorted ascending; seqOf has exactly the live keys; holes counts undefined slots.
 */
import type { Random } from '../ports.ts';

export interface ScanPage {
  keys: string[];
  /** Cursor for the next call; 0 when the walk is complete. */
  next: number;
}

export class ScanIndex {
  private keys: (string | undefined)[] = [];
  private seqs: number[] = [];
  private readonly seqOf = new Map<string, number>();
  private holes = 0;
  private nextSeq = 1;

  get size(): number {
    return this.seqOf.size;
  }

  /** The sequence the next added key will get: keys added from now on have sequences >= this. */
  get horizon(): number {
    return this.nextSeq;
  }

  add(key: string): void {
    if (this.seqOf.has(key)) return;
    const seq = this.nextSeq++;
    this.seqOf.set(key, seq);
    this.keys.push(key);
    this.seqs.push(seq);
  }

  remove(key: string): void {
    const seq = this.seqOf.get(key);
    if (seq === undefined) return;
    this.seqOf.delete(key);
    const i = this.lowerBound(seq);
    this.keys[i] = undefined;
    this.holes++;
    if (this.holes > 32 && this.holes * 2 > this.keys.length) this.compact();
  }

  clear(): void {
    this.keys = [];
    this.seqs = [];
    this.seqOf.clear();
    this.holes = 0;
  }

  /**
   * Up to `count` live keys with sequence in [from, limit), and where to continue (0 when no live key
   * is left in that range, so a walk ends as soon as its last key is returned). Holes skipped on the
   * way are bounded by compaction (never more than the live keys once there are over 32 of them).
   */
  scan(from: number, count: number, limit = Infinity): ScanPage {
    const out: string[] = [];
    let i = this.lowerBound(from);
    const n = this.keys.length;
    for (; i < n && out.length < count && this.seqs[i]! < limit; i++) {
      const k = this.keys[i];
      if (k !== undefined) out.push(k);
    }
    while (i < n && this.keys[i] === undefined) i++;
    return { keys: out, next: i < n && this.seqs[i]! < limit ? this.seqs[i]! : 0 };
  }

  /** A live key chosen uniformly at random, or undefined when empty. */
  random(r: Random): string | undefined {
    const n = this.keys.length;
    if (this.seqOf.size === 0) return undefined;
    for (let tries = 0; tries < 64; tries++) {
      const k = this.keys[r.int(n)];
      if (k !== undefined) return k;
    }
    // Mostly holes: walk from a random start to the next live key (bounded by n).
    const start = r.int(n);
    for (let j = 0; j < n; j++) {
      const k = this.keys[(start + j) % n];
      if (k !== undefined) return k;
    }
    return undefined;
  }

  /** Live keys in sequence order. */
  *[Symbol.iterator](): IterableIterator<string> {
    for (const k of this.keys) if (k !== undefined) yield k;
  }

  /** First position whose sequence is >= seq. */
  private lowerBound(seq: number): number {
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    const keys: string[] = [];
    const seqs: number[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k === undefined) continue;
      keys.push(k);
      seqs.push(this.seqs[i]!);
    }
    this.keys = keys;
    this.seqs = seqs;
    this.holes = 0;
  }
}
