/*
 * Command table entries of the sorted-set family: the pops, blocking or not. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { CommandSpec } from '../types.ts';
import { dbl, int, keyArg, keyAt, keynum, oneOf, tokens } from '../spec-helpers.ts';

export const zsetPopSpecs: CommandSpec[] = [
  {
    name: 'zpopmin',
    summary: 'Takes the members with the lowest scores out of a sorted set and answers them.',
    since: '5.0.0',
    group: 'sorted-set',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity:
      'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'DELETE'])],
    arguments: [keyArg(), int('count', { optional: true })],
  },
  {
    name: 'zpopmax',
    summary: 'Takes the members with the highest scores out of a sorted set and answers them.',
    since: '5.0.0',
    group: 'sorted-set',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity:
      'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'DELETE'])],
    arguments: [keyArg(), int('count', { optional: true })],
  },
  {
    name: 'zmpop',
    summary:
      'Takes the lowest or highest scoring members out of the first non-empty sorted set of a list of keys.',
    since: '7.0.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    keySpecs: [keynum(1, ['RW', 'ACCESS', 'DELETE'])],
    arguments: [
      int('numkeys'),
      keyArg(0, 'key', { multiple: true }),
      oneOf('where', tokens('min', 'max')),
      int('count', { token: 'COUNT', optional: true }),
    ],
  },
  {
    name: 'bzpopmin',
    summary:
      'Takes the lowest-scoring member out of the first non-empty sorted set, waiting for one if needed.',
    since: '5.0.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['write', 'noscript', 'blocking', 'fast'],
    acl: ['write', 'sortedset', 'fast', 'blocking'],
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'DELETE'], { lastKey: -2 })],
    arguments: [keyArg(0, 'key', { multiple: true }), dbl('timeout')],
    history: [['6.0.0', 'The timeout may have a fractional part.']],
  },
  {
    name: 'bzpopmax',
    summary:
      'Takes the highest-scoring member out of the first non-empty sorted set, waiting for one if needed.',
    since: '5.0.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['write', 'noscript', 'blocking', 'fast'],
    acl: ['write', 'sortedset', 'fast', 'blocking'],
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'DELETE'], { lastKey: -2 })],
    arguments: [keyArg(0, 'key', { multiple: true }), dbl('timeout')],
    history: [['6.0.0', 'The timeout may have a fractional part.']],
  },
  {
    name: 'bzmpop',
    summary: 'Like ZMPOP, but waits for a sorted set to become non-empty when all are empty.',
    since: '7.0.0',
    group: 'sorted-set',
    arity: -5,
    flags: ['write', 'blocking'],
    acl: ['write', 'sortedset', 'slow', 'blocking'],
    complexity:
      'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    keySpecs: [keynum(2, ['RW', 'ACCESS', 'DELETE'])],
    arguments: [
      dbl('timeout'),
      int('numkeys'),
      keyArg(0, 'key', { multiple: true }),
      oneOf('where', tokens('min', 'max')),
      int('count', { token: 'COUNT', optional: true }),
    ],
  },
];
