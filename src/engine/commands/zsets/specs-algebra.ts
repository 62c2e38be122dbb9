/*
 * Command table entries of the sorted-set family: union, intersection and difference, answered or stored. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { CommandSpec } from '../types.ts';
import { int, keyArg, keyAt, keynum, oneOf, token, tokens } from '../spec-helpers.ts';

export const zsetAlgebraSpecs: CommandSpec[] = [
  {
    name: 'zunion',
    summary: 'Answers the union of sorted sets, combining the scores of shared members.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    keySpecs: [keynum(1, ['RO', 'ACCESS'])],
    arguments: [
      int('numkeys'),
      keyArg(0, 'key', { multiple: true }),
      int('weight', { token: 'WEIGHTS', optional: true, multiple: true }),
      oneOf('aggregate', tokens('sum', 'min', 'max'), { token: 'AGGREGATE', optional: true }),
      token('withscores', 'WITHSCORES', { optional: true }),
    ],
  },
  {
    name: 'zinter',
    summary: 'Answers the members common to all the given sorted sets, with combined scores.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    keySpecs: [keynum(1, ['RO', 'ACCESS'])],
    arguments: [
      int('numkeys'),
      keyArg(0, 'key', { multiple: true }),
      int('weight', { token: 'WEIGHTS', optional: true, multiple: true }),
      oneOf('aggregate', tokens('sum', 'min', 'max'), { token: 'AGGREGATE', optional: true }),
      token('withscores', 'WITHSCORES', { optional: true }),
    ],
  },
  {
    name: 'zdiff',
    summary: 'Answers the members of the first sorted set that no other given set contains.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    keySpecs: [keynum(1, ['RO', 'ACCESS'])],
    arguments: [
      int('numkeys'),
      keyArg(0, 'key', { multiple: true }),
      token('withscores', 'WITHSCORES', { optional: true }),
    ],
  },
  {
    name: 'zunionstore',
    summary: 'Saves the union of sorted sets, with combined scores, under a destination key.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    keySpecs: [keyAt(1, ['OW', 'UPDATE']), keynum(2, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(0, 'destination'),
      int('numkeys'),
      keyArg(1, 'key', { multiple: true }),
      int('weight', { token: 'WEIGHTS', optional: true, multiple: true }),
      oneOf('aggregate', tokens('sum', 'min', 'max'), { token: 'AGGREGATE', optional: true }),
    ],
  },
  {
    name: 'zinterstore',
    summary:
      'Saves the members common to all given sorted sets, with combined scores, under a destination key.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    keySpecs: [keyAt(1, ['OW', 'UPDATE']), keynum(2, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(0, 'destination'),
      int('numkeys'),
      keyArg(1, 'key', { multiple: true }),
      int('weight', { token: 'WEIGHTS', optional: true, multiple: true }),
      oneOf('aggregate', tokens('sum', 'min', 'max'), { token: 'AGGREGATE', optional: true }),
    ],
  },
  {
    name: 'zdiffstore',
    summary: 'Saves the members of the first sorted set missing from the others under a destination key.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    keySpecs: [keyAt(1, ['OW', 'UPDATE']), keynum(2, ['RO', 'ACCESS'])],
    arguments: [keyArg(0, 'destination'), int('numkeys'), keyArg(1, 'key', { multiple: true })],
  },
  {
    name: 'zintercard',
    summary: 'Counts the members common to all given sorted sets, optionally stopping at a limit.',
    since: '7.0.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
    keySpecs: [keynum(1, ['RO', 'ACCESS'])],
    arguments: [
      int('numkeys'),
      keyArg(0, 'key', { multiple: true }),
      int('limit', { token: 'LIMIT', optional: true }),
    ],
  },
];
