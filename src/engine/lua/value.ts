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
import { Lua51Table } from './table51';

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

export class LuaTable extends Lua51Table {
  readonly id = nextId++;
  metatable: LuaTable | undefined;
  /** Redis's Lua patch: library tables and _G refuse every write ("Attempt to modify a readonly table"). */
  readonly = false;
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
