/*
 * Records a playground session as it happens, for sharing links: every input that changes the world
 * (lines run in each console tab, Ctrl-C, tab open/rename/close, clock actions), in the order the UI
 * made them, each stamped with the virtual time it took effect at.
 *
 * Times: a line is stamped by reading the clock through the worker right before the line's command is
 * sent (the worker answers requests in order, so the reading is the time the command ran at, exactly
 * when the clock is paused and within a tick when it plays). Tab actions do not touch the world and
 * take the last time known. Clock actions come with the time their answer reported.
 *
 * The log is a prefix: once a cap (SHARE_LIMITS) is reached, that event and every later one are only
 * counted as dropped, since a log with holes would replay into a different world.
 */
import type { BotSpec } from '../../protocol/bots.ts';
import { textOf } from './wire.ts';
import {
  SHARE_LIMITS,
  type ClockActionName,
  type ShareEnd,
  type ShareEvent,
  type SharedSession,
} from './types.ts';

export interface RecorderClock {
  /** Virtual unix ms now, asked of the worker (called synchronously, before the input is sent). */
  readNowMs(): Promise<number>;
  /** The last virtual unix ms known without asking. */
  lastNowMs(): number;
}

/** ShareEnd with the time as unix ms (the recorder makes it an offset). */
export type EndState = Omit<ShareEnd, 'atMs'> & { nowMs: number };

export class SessionRecorder {
  /** Events with atMs as virtual unix ms (offsets are taken in snapshot()). */
  private readonly events: ShareEvent[] = [];
  private readonly pending = new Set<Promise<void>>();
  private textChars = 0;
  private droppedCount = 0;
  /** While a shared link is being replayed, the replay's own inputs are not recorded again. */
  suspended = false;

  constructor(
    private readonly clock: RecorderClock,
    private readonly seed: number,
    private readonly startMs: number,
  ) {}

  get recorded(): number {
    return this.events.length;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  line(tab: number, line: string): void {
    this.stamped({ kind: 'line', atMs: 0, tab, line }, line.length);
  }

  interrupt(tab: number): void {
    this.stamped({ kind: 'interrupt', atMs: 0, tab }, 0);
  }

  tabOpened(tab: number, name: string): void {
    this.add({ kind: 'tabOpen', atMs: this.clock.lastNowMs(), tab, name: clipName(name) }, name.length);
  }

  tabRenamed(tab: number, name: string): void {
    this.add({ kind: 'tabRename', atMs: this.clock.lastNowMs(), tab, name: clipName(name) }, name.length);
  }

  tabClosed(tab: number): void {
    this.add({ kind: 'tabClose', atMs: this.clock.lastNowMs(), tab }, 0);
  }

  botStarted(spec: BotSpec): void {
    this.stamped({ kind: 'botStart', atMs: 0, spec }, JSON.stringify(spec).length);
  }

  botStopped(botId: number, remove: boolean): void {
    this.stamped({ kind: 'botStop', atMs: 0, botId, remove }, 0);
  }

  clockAction(action: ClockActionName, nowMs: number, value?: number): void {
    const ev: ShareEvent =
      value === undefined
        ? { kind: 'clock', atMs: nowMs, action }
        : { kind: 'clock', atMs: nowMs, action, value };
    this.add(ev, 0);
  }

  /** Continues the log of a replayed link, so a link made afterwards holds the replayed part too. */
  adopt(session: SharedSession): void {
    for (const ev of session.events) this.add({ ...ev, atMs: this.startMs + ev.atMs }, textOf(ev).length);
    this.droppedCount += session.dropped;
  }

  /** The session so far, once every pending time stamp has arrived. */
  async snapshot(end: EndState): Promise<SharedSession> {
    await Promise.all([...this.pending]);
    const origin = Math.floor(this.startMs);
    const offset = (ms: number): number => Math.max(0, ms - origin);
    return {
      seed: this.seed,
      startMs: this.startMs,
      events: this.events.map((ev) => ({ ...ev, atMs: offset(ev.atMs) })),
      end: { atMs: offset(end.nowMs), paused: end.paused, speed: end.speed, activeTab: end.activeTab },
      dropped: this.droppedCount,
    };
  }

  /** Adds an event now (keeping its place in the order) and fills in its time when the clock answers. */
  private stamped(ev: ShareEvent, chars: number): void {
    if (!this.admit(chars)) return;
    // Ask first: the request must reach the worker before the command it stamps.
    const reading = this.clock.readNowMs();
    const stored: ShareEvent = { ...ev, atMs: this.clock.lastNowMs() };
    this.events.push(stored);
    const done = reading.then(
      (ms) => void (stored.atMs = ms),
      () => {},
    );
    this.pending.add(done);
    void done.then(() => this.pending.delete(done));
  }

  private add(ev: ShareEvent, chars: number): void {
    if (this.admit(chars)) this.events.push(ev);
  }

  /** Whether an event of `chars` characters still fits (counting it as dropped when it doesn't). */
  private admit(chars: number): boolean {
    if (this.suspended) return false;
    const full =
      this.droppedCount > 0 ||
      this.events.length >= SHARE_LIMITS.eventsMax ||
      this.textChars + chars > SHARE_LIMITS.textCharsMax;
    if (full) {
      this.droppedCount++;
      return false;
    }
    this.textChars += chars;
    return true;
  }
}

function clipName(name: string): string {
  return name.slice(0, SHARE_LIMITS.nameCharsMax) || '?';
}
