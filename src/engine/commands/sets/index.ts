/*
 * The set family (Redis 7.0's t_set.c): every set command.
 *   sets/value.ts            the set type API: intset / hashtable encodings and conversion
 *   sets/members.ts          SADD SREM SISMEMBER SMISMEMBER SCARD SMOVE
 *   sets/algebra.ts          SINTER SMEMBERS SINTERCARD SINTERSTORE SUNION(STORE) SDIFF(STORE)
 *   sets/random.ts           SPOP SRANDMEMBER
 *   sets/scan.ts             SSCAN
 *   sets/keyspace.ts         keyspace access shared with the hash family
 *   sets/collection-scan.ts  HSCAN/SSCAN option parsing and replies
 *   sets/specs.ts            the command table entries
 */
import type { CommandFamily } from '../types.ts';
import { algebraHandlers } from './algebra.ts';
import { memberHandlers } from './members.ts';
import { randomHandlers } from './random.ts';
import { scanHandlers } from './scan.ts';
import { setSpecs } from './specs.ts';

export const setCommands: CommandFamily = {
  specs: setSpecs,
  handlers: { ...memberHandlers, ...algebraHandlers, ...randomHandlers, ...scanHandlers },
};
