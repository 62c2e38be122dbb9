/*
 * The four rate-limit algorithms of the lab, each as the sequence of real Redis commands a client
 * library would send for one request (the classic recipes), plus the reading of their replies into a
 * decision. They speak to Redis only through `send` (one command, its reply), so the same code runs
 * against the engine in the lab and in the tests, and its command lists against redis-server.
 *
 * Time is an argument (`nowMs`, the virtual instant the request is sent): the window index, the sorted
 * set's scores and the bucket's refill all come from it, never from a clock of the server, so a run is
 * reproducible and the differential test can pin the instants. TTLs (PEXPIRE) are only housekeeping:
 * a key outlives the span in which it matters, so no decision depends on when Redis expires it.
 *
 * Decisions (each "count" is what the algorithm compared with the limit, this request included):
 * - fixed window: INCR rl:fixed:<client>:<floor(now/window)>, PEXPIRE <key> <window> NX. Allowed when
 *   the count <= limit. Every request counts, rejected ones too (they cannot un-INCR).
 * - sliding log: MULTI; ZREMRANGEBYSCORE <key> -inf <now-window>; ZADD <key> <now> <now>-<seq>;
 *   ZCARD; PEXPIRE <key> <window>; EXEC. The log holds requests in (now-window, now]; allowed when
 *   ZCARD <= limit. This recipe logs rejected requests as well, so a client that keeps sending over
 *   the limit stays rejected until it slows down (the atomic MULTI cannot branch on the count).
 * - sliding window counter: MGET <previous window key> <current window key>; estimate =
 *   prev * (window - elapsed) / window + cur + 1; when estimate <= limit: INCR current, PEXPIRE it
 *   2*window NX (it is the "previous" of the next window). Only allowed requests are counted. The
 *   comparison is done in integers (prev*(window-elapsed) + (cur+1)*window <= limit*window) so no
 *   rounding decides a request.
 * - token bucket: one Lua script (EVALSHA, falling back to EVAL on NOSCRIPT as client libraries do),
 *   a hash {tokens, ts} in thousandths of a token so all arithmetic is exact in Lua's doubles: refill
 *   (now - ts) * refillPerSecond milli-tokens (1 token/s = 1 milli-token/ms), cap at limit*1000, take
 *   1000 when there are, store, PEXPIRE for the time a full refill takes. "count" is the tokens left.
 */
import { bin, utf8 } from '../../engine/bytes.ts';
import { sha1Hex } from '../../engine/scripting/sha1.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import type { Algorithm, LabSettings } from './settings.ts';

/** Sends one command and returns its reply (undefined when none came, e.g. a closed connection). */
export type Send = (argv: readonly string[]) => Reply | undefined;

export interface Decision {
  allowed: boolean;
  /** What the algorithm compared with the limit (this request included); tokens left for the bucket. */
  count: number;
  /** The key the decision was made on. */
  key: string;
}

export interface Limiter {
  readonly algorithm: Algorithm;
  /** Runs one request at virtual instant `nowMs`; `seq` numbers requests (unique log members). */
  request(send: Send, nowMs: number, seq: number): Decision;
}

export const TOKEN_BUCKET_SCRIPT = `-- token bucket: KEYS[1] = hash {tokens, ts}; ARGV = capacity, refill per second, now (ms)
local capacity = tonumber(ARGV[1]) * 1000
local refill = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * refill)
end
local allowed = 0
if tokens >= 1000 then
  tokens = tokens - 1000
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill))
return {allowed, tokens}`;

export const TOKEN_BUCKET_SHA = sha1Hex(utf8(TOKEN_BUCKET_SCRIPT));

export function limiterFor(s: LabSettings): Limiter {
  switch (s.algorithm) {
    case 'fixed-window':
      return fixedWindow(s);
    case 'sliding-log':
      return slidingLog(s);
    case 'sliding-counter':
      return slidingCounter(s);
    case 'token-bucket':
      return tokenBucket(s);
  }
}

/** The integer of an integer reply (or of a bulk holding digits); null for anything else. */
export function intOf(r: Reply | undefined): number | null {
  if (r?.t === 'int') return Number(r.n);
  if (r?.t === 'bulk') {
    const n = Number(bin(r.b));
    return Number.isInteger(n) ? n : null;
  }
  return null;
}

function fixedWindow(s: LabSettings): Limiter {
  return {
    algorithm: 'fixed-window',
    request(send, nowMs) {
      const key = `rl:fixed:${s.client}:${Math.floor(nowMs / s.windowMs)}`;
      const count = intOf(send(['INCR', key]));
      send(['PEXPIRE', key, String(s.windowMs), 'NX']);
      if (count === null) return { allowed: false, count: 0, key };
      return { allowed: count <= s.limit, count, key };
    },
  };
}

function slidingLog(s: LabSettings): Limiter {
  const key = `rl:log:${s.client}`;
  return {
    algorithm: 'sliding-log',
    request(send, nowMs, seq) {
      send(['MULTI']);
      send(['ZREMRANGEBYSCORE', key, '-inf', String(nowMs - s.windowMs)]);
      send(['ZADD', key, String(nowMs), `${nowMs}-${seq}`]);
      send(['ZCARD', key]);
      send(['PEXPIRE', key, String(s.windowMs)]);
      const exec = send(['EXEC']);
      const count = exec?.t === 'array' ? intOf(exec.a[2]) : null;
      if (count === null) return { allowed: false, count: 0, key };
      return { allowed: count <= s.limit, count, key };
    },
  };
}

function slidingCounter(s: LabSettings): Limiter {
  return {
    algorithm: 'sliding-counter',
    request(send, nowMs) {
      const index = Math.floor(nowMs / s.windowMs);
      const prevKey = `rl:swc:${s.client}:${index - 1}`;
      const key = `rl:swc:${s.client}:${index}`;
      const got = send(['MGET', prevKey, key]);
      const [prev, cur] = got?.t === 'array' ? got.a.map((r) => intOf(r) ?? 0) : [0, 0];
      const left = s.windowMs - (nowMs - index * s.windowMs);
      const weighted = prev! * left + (cur! + 1) * s.windowMs;
      const count = Math.round((weighted / s.windowMs) * 100) / 100;
      if (weighted > s.limit * s.windowMs) return { allowed: false, count, key };
      send(['INCR', key]);
      send(['PEXPIRE', key, String(2 * s.windowMs), 'NX']);
      return { allowed: true, count, key };
    },
  };
}

function tokenBucket(s: LabSettings): Limiter {
  const key = `rl:bucket:${s.client}`;
  return {
    algorithm: 'token-bucket',
    request(send, nowMs) {
      const args = ['1', key, String(s.limit), String(s.refillPerSecond), String(nowMs)];
      let r = send(['EVALSHA', TOKEN_BUCKET_SHA, ...args]);
      if (r?.t === 'error' && r.s.startsWith('NOSCRIPT')) r = send(['EVAL', TOKEN_BUCKET_SCRIPT, ...args]);
      if (r?.t !== 'array' || r.a.length !== 2) return { allowed: false, count: 0, key };
      const allowed = intOf(r.a[0]) === 1;
      return { allowed, count: (intOf(r.a[1]) ?? 0) / 1000, key };
    },
  };
}
