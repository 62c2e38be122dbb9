/*
 * Tells the UI when what it shows may be stale, so pictures refresh on events instead of polling.
 *
 * The host calls check() after every command batch, clock tick and bot request; the dataset changed
 * when the node's dirty counter moved (every write counts there, as in Redis) or keys expired (lazy or
 * active expiry counts in stats.expiredKeys), or a zset command left a new path to draw (access-log.ts:
 * a ZSCORE changes no data but changes its key's picture). clockChanged() is called on pause / play /
 * step / speed, since TTL countdowns depend on the clock's state.
 *
 * Throttle with a trailing edge and no timers of its own: at most one `keyspaceChanged` per
 * MIN_INTERVAL_MS of real time while the host's ticker runs; a change inside the interval is marked
 * pending and posted by the first tick after the interval ends, so the last change of a burst is never
 * lost. While the clock is paused there is no ticker to post later, so a change is posted at once (the
 * user types at human speed then, and the UI coalesces its re-requests anyway).
 */
import type { ServerNode } from '../../engine/server/node.ts';
import { accessLogOf } from './access-log.ts';

export const MIN_INTERVAL_MS = 100;

export class ChangeWatch {
  private dirtySeen: number;
  private expiredSeen: number;
  private accessSeen: number;
  private lastPostMs = Number.NEGATIVE_INFINITY;
  private pending = false;

  constructor(
    private readonly realNowMs: () => number,
    private readonly node: ServerNode,
    private readonly emit: () => void,
  ) {
    this.dirtySeen = node.dirty;
    this.expiredSeen = node.stats.expiredKeys;
    this.accessSeen = accessLogOf(node).version;
  }

  /** Signals when the dataset changed since the last check; `canDefer` while a ticker will call tick(). */
  check(canDefer: boolean): void {
    const dirty = this.node.dirty;
    const expired = this.node.stats.expiredKeys;
    const access = accessLogOf(this.node).version;
    if (dirty === this.dirtySeen && expired === this.expiredSeen && access === this.accessSeen) return;
    this.dirtySeen = dirty;
    this.expiredSeen = expired;
    this.accessSeen = access;
    this.signal(canDefer);
  }

  /** The clock was paused, played, stepped or sped up: countdowns must be redrawn. */
  clockChanged(): void {
    this.dirtySeen = this.node.dirty;
    this.expiredSeen = this.node.stats.expiredKeys;
    this.signal(false);
  }

  /** From the host's ticker: new changes, and a pending post whose interval has ended. */
  tick(): void {
    this.check(true);
    if (this.pending && this.realNowMs() - this.lastPostMs >= MIN_INTERVAL_MS) this.post();
  }

  private signal(canDefer: boolean): void {
    if (!canDefer || this.realNowMs() - this.lastPostMs >= MIN_INTERVAL_MS) this.post();
    else this.pending = true;
  }

  private post(): void {
    this.pending = false;
    this.lastPostMs = this.realNowMs();
    this.emit();
  }
}
