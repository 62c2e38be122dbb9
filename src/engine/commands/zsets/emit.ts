/*
 * Building member lists for replies. With scores, RESP2 gets one flat array (member, score, ...) and
 * RESP3 an array of [member, score] pairs (Redis avoids a map so that order is kept); scores are
 * doubles either way.
 */
import { arr, bulk, double, type Reply } from '../../resp/reply.ts';
import type { Client } from '../../server/client.ts';
import type { ZEntry } from './zset.ts';

export function entriesReply(c: Client, entries: readonly ZEntry[], withScores: boolean): Reply {
  const out: Reply[] = [];
  for (const e of entries) {
    if (!withScores) out.push(bulk(e.ele));
    else if (c.resp === 2) out.push(bulk(e.ele), double(e.score));
    else out.push(arr([bulk(e.ele), double(e.score)]));
  }
  return arr(out);
}
