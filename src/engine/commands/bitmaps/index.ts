/*
 * The bitmap family (Redis's bitops.c): bit-level commands on string values.
 *   commands.ts  SETBIT GETBIT BITCOUNT BITPOS BITOP
 *   bitfield.ts  BITFIELD BITFIELD_RO
 *   access.ts    offset parsing and opening a string for bit writes
 *   bits.ts      pure bit helpers (popcount, first bit, packed integers, overflow rules)
 */
import type { CommandFamily } from '../types.ts';
import { bitfieldHandlers } from './bitfield.ts';
import { bitHandlers } from './commands.ts';
import { bitmapSpecs } from './specs.ts';

export const bitmapCommands: CommandFamily = {
  specs: bitmapSpecs,
  handlers: { ...bitHandlers, ...bitfieldHandlers },
};
