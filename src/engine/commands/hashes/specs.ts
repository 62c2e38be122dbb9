/*
 * The hash family's command table, assembled from its two spec files.
 */
import type { CommandSpec } from '../types.ts';
import { hashReadSpecs } from './specs-read.ts';
import { hashWriteSpecs } from './specs-write.ts';

export const hashSpecs: CommandSpec[] = [...hashWriteSpecs, ...hashReadSpecs];
