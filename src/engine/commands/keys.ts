/*
 * The keyspace family (Redis's db.c, expire.c and the generic part of object.c): commands that work on
 * keys whatever their type. Specs and handlers live in the keys-* files by theme; this module joins
 * them into one CommandFamily.
 */
import { expireHandlers } from './keys-expire.ts';
import { genericHandlers } from './keys-generic.ts';
import { moveHandlers } from './keys-move.ts';
import { objectHandlers } from './keys-object.ts';
import { scanHandlers } from './keys-scan.ts';
import { keyspaceSpecs } from './keys-specs.ts';
import { expireSpecs } from './keys-specs-expire.ts';
import { scanObjectSpecs } from './keys-specs-scan.ts';
import type { CommandFamily } from './types.ts';

export const keyCommands: CommandFamily = {
  specs: [...keyspaceSpecs, ...expireSpecs, ...scanObjectSpecs],
  handlers: { ...genericHandlers, ...moveHandlers, ...expireHandlers, ...scanHandlers, ...objectHandlers },
};
