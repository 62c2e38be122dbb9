/*
 * Rate-limit lab messages between the UI and the worker (types, and the settings a new lab starts
 * with: the same as src/sim/ratelimit/settings.ts, which a worker test holds them to). The worker runs the lab (a bot
 * client on the virtual clock, src/sim/ratelimit) and validates settings; the UI starts, stops and
 * resets it, reads a snapshot once, and then follows `rateLimitEvents` pushes: the requests made since
 * the previous push, posted as the clock advances (on the worker's tick while playing, after each
 * step while paused), never polled.
 *
 * A request record says when it was sent (virtual unix ms), whether it was allowed, the count the
 * algorithm compared with the limit (tokens left for the token bucket) and the commands it sent with
 * the replies (RESP2, as redis-cli would read them). Commands are carried only for the newest
 * COMMANDS_CARRIED records of a message, which is all the log shows.
 */
import type { WireReply } from './reply.ts';

export type RateLimitAlgorithm = 'fixed-window' | 'sliding-log' | 'sliding-counter' | 'token-bucket';
export type RateLimitPattern = 'steady' | 'bursty' | 'ramp';

export interface RateLimitSettings {
  algorithm: RateLimitAlgorithm;
  /** Requests per window, or the bucket's capacity in tokens (1..1000). */
  limit: number;
  /** Window length of the window algorithms (100 ms .. 1 h). */
  windowMs: number;
  /** Whole tokens added per second (token bucket, 1..1000). */
  refillPerSecond: number;
  pattern: RateLimitPattern;
  /** Average requests per second (0.1..200); the ramp grows from a fifth of it to twice it. */
  perSecond: number;
  /** Requests per burst (bursty, 1..100). */
  burst: number;
  /** The rate-limited user, part of every key (letters, digits, . _ -). */
  client: string;
  db: number;
}

/** What the lab's form shows before the user changes anything. */
export const DEFAULT_RATE_LIMIT_SETTINGS: Readonly<RateLimitSettings> = {
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

export const COMMANDS_CARRIED = 40;

export interface RateLimitCommand {
  argv: string[];
  /** null: no reply came while the command ran (held by CLIENT PAUSE). */
  reply: WireReply | null;
}

export interface RateLimitRecord {
  seq: number;
  atMs: number;
  allowed: boolean;
  count: number;
  limit: number;
  key: string;
  commands: RateLimitCommand[];
}

export interface RateLimitStatus {
  /** idle: never started or reset; closed: the server closed the lab's connection. */
  state: 'idle' | 'running' | 'stopped' | 'closed';
  settings: RateLimitSettings | null;
  /** Run number, 1 for the first start; records of another run belong to an older picture. */
  run: number;
  startedAtMs: number | null;
  allowed: number;
  rejected: number;
  skipped: number;
  clientId: number | null;
  lastError: string | null;
}

export interface RateLimitSnapshot {
  status: RateLimitStatus;
  /** The virtual clock when the snapshot was taken. */
  nowMs: number;
  /** The newest requests of the run (at most 1,000), oldest first. */
  records: RateLimitRecord[];
}

export type RateLimitRequest =
  | { type: 'rateLimitStart'; id: number; settings: Partial<RateLimitSettings> }
  | { type: 'rateLimitStop'; id: number }
  | { type: 'rateLimitReset'; id: number }
  | { type: 'rateLimitState'; id: number };

export type RateLimitAnswer = { type: 'rateLimit'; id: number; snapshot: RateLimitSnapshot };

/** Unsolicited: requests made since the previous push (oldest first) and the lab's status now. */
export type RateLimitPush = { type: 'rateLimitEvents'; snapshot: RateLimitSnapshot };
