import type { BotSpec } from '../../protocol/bots.ts';

/*
 * A shared session: what a sharing link carries to rebuild a playground session in another browser.
 *
 * The world is a pure function of its seed, its clock start and the ordered inputs it received at given
 * virtual times (see sim/world.ts), so a link holds exactly that: the seed, startMs, and a log of what
 * the user did (lines entered per console tab, Ctrl-C, tab open/rename/close, clock actions) each
 * stamped with the virtual time it took effect at, as an offset from startMs. `end` is the clock and the
 * active tab when the link was made, restored once the log has been replayed.
 *
 * Bot starts and stops are recorded too (as the spec sent to the worker): bots run on the virtual clock,
 * so started at the same times they act the same.
 */

export type ClockActionName = 'pause' | 'play' | 'step' | 'speed';

export type ShareEvent =
  /** A line the console ran, exactly as entered (commands, `viz`, `help`, `:set`, ...). */
  | { kind: 'line'; atMs: number; tab: number; line: string }
  /** Ctrl-C while a command was waiting or the tab was subscribed / in MONITOR. */
  | { kind: 'interrupt'; atMs: number; tab: number }
  | { kind: 'tabOpen'; atMs: number; tab: number; name: string }
  | { kind: 'tabRename'; atMs: number; tab: number; name: string }
  | { kind: 'tabClose'; atMs: number; tab: number }
  | { kind: 'botStart'; atMs: number; spec: BotSpec }
  | { kind: 'botStop'; atMs: number; botId: number; remove: boolean }
  /** A clock action; `value` is the step in ms or the speed factor. atMs is the time after it. */
  | { kind: 'clock'; atMs: number; action: ClockActionName; value?: number };

export interface ShareEnd {
  /** Virtual time (offset from startMs) when the link was made. */
  atMs: number;
  paused: boolean;
  speed: number;
  activeTab: number;
}

export interface SharedSession {
  seed: number;
  /** Unix ms the virtual clock started at. */
  startMs: number;
  events: ShareEvent[];
  end: ShareEnd;
  /** Events left out because the log reached its cap (the link then rebuilds only the beginning). */
  dropped: number;
}

/** Caps that keep a link a reasonable size (a URL of tens of kilobytes at most). */
export const SHARE_LIMITS = {
  /** The first this many events are kept. */
  eventsMax: 1000,
  /** Total characters of entered lines, tab names and bot specs (as JSON) kept. */
  textCharsMax: 100_000,
  /** One console tab name (TabBar caps names at 40). */
  nameCharsMax: 40,
  /** Longest link code accepted when decoding (base64url characters). */
  codeCharsMax: 1_000_000,
  /** Largest JSON text accepted after inflating a code (guards against deflate bombs). */
  jsonBytesMax: 4_000_000,
} as const;
