/*
 * The geo family (Redis's geo.c): positions stored as sorted-set members scored by 52-bit geohashes.
 *   commands.ts  GEOADD GEODIST GEOHASH GEOPOS
 *   search.ts    GEOSEARCH GEOSEARCHSTORE GEORADIUS GEORADIUSBYMEMBER and the _RO forms
 *   parse.ts / format.ts  arguments and number texts as Redis's C code writes them
 * The geohash math lives in ds/geohash.ts and ds/geohash-area.ts.
 */
import type { CommandFamily } from '../types.ts';
import { geoBasicHandlers } from './commands.ts';
import { geoSearchHandlers } from './search.ts';
import { geoSpecs } from './specs.ts';

export const geoCommands: CommandFamily = {
  specs: geoSpecs,
  handlers: { ...geoBasicHandlers, ...geoSearchHandlers },
};
