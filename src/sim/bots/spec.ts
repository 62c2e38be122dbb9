/*
 * What a bot is told to do, as plain data (it crosses the worker boundary as JSON-like objects), and
 * the validation that turns an untrusted object into a BotSpec or a one-line reason.
 *
 * Kinds:
 * - producer:  XADD <stream> [MAXLEN ~ n] * <fields...> at `perSecond`;
 * - consumer:  XREADGROUP GROUP <group> <consumer> COUNT <count> STREAMS <stream> > at `perSecond`,
 *              then XACK of what it read; `crashAfter` acked entries later it reads a batch, acks nothing
 *              and crashes (disconnects, or hangs with its connection open), leaving pending entries;
 * - claimer:   XAUTOCLAIM <stream> <group> <consumer> <minIdleMs> <cursor> COUNT <count> every
 *              `everyMs`, then XACK of what it claimed;
 * - publisher: PUBLISH <channel> <message> at `perSecond`;
 * - script:    the given commands, in order, every `everyMs`.
 * Strings may hold template placeholders (template.ts), e.g. "{seq}" or "{rand:1-100}".
 *
 * Bounds (TigerBeetle style: every loop and queue has one): rates up to MAX_PER_SECOND, periods from
 * MIN_EVERY_MS, batches up to MAX_COUNT, scripts up to MAX_SCRIPT_COMMANDS of MAX_SCRIPT_ARGS words.
 */

export type CrashMode = 'disconnect' | 'hang';

interface BotCommon {
  /** CLIENT SETNAME value (no spaces); "bot-<kind>-<id>" when absent. */
  name?: string;
  /** Database the bot SELECTs first (0 when absent). */
  db?: number;
}

export interface ProducerSpec extends BotCommon {
  kind: 'producer';
  stream: string;
  perSecond: number;
  /** Field/value templates, in order. */
  fields: [string, string][];
  /** XADD MAXLEN ~ n when set. */
  maxLen?: number;
}

export interface ConsumerSpec extends BotCommon {
  kind: 'consumer';
  stream: string;
  group: string;
  consumer: string;
  perSecond: number;
  /** Entries per XREADGROUP (1 when absent). */
  count?: number;
  /** On NOGROUP, run XGROUP CREATE <stream> <group> 0 MKSTREAM (true when absent). */
  createGroup?: boolean;
  /** Acked entries after which the next batch is left pending and the bot crashes. */
  crashAfter?: number;
  crashMode?: CrashMode;
}

export interface ClaimerSpec extends BotCommon {
  kind: 'claimer';
  stream: string;
  group: string;
  consumer: string;
  everyMs: number;
  minIdleMs: number;
  count?: number;
}

export interface PublisherSpec extends BotCommon {
  kind: 'publisher';
  channel: string;
  perSecond: number;
  message: string;
}

export interface ScriptSpec extends BotCommon {
  kind: 'script';
  everyMs: number;
  commands: string[][];
}

export type BotSpec = ProducerSpec | ConsumerSpec | ClaimerSpec | PublisherSpec | ScriptSpec;
export type BotKind = BotSpec['kind'];

export const MAX_PER_SECOND = 10_000;
export const MIN_EVERY_MS = 1;
export const MAX_COUNT = 1000;
export const MAX_SCRIPT_COMMANDS = 32;
export const MAX_SCRIPT_ARGS = 64;

type Obj = Record<string, unknown>;

/** Checks an untrusted spec; returns it typed, or the reason it is refused. */
export function validateBotSpec(raw: unknown): BotSpec | string {
  if (typeof raw !== 'object' || raw === null) return 'a bot spec must be an object';
  const o = raw as Obj;
  const common = commonProblem(o);
  if (common) return common;
  const problem = kindProblem(o);
  return problem ?? (o as unknown as BotSpec);
}

function commonProblem(o: Obj): string | null {
  if (o.name !== undefined && !(typeof o.name === 'string' && /^[!-~]{1,64}$/.test(o.name)))
    return 'name must be 1 to 64 printable characters without spaces';
  if (o.db !== undefined && !isIntIn(o.db, 0, 1_000_000)) return 'db must be a non-negative integer';
  return null;
}

function kindProblem(o: Obj): string | null {
  switch (o.kind) {
    case 'producer':
      return (
        need(o, ['stream'], []) ??
        rate(o) ??
        (isPairs(o.fields) ? null : 'fields must be a non-empty list of [field, value] strings') ??
        optInt(o, 'maxLen', 0, Number.MAX_SAFE_INTEGER)
      );
    case 'consumer':
      return (
        need(o, ['stream', 'group', 'consumer'], []) ??
        rate(o) ??
        optInt(o, 'count', 1, MAX_COUNT) ??
        optInt(o, 'crashAfter', 0, Number.MAX_SAFE_INTEGER) ??
        (o.createGroup === undefined || typeof o.createGroup === 'boolean'
          ? null
          : 'createGroup must be a boolean') ??
        (o.crashMode === undefined || o.crashMode === 'disconnect' || o.crashMode === 'hang'
          ? null
          : 'crashMode must be "disconnect" or "hang"')
      );
    case 'claimer':
      return (
        need(o, ['stream', 'group', 'consumer'], ['everyMs', 'minIdleMs']) ??
        every(o) ??
        optInt(o, 'count', 1, MAX_COUNT)
      );
    case 'publisher':
      return need(o, ['channel', 'message'], []) ?? rate(o);
    case 'script':
      return every(o) ?? scriptProblem(o.commands);
    default:
      return `unknown bot kind ${JSON.stringify(o.kind)}`;
  }
}

function need(o: Obj, strings: string[], numbers: string[]): string | null {
  for (const k of strings)
    if (typeof o[k] !== 'string' || o[k] === '') return `${k} must be a non-empty string`;
  for (const k of numbers) if (!isIntIn(o[k], 0, Number.MAX_SAFE_INTEGER)) return `${k} must be an integer`;
  return null;
}

function rate(o: Obj): string | null {
  const r = o.perSecond;
  return typeof r === 'number' && r > 0 && r <= MAX_PER_SECOND
    ? null
    : `perSecond must be above 0 and at most ${MAX_PER_SECOND}`;
}

function every(o: Obj): string | null {
  return isIntIn(o.everyMs, MIN_EVERY_MS, 86_400_000)
    ? null
    : `everyMs must be an integer from ${MIN_EVERY_MS}`;
}

function optInt(o: Obj, k: string, min: number, max: number): string | null {
  return o[k] === undefined || isIntIn(o[k], min, max)
    ? null
    : `${k} must be an integer from ${min} to ${max}`;
}

function isIntIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function isPairs(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= MAX_SCRIPT_ARGS &&
    v.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string'))
  );
}

function scriptProblem(v: unknown): string | null {
  const ok =
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= MAX_SCRIPT_COMMANDS &&
    v.every(
      (c) =>
        Array.isArray(c) &&
        c.length > 0 &&
        c.length <= MAX_SCRIPT_ARGS &&
        c.every((s) => typeof s === 'string'),
    );
  return ok
    ? null
    : `commands must be 1 to ${MAX_SCRIPT_COMMANDS} commands, each 1 to ${MAX_SCRIPT_ARGS} strings`;
}
