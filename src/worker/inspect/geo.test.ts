import { describe, expect, it } from 'vitest';
import { scoreOf } from '../../engine/ds/geohash.ts';
import { geoPoints } from './geo.ts';

describe('geo points of a zset', () => {
  it('decodes geohash scores and leaves ordinary zsets alone', () => {
    const score = scoreOf(13.361389, 38.115556)!;
    const [p] = geoPoints([{ member: 'Palermo', score }])!;
    expect(p!.lon).toBeCloseTo(13.361389, 5);
    expect(p!.lat).toBeCloseTo(38.115556, 5);
    expect(geoPoints([{ member: 'a', score: 1 }])).toBeUndefined();
    expect(geoPoints([{ member: 'a', score: 1.5e15 + 0.5 }])).toBeUndefined();
    expect(geoPoints([])).toBeUndefined();
  });
});
