/*
 * Argument parsing shared by the geo commands (geo.c's extract*OrReply helpers), with Redis's texts:
 * a position must be two valid floats within the WGS84/Mercator limits, units are m km ft mi in any
 * case, radius / width / height must be non-negative floats.
 */
import { type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN } from '../../ds/geohash.ts';
import { E, fail } from '../../server/errors.ts';
import { parseScore } from '../zsets/score.ts';
import { printfF } from './format.ts';

/** getDoubleFromObjectOrReply. */
export function doubleArg(b: Bytes, msg: string = E.notFloat): number {
  const v = parseScore(b);
  if (v === null) fail(msg);
  return v;
}

/** extractLongLatOrReply: [longitude, latitude]. */
export function lonLatArgs(argv: Bytes[], i: number): [number, number] {
  const lon = doubleArg(argv[i]!);
  const lat = doubleArg(argv[i + 1]!);
  if (lon < GEO_LONG_MIN || lon > GEO_LONG_MAX || lat < GEO_LAT_MIN || lat > GEO_LAT_MAX) {
    fail(`ERR invalid longitude,latitude pair ${printfF(lon)},${printfF(lat)}`);
  }
  return [lon, lat];
}

/** extractUnitOrReply: meters per unit. */
export function unitArg(b: Bytes): number {
  if (eqIgnoreCase(b, 'm')) return 1;
  if (eqIgnoreCase(b, 'km')) return 1000;
  if (eqIgnoreCase(b, 'ft')) return 0.3048;
  if (eqIgnoreCase(b, 'mi')) return 1609.34;
  return fail('ERR unsupported unit provided. please use M, KM, FT, MI');
}

/** extractDistanceOrReply: { radius, conversion }. */
export function distanceArgs(argv: Bytes[], i: number): { radius: number; conversion: number } {
  const radius = doubleArg(argv[i]!, 'ERR need numeric radius');
  if (radius < 0) fail('ERR radius cannot be negative');
  return { radius, conversion: unitArg(argv[i + 1]!) };
}

/** extractBoxOrReply: { width, height, conversion }. */
export function boxArgs(argv: Bytes[], i: number): { width: number; height: number; conversion: number } {
  const width = doubleArg(argv[i]!, 'ERR need numeric width');
  const height = doubleArg(argv[i + 1]!, 'ERR need numeric height');
  if (height < 0 || width < 0) fail('ERR height or width cannot be negative');
  return { width, height, conversion: unitArg(argv[i + 2]!) };
}
