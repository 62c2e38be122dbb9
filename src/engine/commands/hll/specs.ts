/*
 * Command table entries of the HyperLogLog family: Redis 7.0's facts (COMMAND INFO / DOCS) with
 * summaries and key-spec notes in our own words.
 */
import type { CommandSpec } from '../types.ts';
import { keyArg, keyAt, str } from '../spec-helpers.ts';

export const hllSpecs: CommandSpec[] = [
  {
    name: 'pfadd',
    summary: 'Adds elements to a HyperLogLog counter, creating it when absent.',
    since: '2.8.9',
    group: 'hyperloglog',
    arity: -2,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hyperloglog', 'fast'],
    complexity: 'O(1) to add every element.',
    keySpecs: [keyAt(1, ['RW', 'INSERT'])],
    arguments: [keyArg(), str('element', { optional: true, multiple: true })],
  },
  {
    name: 'pfcount',
    summary: 'Estimates how many distinct elements one HyperLogLog, or the union of several, has seen.',
    since: '2.8.9',
    group: 'hyperloglog',
    arity: -2,
    flags: ['readonly', 'may_replicate'],
    acl: ['read', 'hyperloglog', 'slow'],
    complexity:
      'O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.',
    keySpecs: [
      keyAt(1, ['RW', 'ACCESS'], {
        lastKey: -1,
        notes:
          'Read-write: counting may rewrite the cached cardinality in the stored value, which replicas then receive.',
      }),
    ],
    arguments: [keyArg(0, 'key', { multiple: true })],
  },
  {
    name: 'pfmerge',
    summary: 'Stores the union of HyperLogLog counters at a destination key.',
    since: '2.8.9',
    group: 'hyperloglog',
    arity: -2,
    flags: ['write', 'denyoom'],
    acl: ['write', 'hyperloglog', 'slow'],
    complexity: 'O(N) to merge N HyperLogLogs, but with high constant times.',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'INSERT']), keyAt(2, ['RO', 'ACCESS'], { lastKey: -1 })],
    arguments: [keyArg(0, 'destkey'), keyArg(1, 'sourcekey', { multiple: true })],
  },
  {
    name: 'pfdebug',
    summary: 'Internal inspection of a HyperLogLog value (registers, encoding, conversion).',
    since: '2.8.9',
    group: 'hyperloglog',
    arity: 3,
    flags: ['write', 'denyoom', 'admin'],
    acl: ['write', 'hyperloglog', 'admin', 'slow', 'dangerous'],
    complexity: 'N/A',
    keySpecs: [keyAt(2, ['RW', 'ACCESS'])],
    arguments: [str('subcommand'), keyArg()],
    docFlags: ['syscmd'],
  },
  {
    name: 'pfselftest',
    summary: 'Runs the HyperLogLog implementation self checks.',
    since: '2.8.9',
    group: 'hyperloglog',
    arity: 1,
    flags: ['admin'],
    acl: ['hyperloglog', 'admin', 'slow', 'dangerous'],
    complexity: 'N/A',
    docFlags: ['syscmd'],
  },
];
