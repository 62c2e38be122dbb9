/*
 * Command table entries of the sorted-set family: the commands that add, change or remove members. Facts as Redis 7.0 publishes them through
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
];
