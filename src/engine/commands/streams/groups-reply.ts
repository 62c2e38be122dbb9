/*
 * Reply pieces shared by the consumer-group commands: stream IDs and entries (from reply.ts), the
 * per-stream result of XREADGROUP (an array of [key, entries] pairs in RESP2, a map in RESP3, as
 * xreadCommand builds it), and names in error texts (printed with %s, so they end at the first NUL).
 */
import type { Bytes } from '../../bytes.ts';
import { arr, bulk, map, NIL_ARRAY, type Reply } from '../../resp/reply.ts';
import { idReply } from './reply.ts';
import type { Client } from '../../server/client.ts';
import type { StreamId } from './id.ts';

export { entryReply, idReply } from './reply.ts';

/** A pending entry whose stream entry was deleted, as history reads report it: [id, nil]. */
export function deletedEntryReply(id: StreamId): Reply {
  return arr([idReply(id), NIL_ARRAY]);
}

/** XREAD/XREADGROUP's outer reply: [[key, entries], ...] in RESP2, {key: entries, ...} in RESP3. */
export function streamsReply(c: Client, perStream: readonly (readonly [Bytes, Reply])[]): Reply {
  if (c.resp === 3) return map(perStream.map(([k, v]) => [bulk(k), v] as const));
  return arr(perStream.map(([k, v]) => arr([bulk(k), v])));
}

/** A name as Redis's "%s" prints it: up to the first NUL byte. */
export function cName(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}
