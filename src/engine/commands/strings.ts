/*
 * The string family (Redis's t_string.c): every string command of Redis 7.0. The table entries live in
 * strings/specs.ts; handlers are grouped by what they do:
 *   strings/setget.ts    GET SET SETNX SETEX PSETEX GETSET GETEX GETDEL MGET MSET MSETNX
 *   strings/counters.ts  INCR DECR INCRBY DECRBY INCRBYFLOAT
 *   strings/ranges.ts    APPEND STRLEN SETRANGE GETRANGE SUBSTR
 *   strings/lcs.ts       LCS
 * strings/value.ts holds the encodings and keyspace access rules they share.
 */
import { counterHandlers } from './strings/counters.ts';
import { lcsHandlers } from './strings/lcs.ts';
import { rangeHandlers } from './strings/ranges.ts';
import { setGetHandlers } from './strings/setget.ts';
import { stringSpecs } from './strings/specs.ts';
import type { CommandFamily } from './types.ts';

export { newString } from './strings/value.ts';

export const stringCommands: CommandFamily = {
  specs: stringSpecs,
  handlers: { ...setGetHandlers, ...counterHandlers, ...rangeHandlers, ...lcsHandlers },
};
