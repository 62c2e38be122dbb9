/*
 * The set family's command table, assembled from its two spec files.
 */
import type { CommandSpec } from '../types.ts';
import { setAlgebraSpecs } from './specs-algebra.ts';
import { setMemberSpecs } from './specs-members.ts';

export const setSpecs: CommandSpec[] = [...setMemberSpecs, ...setAlgebraSpecs];
