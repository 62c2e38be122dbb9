/*
 * Lua 5.1's table layout (ltable.c), reproduced so that traversal order — pairs(), next(), and through
 * them cjson.encode's and cmsgpack.pack's key order — and the border '#' returns are the ones Redis's
 * Lua gives. This is a drop-in storage for LuaTable (same get/getStr/set/setArray/length/next API);
 * until LuaTable adopts it, scripts iterate in insertion order instead.
 *
 * The model: an array part (keys 1..sizearray) and a node part of 2^k nodes, each with key, value and a
 * chain link. A key lives at its main position (hash mod size) or, on collision, in a free node taken by
 * a `lastfree` cursor walking down from the end; a colliding key that is not in its own main position is
 * moved away first (Brent's variation). When no node is free the table is rehashed: integer keys are
 * counted by powers of two, the array part gets the largest size n with more than n/2 of its slots used,
 * the node part the next power of two for the rest, and old nodes are reinserted from the last one down.
 * Assigning nil keeps the key in its node (as Lua does until a collection); t[k] = nil for an absent key
 * creates the node too. Traversal is the array part, then the nodes in index order.
 *
 * Hashes: strings as Redis's patched luaS_newlstr (every byte, seeded with the length); numbers by adding
 * the two 32-bit halves of the double, mod (size-1)|1, with 0 and -0 at node 0; booleans by value; other
 * objects by address, which we cannot know, so tables and functions use a stand-in derived from their id
 * (their order among themselves will differ from Redis). Lookups go through a JS Map (key -> node) rather
 * than walking chains; chains are kept only to place keys exactly as C does.
 */
import type { LuaValue } from './value';

const MAXBITS = 30;
const MAXASIZE = 2 ** MAXBITS;
const scratch = new DataView(new ArrayBuffer(8));

/** Redis's luaS_newlstr hash: seeded with the length, over every byte from the last to the first. */
export function stringHash(s: string): number {
  let h = s.length >>> 0;
  for (let i = s.length; i >= 1; i--) {
    h = (h ^ (((h << 5) >>> 0) + (h >>> 2) + s.charCodeAt(i - 1))) >>> 0;
  }
  return h;
}

/** The C int a key converts to when it is an integral number in int range, else -1 (arrayindex). */
function arrayIndex(k: LuaValue): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < -2147483648 || k > 2147483647) return -1;
  return k;
}

/** ceil(log2(x)) for 1 <= x <= 2^31. */
function ceilLog2(x: number): number {
  return x <= 1 ? 0 : 32 - Math.clz32(x - 1);
}

/** luaO_int2fb then luaO_fb2int: the size a constructor hint actually requests. */
export function hintSize(n: number): number {
  let x = n;
  let e = 0;
  while (x >= 16) {
    x = (x + 1) >>> 1;
    e++;
  }
  // Below 8 the byte holds x itself (e is then 0); above, x in 8..15 scaled by 2^e.
  return x * 2 ** e;
}

/** The hash a key's main position derives from (before masking or the modulo). */
function rawHash(k: LuaValue): number {
  if (typeof k === 'number') {
    if (k === 0) return 0;
    scratch.setFloat64(0, k, true);
    return (scratch.getUint32(0, true) + scratch.getUint32(4, true)) >>> 0;
  }
  if (typeof k === 'string') return stringHash(k);
  if (typeof k === 'boolean') return k ? 1 : 0;
  return k === undefined || !('id' in k) ? 0 : addressOf(k);
}

/** Anything with an `id` (LuaTable, LuaFunction): a stand-in for its address. */
function addressOf(v: object): number {
  const id = (v as { id?: number }).id ?? 0;
  return (0x55d0c0de0000 + id * 0x40) >>> 0;
}

/*
 * The node part of a table without hash keys is Lua's shared dummy node: these frozen one-slot vectors
 * and an empty lookup map, shared by every such table (most tables are arrays), so creating one costs
 * no allocation beyond the object. Inserting into the dummy always rehashes first (newKey), which gives
 * the table vectors and a map of its own; nothing ever writes to the shared ones.
 */
const DUMMY_KEYS: LuaValue[] = Object.freeze([undefined]) as LuaValue[];
const DUMMY_VALS: LuaValue[] = Object.freeze([undefined]) as LuaValue[];
const DUMMY_LINKS: number[] = Object.freeze([-1]) as number[];
const DUMMY_HASHES: number[] = Object.freeze([0]) as number[];
const NO_WHERE = new Map<unknown, number>();

export class Lua51Table {
  /** The array part: slot i holds key i + 1; its length is sizearray, holes are undefined. */
  array: LuaValue[];
  private dummy = true;
  private lsize = 0;
  private keys = DUMMY_KEYS;
  private vals = DUMMY_VALS;
  private links = DUMMY_LINKS;
  private hashes = DUMMY_HASHES;
  private lastfree = 0;
  private where = NO_WHERE;

  constructor(narray = 0, nhash = 0) {
    this.array = narray === 0 ? [] : new Array<LuaValue>(narray).fill(undefined);
    if (nhash > 0) this.setNodeVector(nhash);
  }

  private get sizenode(): number {
    return 2 ** this.lsize;
  }

  /** Fresh nodes; `where` is left to the caller (resize updates it in place as keys move). */
  private setNodeVector(size: number): void {
    if (size === 0) {
      this.dummy = true;
      this.lsize = 0;
      this.keys = DUMMY_KEYS;
      this.vals = DUMMY_VALS;
      this.links = DUMMY_LINKS;
      this.hashes = DUMMY_HASHES;
      this.lastfree = 0;
      return;
    }
    if (this.where === NO_WHERE) this.where = new Map();
    this.dummy = false;
    this.lsize = ceilLog2(size);
    const n = 2 ** this.lsize;
    this.keys = new Array<LuaValue>(n).fill(undefined);
    this.vals = new Array<LuaValue>(n).fill(undefined);
    this.links = new Array<number>(n).fill(-1);
    this.hashes = new Array<number>(n).fill(0);
    this.lastfree = n;
  }

  /** A node index from a key's raw hash: strings and booleans by mask, numbers and objects mod (size-1)|1. */
  private position(h: number, byMask: boolean): number {
    const size = this.sizenode;
    return byMask ? h & (size - 1) : h % ((size - 1) | 1);
  }

  private mainPosition(k: LuaValue, h = rawHash(k)): number {
    return this.position(h, typeof k === 'string' || typeof k === 'boolean');
  }

  get(k: LuaValue): LuaValue {
    if (typeof k === 'number') {
      const i = k - 1;
      if (i >= 0 && i < this.array.length && Number.isInteger(i)) return this.array[i];
    }
    const n = this.where.get(k);
    return n === undefined ? undefined : this.vals[n];
  }

  getStr(k: string): LuaValue {
    const n = this.where.get(k);
    return n === undefined ? undefined : this.vals[n];
  }

  /** luaH_set + assignment; the caller has refused nil and NaN keys. */
  set(k: LuaValue, v: LuaValue): void {
    if (typeof k === 'number') {
      const i = k - 1;
      if (i >= 0 && i < this.array.length && Number.isInteger(i)) {
        this.array[i] = v;
        return;
      }
    }
    const n = this.where.get(k);
    if (n !== undefined) {
      this.vals[n] = v;
      return;
    }
    this.newKey(k, v, rawHash(k));
  }

  /** Positional constructor values (OP_SETLIST): grows the array part to hold them all. */
  setArray(vals: LuaValue[]): void {
    if (vals.length > this.array.length) this.resize(vals.length, this.dummy ? 0 : this.sizenode);
    for (let i = 0; i < vals.length; i++) this.array[i] = vals[i];
  }

  private freePosition(): number {
    while (this.lastfree > 0) {
      this.lastfree--;
      if (this.keys[this.lastfree] === undefined) return this.lastfree;
    }
    return -1;
  }

  /** Inserts an absent key, `h` its raw hash (kept per node so moves and rehashes need not recompute). */
  private newKey(k: LuaValue, v: LuaValue, h: number): void {
    let mp = this.mainPosition(k, h);
    if (this.dummy || this.vals[mp] !== undefined) {
      const free = this.freePosition();
      if (free < 0) {
        this.rehash(k);
        this.reinsert(k, v, h);
        return;
      }
      let other = this.mainPosition(this.keys[mp], this.hashes[mp]);
      if (other !== mp) {
        // The occupant is not in its main position: move it to the free node, mp becomes ours.
        while (this.links[other] !== mp) other = this.links[other]!;
        this.links[other] = free;
        this.keys[free] = this.keys[mp];
        this.vals[free] = this.vals[mp];
        this.links[free] = this.links[mp]!;
        this.hashes[free] = this.hashes[mp]!;
        this.where.set(this.keys[free], free);
        this.links[mp] = -1;
        this.vals[mp] = undefined;
        this.keys[mp] = undefined;
      } else {
        this.links[free] = this.links[mp]!;
        this.links[mp] = free;
        mp = free;
      }
    }
    const old = this.keys[mp];
    if (old !== undefined && this.where.get(old) === mp) this.where.delete(old);
    this.keys[mp] = k;
    this.vals[mp] = v;
    this.hashes[mp] = h;
    this.where.set(k, mp);
  }

  /** luaH_set for a key known to be absent from the nodes: the array part if it fits there now. */
  private reinsert(k: LuaValue, v: LuaValue, h: number): void {
    if (typeof k === 'number') {
      const i = k - 1;
      if (i >= 0 && i < this.array.length && Number.isInteger(i)) {
        this.where.delete(k); // it moved from the nodes to the array part
        this.array[i] = v;
        return;
      }
    }
    this.newKey(k, v, h);
  }

  private countInt(k: LuaValue, nums: number[]): number {
    const i = arrayIndex(k);
    if (i > 0 && i <= MAXASIZE) {
      nums[ceilLog2(i)]!++;
      return 1;
    }
    return 0;
  }

  private rehash(extra: LuaValue): void {
    const nums = new Array<number>(MAXBITS + 1).fill(0);
    let nasize = 0;
    for (let i = 1; i <= this.array.length; i++) {
      if (this.array[i - 1] !== undefined) {
        nums[ceilLog2(i)]!++;
        nasize++;
      }
    }
    let total = nasize;
    for (let i = this.sizenode - 1; i >= 0; i--) {
      if (this.dummy || this.vals[i] === undefined) continue;
      nasize += this.countInt(this.keys[i], nums);
      total++;
    }
    nasize += this.countInt(extra, nums);
    total++;
    const [size, inArray] = computeSizes(nums, nasize);
    this.resize(size, total - inArray);
  }

  private resize(nasize: number, nhsize: number): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const oldHashes = this.hashes;
    const oldSize = this.dummy ? 0 : this.sizenode;
    const vanishing = this.array.slice(nasize);
    // Cleared keys do not survive a rehash; live ones get their new node as they are reinserted.
    for (let i = 0; i < oldSize; i++) {
      if (oldVals[i] === undefined && oldKeys[i] !== undefined) this.where.delete(oldKeys[i]);
    }
    if (nasize > this.array.length) {
      for (let i = this.array.length; i < nasize; i++) this.array.push(undefined);
    }
    this.setNodeVector(nhsize);
    if (vanishing.length > 0) {
      this.array.length = nasize;
      vanishing.forEach((v, i) => {
        if (v !== undefined) this.set(nasize + i + 1, v);
      });
    }
    for (let i = oldSize - 1; i >= 0; i--) {
      if (oldVals[i] !== undefined) this.reinsert(oldKeys[i], oldVals[i], oldHashes[i]!);
    }
  }

  /** luaH_getn: a border, found by binary search in the array part or an unbounded one in the nodes. */
  length(): number {
    let j = this.array.length;
    if (j > 0 && this.array[j - 1] === undefined) {
      let i = 0;
      while (j - i > 1) {
        const m = Math.floor((i + j) / 2);
        if (this.array[m - 1] === undefined) j = m;
        else i = m;
      }
      return i;
    }
    if (this.dummy) return j;
    return this.unboundSearch(j);
  }

  private unboundSearch(start: number): number {
    let i = start;
    let j = start + 1;
    while (this.get(j) !== undefined) {
      i = j;
      j *= 2;
      if (j > 2147483647) {
        i = 1;
        while (this.get(i) !== undefined) i++;
        return i - 1;
      }
    }
    while (j - i > 1) {
      const m = Math.floor((i + j) / 2);
      if (this.get(m) === undefined) j = m;
      else i = m;
    }
    return i;
  }

  /** luaH_next: the entry after key k (undefined = first), undefined at the end, null for a bad key. */
  next(k: LuaValue): [LuaValue, LuaValue] | undefined | null {
    let i = -1;
    if (k !== undefined) {
      const ai = arrayIndex(k);
      if (ai > 0 && ai <= this.array.length) i = ai - 1;
      else {
        const n = this.where.get(k);
        if (n === undefined) return null;
        i = n + this.array.length;
      }
    }
    for (i++; i < this.array.length; i++) {
      if (this.array[i] !== undefined) return [i + 1, this.array[i]];
    }
    if (this.dummy) return undefined;
    for (i -= this.array.length; i < this.sizenode; i++) {
      if (this.vals[i] !== undefined) return [this.keys[i], this.vals[i]];
    }
    return undefined;
  }
}

/** computesizes: the array size n (a power of two) with more than n/2 integer keys in 1..n. */
function computeSizes(nums: number[], narray: number): [number, number] {
  let a = 0;
  let na = 0;
  let n = 0;
  for (let i = 0, twotoi = 1; twotoi / 2 < narray; i++, twotoi *= 2) {
    if (nums[i]! > 0) {
      a += nums[i]!;
      if (a > twotoi / 2) {
        n = twotoi;
        na = a;
      }
    }
    if (a === narray) break;
  }
  return [n, na];
}
