/*
 * The JSON shape inside a link, kept terse because every byte lands in a URL:
 *   { v: 1, s: seed, t0: startMs, e: [[atMs, code, ...args], ...], end: [atMs, paused01, speed, tab], d: dropped }
 * with event codes l (line: tab, text), i (interrupt: tab), o / r (tab open / rename: tab, name),
 * x (tab close: tab), c (clock: action, value?), b (bot start: spec), s (bot stop: id, remove01).
 *
 * fromWire() trusts nothing: a link may have been edited or cut short, so every field is checked and
 * the first problem is reported as a sentence a user can act on (ShareError), never an exception from
 * deep inside the replay.
 */
import type { BotSpec } from '../../protocol/bots.ts';
import { SHARE_LIMITS, type ClockActionName, type ShareEvent, type SharedSession } from './types.ts';

export const WIRE_VERSION = 1;

export class ShareError extends Error {}

/** Bot specs travel as objects (the worker checks them when the replay starts the bot). */
type WireEvent = (string | number)[];

export interface WireSession {
  v: number;
  s: number;
  t0: number;
  e: WireEvent[];
  end: [number, number, number, number];
  d: number;
}

export function toWire(session: SharedSession): WireSession {
  const { end } = session;
  return {
    v: WIRE_VERSION,
    s: session.seed,
    t0: session.startMs,
    e: session.events.map(eventToWire),
    end: [end.atMs, end.paused ? 1 : 0, end.speed, end.activeTab],
    d: session.dropped,
  };
}

function eventToWire(ev: ShareEvent): WireEvent {
  switch (ev.kind) {
    case 'line':
      return [ev.atMs, 'l', ev.tab, ev.line];
    case 'interrupt':
      return [ev.atMs, 'i', ev.tab];
    case 'tabOpen':
      return [ev.atMs, 'o', ev.tab, ev.name];
    case 'tabRename':
      return [ev.atMs, 'r', ev.tab, ev.name];
    case 'tabClose':
      return [ev.atMs, 'x', ev.tab];
    case 'botStart':
      return [ev.atMs, 'b', ev.spec as unknown as string];
    case 'botStop':
      return [ev.atMs, 's', ev.botId, ev.remove ? 1 : 0];
    case 'clock':
      return ev.value === undefined ? [ev.atMs, 'c', ev.action] : [ev.atMs, 'c', ev.action, ev.value];
  }
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const CLOCK_ACTIONS: readonly ClockActionName[] = ['pause', 'play', 'step', 'speed'];

function fail(what: string): never {
  throw new ShareError(`the link's session data is damaged (${what})`);
}

/** Checks decoded JSON and turns it into a SharedSession; throws ShareError on anything unexpected. */
export function fromWire(data: unknown): SharedSession {
  if (!isObject(data)) fail('not an object');
  if (!isCount(data.v)) fail('format version');
  if (data.v !== WIRE_VERSION) {
    throw new ShareError(`the link was made by another version of the playground (format ${String(data.v)})`);
  }
  if (!isCount(data.s) || data.s > 0xffffffff) fail('seed');
  if (!isTime(data.t0)) fail('clock start');
  if (!Array.isArray(data.e)) fail('event list');
  if (data.e.length > SHARE_LIMITS.eventsMax) fail('too many events');
  const events = data.e.map((w, i) => eventFromWire(w, i));
  const textChars = events.reduce((n, ev) => n + textOf(ev).length, 0);
  if (textChars > SHARE_LIMITS.textCharsMax) fail('too much text');
  const end = data.end;
  if (!Array.isArray(end) || end.length !== 4) fail('end state');
  const [atMs, paused, speed, activeTab] = end as unknown[];
  if (!isTime(atMs) || (paused !== 0 && paused !== 1) || !isSpeed(speed) || !isCount(activeTab)) {
    fail('end state');
  }
  const dropped = data.d ?? 0;
  if (!isCount(dropped)) fail('dropped count');
  return {
    seed: data.s,
    startMs: data.t0,
    events,
    end: { atMs, paused: paused === 1, speed, activeTab },
    dropped,
  };
}

function isSpeed(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

export function textOf(ev: ShareEvent): string {
  if (ev.kind === 'line') return ev.line;
  if (ev.kind === 'botStart') return JSON.stringify(ev.spec);
  if (ev.kind === 'tabOpen' || ev.kind === 'tabRename') return ev.name;
  return '';
}

function eventFromWire(w: unknown, index: number): ShareEvent {
  const bad = (): never => fail(`event ${index + 1}`);
  if (!Array.isArray(w) || w.length < 2 || !isTime(w[0])) return bad();
  const [atMs, code, a, b] = w as unknown[] as [number, unknown, unknown, unknown];
  const tabOk = isCount(a) && a > 0;
  const nameOk = typeof b === 'string' && b.length > 0 && b.length <= SHARE_LIMITS.nameCharsMax;
  switch (code) {
    case 'l':
      if (w.length !== 4 || !tabOk || typeof b !== 'string') return bad();
      return { kind: 'line', atMs, tab: a, line: b };
    case 'i':
    case 'x':
      if (w.length !== 3 || !tabOk) return bad();
      return { kind: code === 'i' ? 'interrupt' : 'tabClose', atMs, tab: a };
    case 'o':
    case 'r':
      if (w.length !== 4 || !tabOk || !nameOk) return bad();
      return { kind: code === 'o' ? 'tabOpen' : 'tabRename', atMs, tab: a, name: b };
    case 'c':
      return clockFromWire(w, atMs, bad);
    case 'b':
      if (w.length !== 3 || !isObject(a) || typeof a.kind !== 'string') return bad();
      return { kind: 'botStart', atMs, spec: a as unknown as BotSpec };
    case 's':
      if (w.length !== 4 || !isCount(a) || (b !== 0 && b !== 1)) return bad();
      return { kind: 'botStop', atMs, botId: a, remove: b === 1 };
    default:
      return bad();
  }
}

function clockFromWire(w: unknown[], atMs: number, bad: () => never): ShareEvent {
  const action = w[2];
  if (typeof action !== 'string' || !(CLOCK_ACTIONS as readonly string[]).includes(action)) return bad();
  const name = action as ClockActionName;
  if (name === 'step' || name === 'speed') {
    if (w.length !== 4 || !isTime(w[3])) return bad();
    return { kind: 'clock', atMs, action: name, value: w[3] };
  }
  if (w.length !== 3) return bad();
  return { kind: 'clock', atMs, action: name };
}
