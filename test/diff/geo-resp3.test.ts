/*
 * The bitmap, HyperLogLog and geo replies in RESP3 (nulls, nested arrays, integers, and coordinates,
 * which Redis sends as RESP3 doubles carrying its long-double text, "%.17Lf" trimmed).
 */
import { describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import { resetBoth } from './strings-helpers.ts';

describe('differential geo / hll / bitmaps in RESP3', () => {
  const d = useDifferential('geo-resp3');

  it('matches RESP3 replies', async () => {
    await resetBoth(d);
    await d.check(['HELLO', '3'], { project: (r) => r.t });
    await d.checkAll([
      ['GEOADD', 'g', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
      ['GEOPOS', 'g', 'nope'],
      ['GEOPOS', 'g', 'Palermo', 'nope', 'Catania'],
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC', 'WITHCOORD', 'WITHDIST'],
      ['GEORADIUSBYMEMBER', 'g', 'Palermo', '300', 'km', 'WITHCOORD'],
      ['GEOHASH', 'g', 'Palermo', 'nope'],
      ['GEODIST', 'g', 'Palermo', 'Catania'],
      ['GEODIST', 'g', 'Palermo', 'nope'],
      ['GEODIST', 'nokey', 'a', 'b'],
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC', 'WITHDIST', 'WITHHASH'],
      ['GEOSEARCH', 'g', 'FROMLONLAT', '15', '37', 'BYRADIUS', '1', 'm'],
      ['GEORADIUS', 'g', '15', '37', '200', 'km', 'ASC'],
      [
        'BITFIELD',
        'b',
        'OVERFLOW',
        'FAIL',
        'INCRBY',
        'u2',
        '0',
        '9',
        'SET',
        'i8',
        '0',
        '-3',
        'GET',
        'u4',
        '0',
      ],
      ['BITFIELD_RO', 'b', 'GET', 'i8', '0'],
      ['BITCOUNT', 'b'],
      ['BITPOS', 'b', '1'],
      ['SETBIT', 'b', '3', '1'],
      ['GETBIT', 'b', '3'],
      ['PFADD', 'h', 'a', 'b'],
      ['PFCOUNT', 'h'],
      ['PFDEBUG', 'ENCODING', 'h'],
      ['PFDEBUG', 'DECODE', 'h'],
      ['PFMERGE', 'h2', 'h'],
    ]);
    expect(d.mismatches).toEqual([]);
  });
});
