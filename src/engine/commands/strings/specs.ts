/*
 * The command table entries of the string family: facts as Redis 7.0 publishes them through COMMAND
 * INFO / COMMAND DOCS (arity, flags, ACL categories with the implicit read/write/fast/slow ones, key
 * specs, argument syntax with tokens and versions, complexity, deprecation), and a one-line summary of
 * our own. Flags and categories are listed in the order COMMAND INFO prints them.
 */
import type { CommandSpec } from '../types.ts';

export const stringSpecs: CommandSpec[] = [
  {
    name: 'get',
    summary: 'Reads the string stored at a key.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
  },
  {
    name: 'set',
    summary: 'Stores a string at a key, with optional expiry, existence condition and old-value return.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    history: [
      ['2.6.12', 'Added the `EX`, `PX`, `NX` and `XX` options.'],
      ['6.0.0', 'Added the `KEEPTTL` option.'],
      ['6.2.0', 'Added the `GET`, `EXAT` and `PXAT` option.'],
      ['7.0.0', 'Allowed the `NX` and `GET` options to be used together.'],
    ],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
        notes: 'RW and ACCESS due to the optional `GET` argument',
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
      {
        name: 'condition',
        type: 'oneof',
        optional: true,
        since: '2.6.12',
        arguments: [
          { name: 'nx', type: 'pure-token', token: 'NX' },
          { name: 'xx', type: 'pure-token', token: 'XX' },
        ],
      },
      { name: 'get', type: 'pure-token', token: 'GET', optional: true, since: '6.2.0' },
      {
        name: 'expiration',
        type: 'oneof',
        optional: true,
        arguments: [
          { name: 'seconds', type: 'integer', token: 'EX', since: '2.6.12' },
          { name: 'milliseconds', type: 'integer', token: 'PX', since: '2.6.12' },
          { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT', since: '6.2.0' },
          { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT', since: '6.2.0' },
          { name: 'keepttl', type: 'pure-token', token: 'KEEPTTL', since: '6.0.0' },
        ],
      },
    ],
  },
  {
    name: 'getex',
    summary: 'Reads a string and optionally changes or clears its time to live.',
    since: '6.2.0',
    group: 'string',
    complexity: 'O(1)',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
        notes: 'RW and UPDATE because it changes the TTL',
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      {
        name: 'expiration',
        type: 'oneof',
        optional: true,
        arguments: [
          { name: 'seconds', type: 'integer', token: 'EX' },
          { name: 'milliseconds', type: 'integer', token: 'PX' },
          { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT' },
          { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT' },
          { name: 'persist', type: 'pure-token', token: 'PERSIST' },
        ],
      },
    ],
  },
  {
    name: 'getdel',
    summary: 'Reads a string and removes its key in the same step.',
    since: '6.2.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 2,
    flags: ['write', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
  },
  {
    name: 'getset',
    summary: 'Replaces a string and answers the value it had before.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`SET` with the `!GET` argument',
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
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
    name: 'setnx',
    summary: 'Stores a string only when the key is absent; answers 1 or 0.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'string', 'fast'],
    keySpecs: [
      {
        flags: ['OW', 'INSERT'],
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
    name: 'setex',
    summary: 'Stores a string that expires after a number of seconds.',
    since: '2.0.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'seconds', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
  },
  {
    name: 'psetex',
    summary: 'Stores a string that expires after a number of milliseconds.',
    since: '2.6.0',
    group: 'string',
    complexity: 'O(1)',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'milliseconds', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
  },
  {
    name: 'mset',
    summary: 'Stores several key/value pairs in one atomic step.',
    since: '1.0.1',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to set.',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    tips: ['request_policy:multi_shard', 'response_policy:all_succeeded'],
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 2, limit: 0 },
      },
    ],
    arguments: [
      {
        name: 'key_value',
        type: 'block',
        multiple: true,
        arguments: [
          { name: 'key', type: 'key', keySpecIndex: 0 },
          { name: 'value', type: 'string' },
        ],
      },
    ],
  },
  {
    name: 'msetnx',
    summary: 'Stores several key/value pairs only when none of the keys exists.',
    since: '1.0.1',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to set.',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['write', 'string', 'slow'],
    tips: ['request_policy:multi_shard', 'response_policy:agg_min'],
    keySpecs: [
      {
        flags: ['OW', 'INSERT'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 2, limit: 0 },
      },
    ],
    arguments: [
      {
        name: 'key_value',
        type: 'block',
        multiple: true,
        arguments: [
          { name: 'key', type: 'key', keySpecIndex: 0 },
          { name: 'value', type: 'string' },
        ],
      },
    ],
  },
  {
    name: 'mget',
    summary: 'Reads the strings of several keys; nil for absent or non-string keys.',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to retrieve.',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'string', 'fast'],
    tips: ['request_policy:multi_shard'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
  },
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
