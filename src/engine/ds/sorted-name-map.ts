/*
 * A map from binary-string names to values that lists its keys in byte order, as Redis's radix trees
 * do (consumer groups of a stream, consumers of a group: XINFO GROUPS / XINFO CONSUMERS list them that
 * way). Binary strings hold one byte per char, so JS's code-unit comparison is byte order.
 *
 * A Map answers lookups; the sorted key list is rebuilt lazily after an insert or delete (these sets
 * are small and change rarely compared with how often they are read). Invariant: `sorted` is null or
 * holds exactly the map's keys in ascending order.
 */
export class SortedNameMap<V> {
  private readonly map = new Map<string, V>();
  private sorted: string[] | null = [];

  get size(): number {
    return this.map.size;
  }

  get(name: string): V | undefined {
    return this.map.get(name);
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  set(name: string, v: V): void {
    if (!this.map.has(name)) this.sorted = null;
    this.map.set(name, v);
  }

  delete(name: string): boolean {
    const had = this.map.delete(name);
    if (had) this.sorted = null;
    return had;
  }

  /** Names in byte order. */
  keys(): readonly string[] {
    if (this.sorted === null) this.sorted = [...this.map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.sorted;
  }

  /** Values in name order. */
  values(): V[] {
    return this.keys().map((k) => this.map.get(k)!);
  }

  /** [name, value] pairs in name order. */
  entries(): [string, V][] {
    return this.keys().map((k) => [k, this.map.get(k)!]);
  }
}
