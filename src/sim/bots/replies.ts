/*
 * Reading the replies bots get back: stream entry IDs out of XREADGROUP and XAUTOCLAIM answers, and a
 * one-line description of any reply for the bot's status ("last reply").
 *
 * Bots speak RESP2 (a fresh connection), so XREADGROUP answers
 *   [[stream, [[id, [field, value, ...]], ...]], ...]   or a nil array when nothing is new,
 * and XAUTOCLAIM answers [next-cursor, [[id, fields], ...], [deleted-id, ...]]. Replies from the RESP3
 * model (maps) are read too, so a bot keeps working if it is ever switched to HELLO 3.
 */
import { bin } from '../../engine/bytes.ts';
import type { Reply } from '../../engine/resp/reply.ts';

/** Text of a bulk or simple string reply, else null. */
export function textOf(r: Reply | undefined): string | null {
  if (!r) return null;
  if (r.t === 'bulk' || r.t === 'verbatim') return bin(r.b);
  if (r.t === 'simple') return r.s;
  return null;
}

/** The entry IDs of an entry list ([[id, fields], ...]); null elements (deleted entries) are skipped. */
export function idsOfEntries(r: Reply | undefined): string[] {
  if (!r || r.t !== 'array') return [];
  const ids: string[] = [];
  for (const e of r.a) {
    if (e.t !== 'array' || e.a.length === 0) continue;
    const id = textOf(e.a[0]);
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** Entry IDs of one stream in an XREADGROUP / XREAD reply (array or RESP3 map form). */
export function idsOfRead(r: Reply | undefined, stream: string): string[] {
  if (!r) return [];
  if (r.t === 'map') {
    for (const [k, v] of r.m) if (textOf(k) === stream) return idsOfEntries(v);
    return [];
  }
  if (r.t !== 'array') return [];
  for (const s of r.a) {
    if (s.t === 'array' && s.a.length === 2 && textOf(s.a[0]) === stream) return idsOfEntries(s.a[1]);
  }
  return [];
}

/** XAUTOCLAIM's reply: the cursor to continue from and the claimed entry IDs. */
export function readAutoclaim(r: Reply | undefined): { cursor: string; ids: string[] } | null {
  if (!r || r.t !== 'array' || r.a.length < 2) return null;
  const cursor = textOf(r.a[0]);
  return cursor === null ? null : { cursor, ids: idsOfEntries(r.a[1]) };
}

const MAX_DESCRIPTION = 80;

/** A short, single-line description of a reply, redis-cli flavoured: (integer) 3, "1-0", OK, array(2). */
export function describeReply(r: Reply): string {
  let s: string;
  switch (r.t) {
    case 'simple':
      s = r.s;
      break;
    case 'error':
      s = `(error) ${r.s}`;
      break;
    case 'int':
      s = `(integer) ${r.n.toString()}`;
      break;
    case 'bulk':
    case 'verbatim':
      s = JSON.stringify(bin(r.b));
      break;
    case 'nil':
    case 'nilarray':
      s = '(nil)';
      break;
    case 'double':
      s = `(double) ${r.s ?? String(r.d)}`;
      break;
    case 'bool':
      s = r.v ? '(true)' : '(false)';
      break;
    case 'bignum':
      s = `(big number) ${r.s}`;
      break;
    case 'map':
      s = `map(${r.m.length})`;
      break;
    default:
      s = `${r.t}(${r.a.length})`;
  }
  return s.length > MAX_DESCRIPTION ? s.slice(0, MAX_DESCRIPTION - 3) + '...' : s;
}
