/*
 * Per-command latency histograms (INFO latencystats, LATENCY HISTOGRAM), bucketed exactly as the
 * HdrHistogram that Redis 7.0 records into: lowest value 1 ns, highest 1 s, 2 significant digits.
 *
 * Bucketing (HdrHistogram's layout for these parameters):
 *   - 256 sub-buckets per bucket; the first bucket counts values 0..255 one by one, every later bucket
 *     b covers [128 << b, 256 << b) in 128 steps of 1 << b. A value's slot is therefore
 *     bucket = max(0, bitLength(value) - 8), sub = value >> bucket, index = ((bucket + 1) << 7) + sub - 128.
 *   - A slot stands for the range [sub << bucket, (sub + 1) << bucket); Redis reports the highest
 *     value of that range ("highest equivalent value"), so a 16 µs command shows as 16.063 µs.
 * Percentiles (hdr_value_at_percentile): the slot where the running count first reaches
 * round(p% of total) (at least 1) gives the highest equivalent value (the lowest one for p = 0).
 * The CDF (LATENCY HISTOGRAM: hdr_iter_log_init with a first bucket of 1024 ns and base 2) walks the
 * slots in order and stops at reporting levels 1024, 2048, 4096 ... ns; at each stop it reports the
 * highest equivalent value of the slot reached (in whole µs) with the cumulative count, only when the
 * count grew since the previous stop.
 *
 * Storage is sparse (slot index -> count): most commands touch a handful of slots.
 */

/** Redis clamps recorded durations (in ns) to [1 ns, 1 s]. */
export const HISTOGRAM_MIN_NS = 1;
export const HISTOGRAM_MAX_NS = 1_000_000_000;

const SUB_BUCKET_HALF_COUNT_MAGNITUDE = 7;
const SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
const SUB_BUCKET_MASK = 0xff;
/** The CDF's first reporting level (it doubles at each stop). */
const CDF_FIRST_LEVEL_NS = 1024;
/** Slots HdrHistogram allocates for values up to 1 s: (23 buckets + 1) * 128. */
const COUNTS_LEN = 24 * SUB_BUCKET_HALF_COUNT;

function bitLength(v: number): number {
  return v === 0 ? 0 : 32 - Math.clz32(v);
}

function bucketOf(valueNs: number): number {
  // Values stay below 2^31 (1e9 at most), so 32-bit bit tricks are exact.
  return bitLength(valueNs | SUB_BUCKET_MASK) - (SUB_BUCKET_HALF_COUNT_MAGNITUDE + 1);
}

/** The slot index a value is counted in. */
export function slotOf(valueNs: number): number {
  const bucket = bucketOf(valueNs);
  const sub = valueNs >>> bucket;
  return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + sub - SUB_BUCKET_HALF_COUNT;
}

/** The lowest value of a slot's range, and the range's width. */
function slotRange(index: number): { low: number; width: number } {
  let bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
  let sub = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
  if (bucket < 0) {
    sub -= SUB_BUCKET_HALF_COUNT;
    bucket = 0;
  }
  return { low: sub * 2 ** bucket, width: 2 ** bucket };
}

export function lowestEquivalent(index: number): number {
  return slotRange(index).low;
}

export function highestEquivalent(index: number): number {
  const { low, width } = slotRange(index);
  return low + width - 1;
}

export class LatencyHistogram {
  private readonly counts = new Map<number, number>();
  private sortedSlots: number[] | null = null;
  totalCount = 0;

  /** Records one duration in nanoseconds (clamped as Redis does). */
  record(durationNs: number): void {
    const v = Math.min(HISTOGRAM_MAX_NS, Math.max(HISTOGRAM_MIN_NS, Math.floor(durationNs)));
    const slot = slotOf(v);
    const n = this.counts.get(slot);
    if (n === undefined) this.sortedSlots = null;
    this.counts.set(slot, (n ?? 0) + 1);
    this.totalCount++;
  }

  private slots(): number[] {
    this.sortedSlots ??= [...this.counts.keys()].sort((a, b) => a - b);
    return this.sortedSlots;
  }

  /** hdr_value_at_percentile, in nanoseconds. */
  valueAtPercentile(percentile: number): number {
    const requested = Math.min(percentile, 100);
    const wanted = Math.max(1, Math.floor((requested / 100) * this.totalCount + 0.5));
    let running = 0;
    for (const slot of this.slots()) {
      running += this.counts.get(slot)!;
      if (running >= wanted) return percentile === 0 ? lowestEquivalent(slot) : highestEquivalent(slot);
    }
    return 0;
  }

  /**
   * LATENCY HISTOGRAM's cumulative distribution: [µs, cumulative count] pairs. The level 2^30 ns lies
   * past the last slot HdrHistogram allocates; the walk then stops at that last slot, whose range ends
   * at 2^30 - 1 ns (reported as 1073741 µs), as Redis's iterator does when it runs out of slots.
   */
  cdf(): [number, number][] {
    const out: [number, number][] = [];
    const slots = this.slots();
    let next = 0;
    let cumulative = 0;
    for (let level = CDF_FIRST_LEVEL_NS; cumulative < this.totalCount; level *= 2) {
      // Past the last allocated slot the walk ends there, reporting that slot's range.
      const stop = Math.min(slotOf(level), COUNTS_LEN - 1);
      const before = cumulative;
      while (next < slots.length && slots[next]! <= stop) cumulative += this.counts.get(slots[next++]!)!;
      if (cumulative > before) out.push([Math.floor(highestEquivalent(stop) / 1000), cumulative]);
      if (stop === COUNTS_LEN - 1) break;
    }
    return out;
  }
}
