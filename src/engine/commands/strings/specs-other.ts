/*
 * Command table entries of the string family, counters, byte ranges and LCS. Facts as Redis 7.0 publishes them
 * through COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories including the implicit
 * read/write/fast/slow ones, key specs, argument syntax with tokens and versions, complexity,
 * deprecation), and a one-line summary of our own. Flags and categories are in COMMAND INFO order.
 */
import type { CommandSpec } from '../types.ts';

export const valueSpecs: CommandSpec[] = [
  {
    name: 'append',
    summary: 'Adds bytes to the end of a string, creating it when absent.',
    since: '2.0.0',
    group: 'string',
    complexity:
      'O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'INSERT'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
    ],
  },
  {
    name: 'strlen',
    summary: 'Answers the length in bytes of a string.',
    since: '2.2.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
  },
  {
    name: 'incr',
    summary: 'Adds one to the integer held in a string.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 2,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
  },
  {
    name: 'decr',
    summary: 'Subtracts one from the integer held in a string.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 2,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
  },
  {
    name: 'incrby',
    summary: 'Adds a signed integer to the integer held in a string.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'increment', type: 'integer' },
    ],
  },
  {
    name: 'decrby',
    summary: 'Subtracts a signed integer from the integer held in a string.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'decrement', type: 'integer' },
    ],
  },
  {
    name: 'incrbyfloat',
    summary: 'Adds a decimal number to the number held in a string, in extended precision.',
    since: '2.6.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'increment', type: 'double' },
    ],
  },
  {
    name: 'setrange',
    summary: 'Overwrites part of a string from a byte offset, zero-padding as needed.',
    since: '2.2.0',
    group: 'string',
    complexity:
      'O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [
      {
        flags: ['RW', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'offset', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
  },
  {
    name: 'getrange',
    summary: 'Answers the bytes of a string between two inclusive offsets.',
    since: '2.4.0',
    group: 'string',
    complexity:
      'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'string', 'slow'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'integer' },
      { name: 'end', type: 'integer' },
    ],
  },
  {
    name: 'substr',
    summary: 'Answers the bytes of a string between two inclusive offsets (old name of GETRANGE).',
    since: '1.0.0',
    group: 'string',
    complexity:
      'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'string', 'slow'],
    docFlags: ['deprecated'],
    deprecatedSince: '2.0.0',
    replacedBy: '`GETRANGE`',
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'integer' },
      { name: 'end', type: 'integer' },
    ],
  },
  {
    name: 'lcs',
    summary: 'Finds the longest common subsequence of two strings, its length or its match positions.',
    since: '7.0.0',
    group: 'string',
    complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'string', 'slow'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 1, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key1', type: 'key', keySpecIndex: 0 },
      { name: 'key2', type: 'key', keySpecIndex: 0 },
      { name: 'len', type: 'pure-token', token: 'LEN', optional: true },
      { name: 'idx', type: 'pure-token', token: 'IDX', optional: true },
      { name: 'len', type: 'integer', token: 'MINMATCHLEN', optional: true },
      { name: 'withmatchlen', type: 'pure-token', token: 'WITHMATCHLEN', optional: true },
    ],
  },
];
