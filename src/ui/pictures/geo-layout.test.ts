import { describe, expect, it } from 'vitest';
import { geoFrame, project } from './geo-layout.ts';

describe('geo plane', () => {
  it('frames the points with a margin, north up', () => {
    const pts = [
      { member: 'Palermo', lon: 13.361389, lat: 38.115556 },
      { member: 'Catania', lon: 15.087269, lat: 37.502669 },
    ];
    const f = geoFrame(pts);
    expect(f.lonMin).toBeLessThan(13.361389);
    expect(f.lonMax).toBeGreaterThan(15.087269);
    const [px, py] = project(pts[0]!, f, 400, 300);
    const [cx, cy] = project(pts[1]!, f, 400, 300);
    expect(px).toBeLessThan(cx);
    expect(py).toBeLessThan(cy);
    expect(project({ lon: f.lonMin, lat: f.latMax }, f, 400, 300)).toEqual([0, 0]);
  });

  it('gives a single point a minimum span', () => {
    const f = geoFrame([{ lon: 0, lat: 0 }]);
    expect(f.lonMax - f.lonMin).toBeCloseTo(0.6);
  });
});
