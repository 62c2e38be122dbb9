/*
 * Partial quicksort: what SORT uses when a BY pattern is combined with a LIMIT window that does not
 * cover the whole vector (Redis's pqsort.c, itself Bentley & McIlroy's "Engineering a Sort Function"
 * with a range check). Only positions lo..hi are guaranteed to hold their final elements; partitions
 * lying wholly outside that window are left unsorted.
 *
 * Why reproduce the algorithm instead of sorting everything: quicksort is not stable, and SORT ... BY
 * ... ALPHA has real ties (missing weight keys, equal weights). Which of the tied elements lands in the
 * window is decided by this exact sequence of pivots and swaps, so we follow the same steps to return
 * the same elements as Redis:
 *   - fewer than 7 elements: insertion sort;
 *   - pivot: the middle element, the median of first/middle/last above 7 elements, and Tukey's
 *     ninther (median of three medians, stride n/8) above 40;
 *   - three-way partition that parks elements equal to the pivot at both ends, then swaps them to the
 *     middle; recurse on the left part, iterate on the right part, each only when it meets the window.
 * Indices are element positions (the C code works on byte pointers with a fixed element size).
 */

export type Compare<T> = (a: T, b: T) => number;

/** Sorts `v` in place so that positions lo..hi (inclusive) hold what a full sort would put there. */
export function partialSort<T>(v: T[], cmp: Compare<T>, lo: number, hi: number): void {
  new PartialSorter(v, cmp, lo, hi).run(0, v.length);
}

class PartialSorter<T> {
  constructor(
    private readonly v: T[],
    private readonly cmp: Compare<T>,
    private readonly lo: number,
    private readonly hi: number,
  ) {}

  private swap(i: number, j: number): void {
    const t = this.v[i]!;
    this.v[i] = this.v[j]!;
    this.v[j] = t;
  }

  /** Exchanges the n elements starting at i with the n starting at j. */
  private swapBlocks(i: number, j: number, n: number): void {
    for (let k = 0; k < n; k++) this.swap(i + k, j + k);
  }

  private c(i: number, j: number): number {
    return this.cmp(this.v[i]!, this.v[j]!);
  }

  private median3(a: number, b: number, c: number): number {
    if (this.c(a, b) < 0) return this.c(b, c) < 0 ? b : this.c(a, c) < 0 ? c : a;
    return this.c(b, c) > 0 ? b : this.c(a, c) < 0 ? a : c;
  }

  /** True when [base, base+n) holds at least one position of the window, so it must be sorted. */
  private meetsWindow(base: number, n: number): boolean {
    const last = base + n - 1;
    return !((this.lo < base && this.hi < base) || (this.lo > last && this.hi > last));
  }

  private insertionSort(base: number, n: number): void {
    for (let m = base + 1; m < base + n; m++) {
      for (let l = m; l > base && this.c(l - 1, l) > 0; l--) this.swap(l, l - 1);
    }
  }

  private choosePivot(base: number, n: number): number {
    let pm = base + Math.floor(n / 2);
    if (n > 7) {
      let pl = base;
      let pn = base + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = this.median3(pl, pl + d, pl + 2 * d);
        pm = this.median3(pm - d, pm, pm + d);
        pn = this.median3(pn - 2 * d, pn - d, pn);
      }
      pm = this.median3(pl, pm, pn);
    }
    return pm;
  }

  run(base: number, n: number): void {
    for (;;) {
      if (n < 7) {
        this.insertionSort(base, n);
        return;
      }
      this.swap(base, this.choosePivot(base, n));
      const [lessLen, greaterLen] = this.partition(base, n);
      if (lessLen > 1 && this.meetsWindow(base, lessLen)) this.run(base, lessLen);
      if (greaterLen <= 1) return;
      base = base + n - greaterLen;
      n = greaterLen;
      if (!this.meetsWindow(base, n)) return;
    }
  }

  /**
   * Partitions [base, base+n) around the pivot at `base`; returns the lengths of the "less" run (now
   * at the start) and the "greater" run (now at the end), equal elements gathered between them.
   */
  private partition(base: number, n: number): [number, number] {
    let pa = base + 1;
    let pb = pa;
    let pc = base + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = this.c(pb, base)) <= 0) {
        if (r === 0) this.swap(pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = this.c(pc, base)) >= 0) {
        if (r === 0) this.swap(pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      this.swap(pb++, pc--);
    }
    const end = base + n;
    let r = Math.min(pa - base, pb - pa);
    this.swapBlocks(base, pb - r, r);
    r = Math.min(pd - pc, end - pd - 1);
    this.swapBlocks(pb, end - r, r);
    return [pb - pa, pd - pc];
  }
}
