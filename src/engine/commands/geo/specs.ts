/*
 * Command table entries of the geo family: Redis 7.0's facts (COMMAND INFO / DOCS), with summaries and
 * history notes in our own words. The GEORADIUS* commands are deprecated since 6.2 in favour of
 * GEOSEARCH / GEOSEARCHSTORE, as Redis reports.
 */
import type { CommandSpec } from '../types.ts';

export const geoSpecs: CommandSpec[] = [
  {
    name: 'geoadd',
    summary: 'Stores named points (longitude, latitude) in a sorted set used as a geo index.',
    since: '3.2.0',
    group: 'geo',
    arity: -5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'geo', 'slow'],
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
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
        name: 'condition',
        type: 'oneof',
        since: '6.2.0',
        optional: true,
        arguments: [
          {
            name: 'nx',
            type: 'pure-token',
            token: 'NX',
          },
          {
            name: 'xx',
            type: 'pure-token',
            token: 'XX',
          },
        ],
      },
      {
        name: 'change',
        type: 'pure-token',
        token: 'CH',
        since: '6.2.0',
        optional: true,
      },
      {
        name: 'longitude_latitude_member',
        type: 'block',
        multiple: true,
        arguments: [
          {
            name: 'longitude',
            type: 'double',
          },
          {
            name: 'latitude',
            type: 'double',
          },
          {
            name: 'member',
            type: 'string',
          },
        ],
      },
    ],
    history: [['6.2.0', 'Accepts the CH, NX and XX options.']],
  },
  {
    name: 'geodist',
    summary: 'Answers the distance between two points of a geo index.',
    since: '3.2.0',
    group: 'geo',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'geo', 'slow'],
    complexity: 'O(log(N))',
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
        name: 'member1',
        type: 'string',
      },
      {
        name: 'member2',
        type: 'string',
      },
      {
        name: 'unit',
        type: 'oneof',
        optional: true,
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
    ],
  },
  {
    name: 'geohash',
    summary: 'Answers the standard 11 character geohash text of points in a geo index.',
    since: '3.2.0',
    group: 'geo',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'geo', 'slow'],
    complexity: 'O(log(N)) for each member requested, where N is the number of elements in the sorted set.',
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
    name: 'geopos',
    summary: 'Answers the longitude and latitude of points in a geo index.',
    since: '3.2.0',
    group: 'geo',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'geo', 'slow'],
    complexity: 'O(N) where N is the number of members requested.',
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
    name: 'geosearch',
    summary: 'Finds the points of a geo index inside a circle or a box around a member or a position.',
    since: '6.2.0',
    group: 'geo',
    arity: -7,
    flags: ['readonly'],
    acl: ['read', 'geo', 'slow'],
    complexity:
      'O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape',
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
        name: 'from',
        type: 'oneof',
        arguments: [
          {
            name: 'member',
            type: 'string',
            token: 'FROMMEMBER',
          },
          {
            name: 'longitude_latitude',
            type: 'block',
            token: 'FROMLONLAT',
            arguments: [
              {
                name: 'longitude',
                type: 'double',
              },
              {
                name: 'latitude',
                type: 'double',
              },
            ],
          },
        ],
      },
      {
        name: 'by',
        type: 'oneof',
        arguments: [
          {
            name: 'circle',
            type: 'block',
            arguments: [
              {
                name: 'radius',
                type: 'double',
                token: 'BYRADIUS',
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
            ],
          },
          {
            name: 'box',
            type: 'block',
            arguments: [
              {
                name: 'width',
                type: 'double',
                token: 'BYBOX',
              },
              {
                name: 'height',
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
            ],
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
    ],
    history: [['7.0.0', 'Unit names may be written in upper case.']],
  },
  {
    name: 'geosearchstore',
    summary: 'Like GEOSEARCH, but stores the points found (or their distances) in a sorted set.',
    since: '6.2.0',
    group: 'geo',
    arity: -8,
    flags: ['write', 'denyoom'],
    acl: ['write', 'geo', 'slow'],
    complexity:
      'O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape',
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
        name: 'destination',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'source',
        type: 'key',
        keySpecIndex: 1,
      },
      {
        name: 'from',
        type: 'oneof',
        arguments: [
          {
            name: 'member',
            type: 'string',
            token: 'FROMMEMBER',
          },
          {
            name: 'longitude_latitude',
            type: 'block',
            token: 'FROMLONLAT',
            arguments: [
              {
                name: 'longitude',
                type: 'double',
              },
              {
                name: 'latitude',
                type: 'double',
              },
            ],
          },
        ],
      },
      {
        name: 'by',
        type: 'oneof',
        arguments: [
          {
            name: 'circle',
            type: 'block',
            arguments: [
              {
                name: 'radius',
                type: 'double',
                token: 'BYRADIUS',
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
            ],
          },
          {
            name: 'box',
            type: 'block',
            arguments: [
              {
                name: 'width',
                type: 'double',
                token: 'BYBOX',
              },
              {
                name: 'height',
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
            ],
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
        name: 'storedist',
        type: 'pure-token',
        token: 'STOREDIST',
        optional: true,
      },
    ],
    history: [['7.0.0', 'Unit names may be written in upper case.']],
  },
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
