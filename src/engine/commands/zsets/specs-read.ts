/*
 * Command table entries of the sorted-set family, the commands that only read. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { CommandSpec } from '../types.ts';

export const zsetReadSpecs: CommandSpec[] = [
  {
    name: 'zcard',
    summary: 'Counts the members of a sorted set.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(1)',
    keySpecs: [
      {
        flags: ['RO'],
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
    ],
  },
  {
    name: 'zscore',
    summary: 'Answers the score one member has in a sorted set.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(1)',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      },
    ],
  },
  {
    name: 'zmscore',
    summary: 'Answers the scores of several members of a sorted set at once.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(N) where N is the number of members being requested.',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
  },
  {
    name: 'zrank',
    summary: 'Gives the position of a member in a sorted set, counting from the lowest score.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(log(N))',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      },
    ],
  },
  {
    name: 'zrevrank',
    summary: 'Gives the position of a member in a sorted set, counting from the highest score.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(log(N))',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      },
    ],
  },
  {
    name: 'zcount',
    summary: 'Counts the sorted-set members whose scores lie inside a range.',
    since: '2.0.0',
    group: 'sorted-set',
    arity: 4,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
    name: 'zlexcount',
    summary: 'Counts the sorted-set members that lie inside a byte-order range.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: 4,
    flags: ['readonly', 'fast'],
    acl: ['read', 'sortedset', 'fast'],
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
    name: 'zrange',
    summary: 'Lists sorted-set members selected by rank, score or byte order, optionally reversed and paged.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        type: 'string',
      },
      {
        name: 'stop',
        type: 'string',
      },
      {
        name: 'sortby',
        type: 'oneof',
        since: '6.2.0',
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
        since: '6.2.0',
        optional: true,
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        since: '6.2.0',
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
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
    ],
    history: [['6.2.0', 'REV, BYSCORE, BYLEX and LIMIT options arrive.']],
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        since: '2.0.0',
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        name: 'max',
        type: 'double',
      },
      {
        name: 'min',
        type: 'double',
      },
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        name: 'max',
        type: 'string',
      },
      {
        name: 'min',
        type: 'string',
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
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYLEX` arguments',
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` argument',
  },
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
    ],
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        name: 'limit',
        type: 'integer',
        token: 'LIMIT',
        optional: true,
      },
    ],
  },
  {
    name: 'zrandmember',
    summary: 'Picks one or more random members of a sorted set, optionally with their scores.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity: 'O(N) where N is the number of elements returned',
    tips: ['nondeterministic_output'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        name: 'options',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'count',
            type: 'integer',
          },
          {
            name: 'withscores',
            type: 'pure-token',
            token: 'WITHSCORES',
            optional: true,
          },
        ],
      },
    ],
  },
  {
    name: 'zscan',
    summary: 'Walks the members and scores of a sorted set in pages with a cursor.',
    since: '2.8.0',
    group: 'sorted-set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    tips: ['nondeterministic_output'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
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
        name: 'cursor',
        type: 'integer',
      },
      {
        name: 'pattern',
        type: 'pattern',
        token: 'MATCH',
        optional: true,
      },
      {
        name: 'count',
        type: 'integer',
        token: 'COUNT',
        optional: true,
      },
    ],
  },
];
