import { describe, expect, it } from 'vitest';
import { searchCells } from './geohash-area.ts';
import {
  decodeScore,
  deinterleave,
  distance,
  estimateSteps,
  geohashText,
  interleave,
  scoreOf,
} from './geohash.ts';

// Expected values are what redis-server 7.0 answers for the same positions.
describe('geohash as Redis computes it', () => {
  it('interleaves latitude on even bits and longitude on odd bits', () => {
    expect(interleave(0b11, 0)).toBe(0b101);
    expect(interleave(0, 0b11)).toBe(0b1010);
    expect(deinterleave(interleave(0x3ffffff, 12345))).toEqual([0x3ffffff, 12345]);
  });

  it('scores, decodes and hashes positions', () => {
    expect(scoreOf(13.361389, 38.115556)).toBe(3479099956230698);
    expect(scoreOf(15.087269, 37.502669)).toBe(3479447370796909);
    expect(scoreOf(200, 0)).toBeNull();
    const [lon, lat] = decodeScore(3479099956230698);
    expect(lon.toFixed(17)).toBe('13.36138933897018433');
    expect(lat.toFixed(17)).toBe('38.11555639549629859');
    expect(geohashText(3479099956230698)).toBe('sqc8b49rny0');
    expect(geohashText(3479447370796909)).toBe('sqdtr74hyu0');
  });

  it('measures haversine distances on Redis earth radius', () => {
    const a = decodeScore(3479099956230698);
    const b = decodeScore(3479447370796909);
    expect((distance(a[0], a[1], b[0], b[1]) / 1000).toFixed(4)).toBe('166.2742');
  });

  it('estimates steps and the cells to scan', () => {
    expect(estimateSteps(0, 0)).toBe(26);
    expect(estimateSteps(200000, 37)).toBe(6);
    expect(estimateSteps(200000, 70)).toBe(5);
    const s = searchCells({ xy: [15, 37], conversion: 1000, radius: 200 });
    expect(s.cells).toHaveLength(9);
    expect(s.hash.step).toBeLessThanOrEqual(6);
  });
});
