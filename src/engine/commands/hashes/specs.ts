/*
 * Command table entries of the hash family (Redis 7.0 facts as COMMAND INFO / COMMAND DOCS report them:
 * arity, flags, ACL categories, key specs, arguments, since, complexity, deprecation) with one-line
 * summaries and history notes written in our own words.
 */
import type { CommandSpec } from '../types.ts';

export const hashSpecs: CommandSpec[] = [
  {
    name: 'hset',
    summary: 'Stores one or more field/value pairs in a hash, answering how many fields are new.',
    since: '2.0.0',
    group: 'hash',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    complexity:
      'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
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
        name: 'field_value',
        type: 'block',
        multiple: true,
        arguments: [
          {
            name: 'field',
            type: 'string',
          },
          {
            name: 'value',
            type: 'string',
          },
        ],
      },
    ],
    history: [['4.0.0', 'Takes any number of field/value pairs.']],
  },
  {
    name: 'hsetnx',
    summary: 'Stores a field in a hash only when that field is not there yet.',
    since: '2.0.0',
    group: 'hash',
    arity: 4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    complexity: 'O(1)',
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
        name: 'field',
        type: 'string',
      },
      {
        name: 'value',
        type: 'string',
      },
    ],
  },
  {
    name: 'hget',
    summary: 'Answers the value held by one field of a hash.',
    since: '2.0.0',
    group: 'hash',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
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
        name: 'field',
        type: 'string',
      },
    ],
  },
  {
    name: 'hmget',
    summary: 'Answers the values of several hash fields, nil for each missing one.',
    since: '2.0.0',
    group: 'hash',
    arity: -3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'hash', 'fast'],
    complexity: 'O(N) where N is the number of fields being requested.',
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
        name: 'field',
        type: 'string',
        multiple: true,
      },
    ],
  },
  {
    name: 'hmset',
    summary: 'Stores several field/value pairs in a hash (older form of HSET, answers OK).',
    since: '2.0.0',
    group: 'hash',
    arity: -4,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'hash', 'fast'],
    complexity: 'O(N) where N is the number of fields being set.',
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
        name: 'field_value',
        type: 'block',
        multiple: true,
        arguments: [
          {
            name: 'field',
            type: 'string',
          },
          {
            name: 'value',
            type: 'string',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '4.0.0',
    replacedBy: '`HSET` with multiple field-value pairs',
  },
  {
    name: 'hgetall',
    summary: 'Answers every field of a hash together with its value.',
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
    name: 'hdel',
    summary: 'Removes fields from a hash, dropping the key once it is empty.',
    since: '2.0.0',
    group: 'hash',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'hash', 'fast'],
    complexity: 'O(N) where N is the number of fields to be removed.',
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
        name: 'field',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['2.4.0', 'Takes any number of fields.']],
  },
  {
    name: 'hlen',
    summary: 'Answers how many fields a hash holds.',
    since: '2.0.0',
    group: 'hash',
    arity: 2,
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
    ],
  },
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
