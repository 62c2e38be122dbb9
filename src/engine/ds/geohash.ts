/*
 * Geohash math as Redis's geo commands do it (geohash.c, geohash_helper.c of Redis 7.0), so that
 * scores, decoded coordinates, distances and search areas agree with Redis to the last bit.
 *
 * A position is encoded at 26 steps: latitude in [-85.05112878, 85.05112878] and longitude in
 * [-180, 180] are each scaled to a 26-bit integer (truncated) and interleaved, latitude on the even
 * bits, longitude on the odd ones. The 52-bit result is the sorted-set score (exact in a double).
 * Decoding gives the centre of the cell. Distances use the haversine formula on a sphere of radius
 * 6372797.560856 m. A search estimates a step from the radius, takes the cell holding the centre and
 * its eight neighbours (dropping those that cannot hold matches), and scans each cell's score range.
 *
 * Hash bits are JS numbers (at most 53 bits); the neighbour moves, which need 64-bit masks, use BigInt.
 */

export const GEO_STEP_MAX = 26;
export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
export const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;

export interface HashBits {
  bits: number;
  step: number;
}

export interface Range {
  min: number;
  max: number;
}

export interface Area {
  hash: HashBits;
  longitude: Range;
  latitude: Range;
}

const TWO32 = 4294967296;

/** Spreads the 16 low bits of x onto the even bits of a 32-bit word. */
function spread16(x: number): number {
  x &= 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/** The even bits of a 32-bit word packed into 16 bits. */
function compact16(x: number): number {
  x &= 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  x = (x | (x >>> 8)) & 0x0000ffff;
  return x;
}

/** interleave64 for inputs below 2^27 (all a 26-step hash needs): x on even bits, y on odd bits. */
export function interleave(x: number, y: number): number {
  const lo = (spread16(x) | (spread16(y) << 1)) >>> 0;
  const hi = (spread16(x >>> 16) | (spread16(y >>> 16) << 1)) >>> 0;
  return hi * TWO32 + lo;
}

/** deinterleave64 of a hash below 2^53: [even bits (latitude), odd bits (longitude)]. */
export function deinterleave(bits: number): [number, number] {
  const lo = bits % TWO32;
  const hi = Math.floor(bits / TWO32);
  const even = compact16(lo) + compact16(hi) * 65536;
  const odd = compact16(lo >>> 1) + compact16(hi >>> 1) * 65536;
  return [even, odd];
}

export const WGS84_LONG: Range = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
export const WGS84_LAT: Range = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };

/** geohashEncode; null outside the ranges (or for a bad step). */
export function encode(
  lon: number,
  lat: number,
  step: number,
  lonR = WGS84_LONG,
  latR = WGS84_LAT,
): HashBits | null {
  if (step > 32 || step === 0) return null;
  if (lon > GEO_LONG_MAX || lon < GEO_LONG_MIN || lat > GEO_LAT_MAX || lat < GEO_LAT_MIN) return null;
  if (lat < latR.min || lat > latR.max || lon < lonR.min || lon > lonR.max) return null;
  let latOffset = (lat - latR.min) / (latR.max - latR.min);
  let lonOffset = (lon - lonR.min) / (lonR.max - lonR.min);
  latOffset *= 2 ** step;
  lonOffset *= 2 ** step;
  return { bits: interleave(Math.trunc(latOffset) >>> 0, Math.trunc(lonOffset) >>> 0), step };
}

/** geohashDecode: the cell a hash stands for. */
export function decode(hash: HashBits, lonR = WGS84_LONG, latR = WGS84_LAT): Area {
  const [ilat, ilon] = deinterleave(hash.bits);
  const cells = 2 ** hash.step;
  const latScale = latR.max - latR.min;
  const lonScale = lonR.max - lonR.min;
  return {
    hash,
    latitude: { min: latR.min + (ilat / cells) * latScale, max: latR.min + ((ilat + 1) / cells) * latScale },
    longitude: { min: lonR.min + (ilon / cells) * lonScale, max: lonR.min + ((ilon + 1) / cells) * lonScale },
  };
}

/** The centre of a cell, clamped to the valid ranges: [longitude, latitude]. */
export function areaCentre(area: Area): [number, number] {
  let lon = (area.longitude.min + area.longitude.max) / 2;
  lon = Math.min(GEO_LONG_MAX, Math.max(GEO_LONG_MIN, lon));
  let lat = (area.latitude.min + area.latitude.max) / 2;
  lat = Math.min(GEO_LAT_MAX, Math.max(GEO_LAT_MIN, lat));
  return [lon, lat];
}

/** decodeGeohash: the position a 52-bit score stands for. */
export function decodeScore(score: number): [number, number] {
  return areaCentre(decode({ bits: Math.trunc(score), step: GEO_STEP_MAX }));
}

/** geohashAlign52Bits: the hash shifted to 52 bits (a score). */
export function align52(hash: HashBits): number {
  return hash.bits * 2 ** (52 - hash.step * 2);
}

/** The 52-bit score of a position (GEOADD). */
export function scoreOf(lon: number, lat: number): number | null {
  const h = encode(lon, lat, GEO_STEP_MAX);
  return h === null ? null : align52(h);
}

const GEO_ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/** GEOHASH's 11-character text: the position re-encoded on the standard [-90, 90] latitude range. */
export function geohashText(score: number): string {
  const [lon, lat] = decodeScore(score);
  const h = encode(lon, lat, 26, { min: -180, max: 180 }, { min: -90, max: 90 });
  const bits = h === null ? 0 : h.bits;
  let s = '';
  for (let i = 0; i < 11; i++) {
    const idx = i === 10 ? 0 : Math.floor(bits / 2 ** (52 - (i + 1) * 5)) & 0x1f;
    s += GEO_ALPHABET[idx];
  }
  return s;
}

const degRad = (a: number): number => a * D_R;
const radDeg = (a: number): number => a / D_R;

/** geohashGetLatDistance. */
export function latDistance(lat1: number, lat2: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2) - degRad(lat1));
}

/** geohashGetDistance: haversine distance in meters. */
export function distance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const lon1r = degRad(lon1);
  const lon2r = degRad(lon2);
  const v = Math.sin((lon2r - lon1r) / 2);
  if (v === 0) return latDistance(lat1, lat2);
  const lat1r = degRad(lat1);
  const lat2r = degRad(lat2);
  const u = Math.sin((lat2r - lat1r) / 2);
  const a = u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(a));
}

/** geohashEstimateStepsByRadius. */
export function estimateSteps(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  return Math.min(26, Math.max(1, step));
}

export { radDeg, degRad };
