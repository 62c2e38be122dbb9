import { describe, expect, it } from 'vitest';
import { destination, EARTH_RADIUS_M, queryOutline } from './geo-query.ts';

/** Haversine distance as Redis's geohashGetDistance computes it. */
function distance(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const u = Math.sin(((b.lat - a.lat) * r) / 2);
  const v = Math.sin(((b.lon - a.lon) * r) / 2);
  const h = u * u + Math.cos(a.lat * r) * Math.cos(b.lat * r) * v * v;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

describe('geo query outlines', () => {
  it('a radius outline lies at the radius from the centre, all around', () => {
    const q = { lon: 13.4, lat: 52.5, radiusM: 200_000, members: [] };
    const outline = queryOutline(q);
    expect(outline).toHaveLength(72);
    for (const p of outline) expect(distance(q, p)).toBeCloseTo(200_000, 0);
    // North first, then east (clockwise bearings).
    expect(outline[0]!.lat).toBeGreaterThan(52.5);
    expect(outline[18]!.lon).toBeGreaterThan(13.4);
    expect(destination(q, 0, 90)).toEqual({ lon: 13.4, lat: 52.5 });
  });

  it('a box outline has its height along the meridian and its width along each parallel', () => {
    const q = { lon: 10, lat: 45, widthM: 400_000, heightM: 200_000, members: [] };
    const outline = queryOutline(q);
    const lats = outline.map((p) => p.lat);
    expect(distance({ lon: 10, lat: Math.max(...lats) }, q)).toBeCloseTo(100_000, 0);
    expect(distance({ lon: 10, lat: Math.min(...lats) }, q)).toBeCloseTo(100_000, 0);
    for (const p of outline) expect(distance(p, { lon: 10, lat: p.lat })).toBeCloseTo(200_000, 0);
    // Farther from the equator a parallel is shorter: the box is wider there in degrees.
    const north = outline.find((p) => p.lat === Math.max(...lats) && p.lon > 10)!;
    const south = outline.find((p) => p.lat === Math.min(...lats) && p.lon > 10)!;
    expect(north.lon).toBeGreaterThan(south.lon);
  });
});
