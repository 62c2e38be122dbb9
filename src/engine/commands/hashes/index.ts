/*
 * The hash family (Redis's t_hash.c): every hash command of Redis 7.0.
 *   hashes/value.ts     the hash type API: creation, field writes, listpack -> hashtable conversion
 *   hashes/fields.ts    HSET HMSET HSETNX HGET HMGET HDEL HLEN HEXISTS HSTRLEN HGETALL HKEYS HVALS
 *   hashes/counters.ts  HINCRBY HINCRBYFLOAT
 *   hashes/random.ts    HRANDFIELD
 *   hashes/scan.ts      HSCAN
 *   hashes/specs.ts     the command table entries
 */
import type { CommandFamily } from '../types.ts';
import { counterHandlers } from './counters.ts';
import { fieldHandlers } from './fields.ts';
import { randomHandlers } from './random.ts';
import { scanHandlers } from './scan.ts';
import { hashSpecs } from './specs.ts';

export const hashCommands: CommandFamily = {
  specs: hashSpecs,
  handlers: { ...fieldHandlers, ...counterHandlers, ...randomHandlers, ...scanHandlers },
};
