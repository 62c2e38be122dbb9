/*
 * What the rate-limit lab is told to run, as plain data (it crosses the worker boundary), and the
 * validation that turns an untrusted object into LabSettings or a one-line reason. The protocol has
 * the same shapes (src/protocol/ratelimit.ts); this copy keeps src/sim free of protocol imports.
 *
 * Units are in the names: a limit of `limit` requests per `windowMs` for the window algorithms, a
 * bucket of `limit` tokens refilled at `refillPerSecond` for the token bucket. Every number is bounded
 * (TigerBeetle style) so a lab can never flood the scheduler or the history.
 */

export type Algorithm = 'fixed-window' | 'sliding-log' | 'sliding-counter' | 'token-bucket';
export type Pattern = 'steady' | 'bursty' | 'ramp';

export const ALGORITHMS: readonly Algorithm[] = [
  'fixed-window',
  'sliding-log',
  'sliding-counter',
  'token-bucket',
];
export const PATTERNS: readonly Pattern[] = ['steady', 'bursty', 'ramp'];

export interface LabSettings {
  algorithm: Algorithm;
  /** Requests allowed per window, or the bucket's capacity in tokens. */
  limit: number;
  /** Window length (fixed window, sliding log, sliding window counter). */
  windowMs: number;
  /** Tokens added per second (token bucket); whole tokens, so the script's arithmetic is exact. */
  refillPerSecond: number;
  pattern: Pattern;
  /** Average requests per second of the traffic (the ramp ends at twice this). */
  perSecond: number;
  /** Requests per burst (bursty pattern). */
  burst: number;
  /** The rate-limited user: part of every key, e.g. rl:fixed:alice:<window>. */
  client: string;
  /** Database the lab's connection SELECTs. */
  db: number;
}

export const LIMIT_MAX = 1000;
export const WINDOW_MS_MIN = 100;
export const WINDOW_MS_MAX = 3_600_000;
export const REFILL_MAX = 1000;
export const PER_SECOND_MAX = 200;
export const BURST_MAX = 100;

export const DEFAULT_SETTINGS: LabSettings = {
  algorithm: 'fixed-window',
  limit: 5,
  windowMs: 1000,
  refillPerSecond: 5,
  pattern: 'steady',
  perSecond: 8,
  burst: 10,
  client: 'alice',
  db: 0,
};

/** Checks untrusted settings (missing fields take the defaults); returns them typed, or the reason. */
export function validateSettings(raw: unknown): LabSettings | string {
  if (typeof raw !== 'object' || raw === null) return 'lab settings must be an object';
  const s = { ...DEFAULT_SETTINGS, ...(raw as Partial<LabSettings>) };
  if (!ALGORITHMS.includes(s.algorithm)) return `unknown algorithm ${JSON.stringify(s.algorithm)}`;
  if (!PATTERNS.includes(s.pattern)) return `unknown traffic pattern ${JSON.stringify(s.pattern)}`;
  const bad =
    intProblem('limit', s.limit, 1, LIMIT_MAX) ??
    intProblem('windowMs', s.windowMs, WINDOW_MS_MIN, WINDOW_MS_MAX) ??
    intProblem('refillPerSecond', s.refillPerSecond, 1, REFILL_MAX) ??
    intProblem('burst', s.burst, 1, BURST_MAX) ??
    intProblem('db', s.db, 0, 1_000_000);
  if (bad) return bad;
  if (!(typeof s.perSecond === 'number' && s.perSecond >= 0.1 && s.perSecond <= PER_SECOND_MAX))
    return `perSecond must be from 0.1 to ${PER_SECOND_MAX}`;
  if (typeof s.client !== 'string' || !/^[A-Za-z0-9_.-]{1,32}$/.test(s.client))
    return 'client must be 1 to 32 letters, digits, dots, dashes or underscores';
  return s;
}

function intProblem(name: string, v: unknown, min: number, max: number): string | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
    ? null
    : `${name} must be an integer from ${min} to ${max}`;
}
