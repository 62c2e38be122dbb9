/*
 * Command table entries for MEMORY and its subcommands (facts from Redis 7.0.15's command metadata).
 */
import { int, keyArg, keyAt } from './spec-helpers.ts';
import type { CommandSpec } from './types.ts';

const SHARDED_TIPS = ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'];

export const memorySpecs: CommandSpec[] = [
  {
    name: 'memory',
    summary: 'Groups the subcommands that report on memory use.',
    since: '4.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  {
    name: 'memory|usage',
    summary: 'Estimates the bytes a key and its value occupy.',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of samples.',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'slow'],
    keySpecs: [keyAt(2, ['RO'])],
    arguments: [keyArg(), int('count', { token: 'SAMPLES', optional: true })],
  },
  {
    name: 'memory|stats',
    summary: 'Breaks the memory use of the server down by purpose.',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: [],
    acl: ['slow'],
    tips: SHARDED_TIPS,
  },
  {
    name: 'memory|doctor',
    summary: 'Gives advice about memory problems it can spot.',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: [],
    acl: ['slow'],
    tips: SHARDED_TIPS,
  },
  {
    name: 'memory|malloc-stats',
    summary: "Prints the memory allocator's own statistics.",
    since: '4.0.0',
    group: 'server',
    complexity: 'Depends on how much memory is allocated, could be slow',
    arity: 2,
    flags: [],
    acl: ['slow'],
    tips: SHARDED_TIPS,
  },
  {
    name: 'memory|purge',
    summary: 'Asks the allocator to give unused pages back.',
    since: '4.0.0',
    group: 'server',
    complexity: 'Depends on how much memory is allocated, could be slow',
    arity: 2,
    flags: [],
    acl: ['slow'],
    tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  },
  {
    name: 'memory|help',
    summary: 'Lists the MEMORY subcommands.',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['slow'],
  },
];
