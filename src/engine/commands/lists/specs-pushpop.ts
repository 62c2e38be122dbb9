/*
 * Command table entries of the list family, pushes, pops and moves (LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP LMOVE RPOPLPUSH LMPOP). Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, complexity,
 * deprecation); summaries and history lines are our own words.
 */
import type { CommandSpec } from '../types.ts';

export const pushPopSpecs: CommandSpec[] = [
  {
    name: 'lpush',
    summary: 'Adds one or more elements to the head of a list, creating it if needed.',
    since: '1.0.0',
    group: 'list',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'list', 'fast'],
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    keySpecs: [
      {
        flags: ['RW', 'INSERT'],
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
        name: 'element',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['2.4.0', 'Takes several elements in one call.']],
  },
  {
    name: 'rpush',
    summary: 'Adds one or more elements to the tail of a list, creating it if needed.',
    since: '1.0.0',
    group: 'list',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'list', 'fast'],
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    keySpecs: [
      {
        flags: ['RW', 'INSERT'],
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
        name: 'element',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['2.4.0', 'Takes several elements in one call.']],
  },
  {
    name: 'lpushx',
    summary: 'Adds elements to the head of a list only when the list already exists.',
    since: '2.2.0',
    group: 'list',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'list', 'fast'],
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    keySpecs: [
      {
        flags: ['RW', 'INSERT'],
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
        name: 'element',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['4.0.0', 'Takes several elements in one call.']],
  },
  {
    name: 'rpushx',
    summary: 'Adds elements to the tail of a list only when the list already exists.',
    since: '2.2.0',
    group: 'list',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'list', 'fast'],
    complexity:
      'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    keySpecs: [
      {
        flags: ['RW', 'INSERT'],
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
        name: 'element',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['4.0.0', 'Takes several elements in one call.']],
  },
  {
    name: 'lpop',
    summary: 'Removes and answers the first element(s) of a list.',
    since: '1.0.0',
    group: 'list',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'list', 'fast'],
    complexity: 'O(N) where N is the number of elements returned',
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
        since: '6.2.0',
        optional: true,
      },
    ],
    history: [['6.2.0', 'COUNT argument arrives.']],
  },
  {
    name: 'rpop',
    summary: 'Removes and answers the last element(s) of a list.',
    since: '1.0.0',
    group: 'list',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'list', 'fast'],
    complexity: 'O(N) where N is the number of elements returned',
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
        since: '6.2.0',
        optional: true,
      },
    ],
    history: [['6.2.0', 'COUNT argument arrives.']],
  },
  {
    name: 'lmove',
    summary: 'Takes an element from one end of a list and puts it at an end of another.',
    since: '6.2.0',
    group: 'list',
    arity: 5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
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
    ],
  },
  {
    name: 'rpoplpush',
    summary: 'Takes the last element of a list and puts it at the head of another.',
    since: '1.2.0',
    group: 'list',
    arity: 3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
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
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`LMOVE` with the `RIGHT` and `LEFT` arguments',
  },
  {
    name: 'lmpop',
    summary: 'Pops element(s) from the first non-empty list among several keys.',
    since: '7.0.0',
    group: 'list',
    arity: -4,
    flags: ['write'],
    acl: ['write', 'list', 'slow'],
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
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
