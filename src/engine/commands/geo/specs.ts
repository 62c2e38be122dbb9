/*
 * Command table entries of the geo family: Redis 7.0's facts (COMMAND INFO / DOCS), with summaries and
 * history notes in our own words. The GEORADIUS* commands are deprecated since 6.2 in favour of
 * GEOSEARCH / GEOSEARCHSTORE, as Redis reports.
 */
import type { CommandSpec } from '../types.ts';
import { block, dbl, keyArg, keyAt, oneOf, str, token, tokens } from '../spec-helpers.ts';
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
    keySpecs: [keyAt(1, ['RW', 'UPDATE'])],
    arguments: [
      keyArg(),
      oneOf('condition', tokens('nx', 'xx'), { since: '6.2.0', optional: true }),
      token('change', 'CH', { since: '6.2.0', optional: true }),
      block('longitude_latitude_member', [dbl('longitude'), dbl('latitude'), str('member')], {
        multiple: true,
      }),
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
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      str('member1'),
      str('member2'),
      oneOf('unit', tokens('m', 'km', 'ft', 'mi'), { optional: true }),
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
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), str('member', { multiple: true })],
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
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), str('member', { multiple: true })],
  },
  ...geoSearchSpecs,
];
