/*
 * Command table entries of the set family: set algebra and SSCAN. Redis 7.0 facts as COMMAND INFO / COMMAND DOCS
 * report them (arity, flags, ACL categories, key specs, arguments, since, complexity, deprecation),
 * with one-line summaries and history notes written in our own words.
 */
import type { CommandSpec } from '../types.ts';

export const setAlgebraSpecs: CommandSpec[] = [
  {
    name: 'sinter',
    summary: 'Answers the members common to all the given sets.',
    since: '1.0.0',
    group: 'set',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    complexity:
      'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
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
          lastKey: -1,
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
    ],
  },
  {
    name: 'sintercard',
    summary: 'Counts the members common to all the given sets, optionally stopping at a limit.',
    since: '7.0.0',
    group: 'set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    complexity:
      'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
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
    name: 'sinterstore',
    summary: 'Saves the members common to all the given sets into a key.',
    since: '1.0.0',
    group: 'set',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'slow'],
    complexity:
      'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
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
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'range',
          lastKey: -1,
          keyStep: 1,
          limit: 0,
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
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
    ],
  },
  {
    name: 'sunion',
    summary: 'Answers the members found in any of the given sets.',
    since: '1.0.0',
    group: 'set',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    complexity: 'O(N) where N is the total number of elements in all given sets.',
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
          lastKey: -1,
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
    ],
  },
  {
    name: 'sunionstore',
    summary: 'Saves the members found in any of the given sets into a key.',
    since: '1.0.0',
    group: 'set',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'slow'],
    complexity: 'O(N) where N is the total number of elements in all given sets.',
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
          lastKey: -1,
          keyStep: 1,
          limit: 0,
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
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
    ],
  },
  {
    name: 'sdiff',
    summary: 'Answers the members of the first set found in none of the others.',
    since: '1.0.0',
    group: 'set',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
    complexity: 'O(N) where N is the total number of elements in all given sets.',
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
          lastKey: -1,
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
    ],
  },
  {
    name: 'sdiffstore',
    summary: 'Saves the members of the first set found in none of the others into a key.',
    since: '1.0.0',
    group: 'set',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'slow'],
    complexity: 'O(N) where N is the total number of elements in all given sets.',
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
          lastKey: -1,
          keyStep: 1,
          limit: 0,
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
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
    ],
  },
  {
    name: 'sscan',
    summary: 'Walks the members of a set a page at a time with a cursor.',
    since: '2.8.0',
    group: 'set',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'set', 'slow'],
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
