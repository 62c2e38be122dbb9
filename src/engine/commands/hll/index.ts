/*
 * The HyperLogLog family (Redis's hyperloglog.c): probabilistic distinct counters stored as strings.
 *   commands.ts  PFADD PFCOUNT PFMERGE
 *   debug.ts     PFDEBUG PFSELFTEST
 * The representation and estimator live in ds/hll.ts, the hash in ds/hll-hash.ts.
 */
import type { CommandFamily } from '../types.ts';
import { hllHandlers } from './commands.ts';
import { hllDebugHandlers } from './debug.ts';
import { hllSpecs } from './specs.ts';

export const hllCommands: CommandFamily = {
  specs: hllSpecs,
  handlers: { ...hllHandlers, ...hllDebugHandlers },
};
