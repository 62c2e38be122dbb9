/*
 * WATCH bookkeeping (Redis's multi.c, optimistic locking for MULTI/EXEC). Each database maps a watched
 * key to the entries of the clients watching it; each client keeps its own entries so UNWATCH, EXEC,
 * DISCARD, RESET and disconnection can drop them.
 *
 * Invariants: an entry is in both its client's list and its key's list, or in neither. A client marked
 * dirtyCas has no entries left (once dirty, further touches cannot change the outcome of its EXEC).
 *
 * Expiry: an entry remembers whether its key was already logically expired when watched. EXEC fails if
 * a key that was alive at WATCH time has expired since (even if nobody deleted it yet); deleting a key
 * that was already expired at WATCH time is no logical change and only clears that memory. When Redis
 * meets such an entry that still exists it stops marking the remaining watchers of that key (a quirk of
 * its loop); we do the same.
 */
import type { Client } from './client.ts';
import type { Database } from './db.ts';

export interface WatchedKey {
  client: Client;
  db: Database;
  key: string;
  expired: boolean;
}

export class WatchRegistry {
  /** db id -> key -> entries of the clients watching it, oldest first. */
  private readonly byDb = new Map<number, Map<string, WatchedKey[]>>();

  /** True when a key still has an expiry in the past (not yet deleted). */
  static keyIsExpired(db: Database, key: string): boolean {
    const when = db.expires.get(key);
    return when !== undefined && when < db.node.nowMs() && db.dict.has(key);
  }

  watch(c: Client, key: string): void {
    if (c.watched.some((w) => w.db === c.db && w.key === key)) return;
    const wk: WatchedKey = { client: c, db: c.db, key, expired: WatchRegistry.keyIsExpired(c.db, key) };
    let keys = this.byDb.get(c.db.id);
    if (!keys) this.byDb.set(c.db.id, (keys = new Map()));
    const list = keys.get(key);
    if (list) list.push(wk);
    else keys.set(key, [wk]);
    c.watched.push(wk);
  }

  unwatchAll(c: Client): void {
    for (const wk of c.watched) {
      const keys = this.byDb.get(wk.db.id);
      const list = keys?.get(wk.key);
      if (!keys || !list) continue;
      const i = list.indexOf(wk);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) keys.delete(wk.key);
    }
    c.watched = [];
  }

  /** signalModifiedKey: marks the watchers of `key` so their EXEC fails. */
  touch(db: Database, key: string): void {
    const list = this.byDb.get(db.id)?.get(key);
    if (!list) return;
    for (const wk of [...list]) {
      if (wk.expired) {
        if (!db.dict.has(key)) {
          wk.expired = false;
          continue;
        }
        break;
      }
      wk.client.dirtyCas = true;
      this.unwatchAll(wk.client);
    }
  }

  /**
   * touchAllWatchedKeysInDb: `emptied` is about to lose its contents (FLUSHDB/FLUSHALL: replacedWith
   * undefined) or to receive those of `replacedWith` (SWAPDB, called once per direction before the
   * swap). A watched key present on either side is a change for its watchers, except when the change
   * is invisible: a key already stale at WATCH time that is now gone (its memory is cleared) or replaced
   * by another stale key, or a missing key replaced by a stale one (now remembered as stale).
   */
  touchAllInDb(emptied: Database, replacedWith?: Database): void {
    const keys = this.byDb.get(emptied.id);
    if (!keys) return;
    for (const [key, list] of [...keys]) {
      const inEmptied = emptied.dict.has(key);
      const inReplacement = replacedWith !== undefined && replacedWith.dict.has(key);
      if (!inEmptied && !inReplacement) continue;
      for (const wk of [...list]) {
        if (wk.expired) {
          if (!inReplacement) {
            wk.expired = false;
            continue;
          }
          if (WatchRegistry.keyIsExpired(replacedWith!, key)) continue;
        } else if (!inEmptied && WatchRegistry.keyIsExpired(replacedWith!, key)) {
          wk.expired = true;
          continue;
        }
        wk.client.dirtyCas = true;
      }
    }
  }

  /** EXEC's check: has a key that was alive at WATCH time expired since? */
  anyExpired(c: Client): boolean {
    return c.watched.some((wk) => !wk.expired && WatchRegistry.keyIsExpired(wk.db, wk.key));
  }
}

/** Leaves MULTI state and forgets watched keys (Redis's discardTransaction). */
export function discardTransaction(c: Client): void {
  c.multi = null;
  c.multiDirty = false;
  c.dirtyCas = false;
  c.flags.delete('multi');
  c.node.watches.unwatchAll(c);
}
