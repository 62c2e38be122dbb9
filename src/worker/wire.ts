/*
 * Engine replies -> wire replies, as a client of the connection's protocol would read them: for a RESP2
 * connection the RESP3-only types are downgraded exactly as the RESP encoder does (double -> bulk text,
 * map -> flat array, set and push -> array, bool -> 1/0, verbatim and big number -> bulk), so the console
 * shows what redis-cli shows over the wire. The two models have the same shape; the conversion also
 * exists so that
 * what crosses postMessage is exactly the bytes of the reply: a Uint8Array that is a view into a larger
 * buffer would otherwise be cloned with its whole backing buffer. Byte arrays that own their buffer are
 * passed as they are (structured clone copies them; we never transfer them, since the engine may keep
 * the same array as a stored value).
 */
import { unbin } from '../engine/bytes.ts';
import type { Reply } from '../engine/resp/reply.ts';
import { formatG } from '../engine/util/numfmt.ts';
import type { WireReply } from '../protocol/reply.ts';

export function toWire(r: Reply, resp: 2 | 3 = 3): WireReply {
  const sub = (x: Reply): WireReply => toWire(x, resp);
  switch (r.t) {
    case 'bulk':
      return { t: 'bulk', b: ownBytes(r.b) };
    case 'verbatim':
      return resp === 2
        ? { t: 'bulk', b: ownBytes(r.b) }
        : { t: 'verbatim', format: r.format, b: ownBytes(r.b) };
    case 'array':
      return { t: 'array', a: r.a.map(sub) };
    case 'set':
    case 'push':
      return { t: resp === 2 ? 'array' : r.t, a: r.a.map(sub) };
    case 'map':
      if (resp === 2) return { t: 'array', a: r.m.flatMap(([k, v]) => [sub(k), sub(v)]) };
      return { t: 'map', m: r.m.map(([k, v]) => [sub(k), sub(v)] as const) };
    case 'double':
      return resp === 2 ? { t: 'bulk', b: unbin(r.s ?? formatG(r.d)) } : r;
    case 'bool':
      return resp === 2 ? { t: 'int', n: r.v ? 1 : 0 } : r;
    case 'bignum':
      return resp === 2 ? { t: 'bulk', b: unbin(r.s) } : r;
    default:
      return r;
  }
}

/** The same bytes in an array that owns exactly its buffer. */
export function ownBytes(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice();
}
