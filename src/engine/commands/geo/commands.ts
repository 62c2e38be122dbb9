/*
 * GEOADD, GEODIST, GEOHASH, GEOPOS (Redis's geo.c) on sorted sets whose scores are 52-bit geohashes.
 *
 * GEOADD validates every position first, then runs as the ZADD it rewrites itself into (options NX XX
 * CH kept, each "lon lat member" turned into "score member"), so replies, events ("zadd"), encodings
 * and dirty counts are ZADD's. The readers decode a member's score to the centre of its cell.
 */
import { bin, type Bytes, eqIgnoreCase, utf8 } from '../../bytes.ts';
import { scoreOf, decodeScore, distance, geohashText } from '../../ds/geohash.ts';
import { arr, bulkStr, double, NIL, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import { E, fail } from '../../server/errors.ts';
import type { Handler } from '../types.ts';
import { addHandlers } from '../zsets/add.ts';
import { readZset } from '../zsets/access.ts';
import { fixed4, humanDouble } from './format.ts';
import { lonLatArgs, unitArg } from './parse.ts';

const geoadd: Handler = (c, argv) => {
  let first = 2;
  let nx = false;
  let xx = false;
  for (; first < argv.length; first++) {
    const opt = argv[first]!;
    if (eqIgnoreCase(opt, 'nx')) nx = true;
    else if (eqIgnoreCase(opt, 'xx')) xx = true;
    else if (!eqIgnoreCase(opt, 'ch')) break;
  }
  if ((argv.length - first) % 3 !== 0 || (xx && nx)) fail(E.syntax);
  const zaddArgv: Bytes[] = [utf8('zadd'), ...argv.slice(1, first)];
  for (let i = first; i < argv.length; i += 3) {
    const [lon, lat] = lonLatArgs(argv, i);
    zaddArgv.push(utf8(String(scoreOf(lon, lat)!)), argv[i + 2]!);
  }
  return addHandlers.zadd!(c, zaddArgv);
};

/**
 * A coordinate pair as Redis replies it (addReplyHumanLongDouble): the long double text, as bulk
 * strings in RESP2 and as RESP3 doubles carrying that same text.
 */
export function coordReply(lon: number, lat: number): Reply {
  return arr([double(lon, humanDouble(lon)), double(lat, humanDouble(lat))]);
}

const geopos: Handler = (c, argv) => {
  const z = readZset(c, bin(argv[1]!));
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const score = z?.score(bin(argv[j]!));
    if (score === undefined) out.push(NIL_ARRAY);
    else out.push(coordReply(...decodeScore(score)));
  }
  return arr(out);
};

const geohash: Handler = (c, argv) => {
  const z = readZset(c, bin(argv[1]!));
  const out: Reply[] = [];
  for (let j = 2; j < argv.length; j++) {
    const score = z?.score(bin(argv[j]!));
    out.push(score === undefined ? NIL : bulkStr(geohashText(score)));
  }
  return arr(out);
};

const geodist: Handler = (c, argv) => {
  let toMeter = 1;
  if (argv.length === 5) toMeter = unitArg(argv[4]!);
  else if (argv.length > 5) fail(E.syntax);
  const z = readZset(c, bin(argv[1]!));
  if (z === undefined) return NIL;
  const s1 = z.score(bin(argv[2]!));
  const s2 = z.score(bin(argv[3]!));
  if (s1 === undefined || s2 === undefined) return NIL;
  const [lon1, lat1] = decodeScore(s1);
  const [lon2, lat2] = decodeScore(s2);
  return bulkStr(fixed4(distance(lon1, lat1, lon2, lat2) / toMeter));
};

export const geoBasicHandlers: Record<string, Handler> = { geoadd, geopos, geohash, geodist };
