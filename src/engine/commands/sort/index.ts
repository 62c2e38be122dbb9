/*
 * The SORT family (Redis's sort.c): SORT and SORT_RO.
 *   sort/options.ts  argument parsing
 *   sort/pattern.ts  BY / GET pattern lookups ('*' substitution, '->field', '#')
 *   sort/load.ts     the elements to sort and the LIMIT window
 *   sort/compare.ts  weights and the comparison (numeric, ALPHA, DESC)
 *   sort/pqsort.ts   the partial quicksort used for BY + LIMIT
 *   sort/sort.ts     the command flow, replies and STORE
 *   sort/specs.ts    the command table entries
 */
import type { CommandFamily } from '../types.ts';
import { sortHandlers } from './sort.ts';
import { sortSpecs } from './specs.ts';

export const sortCommands: CommandFamily = { specs: sortSpecs, handlers: sortHandlers };
