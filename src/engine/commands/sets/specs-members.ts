/*
 * Command table entries of the set family: member commands, SPOP, SRANDMEMBER. Redis 7.0 facts as COMMAND INFO / COMMAND DOCS
 * report them (arity, flags, ACL categories, key specs, arguments, since, complexity, deprecation),
 * with one-line summaries and history notes written in our own words.
 */
import type { CommandSpec } from '../types.ts';

export const setMemberSpecs: CommandSpec[] = [
  {
    name: 'sadd',
    summary: 'Puts members into a set, answering how many were not there before.',
    since: '1.0.0',
    group: 'set',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'set', 'fast'],
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
        name: 'member',
        type: 'string',
        multiple: true,
      },
    ],
    history: [['2.4.0', 'Takes any number of members.']],
  },
  {
    name: 'srem',
    summary: 'Takes members out of a set, dropping the key once it is empty.',
    since: '1.0.0',
    group: 'set',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'set', 'fast'],
    complexity: 'O(N) where N is the number of members to be removed.',
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
    history: [['2.4.0', 'Takes any number of members.']],
  },
  {
    name: 'smembers',
    summary: 'Answers every member of a set.',
    since: '1.0.0',
    group: 'set',
    arity: 2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    complexity: 'O(N) where N is the set cardinality.',
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
    name: 'sismember',
    summary: 'Tells whether a value belongs to a set.',
    since: '1.0.0',
    group: 'set',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'set', 'fast'],
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
        name: 'member',
        type: 'string',
      },
    ],
  },
  {
    name: 'smismember',
    summary: 'Tells, for each of several values, whether it belongs to a set.',
    since: '6.2.0',
    group: 'set',
    arity: -3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'set', 'fast'],
    complexity: 'O(N) where N is the number of elements being checked for membership',
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
    name: 'scard',
    summary: 'Answers how many members a set holds.',
    since: '1.0.0',
    group: 'set',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'set', 'fast'],
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
    name: 'smove',
    summary: 'Transfers one member from a set to another set.',
    since: '1.0.0',
    group: 'set',
    arity: 4,
    flags: ['write', 'fast'],
    acl: ['write', 'set', 'fast'],
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
        name: 'member',
        type: 'string',
      },
    ],
  },
  {
    name: 'spop',
    summary: 'Removes random members from a set and answers them.',
    since: '1.0.0',
    group: 'set',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'set', 'fast'],
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
    tips: ['nondeterministic_output'],
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
        since: '3.2.0',
        optional: true,
      },
    ],
    history: [['3.2.0', 'New optional `count` argument.']],
  },
  {
    name: 'srandmember',
    summary: 'Picks random members of a set without removing them.',
    since: '1.0.0',
    group: 'set',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    complexity:
      'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
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
        name: 'count',
        type: 'integer',
        since: '2.6.0',
        optional: true,
      },
    ],
    history: [['2.6.0', 'New optional `count` argument.']],
  },
];
