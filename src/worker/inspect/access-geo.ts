/*
 * The geo query a GEOSEARCH / GEOSEARCHSTORE / GEORADIUS / GEORADIUSBYMEMBER (and _RO) command made,
 * for the geo plane of its source key: the centre (FROMMEMBER and BYMEMBER use the member's decoded
 * cell centre, as Redis does), the shape in metres, and the members the query returned.
 *
 * Read back after the command succeeded, so the arguments are well formed. The members come from the
 * reply (the first element of each item when WITH... options made them arrays); for the STORE forms,
 * which answer a count, from the destination set the command just wrote.
 */
import { bin, type Bytes, eqIgnoreCase } from '../../engine/bytes.ts';
import { doubleArg, unitArg } from '../../engine/commands/geo/parse.ts';
import type { ZSetValue } from '../../engine/commands/zsets/zset.ts';
import { decodeScore } from '../../engine/ds/geohash.ts';
import type { Reply } from '../../engine/resp/reply.ts';
import type { Database } from '../../engine/server/db.ts';
import type { GeoQuerySnap } from '../../protocol/inspect.ts';

/** Members listed at most (a query over a huge set still draws only what the plane shows). */
export const MAX_GEO_MEMBERS = 1000;

/** Index of the source key in each geo search command. */
export const GEO_SOURCE_AT: Readonly<Record<string, number>> = {
  georadius: 1,
  georadius_ro: 1,
  georadiusbymember: 1,
  georadiusbymember_ro: 1,
  geosearch: 1,
  geosearchstore: 2,
};

interface Shape {
  lon: number;
  lat: number;
  radiusM?: number;
  widthM?: number;
  heightM?: number;
  storeKey?: string;
}

function centreOf(z: ZSetValue, member: Bytes): [number, number] | null {
  const score = z.score(bin(member));
  return score === undefined ? null : decodeScore(score);
}

/** The fixed arguments of GEORADIUS / GEORADIUSBYMEMBER; the index the options start at. */
function fixedShape(name: string, argv: readonly Bytes[], z: ZSetValue, s: Shape): number {
  if (name.startsWith('georadiusbymember')) {
    const c = centreOf(z, argv[2]!);
    if (c) [s.lon, s.lat] = c;
    s.radiusM = doubleArg(argv[3]!) * unitArg(argv[4]!);
    return 5;
  }
  if (name.startsWith('georadius')) {
    s.lon = doubleArg(argv[2]!);
    s.lat = doubleArg(argv[3]!);
    s.radiusM = doubleArg(argv[4]!) * unitArg(argv[5]!);
    return 6;
  }
  return GEO_SOURCE_AT[name]! + 1;
}

/** Walks the option words as the command's parser does, filling the centre, shape and STORE key. */
function optionShape(name: string, argv: readonly Bytes[], at: number, z: ZSetValue, s: Shape): void {
  // GEORADIUS's STORE / STOREDIST name a key; GEOSEARCHSTORE's STOREDIST is a flag.
  const storeTakesKey = name.startsWith('georadius');
  for (let i = at; i < argv.length; i++) {
    const is = (w: string): boolean => eqIgnoreCase(argv[i]!, w);
    if (is('count')) i++;
    else if ((is('store') || is('storedist')) && storeTakesKey) s.storeKey = bin(argv[++i]!);
    else if (is('frommember')) {
      const c = centreOf(z, argv[++i]!);
      if (c) [s.lon, s.lat] = c;
    } else if (is('fromlonlat')) {
      s.lon = doubleArg(argv[i + 1]!);
      s.lat = doubleArg(argv[i + 2]!);
      i += 2;
    } else if (is('byradius')) {
      s.radiusM = doubleArg(argv[i + 1]!) * unitArg(argv[i + 2]!);
      i += 2;
    } else if (is('bybox')) {
      const unit = unitArg(argv[i + 3]!);
      s.widthM = doubleArg(argv[i + 1]!) * unit;
      s.heightM = doubleArg(argv[i + 2]!) * unit;
      i += 3;
    }
  }
}

/** Members named by a search reply: bulk strings, or arrays whose first element is the member. */
function replyMembers(reply: Reply | undefined): string[] | null {
  if (reply?.t !== 'array') return null;
  const out: string[] = [];
  for (const item of reply.a.slice(0, MAX_GEO_MEMBERS)) {
    const m = item.t === 'array' ? item.a[0] : item;
    if (m?.t === 'bulk') out.push(bin(m.b));
  }
  return out;
}

function storedMembers(db: Database, key: string): string[] {
  const v = db.dict.get(key);
  if (v?.type !== 'zset') return [];
  const out: string[] = [];
  for (const e of v.entries()) {
    if (out.length >= MAX_GEO_MEMBERS) break;
    out.push(bin(e.ele));
  }
  return out;
}

/** The query of a successful geo search on source set `z`. */
export function geoAccess(
  name: string,
  argv: readonly Bytes[],
  z: ZSetValue,
  reply: Reply | undefined,
  db: Database,
): GeoQuerySnap {
  const s: Shape = { lon: 0, lat: 0 };
  if (name === 'geosearchstore') s.storeKey = bin(argv[1]!);
  optionShape(name, argv, fixedShape(name, argv, z, s), z, s);
  const members = replyMembers(reply) ?? (s.storeKey !== undefined ? storedMembers(db, s.storeKey) : []);
  const shape =
    s.radiusM !== undefined ? { radiusM: s.radiusM } : { widthM: s.widthM ?? 0, heightM: s.heightM ?? 0 };
  return { lon: s.lon, lat: s.lat, ...shape, members };
}
