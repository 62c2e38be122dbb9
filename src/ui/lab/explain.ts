/*
 * What the lab says about each algorithm, in plain words: its name, the commands it sends per request
 * (so the log can be read against it), and its trade-off. Patterns get a one-line description too.
 */
import type { RateLimitAlgorithm, RateLimitPattern } from '../../protocol/ratelimit.ts';

export interface AlgorithmText {
  name: string;
  recipe: string;
  tradeoff: string;
}

export const ALGORITHM_TEXT: Record<RateLimitAlgorithm, AlgorithmText> = {
  'fixed-window': {
    name: 'Fixed window',
    recipe:
      'INCR rl:fixed:<client>:<window number>, then PEXPIRE <key> <window> NX. Allowed while the count is at most the limit.',
    tradeoff:
      'Cheapest: one counter per client and window. But windows are aligned to the clock, so a client can send the limit at the end of one window and again at the start of the next: up to twice the limit in one window length.',
  },
  'sliding-log': {
    name: 'Sliding log',
    recipe:
      'MULTI, ZREMRANGEBYSCORE <key> -inf <now - window>, ZADD <key> <now> <member>, ZCARD <key>, PEXPIRE <key> <window>, EXEC. Allowed while ZCARD is at most the limit.',
    tradeoff:
      'Exact: it counts every request of the last window, whenever the window starts. It costs one sorted-set member per request. This recipe is one MULTI, so it logs rejected requests too: a client that keeps sending over the limit stays rejected until it slows down.',
  },
  'sliding-counter': {
    name: 'Sliding window counter',
    recipe:
      'MGET <previous window> <current window>; estimate = previous × (time left in the window ÷ window) + current + 1; if the estimate is at most the limit: INCR <current>, PEXPIRE <current> <2 × window> NX.',
    tradeoff:
      'Two counters per client, nearly as smooth as the log: it assumes the previous window’s requests were spread evenly. Only allowed requests are counted. Not atomic (read, then write): two servers could both let a request through.',
  },
  'token-bucket': {
    name: 'Token bucket',
    recipe:
      'One Lua script (EVALSHA, or EVAL after NOSCRIPT): HMGET tokens and ts, refill for the time elapsed, take a token if there is one, HSET, PEXPIRE. The time is passed as an argument.',
    tradeoff:
      'Allows bursts up to the bucket’s capacity, then a steady rate of refill per second. Atomic, one small hash per client. Tokens are kept in thousandths so the arithmetic is exact.',
  },
};

export const PATTERN_TEXT: Record<RateLimitPattern, string> = {
  steady: 'evenly spaced requests at the rate',
  bursty: 'bursts of back-to-back requests, the rate on average (burst starts jitter, from the seed)',
  ramp: 'the rate grows from a fifth of it to twice it over 10 s',
};
