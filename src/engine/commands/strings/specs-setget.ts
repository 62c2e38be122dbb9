/*
 * Command table entries of the string family, whole-value reads and writes: GET, SET and its variants, GETEX, GETDEL, MGET, MSET, MSETNX. Facts as Redis 7.0 publishes them
 * through COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories including the implicit
 * read/write/fast/slow ones, key specs, argument syntax with tokens and versions, complexity,
 * deprecation), and a one-line summary of our own. Flags and categories are in COMMAND INFO order.
 */
import type { CommandSpec } from '../types.ts';

export const setGetSpecs: CommandSpec[] = [
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
      ['2.6.12', 'EX, PX, NX and XX options arrive.'],
      ['6.0.0', 'KEEPTTL option arrives.'],
      ['6.2.0', 'GET, EXAT and PXAT options arrive.'],
      ['7.0.0', 'NX may now be combined with GET.'],
    ],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
        notes: 'Reads the old value too when GET is given.',
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
        notes: 'Writes because it may change the expiry.',
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
];
