/*
 * The outline of a geo query on the plane (pure, unit-tested), as the points Redis tests against it:
 *
 *   BYRADIUS  every point within `radius` metres of the centre (great-circle distance, haversine on
 *             Redis's earth radius): outlined by the points at exactly that distance in 72 bearings;
 *   BYBOX     every point whose latitude is within height/2 of the centre's (a north-south distance)
 *             and whose distance to the centre's meridian, measured along its own parallel, is within
 *             width/2: straight top and bottom, sides that widen in longitude away from the equator.
 *
 * Outlines are lon/lat polygons; GeoPlane projects them like the points, so the shape is drawn in the
 * plane's own (equirectangular) projection and is distorted exactly as the points' positions are.
 */
import type { GeoQuerySnap } from '../../protocol/inspect.ts';

/** Redis's EARTH_RADIUS_IN_METERS (geohash_helper.c). */
export const EARTH_RADIUS_M = 6372797.560856;
const RAD = Math.PI / 180;
const BEARINGS = 72;
const SIDE_SAMPLES = 24;

export interface LonLat {
  lon: number;
  lat: number;
}

/** The point `distM` metres from `c` in direction `bearingDeg` (0 = north, clockwise). */
export function destination(c: LonLat, distM: number, bearingDeg: number): LonLat {
  const d = distM / EARTH_RADIUS_M;
  const th = bearingDeg * RAD;
  const p1 = c.lat * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(th));
  const dl = Math.atan2(Math.sin(th) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lon: c.lon + dl / RAD, lat: p2 / RAD };
}

/** Half the box's width in longitude degrees on the parallel `lat` (Redis's along-parallel distance). */
function halfWidthDeg(lat: number, halfWidthM: number): number {
  const s = Math.sin(halfWidthM / (2 * EARTH_RADIUS_M)) / Math.cos(lat * RAD);
  return s >= 1 ? 180 : (2 * Math.asin(s)) / RAD;
}

export function queryOutline(q: GeoQuerySnap): LonLat[] {
  const c = { lon: q.lon, lat: q.lat };
  if (q.radiusM !== undefined) {
    return Array.from({ length: BEARINGS }, (_, i) => destination(c, q.radiusM!, (360 * i) / BEARINGS));
  }
  const halfLat = (q.heightM ?? 0) / 2 / EARTH_RADIUS_M / RAD;
  const halfW = (q.widthM ?? 0) / 2;
  const lats = Array.from(
    { length: SIDE_SAMPLES + 1 },
    (_, i) => q.lat - halfLat + (2 * halfLat * i) / SIDE_SAMPLES,
  );
  const east = lats.map((lat) => ({ lon: q.lon + halfWidthDeg(lat, halfW), lat }));
  const west = lats.map((lat) => ({ lon: q.lon - halfWidthDeg(lat, halfW), lat })).reverse();
  return [...east, ...west];
}
