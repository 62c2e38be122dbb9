/*
 * Geo points on a plane: an equirectangular projection (x from longitude, y from latitude, north up)
 * of the smallest box around the points, padded and never narrower than MIN_SPAN_DEG so one point or
 * two close ones still get a readable frame. Pure, so the projection is unit-tested.
 */
import type { GeoPoint } from '../../protocol/inspect.ts';

export const MIN_SPAN_DEG = 0.5;

export interface GeoFrame {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
}

/** The frame around `points` (GeoPoints, or any lon/lat such as a query's outline). */
export function geoFrame(points: readonly Pick<GeoPoint, 'lon' | 'lat'>[]): GeoFrame {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const widen = (lo: number, hi: number): [number, number] => {
    const span = Math.max(hi - lo, MIN_SPAN_DEG) * 1.2;
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  const [lonMin, lonMax] = widen(Math.min(...lons), Math.max(...lons));
  const [latMin, latMax] = widen(Math.min(...lats), Math.max(...lats));
  return { lonMin, lonMax, latMin, latMax };
}

/** Pixel position of a point in a width x height plane showing `f`. */
export function project(
  p: { lon: number; lat: number },
  f: GeoFrame,
  width: number,
  height: number,
): [number, number] {
  const x = ((p.lon - f.lonMin) / (f.lonMax - f.lonMin)) * width;
  const y = ((f.latMax - p.lat) / (f.latMax - f.latMin)) * height;
  return [x, y];
}
