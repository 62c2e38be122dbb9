/*
 * A dictionary of binary-string keys (one char per byte, see bytes.ts) for the members of collection
 * values: the fields of a hash, the members of a set. It plays the part of Redis's dict where a
 * collection lives in a hash table, and also of a listpack for small hashes, because a JS Map keeps
 * insertion order and updates a key in place, exactly as a listpack keeps its pairs:
 *
 *   - a new key goes to the end; replacing the value of an existing key keeps its position;
 *   - deleting a key and adding it again puts it at the end.
 *
 * So iterating this table in a listpack-encoded hash gives the order Redis answers HGETALL in.
 *
 * Random picks (HRANDFIELD, SRANDMEMBER, SPOP) and cursor walks (HSCAN, SSCAN) need what a Map cannot
 * give: an O(1) uniform pick and a stable position to resume from. Both come from a ScanIndex (see
 * scan-index.ts) mirroring the keys with sequence numbers. It is built on first need only, so small
 * collections that are never scanned or sampled pay nothing for it; once built it follows every change.
 *
 * Cursors: as for SCAN (commands/keys-scan.ts), the low 32 bits are the sequence to resume from and
 * the high 32 bits the index's horizon when the walk began, so a walk visits every key present for its
 * whole duration exactly once (Redis: at least once) and always ends. Redis's dictScan cursors are
 * reverse-binary bucket numbers; ours differ in value, which no client may interpret anyway.
 *
 * Invariants: the index, when present, holds exactly the keys of the map in the map's order.
 */
import type { Random } from '../ports.ts';
import { ScanIndex } from './scan-index.ts';

export interface TableScanPage {
  keys: string[];
  /** Cursor for the next call; 0n when the walk is complete. */
  next: bigint;
}

const LOW_BITS = 32n;
const LOW_MASK = (1n << LOW_BITS) - 1n;
const LOW_MAX = 2 ** 32;

export class HashTable<V> {
  private readonly map = new Map<string, V>();
  private index: ScanIndex | undefined = undefined;

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Adds or replaces; true when the key is new. */
  set(key: string, value: V): boolean {
    const before = this.map.size;
    this.map.set(key, value);
    if (this.map.size === before) return false;
    this.index?.add(key);
    return true;
  }

  /** Removes a key; true when it was there. */
  delete(key: string): boolean {
    if (!this.map.delete(key)) return false;
    this.index?.remove(key);
    return true;
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  entries(): IterableIterator<[string, V]> {
    return this.map.entries();
  }

  /** A key chosen uniformly at random, or undefined when empty. */
  randomKey(r: Random): string | undefined {
    return this.ensureIndex().random(r);
  }

  /** Up to `count` keys from where `cursor` left off (0n starts a walk). */
  scan(cursor: bigint, count: number): TableScanPage {
    const index = this.ensureIndex();
    const { from, limit } = decodeCursor(cursor, index.horizon);
    const page = index.scan(from, count, limit);
    return { keys: page.keys, next: encodeCursor(page.next, limit) };
  }

  /** An independent copy with the same keys in the same order (values are shared). */
  clone(): HashTable<V> {
    const copy = new HashTable<V>();
    for (const [k, v] of this.map) copy.map.set(k, v);
    return copy;
  }

  /** Test invariant: the index, if built, mirrors the map. */
  consistent(): boolean {
    if (this.index === undefined) return true;
    if (this.index.size !== this.map.size) return false;
    const keys = this.map.keys();
    for (const k of this.index) if (keys.next().value !== k) return false;
    return true;
  }

  private ensureIndex(): ScanIndex {
    if (this.index === undefined) {
      this.index = new ScanIndex();
      for (const k of this.map.keys()) this.index.add(k);
    }
    return this.index;
  }
}

/** The [from, limit) range of sequences a cursor asks for. */
function decodeCursor(cursor: bigint, horizon: number): { from: number; limit: number } {
  if (cursor === 0n) return { from: 0, limit: horizon < LOW_MAX ? horizon : Infinity };
  if (horizon >= LOW_MAX) {
    return { from: cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor), limit: Infinity };
  }
  return { from: Number(cursor & LOW_MASK), limit: Number(cursor >> LOW_BITS) };
}

function encodeCursor(next: number, limit: number): bigint {
  if (next === 0) return 0n;
  if (limit === Infinity) return BigInt(next);
  return (BigInt(limit) << LOW_BITS) | BigInt(next);
}
