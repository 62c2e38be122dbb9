/*
 * Lua values in JS. nil = undefined, booleans and numbers (always doubles, as in 5.1) are JS primitives,
 * strings are binary strings (one char per byte: bytes.ts's convention, so redis.call round-trips any
 * bytes), tables are LuaTable and every function (Lua closure or builtin) is a LuaFunction with one
 * calling convention: an argument array in, a result array out.
 *
 * LuaTable keeps an array part (keys 1..n, n = arr.length, no trailing nil) and an insertion-ordered hash
 * part (Map key -> slot into parallel key/value arrays). Removing a hash key leaves a tombstone (value
 * undefined) so next() can keep walking while a traversal clears fields, which Lua allows; tombstones
 * are compacted only when a new key is inserted, which Lua says is undefined during traversal anyway.
 */
import { formatG } from '../util/numfmt';

export type LuaValue =
  undefined | boolean | number | string | LuaTable | LuaFunction | LuaUserdata | LuaThread;

/** A light userdata (a C pointer in real Lua); the only one scripts meet is cjson.null, NULL. */
export class LuaUserdata {
  constructor(readonly pointer = '(nil)') {}
}
export const NULL_USERDATA = new LuaUserdata();

let nextId = 1;

/** A coroutine (type 'thread'); lib-coroutine.ts keeps its execution state. */
export class LuaThread {
  readonly id = nextId++;
  status: 'suspended' | 'running' | 'normal' | 'dead' = 'suspended';
}

export class LuaFunction {
  readonly id = nextId++;
  /**
   * `call` runs the function to its end. `gen`, when present, is the suspendable form of the same body
   * (Lua functions that loop or call, and natives like pcall that call back into Lua): a caller that can
   * itself suspend delegates to it instead.
   */
  constructor(
    readonly name: string,
    readonly call: (args: LuaValue[]) => LuaValue[],
    readonly native = true,
    readonly gen?: (args: LuaValue[]) => Generator<unknown, LuaValue[], unknown>,
  ) {}
}

export class LuaTable {
  readonly id = nextId++;
  metatable: LuaTable | undefined;
  /** Redis's Lua patch: library tables and _G refuse every write ("Attempt to modify a readonly table"). */
  readonly = false;
  arr: LuaValue[] = [];
  private slots = new Map<unknown, number>();
  private keys: unknown[] = [];
  private vals: LuaValue[] = [];
  private dead = 0;

  get(k: LuaValue): LuaValue {
    if (typeof k === 'number') {
      const i = k - 1;
      if (i >= 0 && i < this.arr.length && Number.isInteger(i)) return this.arr[i];
    }
    const s = this.slots.get(k);
    return s === undefined ? undefined : this.vals[s];
  }

  getStr(k: string): LuaValue {
    const s = this.slots.get(k);
    return s === undefined ? undefined : this.vals[s];
  }

  /** Stores a constructor's positional values as the array part (holes kept, trailing nils dropped). */
  setArray(vals: LuaValue[]): void {
    if (vals.length === 0) return;
    for (let i = 0; i < vals.length; i++) if (this.slots.has(i + 1)) this.hashSet(i + 1, undefined);
    this.arr = vals;
    this.trimArray();
    this.migrate();
  }

  /** Raw set; the caller has rejected nil and NaN keys. */
  set(k: LuaValue, v: LuaValue): void {
    if (typeof k === 'number' && Number.isInteger(k) && k >= 1) {
      const n = this.arr.length;
      if (k <= n) {
        this.arr[k - 1] = v;
        if (k === n && v === undefined) this.trimArray();
        return;
      }
      if (k === n + 1 && v !== undefined) {
        this.arr.push(v);
        if (this.slots.size > 0) {
          this.hashSet(k, undefined);
          this.migrate();
        }
        return;
      }
    }
    this.hashSet(k, v);
  }

  private trimArray(): void {
    const a = this.arr;
    while (a.length > 0 && a[a.length - 1] === undefined) a.pop();
  }

  /** Moves keys n+1, n+2, ... from the hash part to the array part after an append. */
  private migrate(): void {
    for (;;) {
      const k = this.arr.length + 1;
      const s = this.slots.get(k);
      if (s === undefined || this.vals[s] === undefined) return;
      this.arr.push(this.vals[s]);
      this.vals[s] = undefined;
      this.dead++;
    }
  }

  private hashSet(k: unknown, v: LuaValue): void {
    const s = this.slots.get(k);
    if (s !== undefined) {
      if (this.vals[s] === undefined && v !== undefined) this.dead--;
      else if (this.vals[s] !== undefined && v === undefined) this.dead++;
      this.vals[s] = v;
      return;
    }
    if (v === undefined) return;
    if (this.dead > 8 && this.dead * 2 > this.keys.length) this.compact();
    this.slots.set(k, this.keys.length);
    this.keys.push(k);
    this.vals.push(v);
  }

  private compact(): void {
    const keys: unknown[] = [];
    const vals: LuaValue[] = [];
    this.slots.clear();
    for (let i = 0; i < this.keys.length; i++) {
      if (this.vals[i] === undefined) continue;
      this.slots.set(this.keys[i], keys.length);
      keys.push(this.keys[i]);
      vals.push(this.vals[i]);
    }
    this.keys = keys;
    this.vals = vals;
    this.dead = 0;
  }

  /** The border # reports: the array part's size, extended through consecutive hash keys. */
  length(): number {
    let n = this.arr.length;
    if (this.slots.size === 0) return n;
    while (this.get(n + 1) !== undefined) n++;
    return n;
  }

  /** next(): the entry after key k (undefined k = first), or undefined at the end; null if k is unknown. */
  next(k: LuaValue): [LuaValue, LuaValue] | undefined | null {
    let slot = 0;
    if (k !== undefined) {
      let ai = -1;
      if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= this.arr.length) ai = k;
      if (ai >= 0) {
        for (let i = ai; i < this.arr.length; i++) if (this.arr[i] !== undefined) return [i + 1, this.arr[i]];
        slot = 0;
      } else {
        const s = this.slots.get(k);
        if (s !== undefined) slot = s + 1;
        else if (typeof k === 'number' && Number.isInteger(k) && k >= 1) {
          // A key of the array part cleared during traversal (the array shrank past it): go on from there.
          for (let i = k; i < this.arr.length; i++)
            if (this.arr[i] !== undefined) return [i + 1, this.arr[i]];
          slot = 0;
        } else return null;
      }
    } else {
      for (let i = 0; i < this.arr.length; i++) if (this.arr[i] !== undefined) return [i + 1, this.arr[i]];
    }
    for (let i = slot; i < this.keys.length; i++) {
      if (this.vals[i] !== undefined) return [this.keys[i] as LuaValue, this.vals[i]];
    }
    return undefined;
  }
}

export function luaType(v: LuaValue): string {
  if (v === undefined) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
  }
  if (v instanceof LuaUserdata) return 'userdata';
  if (v instanceof LuaThread) return 'thread';
  return v instanceof LuaTable ? 'table' : 'function';
}

/** 5.1's LUAI_NUMFFORMAT "%.14g"; NaN prints as x86 glibc prints the default NaN. */
export function numberToString(n: number): string {
  if (Number.isNaN(n)) return '-nan';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  // Integers of at most 14 digits print exactly under %.14g: the common case, kept cheap.
  if (Number.isInteger(n) && n < 1e14 && n > -1e14) return String(n);
  return formatG(halfEvenAt(n, 14), 14);
}

/**
 * JS rounds exact decimal ties away from zero, glibc's printf to even. When a double's exact decimal
 * expansion is a tie at `digits` significant digits (123456789012345 at 14), returns the value whose
 * digits are the even neighbour, so formatting it gives what C prints; otherwise returns n unchanged.
 */
export function halfEvenAt(n: number, digits: number): number {
  const a = Math.abs(n);
  // Cheap filter: a tie shows a 5 right after the kept digits when rounded one digit further.
  if (a.toExponential(digits).charCodeAt(digits + 1) !== 53) return n;
  const [mant, exp] = a.toExponential(99).split('e') as [string, string];
  const ds = mant.replace('.', '');
  if (ds[digits] !== '5' || !/^0*$/.test(ds.slice(digits + 1))) return n;
  const lastKept = ds.charCodeAt(digits - 1) - 48;
  if (lastKept % 2 === 1) return n;
  const truncated = Number(`${ds[0]}.${ds.slice(1, digits)}e${exp}`);
  return n < 0 ? -truncated : truncated;
}

/** tostring() without metamethods. */
export function rawToString(v: LuaValue): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'string') return v;
  if (v instanceof LuaUserdata) return `userdata: ${v.pointer}`;
  const addr = '0x' + (0x55d0c0de0000 + v.id * 0x40).toString(16);
  if (v instanceof LuaThread) return `thread: ${addr}`;
  return v instanceof LuaTable ? `table: ${addr}` : `function: ${addr}`;
}

export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}
