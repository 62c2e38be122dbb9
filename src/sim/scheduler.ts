/*
 * Timers on virtual time. A timer is a callback due at an instant of the VirtualClock; runUntil(t)
 * fires every timer due at or before t, in time order, moving the clock to each timer's instant before
 * running it (so a callback sees the time it was due at), then leaves the clock at t.
 *
 * Invariants (TigerBeetle-style determinism):
 * - Order is total: (due time, insertion sequence). Two timers due at the same microsecond run in the
 *   order they were scheduled, whatever the host, so a seed reproduces a run exactly.
 * - Work per advance is bounded: at most `maxRunsPerAdvance` callbacks fire in one runUntil(). Timers
 *   left over stay due and fire at the next advance, late, which is what a stalled Redis does (its
 *   event loop runs an overdue timer once, it does not replay the missed periods).
 * - A timer scheduled by a callback for an instant already passed fires in the same runUntil() (still
 *   within the bound) but never before the timers that were due earlier.
 *
 * The queue is a binary min-heap; cancel() marks a timer dead and the heap drops it when it surfaces.
 */
import type { VirtualClock } from './clock.ts';

export type TimerCallback = () => void;

interface Timer {
  dueUs: number;
  seq: number;
  callback: TimerCallback;
  cancelled: boolean;
}

/** A handle that cancels its timer. */
export interface TimerHandle {
  cancel(): void;
}

export const DEFAULT_MAX_RUNS_PER_ADVANCE = 100_000;

export class Scheduler {
  private readonly heap: Timer[] = [];
  private seq = 0;
  private live = 0;

  constructor(
    private readonly clock: VirtualClock,
    readonly maxRunsPerAdvance = DEFAULT_MAX_RUNS_PER_ADVANCE,
  ) {}

  /** Number of timers waiting (cancelled ones excluded). */
  get pending(): number {
    return this.live;
  }

  /** Runs `callback` `delayMs` from now (0 = at the next advance, after timers already due). */
  after(delayMs: number, callback: TimerCallback): TimerHandle {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new Error(`bad timer delay ${delayMs}`);
    return this.at(this.clock.nowUs() + Math.round(delayMs * 1000), callback);
  }

  /** Runs `callback` at the absolute instant `dueUs` (microseconds on the clock). */
  at(dueUs: number, callback: TimerCallback): TimerHandle {
    const timer: Timer = { dueUs, seq: this.seq++, callback, cancelled: false };
    this.push(timer);
    this.live++;
    return {
      cancel: () => {
        if (timer.cancelled) return;
        timer.cancelled = true;
        this.live--;
      },
    };
  }

  /** Instant (µs) of the earliest live timer, or undefined when none is waiting. */
  nextDueUs(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.dueUs;
  }

  /**
   * Fires the timers due at or before `targetUs` in order (bounded), then moves the clock to
   * `targetUs`. Returns how many callbacks ran.
   */
  runUntil(targetUs: number): number {
    let runs = 0;
    while (runs < this.maxRunsPerAdvance) {
      this.dropCancelled();
      const top = this.heap[0];
      if (top === undefined || top.dueUs > targetUs) break;
      this.pop();
      top.cancelled = true;
      this.live--;
      this.clock.advanceToUs(top.dueUs);
      runs++;
      top.callback();
    }
    this.clock.advanceToUs(targetUs);
    return runs;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && before(h[l]!, h[min]!)) min = l;
      if (r < h.length && before(h[r]!, h[min]!)) min = r;
      if (min === i) return;
      [h[i], h[min]] = [h[min]!, h[i]!];
      i = min;
    }
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.dueUs < b.dueUs || (a.dueUs === b.dueUs && a.seq < b.seq);
}
