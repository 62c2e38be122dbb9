/*
 * One logical database: the main dictionary (key -> value) and the expires dictionary (key -> absolute
 * unix ms), both keyed by binary strings (see bytes.ts). Lookups apply lazy expiry: a key whose
 * deadline has passed is deleted on access (as Redis's expireIfNeeded does on a master), so no reader
 * ever sees an expired key even before the active expire cycle reaches it.
 */
import type { RValue } from './object.ts';
import type { ServerNode } from './node.ts';

export class Database {
  readonly dict = new Map<string, RValue>();
  readonly expires = new Map<string, number>();

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
    if (when === undefined || when > this.node.nowMs()) return false;
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

  /** Value without touching access time or expiring (introspection; OBJECT, TYPE checks). */
  peek(key: string): RValue | undefined {
    if (this.expires.size !== 0 && this.expireIfNeeded(key)) return undefined;
    return this.dict.get(key);
  }

  /** Adds or overwrites a value. keepTtl=false clears any deadline (as SET does). */
  set(key: string, v: RValue, keepTtl = false): void {
    this.dict.set(key, v);
    if (!keepTtl && this.expires.size !== 0) this.expires.delete(key);
  }

  /** Replaces the value of an existing key, keeping its deadline (SETRANGE, APPEND, INCR...). */
  overwrite(key: string, v: RValue): void {
    this.dict.set(key, v);
  }

  delete(key: string): boolean {
    if (!this.dict.delete(key)) return false;
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
    return n;
  }
}
