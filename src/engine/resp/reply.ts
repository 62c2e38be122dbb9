/*
 * The reply model: what a command answers, independent of the wire protocol. The encoder turns it into
 * RESP2 or RESP3 bytes following Redis's downgrade rules (maps become flat arrays, doubles become bulk
 * strings, booleans become 1/0, null becomes a nil bulk or nil array, pushes become arrays).
 *
 * Simple strings and errors carry binary strings (one char per byte; see bytes.ts). Errors include
 * their code prefix, e.g. "ERR syntax error" or "WRONGTYPE Operation against ...".
 */
import { type Bytes, unbin, utf8 } from '../bytes.ts';

export type Reply =
  | { readonly t: 'simple'; readonly s: string }
  | { readonly t: 'error'; readonly s: string }
  | { readonly t: 'int'; readonly n: number | bigint }
  | { readonly t: 'bulk'; readonly b: Bytes }
  /** RESP2 nil bulk ($-1) / RESP3 null. */
  | { readonly t: 'nil' }
  /** RESP2 nil array (*-1) / RESP3 null. */
  | { readonly t: 'nilarray' }
  | { readonly t: 'array'; readonly a: readonly Reply[] }
  | { readonly t: 'map'; readonly m: readonly (readonly [Reply, Reply])[] }
  | { readonly t: 'set'; readonly a: readonly Reply[] }
  /** `s`, when set, is the exact text Redis sends (e.g. a long double's "human" form); else "%.17g". */
  | { readonly t: 'double'; readonly d: number; readonly s?: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'verbatim'; readonly format: string; readonly b: Bytes }
  | { readonly t: 'bignum'; readonly s: string }
  | { readonly t: 'push'; readonly a: readonly Reply[] };

export const OK: Reply = Object.freeze({ t: 'simple', s: 'OK' });
export const QUEUED: Reply = Object.freeze({ t: 'simple', s: 'QUEUED' });
export const PONG: Reply = Object.freeze({ t: 'simple', s: 'PONG' });
export const NIL: Reply = Object.freeze({ t: 'nil' });
export const NIL_ARRAY: Reply = Object.freeze({ t: 'nilarray' });
export const EMPTY_ARRAY: Reply = Object.freeze({ t: 'array', a: [] });

const smallInts: Reply[] = [];
for (let i = -1; i <= 1024; i++) smallInts.push(Object.freeze({ t: 'int', n: i }));

export function int(n: number | bigint): Reply {
  if (typeof n === 'number' && n >= -1 && n <= 1024 && Number.isInteger(n)) return smallInts[n + 1]!;
  return { t: 'int', n };
}
export function simple(s: string): Reply {
  return { t: 'simple', s };
}
/** An error reply; `s` is a binary string with its code, e.g. "ERR syntax error". */
export function err(s: string): Reply {
  return { t: 'error', s };
}
export function bulk(b: Bytes): Reply {
  return { t: 'bulk', b };
}
/** A bulk string from text we write ourselves (UTF-8). */
export function bulkStr(s: string): Reply {
  return { t: 'bulk', b: utf8(s) };
}
/** A bulk string from a binary string. */
export function bulkBin(s: string): Reply {
  return { t: 'bulk', b: unbin(s) };
}
export function bulkOrNil(b: Bytes | undefined | null): Reply {
  return b ? { t: 'bulk', b } : NIL;
}
export function arr(a: readonly Reply[]): Reply {
  return { t: 'array', a };
}
export function map(m: readonly (readonly [Reply, Reply])[]): Reply {
  return { t: 'map', m };
}
export function set(a: readonly Reply[]): Reply {
  return { t: 'set', a };
}
export function double(d: number, s?: string): Reply {
  return s === undefined ? { t: 'double', d } : { t: 'double', d, s };
}
export function bool(v: boolean): Reply {
  return { t: 'bool', v };
}
export function verbatim(format: string, b: Bytes): Reply {
  return { t: 'verbatim', format, b };
}
export function push(a: readonly Reply[]): Reply {
  return { t: 'push', a };
}
