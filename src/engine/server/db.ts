/*
 * One logical database: the main dictionary (key -> value) and the expires dictionary (key -> absolute
 * unix ms), both keyed by binary strings (see bytes.ts). Lookups apply lazy expiry: a key whose
 * deadline has passed is deleted on access (as Redis's expireIfNeeded does on a master), so no reader
 * ever sees an expired key even before the active expire cycle reaches it.
 *
 * keyIndex mirrors the keys of dict in insertion order with stable sequence numbers (see
 * ds/scan-index.ts): SCAN and RANDOMKEY use it, so every insertion and deletion of a key must go
 * through set()/delete()/clear() here rather than touching dict directly. SWAPDB exchanges the whole
 * contents (swapContents) because clients hold Database objects.
 */
import { ScanIndex } from '../ds/scan-index.ts';
import type { RValue } from './object.ts';
import type { ServerNode } from './node.ts';

export class Database {
  dict = new Map<string, RValue>();
  expires = new Map<string, number>();
  keyIndex = new ScanIndex();
  /** Where the active expire cycle resumes in `expires` (a live Map iterator; see expire.ts). */
  expireCursor: Iterator<string> | undefined = undefined;
  /** Running estimate of the TTL of volatile keys in ms (INFO keyspace avg_ttl). */
  avgTtl = 0;

  constructor(
    readonly node: ServerNode,
    readonly id: number,
  ) {}

  get size(): number {
    return this.dict.size;
  }

  /** Deletes `key` if its deadline has passed; returns true when it did. */
  expireIfNeeded(key: string): boolean {
    const when = this.expires.get(key);
    // Redis's keyIsExpired: stale only once the clock is strictly past the deadline; while a script
    // runs, time stands at the script's start.
    if (when === undefined || when >= (this.node.scriptsIfStarted?.current?.snapshotMs ?? this.node.nowMs()))
      return false;
    if (!this.dict.has(key)) {
      // A deadline without a key (never expected): drop it quietly rather than report an expiry.
      this.expires.delete(key);
      return false;
    }
    this.node.expireKey(this, key);
    return true;
  }

  /** Value for reading (lazy expiry, touches access time). */
  lookupRead(key: string): RValue | undefined {
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return undefined;
    const v = this.dict.get(key);
    if (v !== undefined) this.node.touchValue(v);
    return v;
  }

  /** Value for writing: same expiry rules as reading. */
  lookupWrite(key: string): RValue | undefined {
    return this.lookupRead(key);
  }

  /** Value without touching its access time, still expiring lazily (introspection: OBJECT, TYPE). */
  peek(key: string): RValue | undefined {
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return undefined;
    return this.dict.get(key);
  }

  /** Adds or overwrites a value. keepTtl=false clears any deadline (as SET does). */
  set(key: string, v: RValue, keepTtl = false): void {
    const before = this.dict.size;
    this.dict.set(key, v);
    if (this.dict.size !== before) this.keyIndex.add(key);
    if (this.dict.size !== before) this.node.pubsub.notifyKeyspaceEvent('n', 'new', key, this); // dbAdd
    if (!keepTtl && this.expires.size !== 0) this.expires.delete(key);
  }

  /** Replaces the value of an existing key, keeping its deadline (SETRANGE, APPEND, INCR...). */
  overwrite(key: string, v: RValue): void {
    this.dict.set(key, v);
  }

  delete(key: string): boolean {
    if (!this.dict.delete(key)) return false;
    this.keyIndex.remove(key);
    if (this.expires.size !== 0) this.expires.delete(key);
    return true;
  }

  setExpire(key: string, whenMs: number): void {
    this.expires.set(key, whenMs);
  }

  getExpire(key: string): number | undefined {
    return this.expires.get(key);
  }

  clear(): number {
    const n = this.dict.size;
    this.dict.clear();
    this.expires.clear();
    this.keyIndex.clear();
    this.expireCursor = undefined;
    this.avgTtl = 0;
    return n;
  }

  /** Removes a key's deadline; true when it had one. */
  removeExpire(key: string): boolean {
    return this.expires.delete(key);
  }

  /** Invariant for tests and simulations: the scan index holds exactly the keys of dict, in order. */
  indexConsistent(): boolean {
    if (this.keyIndex.size !== this.dict.size) return false;
    const dictKeys = this.dict.keys();
    for (const k of this.keyIndex) if (dictKeys.next().value !== k) return false;
    return true;
  }

  /** SWAPDB: exchanges everything stored (keys, deadlines, indexes), not the identities. */
  swapContents(other: Database): void {
    [this.dict, other.dict] = [other.dict, this.dict];
    [this.expires, other.expires] = [other.expires, this.expires];
    [this.keyIndex, other.keyIndex] = [other.keyIndex, this.keyIndex];
    [this.expireCursor, other.expireCursor] = [other.expireCursor, this.expireCursor];
    [this.avgTtl, other.avgTtl] = [other.avgTtl, this.avgTtl];
  }
}
