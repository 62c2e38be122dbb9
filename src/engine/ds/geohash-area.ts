/*
 * The cells a geo search scans (Redis's geohashCalculateAreasByShapeWGS84 and geohashNeighbors).
 *
 * The shape (a circle of radius r, or a width x height box) around a centre gets a bounding box in
 * degrees; a step is estimated from the radius (half-diagonal for a box) and the centre's latitude,
 * lowered by one when a neighbour cell doesn't reach the bounding box; then, from step 2 up, the
 * neighbours lying wholly on the far side of the box edges are dropped (bits = step = 0). The caller
 * scans the centre cell and the remaining neighbours in Redis's order: centre, N, S, E, W, NE, NW, SE, SW.
 */
import {
  type Area,
  decode,
  degRad,
  EARTH_RADIUS_IN_METERS,
  encode,
  estimateSteps,
  type HashBits,
  radDeg,
} from './geohash.ts';

export interface GeoShape {
  /** Centre: [longitude, latitude]. */
  xy: [number, number];
  /** Unit to meters. */
  conversion: number;
  /** Circle radius, or box width/height, in the unit. */
  radius?: number;
  width?: number;
  height?: number;
}

/** geohashBoundingBox: [minLon, minLat, maxLon, maxLat]. */
export function boundingBox(shape: GeoShape): [number, number, number, number] {
  const [longitude, latitude] = shape.xy;
  const circle = shape.radius !== undefined;
  const height = shape.conversion * (circle ? shape.radius! : shape.height! / 2);
  const width = shape.conversion * (circle ? shape.radius! : shape.width! / 2);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const lonDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(latitude + latDelta)));
  const lonDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(latitude - latDelta)));
  const south = latitude < 0;
  return [
    south ? longitude - lonDeltaBottom : longitude - lonDeltaTop,
    latitude - latDelta,
    south ? longitude + lonDeltaBottom : longitude + lonDeltaTop,
    latitude + latDelta,
  ];
}

const MASK_ODD = 0xaaaaaaaaaaaaaaaan;
const MASK_EVEN = 0x5555555555555555n;

/** geohash_move_x (odd bits, longitude) / geohash_move_y (even bits, latitude) by one cell. */
function move(hash: HashBits, d: number, odd: boolean): HashBits {
  if (d === 0) return hash;
  const shift = BigInt(64 - hash.step * 2);
  const bits = BigInt(hash.bits);
  const mine = odd ? MASK_ODD : MASK_EVEN;
  const other = bits & (odd ? MASK_EVEN : MASK_ODD);
  const zz = (odd ? MASK_EVEN : MASK_ODD) >> shift;
  let v = bits & mine;
  if (d > 0) v = BigInt.asUintN(64, v + (zz + 1n));
  else v = BigInt.asUintN(64, (v | zz) - (zz + 1n));
  v &= mine >> shift;
  return { bits: Number(v | other), step: hash.step };
}

export interface SearchCells {
  hash: HashBits;
  area: Area;
  /** Centre first, then N S E W NE NW SE SW; a dropped neighbour has bits = step = 0. */
  cells: HashBits[];
}

function neighbours(h: HashBits): HashBits[] {
  const mv = (dx: number, dy: number): HashBits => move(move(h, dx, true), dy, false);
  return [mv(0, 1), mv(0, -1), mv(1, 0), mv(-1, 0), mv(1, 1), mv(-1, 1), mv(1, -1), mv(-1, -1)];
}

const ZERO: HashBits = { bits: 0, step: 0 };

/** geohashCalculateAreasByShapeWGS84. */
export function searchCells(shape: GeoShape): SearchCells {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  const [longitude, latitude] = shape.xy;
  const radius =
    shape.radius !== undefined ? shape.radius : Math.sqrt((shape.width! / 2) ** 2 + (shape.height! / 2) ** 2);
  let steps = estimateSteps(radius * shape.conversion, latitude);
  let hash = encode(longitude, latitude, steps)!;
  let nb = neighbours(hash);
  let area = decode(hash);
  const [north, south, east, west] = nb.slice(0, 4).map((h) => decode(h));
  const decrease =
    north!.latitude.max < maxLat ||
    south!.latitude.min > minLat ||
    east!.longitude.max < maxLon ||
    west!.longitude.min > minLon;
  if (steps > 1 && decrease) {
    steps--;
    hash = encode(longitude, latitude, steps)!;
    nb = neighbours(hash);
    area = decode(hash);
  }
  if (steps >= 2) {
    const drop = (...idx: number[]): void => idx.forEach((i) => (nb[i] = ZERO));
    if (area.latitude.min < minLat) drop(1, 7, 6); // S, SW, SE
    if (area.latitude.max > maxLat) drop(0, 4, 5); // N, NE, NW
    if (area.longitude.min < minLon) drop(3, 7, 5); // W, SW, NW
    if (area.longitude.max > maxLon) drop(2, 6, 4); // E, SE, NE
  }
  return { hash, area, cells: [hash, ...nb] };
}
