/*
 * Command table entries of the geo searches (GEOSEARCH and GEOSEARCHSTORE; the GEORADIUS* forms are
 * in specs-radius.ts): Redis 7.0's facts with summaries and history notes in our own words.
 */
import type { ArgSpec, CommandSpec } from '../types.ts';
import { block, dbl, int, keyArg, keyAt, oneOf, str, token, tokens } from '../spec-helpers.ts';
import { geoRadiusSpecs } from './specs-radius.ts';

/** Argument shared by GEOSEARCH, GEOSEARCHSTORE. */
const FROM_ARG: ArgSpec = oneOf('from', [
  str('member', { token: 'FROMMEMBER' }),
  block('longitude_latitude', [dbl('longitude'), dbl('latitude')], { token: 'FROMLONLAT' }),
]);

/** Argument shared by GEOSEARCH, GEOSEARCHSTORE. */
const BY_ARG: ArgSpec = oneOf('by', [
  block('circle', [dbl('radius', { token: 'BYRADIUS' }), oneOf('unit', tokens('m', 'km', 'ft', 'mi'))]),
  block('box', [
    dbl('width', { token: 'BYBOX' }),
    dbl('height'),
    oneOf('unit', tokens('m', 'km', 'ft', 'mi')),
  ]),
]);

/** Argument shared by GEOSEARCH, GEOSEARCHSTORE. */
const COUNT_ARG: ArgSpec = block(
  'count',
  [int('count', { token: 'COUNT' }), token('any', 'ANY', { optional: true })],
  { optional: true },
);

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
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      FROM_ARG,
      BY_ARG,
      oneOf('order', tokens('asc', 'desc'), { optional: true }),
      COUNT_ARG,
      token('withcoord', 'WITHCOORD', { optional: true }),
      token('withdist', 'WITHDIST', { optional: true }),
      token('withhash', 'WITHHASH', { optional: true }),
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
    keySpecs: [keyAt(1, ['OW', 'UPDATE']), keyAt(2, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(0, 'destination'),
      keyArg(1, 'source'),
      FROM_ARG,
      BY_ARG,
      oneOf('order', tokens('asc', 'desc'), { optional: true }),
      COUNT_ARG,
      token('storedist', 'STOREDIST', { optional: true }),
    ],
    history: [['7.0.0', 'Unit names may be written in upper case.']],
  },
  ...geoRadiusSpecs,
];
