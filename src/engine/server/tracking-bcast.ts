/*
 * The prefix table of BCAST tracking (Redis's PrefixTable in tracking.c): prefix -> the clients
 * listening to it and the keys under it changed since the last beforeSleep, each with the client that
 * changed it last (null: the server, e.g. expiry). A prefix exists only while some client listens.
 *
 * Draining sends, per prefix in byte order, one array of the changed keys in byte order to every
 * listener; a NOLOOP listener gets the array without the keys it changed itself (nothing if none is
 * left). A client listens to each of its prefixes separately, so it may get several messages.
 * Prefixes of one client never overlap (checked by prefixCollision before they are added).
 */
import type { Client } from './client.ts';

interface PrefixState {
  keys: Map<string, Client | null>;
  clients: Set<Client>;
}

export class BroadcastTable {
  private readonly prefixes = new Map<string, PrefixState>();

  get size(): number {
    return this.prefixes.size;
  }

  listen(c: Client, prefix: string): void {
    let ps = this.prefixes.get(prefix);
    if (!ps) this.prefixes.set(prefix, (ps = { keys: new Map(), clients: new Set() }));
    ps.clients.add(c);
  }

  /** The client stops listening to `prefix`; a prefix nobody listens to is dropped. */
  leave(c: Client, prefix: string): void {
    const ps = this.prefixes.get(prefix);
    if (!ps) return;
    ps.clients.delete(c);
    if (ps.clients.size === 0) this.prefixes.delete(prefix);
  }

  /** trackingRememberKeyToBroadcast: `key` changed; every prefix it starts with remembers it. */
  remember(key: string, writer: Client | null): void {
    for (const [prefix, ps] of this.prefixes) {
      if (key.startsWith(prefix)) ps.keys.set(key, writer);
    }
  }

  /**
   * trackingBroadcastInvalidationMessages: hands each listener its key list through `send`, then
   * forgets the changed keys. `noloop` says whether a listener excludes its own changes.
   */
  drain(send: (c: Client, keys: string[]) => void, noloop: (c: Client) => boolean): void {
    for (const prefix of [...this.prefixes.keys()].sort(byteOrder)) {
      const ps = this.prefixes.get(prefix)!;
      if (ps.keys.size === 0) continue;
      const keys = [...ps.keys.keys()].sort(byteOrder);
      for (const c of ps.clients) {
        if (!noloop(c)) {
          send(c, keys);
          continue;
        }
        const others = keys.filter((k) => ps.keys.get(k) !== c);
        if (others.length > 0) send(c, others);
      }
      ps.keys = new Map();
    }
  }
}

/**
 * checkPrefixCollisionsOrReply: the error text when a new prefix overlaps (one is a prefix of the
 * other) one the client already has, or another new one; null when they are all disjoint.
 */
export function prefixCollision(existing: Iterable<string>, prefixes: readonly string[]): string | null {
  const overlaps = (a: string, b: string): boolean =>
    a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
  const old = [...existing].sort(byteOrder);
  const tail = 'Prefixes for a single client must not overlap.';
  for (let i = 0; i < prefixes.length; i++) {
    const p = prefixes[i]!;
    const hit = old.find((e) => overlaps(e, p));
    if (hit !== undefined) {
      return `ERR Prefix '${cstr(p)}' overlaps with an existing prefix '${cstr(hit)}'. ${tail}`;
    }
    for (let j = i + 1; j < prefixes.length; j++) {
      if (overlaps(p, prefixes[j]!)) {
        return `ERR Prefix '${cstr(p)}' overlaps with another provided prefix '${cstr(prefixes[j]!)}'. ${tail}`;
      }
    }
  }
  return null;
}

/** Binary strings compare by code unit, which is byte order (one char per byte). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "%s" of a C string: the text stops at the first zero byte. */
function cstr(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}
