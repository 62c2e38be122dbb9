/*
 * Command table entries of the geo searches (GEOSEARCH and GEOSEARCHSTORE; the GEORADIUS* forms are
 * in specs-radius.ts): Redis 7.0's facts with summaries and history notes in our own words.
 */
import type { CommandSpec } from '../types.ts';
import { geoRadiusSpecs } from './specs-radius.ts';

export const geoSearchSpecs: CommandSpec[] = [
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
  ...geoRadiusSpecs,
];
