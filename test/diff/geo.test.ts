/*
 * Differential tests of the geo commands against a real redis-server: hand cases for every command,
 * option and error text (with events, dirty counts and encodings of stored results), then seeded
 * random points searched by radius and box from random centres and members, every reply compared
 * to the last digit (distances, coordinates, hashes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { batchCheck, EventRecorder, resetBoth, type Cmd } from './strings-helpers.ts';

/** A WITHSCORES reply with scores rounded to 14 significant digits. */
function roundScores(r: Reply): unknown {
  if (r.t !== 'array') return r.t;
  const text = (x: Reply): string => (x.t === 'bulk' ? bin(x.b) : x.t === 'double' ? String(x.d) : x.t);
  return r.a.map((x, i) => (i % 2 ? Number(text(x)).toPrecision(14) : text(x)));
}

describe('differential geo', () => {
  const d = useDifferential('geo');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

  it('GEOADD, GEOPOS, GEOHASH, GEODIST', async () => {
    await resetBoth(d);
    await d.both('SET', 'str', 'x');
    await events.collect();
    await batch('geo basics', [
      ['GEOADD', 'Sicily', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
      ['GEOADD', 'Sicily', 'NX', '13.5', '38', 'Palermo', '12', '37', 'Marsala'],
      ['GEOADD', 'Sicily', 'XX', 'CH', '13.5', '38', 'Palermo', '12', '37', 'Trapani'],
      ['GEOADD', 'Sicily', 'NX', 'XX', '13', '38', 'x'],
      ['GEOADD', 'Sicily', '13', '38'],
      ['GEOADD', 'Sicily', '200', '100', 'x'],
      ['GEOADD', 'Sicily', '-180', '-85.05112878', 'sw', '180', '85.05112878', 'ne', '0', '0', 'zero'],
      ['GEOADD', 'Sicily', '1e400', '0', 'x'],
      ['GEOADD', 'Sicily', 'inf', '0', 'x'],
      ['GEOADD', 'Sicily', 'abc', '0', 'x'],
      ['GEOADD', 'Sicily', '-0', '-85.05112879', 'x'],
      ['GEOADD', 'str', '1', '1', 'x'],
      ['OBJECT', 'ENCODING', 'Sicily'],
      ['GEOPOS', 'Sicily', 'Palermo', 'Catania', 'nope', 'sw', 'ne', 'zero'],
      ['GEOPOS', 'nokey', 'a'],
      ['GEOPOS', 'str', 'a'],
      ['GEOHASH', 'Sicily', 'Palermo', 'Catania', 'nope', 'sw', 'ne', 'zero'],
      ['GEOHASH', 'nokey', 'a', 'b'],
      ['GEODIST', 'Sicily', 'Palermo', 'Catania'],
      ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'KM'],
      ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'mi'],
      ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'ft'],
      ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'yd'],
      ['GEODIST', 'Sicily', 'Palermo', 'Catania', 'km', 'x'],
      ['GEODIST', 'Sicily', 'Palermo', 'nope'],
      ['GEODIST', 'Sicily', 'sw', 'ne'],
      ['GEODIST', 'nokey', 'a', 'b'],
      ['GEODIST', 'str', 'a', 'b'],
      ['ZADD', 'Sicily', '-5', 'neg', '9007199254740991', 'huge'],
      ['GEOPOS', 'Sicily', 'neg', 'huge'],
      ['GEOHASH', 'Sicily', 'neg', 'huge'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('GEOSEARCH, GEOSEARCHSTORE, GEORADIUS* options and errors', async () => {
    await resetBoth(d);
    await d.both('SET', 'str', 'x');
    await d.both(
      'GEOADD',
      'Sicily',
      '13.361389',
      '38.115556',
      'Palermo',
      '15.087269',
      '37.502669',
      'Catania',
    );
    await d.both('GEOADD', 'Sicily', '12.758489', '38.788135', 'edge1', '17.241510', '38.788135', 'edge2');
    await events.collect();
    const s = (...a: string[]): Cmd => ['GEOSEARCH', 'Sicily', ...a];
    await batch('geo search', [
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ASC'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'DESC', 'WITHDIST', 'WITHCOORD', 'WITHHASH'),
      s('FROMLONLAT', '15', '37', 'BYBOX', '400', '400', 'km', 'ASC', 'WITHCOORD', 'WITHDIST'),
      s('FROMMEMBER', 'Palermo', 'BYRADIUS', '100', 'mi', 'WITHDIST'),
      s('FROMMEMBER', 'Palermo', 'BYBOX', '1000', '1000', 'KM', 'COUNT', '2'),
      s('FROMMEMBER', 'Palermo', 'BYBOX', '1000', '1000', 'KM', 'COUNT', '2', 'ANY'),
      s('FROMMEMBER', 'Palermo', 'BYRADIUS', '0', 'm'),
      s('FROMMEMBER', 'nope', 'BYRADIUS', '10', 'm'),
      s('FROMMEMBER', 'Palermo', 'FROMLONLAT', '1', '2', 'BYRADIUS', '10', 'm'),
      s('FROMLONLAT', '1', '2', 'FROMMEMBER', 'Palermo', 'BYRADIUS', '10', 'm'),
      s('FROMLONLAT', '1', '2', 'BYRADIUS', '10', 'm', 'BYBOX', '1', '1', 'm'),
      s('FROMLONLAT', '1', '2'),
      s('BYRADIUS', '10', 'm'),
      s('FROMLONLAT', '1', '2', 'BYRADIUS', '-1', 'm'),
      s('FROMLONLAT', '1', '2', 'BYRADIUS', 'x', 'm'),
      s('FROMLONLAT', '1', '2', 'BYRADIUS', '1', 'parsec'),
      s('FROMLONLAT', '1', '2', 'BYBOX', '-1', '1', 'm'),
      s('FROMLONLAT', '1', '2', 'BYBOX', 'x', '1', 'm'),
      s('FROMLONLAT', '1', '2', 'BYBOX', '1', 'y', 'm'),
      s('FROMLONLAT', '1', '200', 'BYBOX', '1', '1', 'm'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'ANY'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'COUNT', '0'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'COUNT', 'x'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STORE', 'x'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST'),
      s('FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'FOO'),
      ['GEOSEARCH', 'nokey', 'FROMMEMBER', 'x', 'BYRADIUS', '1', 'm'],
      ['GEOSEARCH', 'nokey', 'FROMLONLAT', '1', '2', 'BYRADIUS', '1', 'm', 'ANY'],
      ['GEOSEARCH', 'str', 'FROMLONLAT', '1', '2', 'BYRADIUS', '1', 'm'],
      ['GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['OBJECT', 'ENCODING', 'dst'],
      ['GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'STOREDIST'],
      ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
      ['GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '15', '37', 'BYRADIUS', '200', 'km', 'WITHDIST'],
      ['GEOSEARCHSTORE', 'dst', 'Sicily', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'],
      ['EXISTS', 'dst'],
      ['GEOSEARCHSTORE', 'dst', 'nokey', 'FROMLONLAT', '0', '0', 'BYRADIUS', '1', 'km'],
      ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'WITHDIST', 'WITHCOORD', 'ASC'],
      ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'COUNT', '1', 'DESC'],
      ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE', 'd2'],
      ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STOREDIST', 'd3'],
      ['ZRANGE', 'd3', '0', '-1', 'WITHSCORES'],
      ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'STORE', 'd2', 'WITHHASH'],
      ['GEORADIUS', 'Sicily', '15', '37', '200', 'km', 'FROMLONLAT', '1', '2'],
      ['GEORADIUS', 'Sicily', '15', '37', '-200', 'km'],
      ['GEORADIUS', 'Sicily', '215', '37', '200', 'km'],
      ['GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'WITHDIST'],
      ['GEORADIUS_RO', 'Sicily', '15', '37', '200', 'km', 'STORE', 'x'],
      ['GEORADIUSBYMEMBER', 'Sicily', 'Palermo', '200', 'km', 'WITHDIST', 'WITHHASH'],
      ['GEORADIUSBYMEMBER', 'Sicily', 'nope', '200', 'km'],
      ['GEORADIUSBYMEMBER', 'nokey', 'nope', '200', 'km'],
      ['GEORADIUSBYMEMBER', 'nokey', 'nope', '200', 'km', 'STORE', 'd2'],
      ['EXISTS', 'd2'],
      ['GEORADIUSBYMEMBER_RO', 'Sicily', 'Palermo', '200', 'km', 'COUNT', '1', 'ANY'],
      ['GEORADIUSBYMEMBER_RO', 'Sicily', 'Palermo', '200', 'furlong'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('COUNT among equally distant points picks what Redis picks', async () => {
    await resetBoth(d);
    const before = d.mismatches.length;
    const cmd = ['GEOADD', 'tie'];
    for (let i = 0; i < 50; i++) cmd.push('10', '10', `same${i}`);
    for (let i = 0; i < 20; i++) cmd.push(String(10 + (i % 4) * 0.001), '10', `row${i}`);
    await d.check(cmd);
    for (const count of ['1', '3', '7', '12', '41', '60', '69', '80']) {
      for (const order of ['ASC', 'DESC']) {
        await d.check([
          'GEOSEARCH',
          'tie',
          'FROMLONLAT',
          '10',
          '10',
          'BYRADIUS',
          '5',
          'km',
          order,
          'COUNT',
          count,
        ]);
        await d.check(['GEORADIUS', 'tie', '10.0015', '10', '5', 'km', order, 'COUNT', count, 'WITHDIST']);
      }
    }
    expect(d.mismatches.slice(before)).toEqual([]);
  });

  it('random points searched by radius and box', async () => {
    const seed = diffSeed();
    const rng = new SeededRandom(seed);
    await resetBoth(d);
    const before = d.mismatches.length;
    const rand = (lo: number, hi: number): string => (lo + rng.next() * (hi - lo)).toFixed(6);
    // Clusters at a few places (equator, mid latitudes, near the poles and the antimeridian).
    const centres: [number, number][] = [
      [0, 0],
      [13, 45],
      [-122, 37],
      [179.5, -10],
      [25, 75],
      [-60, -82],
    ];
    for (let k = 0; k < 4; k++) {
      const key = `pts${k}`;
      const cmd: string[] = ['GEOADD', key];
      const n = k === 0 ? 60 : 300;
      for (let i = 0; i < n; i++) {
        const [cx, cy] = centres[Math.floor(rng.next() * centres.length)]!;
        const spread = [0.01, 0.5, 5][Math.floor(rng.next() * 3)]!;
        const lon = Math.max(-180, Math.min(180, cx + (rng.next() - 0.5) * spread * 2));
        const lat = Math.max(-85, Math.min(85, cy + (rng.next() - 0.5) * spread * 2));
        cmd.push(lon.toFixed(6), lat.toFixed(6), `m${i}`);
      }
      await d.check(cmd);
      for (let q = 0; q < 60; q++) {
        const [cx, cy] = centres[Math.floor(rng.next() * centres.length)]!;
        const from =
          rng.next() < 0.3
            ? ['FROMMEMBER', `m${Math.floor(rng.next() * n)}`]
            : ['FROMLONLAT', rand(cx - 2, cx + 2), rand(Math.max(-85, cy - 2), Math.min(85, cy + 2))];
        const unit = ['m', 'km', 'mi', 'ft'][Math.floor(rng.next() * 4)]!;
        const size = String(Math.round(10 ** (rng.next() * 4)));
        const by =
          rng.next() < 0.5
            ? ['BYRADIUS', size, unit]
            : ['BYBOX', size, String(Math.round(10 ** (rng.next() * 4))), unit];
        const opts = ['WITHDIST', 'WITHCOORD', 'WITHHASH'].filter(() => rng.next() < 0.5);
        const order = rng.next();
        if (order < 0.3) opts.push('ASC');
        else if (order < 0.5) opts.push('DESC');
        if (rng.next() < 0.3) opts.push('COUNT', String(1 + Math.floor(rng.next() * 20)));
        if (opts.includes('COUNT') && rng.next() < 0.3) opts.push('ANY');
        const sorted =
          opts.includes('ASC') || opts.includes('DESC') || (opts.includes('COUNT') && !opts.includes('ANY'));
        await d.check(['GEOSEARCH', key, ...from, ...by, ...opts], { unordered: !sorted });
        if (q % 10 === 0) {
          const store = rng.next() < 0.5 ? ['STOREDIST'] : [];
          await d.check(['GEOSEARCHSTORE', 'dst', key, ...from, ...by, ...store]);
          // STOREDIST keeps full-precision distances: V8's sin/cos/asin may differ from glibc's in the
          // last bit, so those scores are compared to 14 significant digits.
          await d.check(
            ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'],
            store.length ? { project: roundScores } : {},
          );
        }
      }
      await d.check(['GEOHASH', key, 'm0', 'm1', 'm2', 'm3']);
      await d.check(['GEOPOS', key, 'm0', 'm1', 'm2', 'm3']);
      await d.check(['GEODIST', key, 'm0', 'm1', 'km']);
    }
    if (d.mismatches.length > before) console.log(`geo random seed=${seed}`);
    expect(d.mismatches.slice(before)).toEqual([]);
  });
});
