/*
 * Command table entries of the geo family: Redis 7.0's facts (COMMAND INFO / DOCS), with summaries and
 * history notes in our own words. The GEORADIUS* commands are deprecated since 6.2 in favour of
 * GEOSEARCH / GEOSEARCHSTORE, as Redis reports.
 */
import type { CommandSpec } from '../types.ts';
import { geoSearchSpecs } from './specs-search.ts';

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
  ...geoSearchSpecs,
];
