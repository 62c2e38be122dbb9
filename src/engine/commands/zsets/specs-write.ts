/*
 * Command table entries of the sorted-set family, the commands that modify or store. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { CommandSpec } from '../types.ts';

export const zsetWriteSpecs: CommandSpec[] = [
  {
    name: 'zadd',
    summary: 'Inserts members with scores into a sorted set, or changes the scores of members already there.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    keySpecs: [
      {
        flags: ['RW', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'condition',
        type: 'oneof',
        since: '3.0.2',
        optional: true,
        arguments: [
          {
            name: 'nx',
            type: 'pure-token',
            token: 'NX',
          },
          {
            name: 'xx',
            type: 'pure-token',
            token: 'XX',
          },
        ],
      },
      {
        name: 'comparison',
        type: 'oneof',
        since: '6.2.0',
        optional: true,
        arguments: [
          {
            name: 'gt',
            type: 'pure-token',
            token: 'GT',
          },
          {
            name: 'lt',
            type: 'pure-token',
            token: 'LT',
          },
        ],
      },
      {
        name: 'change',
        type: 'pure-token',
        token: 'CH',
        since: '3.0.2',
        optional: true,
      },
      {
        name: 'increment',
        type: 'pure-token',
        token: 'INCR',
        since: '3.0.2',
        optional: true,
      },
      {
        name: 'score_member',
        type: 'block',
        multiple: true,
        arguments: [
          {
            name: 'score',
            type: 'double',
          },
          {
            name: 'member',
            type: 'string',
          },
        ],
      },
    ],
    history: [
      ['2.4.0', 'Takes several score/member pairs in one call.'],
      ['3.0.2', 'XX, NX, CH and INCR options arrive.'],
      ['6.2.0', 'GT and LT options arrive.'],
    ],
  },
  {
    name: 'zincrby',
    summary: 'Raises the score of one sorted-set member by an amount, adding the member when missing.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity: 'O(log(N)) where N is the number of elements in the sorted set.',
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'increment',
        type: 'integer',
      },
      {
        name: 'member',
        type: 'string',
      },
    ],
  },
  {
    name: 'zrem',
    summary: 'Deletes the given members from a sorted set.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'sortedset', 'fast'],
    complexity:
      'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    keySpecs: [
      {
        flags: ['RW', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'member',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['2.4.0', 'Takes several score/member pairs in one call.']],
  },
  {
    name: 'zremrangebyrank',
    summary: 'Deletes the sorted-set members whose positions fall between two ranks.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    keySpecs: [
      {
        flags: ['RW', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'start',
        type: 'integer',
      },
      {
        name: 'stop',
        type: 'integer',
      },
    ],
  },
  {
    name: 'zremrangebyscore',
    summary: 'Deletes the sorted-set members whose scores fall inside a range.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    keySpecs: [
      {
        flags: ['RW', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'min',
        type: 'double',
      },
      {
        name: 'max',
        type: 'double',
      },
    ],
  },
  {
    name: 'zremrangebylex',
    summary: 'Deletes the sorted-set members that fall inside a byte-order range.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    keySpecs: [
      {
        flags: ['RW', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'min',
        type: 'string',
      },
      {
        name: 'max',
        type: 'string',
      },
    ],
  },
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'count',
        type: 'integer',
        optional: true,
      },
    ],
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'count',
        type: 'integer',
        optional: true,
      },
    ],
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'keynum',
          keyNumIdx: 0,
          firstKey: 1,
          keyStep: 1,
        },
      },
    ],
    arguments: [
      {
        name: 'numkeys',
        type: 'integer',
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
        multiple: true,
      },
      {
        name: 'where',
        type: 'oneof',
        arguments: [
          {
            name: 'min',
            type: 'pure-token',
            token: 'MIN',
          },
          {
            name: 'max',
            type: 'pure-token',
            token: 'MAX',
          },
        ],
      },
      {
        name: 'count',
        type: 'integer',
        token: 'COUNT',
        optional: true,
      },
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: -2,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
        multiple: true,
      },
      {
        name: 'timeout',
        type: 'double',
      },
    ],
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: -2,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
        multiple: true,
      },
      {
        name: 'timeout',
        type: 'double',
      },
    ],
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'keynum',
          keyNumIdx: 0,
          firstKey: 1,
          keyStep: 1,
        },
      },
    ],
    arguments: [
      {
        name: 'timeout',
        type: 'double',
      },
      {
        name: 'numkeys',
        type: 'integer',
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
        multiple: true,
      },
      {
        name: 'where',
        type: 'oneof',
        arguments: [
          {
            name: 'min',
            type: 'pure-token',
            token: 'MIN',
          },
          {
            name: 'max',
            type: 'pure-token',
            token: 'MAX',
          },
        ],
      },
      {
        name: 'count',
        type: 'integer',
        token: 'COUNT',
        optional: true,
      },
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
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'keynum',
          keyNumIdx: 0,
          firstKey: 1,
          keyStep: 1,
        },
      },
    ],
    arguments: [
      {
        name: 'destination',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'numkeys',
        type: 'integer',
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
      {
        name: 'weight',
        type: 'integer',
        token: 'WEIGHTS',
        optional: true,
        multiple: true,
      },
      {
        name: 'aggregate',
        type: 'oneof',
        token: 'AGGREGATE',
        optional: true,
        arguments: [
          {
            name: 'sum',
            type: 'pure-token',
            token: 'SUM',
          },
          {
            name: 'min',
            type: 'pure-token',
            token: 'MIN',
          },
          {
            name: 'max',
            type: 'pure-token',
            token: 'MAX',
          },
        ],
      },
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
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'keynum',
          keyNumIdx: 0,
          firstKey: 1,
          keyStep: 1,
        },
      },
    ],
    arguments: [
      {
        name: 'destination',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'numkeys',
        type: 'integer',
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
      {
        name: 'weight',
        type: 'integer',
        token: 'WEIGHTS',
        optional: true,
        multiple: true,
      },
      {
        name: 'aggregate',
        type: 'oneof',
        token: 'AGGREGATE',
        optional: true,
        arguments: [
          {
            name: 'sum',
            type: 'pure-token',
            token: 'SUM',
          },
          {
            name: 'min',
            type: 'pure-token',
            token: 'MIN',
          },
          {
            name: 'max',
            type: 'pure-token',
            token: 'MAX',
          },
        ],
      },
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
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'keynum',
          keyNumIdx: 0,
          firstKey: 1,
          keyStep: 1,
        },
      },
    ],
    arguments: [
      {
        name: 'destination',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'numkeys',
        type: 'integer',
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
    ],
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
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'dst',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'src',
        type: 'key',
        keySpecIndex: 1,
      },
      {
        name: 'min',
        type: 'string',
      },
      {
        name: 'max',
        type: 'string',
      },
      {
        name: 'sortby',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'byscore',
            type: 'pure-token',
            token: 'BYSCORE',
          },
          {
            name: 'bylex',
            type: 'pure-token',
            token: 'BYLEX',
          },
        ],
      },
      {
        name: 'rev',
        type: 'pure-token',
        token: 'REV',
        optional: true,
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
    ],
  },
];
