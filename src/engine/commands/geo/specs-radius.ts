/*
 * Command table entries of GEORADIUS, GEORADIUSBYMEMBER and their _RO forms (deprecated since 6.2 in
 * favour of GEOSEARCH / GEOSEARCHSTORE): Redis 7.0's facts with our own summaries and history notes.
 */
import type { CommandSpec } from '../types.ts';
import { block, dbl, int, keyAfter, keyArg, keyAt, oneOf, str, token, tokens } from '../spec-helpers.ts';

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
      keyAt(1, ['RO', 'ACCESS']),
      keyAfter('STORE', 6, ['OW', 'UPDATE']),
      keyAfter('STOREDIST', 6, ['OW', 'UPDATE']),
    ],
    arguments: [
      keyArg(),
      dbl('longitude'),
      dbl('latitude'),
      dbl('radius'),
      oneOf('unit', tokens('m', 'km', 'ft', 'mi')),
      token('withcoord', 'WITHCOORD', { optional: true }),
      token('withdist', 'WITHDIST', { optional: true }),
      token('withhash', 'WITHHASH', { optional: true }),
      block(
        'count',
        [int('count', { token: 'COUNT' }), token('any', 'ANY', { since: '6.2.0', optional: true })],
        { optional: true },
      ),
      oneOf('order', tokens('asc', 'desc'), { optional: true }),
      keyArg(1, 'key', { token: 'STORE', optional: true }),
      keyArg(2, 'key', { token: 'STOREDIST', optional: true }),
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
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      dbl('longitude'),
      dbl('latitude'),
      dbl('radius'),
      oneOf('unit', tokens('m', 'km', 'ft', 'mi')),
      token('withcoord', 'WITHCOORD', { optional: true }),
      token('withdist', 'WITHDIST', { optional: true }),
      token('withhash', 'WITHHASH', { optional: true }),
      block(
        'count',
        [int('count', { token: 'COUNT' }), token('any', 'ANY', { since: '6.2.0', optional: true })],
        { optional: true },
      ),
      oneOf('order', tokens('asc', 'desc'), { optional: true }),
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
      keyAt(1, ['RO', 'ACCESS']),
      keyAfter('STORE', 5, ['OW', 'UPDATE']),
      keyAfter('STOREDIST', 5, ['OW', 'UPDATE']),
    ],
    arguments: [
      keyArg(),
      str('member'),
      dbl('radius'),
      oneOf('unit', tokens('m', 'km', 'ft', 'mi')),
      token('withcoord', 'WITHCOORD', { optional: true }),
      token('withdist', 'WITHDIST', { optional: true }),
      token('withhash', 'WITHHASH', { optional: true }),
      block('count', [int('count', { token: 'COUNT' }), token('any', 'ANY', { optional: true })], {
        optional: true,
      }),
      oneOf('order', tokens('asc', 'desc'), { optional: true }),
      keyArg(1, 'key', { token: 'STORE', optional: true }),
      keyArg(2, 'key', { token: 'STOREDIST', optional: true }),
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
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      str('member'),
      dbl('radius'),
      oneOf('unit', tokens('m', 'km', 'ft', 'mi')),
      token('withcoord', 'WITHCOORD', { optional: true }),
      token('withdist', 'WITHDIST', { optional: true }),
      token('withhash', 'WITHHASH', { optional: true }),
      block('count', [int('count', { token: 'COUNT' }), token('any', 'ANY', { optional: true })], {
        optional: true,
      }),
      oneOf('order', tokens('asc', 'desc'), { optional: true }),
    ],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments',
  },
];
