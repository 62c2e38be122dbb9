/*
 * Command table entries of GEORADIUS, GEORADIUSBYMEMBER and their _RO forms (deprecated since 6.2 in
 * favour of GEOSEARCH / GEOSEARCHSTORE): Redis 7.0's facts with our own summaries and history notes.
 */
import type { ArgSpec, CommandSpec } from '../types.ts';
import { block, dbl, int, keyAfter, keyArg, keyAt, oneOf, str, token, tokens } from '../spec-helpers.ts';

/** The same complexity for all four commands. */
const COMPLEXITY =
  'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.';

/** COUNT n [ANY]: GEORADIUS declares when ANY arrived (6.2.0), GEORADIUSBYMEMBER does not. */
const COUNT_ANY_SINCE_62: ArgSpec = block(
  'count',
  [int('count', { token: 'COUNT' }), token('any', 'ANY', { since: '6.2.0', optional: true })],
  { optional: true },
);
const COUNT_ANY: ArgSpec = block(
  'count',
  [int('count', { token: 'COUNT' }), token('any', 'ANY', { optional: true })],
  {
    optional: true,
  },
);

/** What follows the centre and radius in all four commands: unit, WITH* flags, COUNT, order. */
function replyOptions(count: ArgSpec): ArgSpec[] {
  return [
    oneOf('unit', tokens('m', 'km', 'ft', 'mi')),
    token('withcoord', 'WITHCOORD', { optional: true }),
    token('withdist', 'WITHDIST', { optional: true }),
    token('withhash', 'WITHHASH', { optional: true }),
    count,
    oneOf('order', tokens('asc', 'desc'), { optional: true }),
  ];
}

/** The destinations of the writing forms, bound to key specs 1 (STORE) and 2 (STOREDIST). */
const STORE_KEYS: ArgSpec[] = [
  keyArg(1, 'key', { token: 'STORE', optional: true }),
  keyArg(2, 'key', { token: 'STOREDIST', optional: true }),
];

export const geoRadiusSpecs: CommandSpec[] = [
  {
    name: 'georadius',
    summary: 'Finds the points of a geo index within a radius of a position, optionally storing them.',
    since: '3.2.0',
    group: 'geo',
    arity: -6,
    flags: ['write', 'denyoom'],
    acl: ['write', 'geo', 'slow'],
    complexity: COMPLEXITY,
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
      ...replyOptions(COUNT_ANY_SINCE_62),
      ...STORE_KEYS,
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
    complexity: COMPLEXITY,
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      dbl('longitude'),
      dbl('latitude'),
      dbl('radius'),
      ...replyOptions(COUNT_ANY_SINCE_62),
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
    complexity: COMPLEXITY,
    keySpecs: [
      keyAt(1, ['RO', 'ACCESS']),
      keyAfter('STORE', 5, ['OW', 'UPDATE']),
      keyAfter('STOREDIST', 5, ['OW', 'UPDATE']),
    ],
    arguments: [keyArg(), str('member'), dbl('radius'), ...replyOptions(COUNT_ANY), ...STORE_KEYS],
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
    complexity: COMPLEXITY,
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), str('member'), dbl('radius'), ...replyOptions(COUNT_ANY)],
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`GEOSEARCH` with the `BYRADIUS` and `FROMMEMBER` arguments',
  },
];
