/*
 * Command table entries of the sorted-set family: the range queries by rank, score and byte order. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { ArgSpec, CommandSpec } from '../types.ts';
import { block, dbl, int, keyArg, keyAt, oneOf, str, token, tokens } from '../spec-helpers.ts';

/** Argument shared by ZRANGE, ZREVRANGE, ZREVRANGEBYSCORE. */
const WITHSCORES_ARG: ArgSpec = token('withscores', 'WITHSCORES', { optional: true });

/** Argument shared by ZRANGESTORE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX. */
const OFFSET_COUNT_ARG: ArgSpec = block('offset_count', [int('offset'), int('count')], {
  token: 'LIMIT',
  optional: true,
});

export const zsetRangeSpecs: CommandSpec[] = [
  {
    name: 'zrange',
    summary: 'Lists sorted-set members selected by rank, score or byte order, optionally reversed and paged.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      str('start'),
      str('stop'),
      oneOf('sortby', tokens('byscore', 'bylex'), { since: '6.2.0', optional: true }),
      token('rev', 'REV', { since: '6.2.0', optional: true }),
      block('offset_count', [int('offset'), int('count')], {
        token: 'LIMIT',
        since: '6.2.0',
        optional: true,
      }),
      WITHSCORES_ARG,
    ],
    history: [['6.2.0', 'REV, BYSCORE, BYLEX and LIMIT options arrive.']],
  },
  {
    name: 'zrangestore',
    summary: 'Copies the members a ZRANGE selection would list into a new sorted set.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
    keySpecs: [keyAt(1, ['OW', 'UPDATE']), keyAt(2, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(0, 'dst'),
      keyArg(1, 'src'),
      str('min'),
      str('max'),
      oneOf('sortby', tokens('byscore', 'bylex'), { optional: true }),
      token('rev', 'REV', { optional: true }),
      OFFSET_COUNT_ARG,
    ],
  },
  {
    name: 'zrevrange',
    summary: 'Lists sorted-set members between two ranks, counting from the highest score.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), int('start'), int('stop'), WITHSCORES_ARG],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` argument',
  },
  {
    name: 'zrangebyscore',
    summary: 'Lists the sorted-set members whose scores lie inside a range, lowest first.',
    since: '1.0.5',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      dbl('min'),
      dbl('max'),
      token('withscores', 'WITHSCORES', { since: '2.0.0', optional: true }),
      OFFSET_COUNT_ARG,
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYSCORE` argument',
    history: [['2.0.0', 'WITHSCORES option arrives.']],
  },
  {
    name: 'zrevrangebyscore',
    summary: 'Lists the sorted-set members whose scores lie inside a range, highest first.',
    since: '2.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), dbl('max'), dbl('min'), WITHSCORES_ARG, OFFSET_COUNT_ARG],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYSCORE` arguments',
    history: [['2.1.6', 'A bound may be made exclusive.']],
  },
  {
    name: 'zrangebylex',
    summary: 'Lists the sorted-set members inside a byte-order range, in ascending order.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), str('min'), str('max'), OFFSET_COUNT_ARG],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYLEX` argument',
  },
  {
    name: 'zrevrangebylex',
    summary: 'Lists the sorted-set members inside a byte-order range, in descending order.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), str('max'), str('min'), OFFSET_COUNT_ARG],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYLEX` arguments',
  },
];
