/*
 * Command table entries of GEORADIUS, GEORADIUSBYMEMBER and their _RO forms (deprecated since 6.2 in
 * favour of GEOSEARCH / GEOSEARCHSTORE): Redis 7.0's facts with our own summaries and history notes.
 */
import type { CommandSpec } from '../types.ts';

export const geoRadiusSpecs: CommandSpec[] = [
  {
    name: 'georadius',
    summary: 'Finds the points of a geo index within a radius of a position, optionally storing them.',
    since: '3.2.0',
    group: 'geo',
    arity: -6,
    flags: ['write', 'denyoom'],
    acl: ['write', 'geo', 'slow'],
    complexity:
      'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.',
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
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'keyword',
          keyword: 'STORE',
          startFrom: 6,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'keyword',
          keyword: 'STOREDIST',
          startFrom: 6,
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
        name: 'longitude',
        type: 'double',
      },
      {
        name: 'latitude',
        type: 'double',
      },
      {
        name: 'radius',
        type: 'double',
      },
      {
        name: 'unit',
        type: 'oneof',
        arguments: [
          {
            name: 'm',
            type: 'pure-token',
            token: 'M',
          },
          {
            name: 'km',
            type: 'pure-token',
            token: 'KM',
          },
          {
            name: 'ft',
            type: 'pure-token',
            token: 'FT',
          },
          {
            name: 'mi',
            type: 'pure-token',
            token: 'MI',
          },
        ],
      },
      {
        name: 'withcoord',
        type: 'pure-token',
        token: 'WITHCOORD',
        optional: true,
      },
      {
        name: 'withdist',
        type: 'pure-token',
        token: 'WITHDIST',
        optional: true,
      },
      {
        name: 'withhash',
        type: 'pure-token',
        token: 'WITHHASH',
        optional: true,
      },
      {
        name: 'count',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'count',
            type: 'integer',
            token: 'COUNT',
          },
          {
            name: 'any',
            type: 'pure-token',
            token: 'ANY',
            since: '6.2.0',
            optional: true,
          },
        ],
      },
      {
        name: 'order',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'asc',
            type: 'pure-token',
            token: 'ASC',
          },
          {
            name: 'desc',
            type: 'pure-token',
            token: 'DESC',
          },
        ],
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        token: 'STORE',
        optional: true,
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 2,
        token: 'STOREDIST',
        optional: true,
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` argument',
    history: [
      ['6.2.0', 'COUNT accepts ANY.'],
      ['7.0.0', 'Unit names may be written in upper case.'],
    ],
  },
  {
    name: 'georadius_ro',
    summary: 'The read-only form of GEORADIUS.',
    since: '3.2.10',
    group: 'geo',
    arity: -6,
    flags: ['readonly'],
    acl: ['read', 'geo', 'slow'],
    complexity:
      'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.',
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
        name: 'longitude',
        type: 'double',
      },
      {
        name: 'latitude',
        type: 'double',
      },
      {
        name: 'radius',
        type: 'double',
      },
      {
        name: 'unit',
        type: 'oneof',
        arguments: [
          {
            name: 'm',
            type: 'pure-token',
            token: 'M',
          },
          {
            name: 'km',
            type: 'pure-token',
            token: 'KM',
          },
          {
            name: 'ft',
            type: 'pure-token',
            token: 'FT',
          },
          {
            name: 'mi',
            type: 'pure-token',
            token: 'MI',
          },
        ],
      },
      {
        name: 'withcoord',
        type: 'pure-token',
        token: 'WITHCOORD',
        optional: true,
      },
      {
        name: 'withdist',
        type: 'pure-token',
        token: 'WITHDIST',
        optional: true,
      },
      {
        name: 'withhash',
        type: 'pure-token',
        token: 'WITHHASH',
        optional: true,
      },
      {
        name: 'count',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'count',
            type: 'integer',
            token: 'COUNT',
          },
          {
            name: 'any',
            type: 'pure-token',
            token: 'ANY',
            since: '6.2.0',
            optional: true,
          },
        ],
      },
      {
        name: 'order',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'asc',
            type: 'pure-token',
            token: 'ASC',
          },
          {
            name: 'desc',
            type: 'pure-token',
            token: 'DESC',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`GEOSEARCH` with the `BYRADIUS` argument',
    history: [['6.2.0', 'COUNT accepts ANY.']],
  },
  {
    name: 'georadiusbymember',
    summary:
      'Finds the points of a geo index within a radius of one of its members, optionally storing them.',
    since: '3.2.0',
    group: 'geo',
    arity: -5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'geo', 'slow'],
    complexity:
      'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.',
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
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'keyword',
          keyword: 'STORE',
          startFrom: 5,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'keyword',
          keyword: 'STOREDIST',
          startFrom: 5,
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
      {
        name: 'radius',
        type: 'double',
      },
      {
        name: 'unit',
        type: 'oneof',
        arguments: [
          {
            name: 'm',
            type: 'pure-token',
            token: 'M',
          },
          {
            name: 'km',
            type: 'pure-token',
            token: 'KM',
          },
          {
            name: 'ft',
            type: 'pure-token',
            token: 'FT',
          },
          {
            name: 'mi',
            type: 'pure-token',
            token: 'MI',
          },
        ],
      },
      {
        name: 'withcoord',
        type: 'pure-token',
        token: 'WITHCOORD',
        optional: true,
      },
      {
        name: 'withdist',
        type: 'pure-token',
        token: 'WITHDIST',
        optional: true,
      },
      {
        name: 'withhash',
        type: 'pure-token',
        token: 'WITHHASH',
        optional: true,
      },
      {
        name: 'count',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'count',
            type: 'integer',
            token: 'COUNT',
          },
          {
            name: 'any',
            type: 'pure-token',
            token: 'ANY',
            optional: true,
          },
        ],
      },
      {
        name: 'order',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'asc',
            type: 'pure-token',
            token: 'ASC',
          },
          {
            name: 'desc',
            type: 'pure-token',
            token: 'DESC',
          },
        ],
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        token: 'STORE',
        optional: true,
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 2,
        token: 'STOREDIST',
        optional: true,
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`GEOSEARCH` and `GEOSEARCHSTORE` with the `BYRADIUS` and `FROMMEMBER` arguments',
    history: [['7.0.0', 'Unit names may be written in upper case.']],
  },
  {
    name: 'georadiusbymember_ro',
    summary: 'The read-only form of GEORADIUSBYMEMBER.',
    since: '3.2.10',
    group: 'geo',
    arity: -5,
    flags: ['readonly'],
    acl: ['read', 'geo', 'slow'],
    complexity:
      'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.',
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
      },
      {
        name: 'radius',
        type: 'double',
      },
      {
        name: 'unit',
        type: 'oneof',
        arguments: [
          {
            name: 'm',
            type: 'pure-token',
            token: 'M',
          },
          {
            name: 'km',
            type: 'pure-token',
            token: 'KM',
          },
          {
            name: 'ft',
            type: 'pure-token',
            token: 'FT',
          },
          {
            name: 'mi',
            type: 'pure-token',
            token: 'MI',
          },
        ],
      },
      {
        name: 'withcoord',
        type: 'pure-token',
        token: 'WITHCOORD',
        optional: true,
      },
      {
        name: 'withdist',
        type: 'pure-token',
        token: 'WITHDIST',
        optional: true,
      },
      {
        name: 'withhash',
        type: 'pure-token',
        token: 'WITHHASH',
        optional: true,
      },
      {
        name: 'count',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'count',
            type: 'integer',
            token: 'COUNT',
          },
          {
            name: 'any',
            type: 'pure-token',
            token: 'ANY',
            optional: true,
          },
        ],
      },
      {
        name: 'order',
        type: 'oneof',
        optional: true,
        arguments: [
          {
            name: 'asc',
            type: 'pure-token',
            token: 'ASC',
          },
          {
            name: 'desc',
            type: 'pure-token',
            token: 'DESC',
          },
        ],
      },
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments',
  },
];
