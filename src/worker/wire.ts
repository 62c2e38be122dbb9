/*
 * Engine replies -> wire replies. The two models have the same shape; the conversion exists so that
 * what crosses postMessage is exactly the bytes of the reply: a Uint8Array that is a view into a larger
 * buffer would otherwise be cloned with its whole backing buffer. Byte arrays that own their buffer are
 * passed as they are (structured clone copies them; we never transfer them, since the engine may keep
 * the same array as a stored value).
 */
import type { Reply } from '../engine/resp/reply.ts';
import type { WireReply } from '../protocol/reply.ts';

export function toWire(r: Reply): WireReply {
  switch (r.t) {
    case 'bulk':
      return { t: 'bulk', b: ownBytes(r.b) };
    case 'verbatim':
      return { t: 'verbatim', format: r.format, b: ownBytes(r.b) };
    case 'array':
    case 'set':
    case 'push':
      return { t: r.t, a: r.a.map(toWire) };
    case 'map':
      return { t: 'map', m: r.m.map(([k, v]) => [toWire(k), toWire(v)] as const) };
    default:
      return r;
  }
}

/** The same bytes in an array that owns exactly its buffer. */
export function ownBytes(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice();
}
