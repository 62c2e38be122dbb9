/*
 * Command table entries of the list family, blocking commands. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, complexity,
 * deprecation); summaries and history lines are our own words.
 */
import type { CommandSpec } from '../types.ts';

export const blockingListSpecs: CommandSpec[] = [
  {
    name: 'blpop',
    summary: 'Pops the first element of the first non-empty list, waiting for one if all are empty.',
    since: '2.0.0',
    group: 'list',
    arity: -3,
    flags: ['write', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    complexity: 'O(N) where N is the number of provided keys.',
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
    history: [['6.0.0', 'Timeout may be fractional (a double, no longer an integer).']],
  },
  {
    name: 'brpop',
    summary: 'Pops the last element of the first non-empty list, waiting for one if all are empty.',
    since: '2.0.0',
    group: 'list',
    arity: -3,
    flags: ['write', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    complexity: 'O(N) where N is the number of provided keys.',
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
    history: [['6.0.0', 'Timeout may be fractional (a double, no longer an integer).']],
  },
  {
    name: 'blmove',
    summary: 'Moves an element between lists like LMOVE, waiting while the source is empty.',
    since: '6.2.0',
    group: 'list',
    arity: 6,
    flags: ['write', 'denyoom', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    complexity: 'O(1)',
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
      {
        flags: ['RW', 'INSERT'],
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
        name: 'source',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'destination',
        type: 'key',
        keySpecIndex: 1,
      },
      {
        name: 'wherefrom',
        type: 'oneof',
        arguments: [
          {
            name: 'left',
            type: 'pure-token',
            token: 'LEFT',
          },
          {
            name: 'right',
            type: 'pure-token',
            token: 'RIGHT',
          },
        ],
      },
      {
        name: 'whereto',
        type: 'oneof',
        arguments: [
          {
            name: 'left',
            type: 'pure-token',
            token: 'LEFT',
          },
          {
            name: 'right',
            type: 'pure-token',
            token: 'RIGHT',
          },
        ],
      },
      {
        name: 'timeout',
        type: 'double',
      },
    ],
  },
  {
    name: 'brpoplpush',
    summary: 'Like RPOPLPUSH, but waits while the source list is empty.',
    since: '2.2.0',
    group: 'list',
    arity: 4,
    flags: ['write', 'denyoom', 'noscript', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    complexity: 'O(1)',
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
      {
        flags: ['RW', 'INSERT'],
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
        name: 'source',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'destination',
        type: 'key',
        keySpecIndex: 1,
      },
      {
        name: 'timeout',
        type: 'double',
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`BLMOVE` with the `RIGHT` and `LEFT` arguments',
    history: [['6.0.0', 'Timeout may be fractional (a double, no longer an integer).']],
  },
  {
    name: 'blmpop',
    summary: 'Pops element(s) from the first non-empty list among several keys, waiting if all are empty.',
    since: '7.0.0',
    group: 'list',
    arity: -5,
    flags: ['write', 'blocking'],
    acl: ['write', 'list', 'slow', 'blocking'],
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
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
            name: 'left',
            type: 'pure-token',
            token: 'LEFT',
          },
          {
            name: 'right',
            type: 'pure-token',
            token: 'RIGHT',
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
];
