/*
 * Geo sets are sorted sets whose scores are 52-bit interleaved geohashes (GEOADD). Redis keeps no
 * mark of that, so neither do we: a zset picture gets points when every score drawn is an integer in
 * [2^32, 2^52), each decoded to the centre of its geohash cell as GEOPOS does (ds/geohash.ts). The
 * lower bound keeps ordinary zsets with small integer scores (1, 2, 3...) from being taken for places;
 * it only leaves out points in a thin strip near longitude -180 and latitude -85.
 */
import { decodeScore } from '../../engine/ds/geohash.ts';
import type { GeoPoint } from '../../protocol/inspect.ts';

const MIN_SCORE = 2 ** 32;
const MAX_SCORE = 2 ** 52;

export function geoPoints(entries: readonly { member: string; score: number }[]): GeoPoint[] | undefined {
  if (entries.length === 0) return undefined;
  if (!entries.every((e) => Number.isInteger(e.score) && e.score >= MIN_SCORE && e.score < MAX_SCORE))
    return undefined;
  return entries.map((e) => {
    const [lon, lat] = decodeScore(e.score);
    return { member: e.member, lon, lat };
  });
}
