/*
 * Command table entries of the hash family: HSET to HLEN. Redis 7.0 facts as COMMAND INFO / COMMAND DOCS
 * report them (arity, flags, ACL categories, key specs, arguments, since, complexity, deprecation),
 * with one-line summaries and history notes written in our own words.
 */
import type { CommandSpec } from '../types.ts';

export const hashWriteSpecs: CommandSpec[] = [
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
];
