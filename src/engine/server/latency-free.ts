/*
 * The time Redis would spend freeing a value, for the latency monitor's expire and eviction events.
 *
 * Redis frees a deleted value synchronously, one allocation at a time: expiring or evicting a set of a
 * million members blocks the server for tens of milliseconds, which LATENCY reports as "expire-del",
 * "expire-cycle", "eviction-del" and "eviction-cycle" spikes. A JavaScript engine drops the reference
 * and the garbage collector reclaims it later, so the measured time is near zero. To keep those events
 * observable we add a modelled cost: Redis's own measure of the work (lazyfreeGetFreeEffort: the
 * allocations to free) times FREE_NS_PER_ALLOCATION. Values that lazyfree would hand to its background
 * thread (lazyfree-lazy-expire / -eviction on, effort above 64) cost nothing, as in Redis.
 * The model applies to these events only; command durations (SLOWLOG, latencystats) are measured.
 */
import type { RValue } from './object.ts';

/** jemalloc + dict bookkeeping per freed allocation, roughly what Redis 7.0 shows on a laptop. */
export const FREE_NS_PER_ALLOCATION = 50;
/** LAZYFREE_THRESHOLD: above this effort, lazyfree frees in the background. */
const LAZYFREE_THRESHOLD = 64;

/** lazyfreeGetFreeEffort: allocations to free (1 for values packed in one allocation). */
export function freeEffort(v: RValue): number {
  switch (v.type) {
    case 'list':
      return v.ql.nodes.length;
    case 'set':
      return v.enc === 'hashtable' && v.table ? v.table.size : 1;
    case 'hash':
      return v.enc === 'hashtable' ? v.fields.size : 1;
    case 'zset':
      return v.enc === 'skiplist' ? v.size : 1;
    case 'stream':
      return Math.max(1, v.nodes.size);
    default:
      return 1;
  }
}

/** The modelled µs to free `v` synchronously, or 0 when lazyfree (`lazy`) takes it. */
export function modelledFreeUs(v: RValue | undefined, lazy: boolean): number {
  if (v === undefined) return 0;
  const effort = freeEffort(v);
  if (lazy && effort > LAZYFREE_THRESHOLD) return 0;
  return (effort * FREE_NS_PER_ALLOCATION) / 1000;
}
