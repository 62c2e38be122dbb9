/*
 * Replies as they cross the worker boundary (structured clone keeps Uint8Array). Mirrors the engine's
 * reply model by shape; the UI reads this type and never imports the engine.
 */
export type WireReply =
  | { readonly t: 'simple'; readonly s: string }
  | { readonly t: 'error'; readonly s: string }
  | { readonly t: 'int'; readonly n: number | bigint }
  | { readonly t: 'bulk'; readonly b: Uint8Array }
  | { readonly t: 'nil' }
  | { readonly t: 'nilarray' }
  | { readonly t: 'array'; readonly a: readonly WireReply[] }
  | { readonly t: 'map'; readonly m: readonly (readonly [WireReply, WireReply])[] }
  | { readonly t: 'set'; readonly a: readonly WireReply[] }
  | { readonly t: 'double'; readonly d: number; readonly s?: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'verbatim'; readonly format: string; readonly b: Uint8Array }
  | { readonly t: 'bignum'; readonly s: string }
  | { readonly t: 'push'; readonly a: readonly WireReply[] };
