/*
 * Command table entries of the sorted-set family: point reads, counts, random picks and scans. Facts as Redis 7.0 publishes them through
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
