/*
 * The stream family (Redis's t_stream.c), without consumer groups: XADD XRANGE XREVRANGE XLEN XDEL
 * XTRIM XSETID XREAD. Table entries live in specs.ts; handlers:
 *   write.ts   XADD XDEL XTRIM XSETID (option parsing of XADD/XTRIM in trim-args.ts)
 *   range.ts   XRANGE XREVRANGE XLEN
 *   read.ts    XREAD, BLOCK included (option parsing shared with XREADGROUP in read-args.ts)
 * The value itself: id.ts (IDs), node.ts (listpack-like nodes), model.ts (StreamValue, groups),
 * ops.ts / trim.ts / lag.ts (operations), reply.ts (entry replies).
 */
import type { CommandFamily } from '../types.ts';
import { rangeHandlers } from './range.ts';
import { readHandlers } from './read.ts';
import { streamSpecs } from './specs.ts';
import { writeHandlers } from './write.ts';

export const streamCommands: CommandFamily = {
  specs: streamSpecs,
  handlers: { ...writeHandlers, ...rangeHandlers, ...readHandlers },
};
