/*
 * Command table entries of the hash family: HEXISTS to HSCAN. Redis 7.0 facts as COMMAND INFO / COMMAND DOCS
 * report them (arity, flags, ACL categories, key specs, arguments, since, complexity, deprecation),
 * with one-line summaries and history notes written in our own words.
 */
import type { CommandSpec } from '../types.ts';

export const hashReadSpecs: CommandSpec[] = [
  {
    name: 'hexists',
    summary: 'Tells whether a hash has a given field.',
    since: '2.0.0',
    group: 'hash',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
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
      {
        name: 'field',
        type: 'string',
      },
    ],
  },
  {
    name: 'hincrby',
    summary: 'Adds an integer to the number held in a hash field.',
    since: '2.0.0',
    group: 'hash',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    complexity: 'O(1)',
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
        name: 'field',
        type: 'string',
      },
      {
        name: 'increment',
        type: 'integer',
      },
    ],
  },
  {
    name: 'hincrbyfloat',
    summary: 'Adds a floating point amount to the number held in a hash field.',
    since: '2.6.0',
    group: 'hash',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    complexity: 'O(1)',
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
        name: 'field',
        type: 'string',
      },
      {
        name: 'increment',
        type: 'double',
      },
    ],
  },
  {
    name: 'hkeys',
    summary: 'Answers the field names of a hash.',
    since: '2.0.0',
    group: 'hash',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    complexity: 'O(N) where N is the size of the hash.',
    tips: ['nondeterministic_output_order'],
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
    ],
  },
  {
    name: 'hvals',
    summary: 'Answers the values of a hash without their fields.',
    since: '2.0.0',
    group: 'hash',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    complexity: 'O(N) where N is the size of the hash.',
    tips: ['nondeterministic_output_order'],
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
    ],
  },
  {
    name: 'hstrlen',
    summary: 'Answers the byte length of the value of a hash field.',
    since: '3.2.0',
    group: 'hash',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
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
      {
        name: 'field',
        type: 'string',
      },
    ],
  },
  {
    name: 'hrandfield',
    summary: 'Picks random fields of a hash, optionally distinct and with their values.',
    since: '6.2.0',
    group: 'hash',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
    complexity: 'O(N) where N is the number of fields returned',
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
            name: 'withvalues',
            type: 'pure-token',
            token: 'WITHVALUES',
            optional: true,
          },
        ],
      },
    ],
  },
  {
    name: 'hscan',
    summary: 'Walks the fields and values of a hash a page at a time with a cursor.',
    since: '2.8.0',
    group: 'hash',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'hash', 'slow'],
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
