/*
 * GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and the _RO forms: one generic search, as
 * Redis's georadiusGeneric.
 *
 * Options are checked in Redis's order while parsing (a bad centre, unit or COUNT fails at once), then
 * the combination errors. A missing source answers an empty array, or 0 after deleting the STORE
 * destination. Matches are collected cell by cell (ds/geohash-area.ts) in score order; ANY stops at
 * COUNT matches; COUNT without ANY or a sort order implies ASC. Replies give each member, then the
 * distance (4 decimals, in the unit), the raw score, the coordinates. STORE keeps the scores,
 * STOREDIST the distances, in a new sorted set (listpack when small enough).
 */
import { bin, type Bytes, eqIgnoreCase } from '../../bytes.ts';
import { decodeScore, distance, latDistance, align52, type HashBits } from '../../ds/geohash.ts';
import { searchCells, type GeoShape } from '../../ds/geohash-area.ts';
import { arr, bulk, bulkStr, EMPTY_ARRAY, int, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import { E, fail } from '../../server/errors.ts';
import { intArg } from '../../util/parse.ts';
import type { Handler } from '../types.ts';
import { partialSort } from '../sort/pqsort.ts';
import { maxListpackEntries, maxListpackValue, newZset, readZset } from '../zsets/access.ts';
import type { ZSetValue } from '../zsets/zset.ts';
import { coordReply } from './commands.ts';
import { fixed4 } from './format.ts';
import { boxArgs, distanceArgs, lonLatArgs } from './parse.ts';

const COORDS = 1;
const MEMBER = 2;
const NOSTORE = 4;
const SEARCH = 8;
const SEARCHSTORE = 16;

interface GeoPoint {
  member: Bytes;
  lon: number;
  lat: number;
  dist: number;
  score: number;
}

/** geoWithinShape: the point of `score` and its distance when inside the shape. */
function withinShape(shape: GeoShape, score: number): GeoPoint | null {
  const [lon, lat] = decodeScore(score);
  const [cx, cy] = shape.xy;
  if (shape.radius !== undefined) {
    const dist = distance(cx, cy, lon, lat);
    if (dist > shape.radius * shape.conversion) return null;
    return { member: new Uint8Array(0), lon, lat, dist, score };
  }
  if (latDistance(lat, cy) > (shape.height! * shape.conversion) / 2) return null;
  if (distance(lon, lat, cx, lat) > (shape.width! * shape.conversion) / 2) return null;
  return { member: new Uint8Array(0), lon, lat, dist: distance(cx, cy, lon, lat), score };
}

/** membersOfAllNeighbors: matches of every cell to scan, stopping at `limit` (0 = none). */
function collect(z: ZSetValue, shape: GeoShape, limit: number): GeoPoint[] {
  const found: GeoPoint[] = [];
  const cells = searchCells(shape).cells;
  let last = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.bits === 0 && cell.step === 0) continue;
    if (last && cell.bits === cells[last]!.bits && cell.step === cells[last]!.step) continue;
    if (found.length && limit && found.length >= limit) break;
    scanCell(z, cell, shape, found, limit);
    last = i;
  }
  return found;
}

/** geoGetPointsInRange over the score range [align(cell), align(cell + 1)). */
function scanCell(z: ZSetValue, cell: HashBits, shape: GeoShape, found: GeoPoint[], limit: number): void {
  const min = align52(cell);
  const max = align52({ bits: cell.bits + 1, step: cell.step });
  const start = z.countWhile((e) => e.score < min);
  z.walk(start, false, (e) => {
    if (!(e.score < max)) return false;
    const p = withinShape(shape, e.score);
    if (p) found.push({ ...p, member: e.ele });
    return !(found.length && limit && found.length >= limit);
  });
}

interface SearchOptions {
  withDist: boolean;
  withHash: boolean;
  withCoord: boolean;
  any: boolean;
  sort: 0 | 1 | -1;
  count: number;
  storeKey?: string;
  storeDist: boolean;
}

/** The option words after the fixed arguments; the centre and shape go into `shape`. */
function parseOptions(
  argv: Bytes[],
  base: number,
  flags: number,
  z: ZSetValue | undefined,
  shape: GeoShape,
  opts: SearchOptions,
): { from: boolean; by: boolean } {
  let fromMember = false;
  let fromLoc = false;
  let byRadius = false;
  let byBox = false;
  const rest = argv.length - base;
  for (let i = 0; i < rest; i++) {
    const arg = argv[base + i]!;
    const is = (w: string): boolean => eqIgnoreCase(arg, w);
    const search = (flags & SEARCH) !== 0;
    const canStore = (flags & NOSTORE) === 0 && !search;
    if (is('withdist')) opts.withDist = true;
    else if (is('withhash')) opts.withHash = true;
    else if (is('withcoord')) opts.withCoord = true;
    else if (is('any')) opts.any = true;
    else if (is('asc')) opts.sort = 1;
    else if (is('desc')) opts.sort = -1;
    else if (is('count') && i + 1 < rest) {
      opts.count = intArg(argv[base + ++i]!);
      if (opts.count <= 0) fail('ERR COUNT must be > 0');
    } else if ((is('store') || is('storedist')) && i + 1 < rest && canStore) {
      opts.storeKey = bin(argv[base + ++i]!);
      opts.storeDist = is('storedist');
    } else if (is('storedist') && search && (flags & SEARCHSTORE) !== 0) opts.storeDist = true;
    else if (is('frommember') && i + 1 < rest && search && !fromLoc) {
      const member = argv[base + ++i]!;
      fromMember = true;
      if (z === undefined) continue;
      const score = z.score(bin(member));
      if (score === undefined) fail('ERR could not decode requested zset member');
      shape.xy = decodeScore(score);
    } else if (is('fromlonlat') && i + 2 < rest && search && !fromMember) {
      shape.xy = lonLatArgs(argv, base + i + 1);
      fromLoc = true;
      i += 2;
    } else if (is('byradius') && i + 2 < rest && search && !byBox) {
      const d = distanceArgs(argv, base + i + 1);
      Object.assign(shape, {
        radius: d.radius,
        conversion: d.conversion,
        width: undefined,
        height: undefined,
      });
      byRadius = true;
      i += 2;
    } else if (is('bybox') && i + 3 < rest && search && !byRadius) {
      const b = boxArgs(argv, base + i + 1);
      Object.assign(shape, { width: b.width, height: b.height, conversion: b.conversion, radius: undefined });
      byBox = true;
      i += 3;
    } else fail(E.syntax);
  }
  return { from: fromMember || fromLoc, by: byRadius || byBox };
}

/** The fixed arguments of each variant: the index options start at, after filling the centre/radius. */
function fixedArgs(argv: Bytes[], flags: number, z: ZSetValue | undefined, shape: GeoShape): number {
  if (flags & COORDS) {
    shape.xy = lonLatArgs(argv, 2);
    Object.assign(shape, distanceArgs(argv, 4));
    return 6;
  }
  if (flags & MEMBER) {
    if (z === undefined) return 5;
    const score = z.score(bin(argv[2]!));
    if (score === undefined) fail('ERR could not decode requested zset member');
    shape.xy = decodeScore(score);
    Object.assign(shape, distanceArgs(argv, 3));
    return 5;
  }
  return flags & SEARCHSTORE ? 3 : 2;
}

function geoSearch(c: Client, argv: Bytes[], srcIndex: number, flags: number): Reply {
  const z = readZset(c, bin(argv[srcIndex]!));
  const shape: GeoShape = { xy: [0, 0], conversion: 1 };
  const opts: SearchOptions = {
    withDist: false,
    withHash: false,
    withCoord: false,
    any: false,
    sort: 0,
    count: 0,
    storeDist: false,
  };
  if (flags & SEARCHSTORE) opts.storeKey = bin(argv[1]!);
  const base = fixedArgs(argv, flags, z, shape);
  const { from, by } = parseOptions(argv, base, flags, z, shape, opts);
  const name = bin(argv[0]!);
  if (opts.storeKey !== undefined && (opts.withDist || opts.withHash || opts.withCoord)) {
    const what = flags & SEARCHSTORE ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    fail(`ERR ${what} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`);
  }
  if (flags & SEARCH && !from)
    fail(`ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${name}`);
  if (flags & SEARCH && !by) fail(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${name}`);
  if (opts.any && !opts.count) fail('ERR the ANY argument requires COUNT argument');
  if (z === undefined) {
    if (opts.storeKey === undefined) return EMPTY_ARRAY;
    deleteDest(c, opts.storeKey);
    return int(0);
  }
  if (opts.count !== 0 && opts.sort === 0 && !opts.any) opts.sort = 1;
  const found = collect(z, shape, opts.any ? opts.count : 0);
  if (found.length === 0 && opts.storeKey === undefined) return EMPTY_ARRAY;
  const n = opts.count === 0 || found.length < opts.count ? found.length : opts.count;
  if (opts.sort !== 0) {
    // Redis sorts everything with qsort (stable here), or only the first COUNT with its partial
    // quicksort, which decides which of several equally distant points make the cut.
    const cmp = (a: GeoPoint, b: GeoPoint): number =>
      (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1) * opts.sort;
    if (n === found.length) found.sort(cmp);
    else partialSort(found, cmp, 0, n - 1);
  }
  const points = found.slice(0, n);
  for (const p of points) p.dist /= shape.conversion;
  if (opts.storeKey === undefined) return arr(points.map((p) => pointReply(p, opts)));
  return int(
    storePoints(
      c,
      opts.storeKey,
      points,
      opts.storeDist,
      flags & SEARCH ? 'geosearchstore' : 'georadiusstore',
    ),
  );
}

function pointReply(p: GeoPoint, opts: SearchOptions): Reply {
  if (!opts.withDist && !opts.withHash && !opts.withCoord) return bulk(p.member);
  const parts: Reply[] = [bulk(p.member)];
  if (opts.withDist) parts.push(bulkStr(fixed4(p.dist)));
  if (opts.withHash) parts.push(int(Math.trunc(p.score)));
  if (opts.withCoord) parts.push(coordReply(p.lon, p.lat));
  return arr(parts);
}

function deleteDest(c: Client, key: string): void {
  if (!c.db.delete(key)) return;
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('g', 'del', key, c.db);
  c.node.dirty++;
}

/** The STORE / STOREDIST result: a new sorted set (setKey), or the destination deleted when empty. */
function storePoints(c: Client, key: string, points: GeoPoint[], byDist: boolean, event: string): number {
  if (points.length === 0) {
    deleteDest(c, key);
    return 0;
  }
  const z = newZset(c, 'skiplist');
  for (const p of points) z.insert(p.member, byDist ? p.dist : p.score);
  if (z.size <= maxListpackEntries(c) && z.maxMemberLength() <= maxListpackValue(c)) z.convert('listpack');
  const added = c.db.dict.get(key) === undefined;
  c.db.set(key, z);
  if (added) c.node.signalKeyAsReady(c.db, key);
  c.node.signalModifiedKey(c.db, key);
  c.node.notify('z', event, key, c.db);
  c.node.dirty += points.length;
  return points.length;
}

export const geoSearchHandlers: Record<string, Handler> = {
  georadius: (c, argv) => geoSearch(c, argv, 1, COORDS),
  georadiusbymember: (c, argv) => geoSearch(c, argv, 1, MEMBER),
  georadius_ro: (c, argv) => geoSearch(c, argv, 1, COORDS | NOSTORE),
  georadiusbymember_ro: (c, argv) => geoSearch(c, argv, 1, MEMBER | NOSTORE),
  geosearch: (c, argv) => geoSearch(c, argv, 1, SEARCH),
  geosearchstore: (c, argv) => geoSearch(c, argv, 2, SEARCH | SEARCHSTORE),
};
