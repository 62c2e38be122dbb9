/*
 * The active expire cycle (Redis's activeExpireCycle, "slow" variant run from serverCron). Lazy expiry
 * in db.ts removes a stale key when someone touches it; this cycle finds the ones nobody touches, so a
 * key is gone within a bounded time of its deadline and memory is reclaimed.
 *
 * Per cron tick, up to 16 databases are visited round-robin (all of them when the previous tick ran
 * out of budget). In each database the cycle samples `keysPerLoop` keys that have a deadline, deletes
 * the stale ones, and samples again while more than `acceptableStale`% of a sample was stale: a database
 * with many stale keys is worked hard, one with few is left quickly. Constants and their scaling by
 * active-expire-effort (1..10) are Redis's.
 *
 * Sampling is deterministic: instead of Redis's walk over hash buckets, each database keeps a live
 * iterator over its expires Map (Database.expireCursor). Map iterators stay valid across insertions and
 * deletions, so successive samples go round-robin over all volatile keys in insertion order; every key
 * is examined once per pass, which bounds how long a stale key survives.
 *
 * Time budget: Redis stops after 25% of a cron period (plus effort) measured in wall time. Our virtual
 * clock does not move while a command or a cron tick runs, so the budget is counted in work instead:
 * each sampled key costs COST_US_PER_KEY simulated microseconds, checked every 16 sample loops as Redis
 * checks the clock. Hitting it counts in expired_time_cap_reached_count and widens the next tick to all
 * databases. The stale percentage is smoothed into expired_stale_perc (5% new, 95% old) as in Redis.
 */
import type { Database } from './db.ts';
import type { ServerNode } from './node.ts';

const KEYS_PER_LOOP = 20;
const SLOW_TIME_PERC = 25;
const ACCEPTABLE_STALE = 10;
const DBS_PER_CALL = 16;
/** Simulated cost of examining one key, for the work-based time budget. */
export const COST_US_PER_KEY = 1;

interface CycleState {
  /** Next database to visit (grows forever; taken modulo the database count). */
  currentDb: number;
  /** The previous cycle ran out of budget. */
  timelimitExit: boolean;
}

const states = new WeakMap<ServerNode, CycleState>();

function stateOf(node: ServerNode): CycleState {
  let s = states.get(node);
  if (!s) states.set(node, (s = { currentDb: 0, timelimitExit: false }));
  return s;
}

interface CycleConfig {
  keysPerLoop: number;
  acceptableStale: number;
  /** Budget for one cycle in simulated microseconds. */
  budgetUs: number;
}

function cycleConfig(node: ServerNode): CycleConfig {
  const effort = node.config.getInt('active-expire-effort') - 1;
  const hz = Math.max(1, node.config.getInt('hz'));
  const timePerc = SLOW_TIME_PERC + 2 * effort;
  return {
    keysPerLoop: KEYS_PER_LOOP + Math.floor(KEYS_PER_LOOP / 4) * effort,
    acceptableStale: ACCEPTABLE_STALE - effort,
    budgetUs: Math.max(1, Math.floor((timePerc * 1_000_000) / hz / 100)),
  };
}

/** Totals of one cycle, shared by the per-database loops. */
interface CycleTotals {
  sampled: number;
  expired: number;
  iterations: number;
  workUs: number;
  capReached: boolean;
}

/** One slow cycle over up to 16 databases. */
export function activeExpireCycle(node: ServerNode): void {
  const startUs = node.clock.nowUs();
  node.latency.takeFreeCharge(); // deletions before this cycle are not part of it
  const st = stateOf(node);
  const cfg = cycleConfig(node);
  const dbCount = node.dbs.length;
  const dbsThisCall = DBS_PER_CALL > dbCount || st.timelimitExit ? dbCount : DBS_PER_CALL;
  st.timelimitExit = false;
  const totals: CycleTotals = { sampled: 0, expired: 0, iterations: 0, workUs: 0, capReached: false };
  for (let j = 0; j < dbsThisCall && !totals.capReached; j++) {
    const db = node.dbs[st.currentDb % dbCount]!;
    st.currentDb++;
    expireDb(node, db, cfg, totals);
  }
  if (totals.capReached) {
    st.timelimitExit = true;
    node.stats.expiredTimeCapReachedCount++;
  }
  const perc = totals.sampled ? totals.expired / totals.sampled : 0;
  node.stats.expiredStalePerc = perc * 0.05 + node.stats.expiredStalePerc * 0.95;
  const us = node.clock.nowUs() - startUs + node.latency.takeFreeCharge();
  node.latency.addSampleIfNeeded('expire-cycle', Math.floor(us / 1000));
}

/** Samples one database repeatedly while its samples are mostly stale and budget remains. */
function expireDb(node: ServerNode, db: Database, cfg: CycleConfig, totals: CycleTotals): void {
  for (;;) {
    totals.iterations++;
    if (db.expires.size === 0) {
      db.avgTtl = 0;
      return;
    }
    const sample = sampleOnce(node, db, Math.min(db.expires.size, cfg.keysPerLoop));
    totals.sampled += sample.sampled;
    totals.expired += sample.expired;
    totals.workUs += sample.sampled * COST_US_PER_KEY;
    if (sample.ttlSamples > 0) {
      const avg = Math.trunc(sample.ttlSum / sample.ttlSamples);
      if (db.avgTtl === 0) db.avgTtl = avg;
      db.avgTtl = Math.trunc(db.avgTtl / 50) * 49 + Math.trunc(avg / 50);
    }
    if ((totals.iterations & 0xf) === 0 && totals.workUs > cfg.budgetUs) {
      totals.capReached = true;
      return;
    }
    if (sample.sampled !== 0 && Math.floor((sample.expired * 100) / sample.sampled) <= cfg.acceptableStale) {
      return;
    }
  }
}

interface Sample {
  sampled: number;
  expired: number;
  ttlSum: number;
  ttlSamples: number;
}

/** Examines the next `want` volatile keys after the database's cursor, deleting the stale ones. */
function sampleOnce(node: ServerNode, db: Database, want: number): Sample {
  const now = node.nowMs();
  const s: Sample = { sampled: 0, expired: 0, ttlSum: 0, ttlSamples: 0 };
  let restarts = 0;
  while (s.sampled < want) {
    db.expireCursor ??= db.expires.keys();
    const next = db.expireCursor.next();
    if (next.done) {
      db.expireCursor = undefined;
      // A sample never laps the table: after one restart it stops even if short of `want`.
      if (++restarts > 1) break;
      continue;
    }
    const key = next.value;
    const when = db.expires.get(key);
    if (when === undefined) continue;
    s.sampled++;
    const ttl = when - now;
    if (ttl < 0) {
      node.expireKey(db, key);
      s.expired++;
    } else if (ttl > 0) {
      s.ttlSum += ttl;
      s.ttlSamples++;
    }
  }
  return s;
}
