/*
 * Intset: a sorted array of distinct signed 64-bit integers (Redis's intset.c), the compact encoding of
 * a set whose members are all integers in canonical form.
 *
 * Invariants: `values` is strictly increasing; every value is within [-2^63, 2^63-1].
 *
 * Redis packs the integers in the narrowest of int16/int32/int64 that fits them all and upgrades the
 * whole array when a wider one arrives. The width shows only in memory figures, so we keep `width`
 * (2, 4 or 8 bytes, never narrowing, as in Redis) for MEMORY USAGE style reporting and store the values
 * as bigints, which are exact over the whole 64-bit range. Order is what clients see: SMEMBERS on an
 * intset-encoded set answers ascending order, and so does this structure's iteration.
 *
 * Lookups are binary searches (O(log n)); insertions and removals shift the tail (O(n)), which is
 * Redis's cost too and why sets convert to a hash table past set-max-intset-entries.
 */
import type { Random } from '../ports.ts';

const I16_MIN = -32768n;
const I16_MAX = 32767n;
const I32_MIN = -2147483648n;
const I32_MAX = 2147483647n;

/** Bytes per element Redis would use for `v` (_intsetValueEncoding). */
function widthOf(v: bigint): 2 | 4 | 8 {
  if (v < I32_MIN || v > I32_MAX) return 8;
  if (v < I16_MIN || v > I16_MAX) return 4;
  return 2;
}

export class Intset {
  private values: bigint[] = [];
  /** Element width in bytes, as Redis's encoding field: grows, never shrinks. */
  width: 2 | 4 | 8 = 2;

  get size(): number {
    return this.values.length;
  }

  has(v: bigint): boolean {
    const i = this.search(v);
    return i < this.values.length && this.values[i] === v;
  }

  /** Inserts `v` in order; false when it was already present. */
  add(v: bigint): boolean {
    const i = this.search(v);
    if (i < this.values.length && this.values[i] === v) return false;
    const w = widthOf(v);
    if (w > this.width) this.width = w;
    this.values.splice(i, 0, v);
    return true;
  }

  /** Removes `v`; false when it was absent. */
  remove(v: bigint): boolean {
    const i = this.search(v);
    if (i >= this.values.length || this.values[i] !== v) return false;
    this.values.splice(i, 1);
    return true;
  }

  /** The value at position `i` (ascending order). */
  at(i: number): bigint {
    return this.values[i]!;
  }

  /** A value chosen uniformly at random (intsetRandom); undefined when empty. */
  random(r: Random): bigint | undefined {
    return this.values.length === 0 ? undefined : this.values[r.int(this.values.length)];
  }

  /** Values in ascending order. */
  [Symbol.iterator](): IterableIterator<bigint> {
    return this.values[Symbol.iterator]();
  }

  /** Bytes Redis's intset blob takes: an 8-byte header plus the packed elements. */
  get blobBytes(): number {
    return 8 + this.width * this.values.length;
  }

  clone(): Intset {
    const copy = new Intset();
    copy.values = this.values.slice();
    copy.width = this.width;
    return copy;
  }

  /** Test invariant: strictly increasing and within the width. */
  consistent(): boolean {
    for (let i = 0; i < this.values.length; i++) {
      if (i > 0 && this.values[i - 1]! >= this.values[i]!) return false;
      if (widthOf(this.values[i]!) > this.width) return false;
    }
    return true;
  }

  /** First position whose value is >= v. */
  private search(v: bigint): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
