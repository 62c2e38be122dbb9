/*
 * Command table entries of the sorted-set family: the range queries by rank, score and byte order. Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions,
 * complexity); summaries and history notes are our own words.
 */
import type { CommandSpec } from '../types.ts';

export const zsetRangeSpecs: CommandSpec[] = [
  {
    name: 'zrange',
    summary: 'Lists sorted-set members selected by rank, score or byte order, optionally reversed and paged.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
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
        name: 'start',
        type: 'string',
      },
      {
        name: 'stop',
        type: 'string',
      },
      {
        name: 'sortby',
        type: 'oneof',
        since: '6.2.0',
        optional: true,
        arguments: [
          {
            name: 'byscore',
            type: 'pure-token',
            token: 'BYSCORE',
          },
          {
            name: 'bylex',
            type: 'pure-token',
            token: 'BYLEX',
          },
        ],
      },
      {
        name: 'rev',
        type: 'pure-token',
        token: 'REV',
        since: '6.2.0',
        optional: true,
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        since: '6.2.0',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
    ],
    history: [['6.2.0', 'REV, BYSCORE, BYLEX and LIMIT options arrive.']],
  },
  {
    name: 'zrangestore',
    summary: 'Copies the members a ZRANGE selection would list into a new sorted set.',
    since: '6.2.0',
    group: 'sorted-set',
    arity: -5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
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
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'dst',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'src',
        type: 'key',
        keySpecIndex: 1,
      },
      {
        name: 'min',
        type: 'string',
      },
      {
        name: 'max',
        type: 'string',
      },
      {
        name: 'sortby',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'byscore',
            type: 'pure-token',
            token: 'BYSCORE',
          },
          {
            name: 'bylex',
            type: 'pure-token',
            token: 'BYLEX',
          },
        ],
      },
      {
        name: 'rev',
        type: 'pure-token',
        token: 'REV',
        optional: true,
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
    ],
  },
  {
    name: 'zrevrange',
    summary: 'Lists sorted-set members between two ranks, counting from the highest score.',
    since: '1.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
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
        name: 'start',
        type: 'integer',
      },
      {
        name: 'stop',
        type: 'integer',
      },
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` argument',
  },
  {
    name: 'zrangebyscore',
    summary: 'Lists the sorted-set members whose scores lie inside a range, lowest first.',
    since: '1.0.5',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
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
        name: 'min',
        type: 'double',
      },
      {
        name: 'max',
        type: 'double',
      },
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        since: '2.0.0',
        optional: true,
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYSCORE` argument',
    history: [['2.0.0', 'WITHSCORES option arrives.']],
  },
  {
    name: 'zrevrangebyscore',
    summary: 'Lists the sorted-set members whose scores lie inside a range, highest first.',
    since: '2.2.0',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
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
        name: 'max',
        type: 'double',
      },
      {
        name: 'min',
        type: 'double',
      },
      {
        name: 'withscores',
        type: 'pure-token',
        token: 'WITHSCORES',
        optional: true,
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYSCORE` arguments',
    history: [['2.1.6', 'A bound may be made exclusive.']],
  },
  {
    name: 'zrangebylex',
    summary: 'Lists the sorted-set members inside a byte-order range, in ascending order.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
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
        name: 'min',
        type: 'string',
      },
      {
        name: 'max',
        type: 'string',
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYLEX` argument',
  },
  {
    name: 'zrevrangebylex',
    summary: 'Lists the sorted-set members inside a byte-order range, in descending order.',
    since: '2.8.9',
    group: 'sorted-set',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'sortedset', 'slow'],
    complexity:
      'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
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
        name: 'max',
        type: 'string',
      },
      {
        name: 'min',
        type: 'string',
      },
      {
        name: 'offset_count',
        type: 'block',
        token: 'LIMIT',
        optional: true,
        arguments: [
          {
            name: 'offset',
            type: 'integer',
          },
          {
            name: 'count',
            type: 'integer',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYLEX` arguments',
  },
];
