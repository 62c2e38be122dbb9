/*
 * The string family's command table: whole-value commands (specs-setget.ts) followed by counters,
 * byte ranges and LCS (specs-other.ts).
 */
import type { CommandSpec } from '../types.ts';
import { valueSpecs } from './specs-other.ts';
import { setGetSpecs } from './specs-setget.ts';

export const stringSpecs: CommandSpec[] = [...setGetSpecs, ...valueSpecs];
