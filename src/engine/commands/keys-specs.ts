/*
 * Command table entries for the generic keyspace commands (Redis's db.c): arity, flags, ACL categories
 * (with the implicit ones Redis derives from the flags, in COMMAND INFO's order), key specs, arguments,
 * since and complexity as Redis 7.0 declares them; the summaries are our own.
 */
import type { CommandSpec } from './types.ts';

export const keyspaceSpecs: CommandSpec[] = [
  {
    name: 'copy',
    summary: 'Duplicates the value of a key under another name, optionally in another database.',
    since: '6.2.0',
    group: 'generic',
    complexity:
      'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
    arity: -3,
    flags: ['write', 'denyoom'],
    acl: ['keyspace', 'write', 'slow'],
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      { name: 'destination-db', type: 'integer', token: 'DB', optional: true },
      { name: 'replace', type: 'pure-token', token: 'REPLACE', optional: true },
    ],
  },
  {
    name: 'dbsize',
    summary: 'Counts the keys in the selected database.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 1,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    tips: ['request_policy:all_shards', 'response_policy:agg_sum'],
  },
  {
    name: 'del',
    summary: 'Removes keys and their values; answers how many existed.',
    since: '1.0.0',
    group: 'generic',
    complexity:
      'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
    arity: -2,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow'],
    keySpecs: [
      {
        flags: ['RM', 'DELETE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  },
  {
    name: 'exists',
    summary: 'Counts how many of the given keys exist (repeats count again).',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys to check.',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
    history: [['3.0.3', 'Several keys may be given.']],
  },
  {
    name: 'flushall',
    summary: 'Empties every database of the server.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of keys in all databases',
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    arguments: [
      {
        name: 'async',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'async',
            type: 'pure-token',
            token: 'ASYNC',
            since: '4.0.0',
          },
          {
            name: 'sync',
            type: 'pure-token',
            token: 'SYNC',
            since: '6.2.0',
          },
        ],
      },
    ],
    tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
    history: [
      ['4.0.0', 'ASYNC mode arrives.'],
      ['6.2.0', 'SYNC mode arrives.'],
    ],
  },
  {
    name: 'flushdb',
    summary: 'Empties the selected database.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the number of keys in the selected database',
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow', 'dangerous'],
    arguments: [
      {
        name: 'async',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'async',
            type: 'pure-token',
            token: 'ASYNC',
            since: '4.0.0',
          },
          {
            name: 'sync',
            type: 'pure-token',
            token: 'SYNC',
            since: '6.2.0',
          },
        ],
      },
    ],
    tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
    history: [
      ['4.0.0', 'ASYNC mode arrives.'],
      ['6.2.0', 'SYNC mode arrives.'],
    ],
  },
  {
    name: 'keys',
    summary: 'Lists every key whose name matches a glob pattern.',
    since: '1.0.0',
    group: 'generic',
    complexity:
      'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
    arity: 2,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow', 'dangerous'],
    arguments: [{ name: 'pattern', type: 'pattern' }],
    tips: ['request_policy:all_shards', 'nondeterministic_output_order'],
  },
  {
    name: 'move',
    summary: 'Transfers a key into another database of the same server.',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'db', type: 'integer' },
    ],
  },
  {
    name: 'randomkey',
    summary: 'Answers the name of a key picked at random.',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 1,
    flags: ['readonly'], // Redis's hidden TOUCHES_ARBITRARY_KEYS flag is not listed by COMMAND INFO
    acl: ['keyspace', 'read', 'slow'],
    tips: ['request_policy:all_shards', 'nondeterministic_output'],
  },
  {
    name: 'rename',
    summary: 'Gives a key a new name, replacing whatever had that name.',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write'],
    acl: ['keyspace', 'write', 'slow'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'newkey', type: 'key', keySpecIndex: 1 },
    ],
    history: [],
  },
  {
    name: 'renamenx',
    summary: 'Gives a key a new name only when that name is still free.',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'DELETE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
      {
        flags: ['OW', 'INSERT'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'newkey', type: 'key', keySpecIndex: 1 },
    ],
    history: [['3.2.0', 'Same source and destination is no longer an error.']],
  },
  {
    name: 'swapdb',
    summary: 'Exchanges the contents of two databases.',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.',
    arity: 3,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast', 'dangerous'],
    arguments: [
      { name: 'index1', type: 'integer' },
      { name: 'index2', type: 'integer' },
    ],
  },
  {
    name: 'touch',
    summary: 'Updates the last-access time of keys; answers how many exist.',
    since: '3.2.1',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys that will be touched.',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  },
  {
    name: 'type',
    summary: 'Names the data type of the value held at a key.',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace', 'read', 'fast'],
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
    name: 'unlink',
    summary: 'Removes keys, releasing their memory in the background.',
    since: '4.0.0',
    group: 'generic',
    complexity:
      'O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.',
    arity: -2,
    flags: ['write', 'fast'],
    acl: ['keyspace', 'write', 'fast'],
    keySpecs: [
      {
        flags: ['RM', 'DELETE'],
        beginSearch: { type: 'index', index: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, multiple: true }],
    tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  },
];
