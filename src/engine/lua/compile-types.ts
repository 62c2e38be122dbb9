/*
 * Shared vocabulary of the Lua compiler (compile-expr.ts, compile-gen.ts, compile.ts).
 *
 * Two shapes of compiled code. A piece of code that can neither call a function nor loop runs straight
 * through as a plain closure (Ev / Exec): most expressions and simple statements. Anything that calls or
 * loops is compiled as a generator closure (GEv / GExec), so a running script can be suspended mid-way
 * and resumed later, with its JS stack kept inside the generators: the host serves other clients in
 * between (BUSY replies, SCRIPT KILL), the way Redis's count hook does from inside a running script.
 * Generators cost an allocation per activation, so this split keeps loops without calls (the hot inner
 * loops of scripts) and leaf functions as fast as before.
 *
 * A generator yields only two kinds of values: SUSPEND (the hook asked to give control back; only
 * yielded when no native frame sits between the script and the host, see LuaState.mustYield) and a
 * CoYield carrying coroutine.yield's values up to the coroutine.resume that drives it.
 */
import type { Expr, Stat } from './ast';
import type { LuaValue } from './value';

export interface Box {
  v: LuaValue;
}

export interface Frame {
  regs: Box[];
  varargs: LuaValue[];
  upvals: Box[];
}

export const BREAK = { brk: true } as const;
/** undefined: go on; BREAK: leave the innermost loop; an array: the function returns these values. */
export type Signal = undefined | typeof BREAK | LuaValue[];

export type Ev = (f: Frame) => LuaValue;
export type EvMulti = (f: Frame) => LuaValue[];
export type Exec = (f: Frame) => Signal;

export type LuaGen<T> = Generator<unknown, T, unknown>;
export type GEv = (f: Frame) => LuaGen<LuaValue>;
export type GEvMulti = (f: Frame) => LuaGen<LuaValue[]>;
export type GExec = (f: Frame) => LuaGen<Signal>;

/** Compiled code in one of the two shapes: `s` runs straight through, `g` may suspend. */
export type Code<S, G> = { s: S; g?: undefined } | { g: G; s?: undefined };
export type ExprCode = Code<Ev, GEv>;
export type MultiCode = Code<EvMulti, GEvMulti>;
export type StatCode = Code<Exec, GExec>;

export type Resolved = { kind: 'local' | 'upval'; index: number } | { kind: 'global' };

/** Per-function compile state: block scopes (name -> slot) and the upvalues the function captures. */
export class FuncScope {
  blocks: Map<string, number>[] = [new Map()];
  nslots = 0;
  upvals: { fromLocal: boolean; index: number }[] = [];
  upvalByName = new Map<string, number>();
  constructor(readonly parent: FuncScope | undefined) {}

  declare(name: string): number {
    const slot = this.nslots++;
    this.blocks[this.blocks.length - 1]!.set(name, slot);
    return slot;
  }

  resolve(name: string): Resolved {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const s = this.blocks[i]!.get(name);
      if (s !== undefined) return { kind: 'local', index: s };
    }
    const known = this.upvalByName.get(name);
    if (known !== undefined) return { kind: 'upval', index: known };
    if (!this.parent) return { kind: 'global' };
    const r = this.parent.resolve(name);
    if (r.kind === 'global') return r;
    const index = this.upvals.length;
    this.upvals.push({ fromLocal: r.kind === 'local', index: r.index });
    this.upvalByName.set(name, index);
    return { kind: 'upval', index };
  }
}

const callCache = new WeakMap<Expr, boolean>();

/** Does evaluating `e` call a function (not counting bodies of functions it merely creates)? */
export function hasCall(e: Expr): boolean {
  const known = callCache.get(e);
  if (known !== undefined) return known;
  const r = computeHasCall(e);
  callCache.set(e, r);
  return r;
}

function computeHasCall(e: Expr): boolean {
  switch (e.k) {
    case 'call':
    case 'method':
      return true;
    case 'paren':
      return hasCall(e.e);
    case 'index':
      return hasCall(e.obj) || hasCall(e.key);
    case 'table':
      return e.items.some((it) => (it.key !== undefined && hasCall(it.key)) || hasCall(it.value));
    case 'un':
      return hasCall(e.a);
    case 'bin':
      return hasCall(e.a) || hasCall(e.b);
    default:
      return false;
  }
}

/** Must this statement be a generator: does it loop, or call, anywhere in its own body? */
export function needsGen(s: Stat): boolean {
  switch (s.k) {
    case 'while':
    case 'repeat':
    case 'numfor':
    case 'genfor':
    case 'callstat':
      return true;
    case 'local':
    case 'return':
      return s.exprs.some(hasCall);
    case 'assign':
      return s.exprs.some(hasCall) || s.targets.some(hasCall);
    case 'do':
      return s.body.some(needsGen);
    case 'if':
      return (
        s.clauses.some((c) => hasCall(c.cond) || c.body.some(needsGen)) ||
        (s.orelse !== undefined && s.orelse.some(needsGen))
      );
    default:
      return false;
  }
}

export function isMulti(e: Expr): boolean {
  return e.k === 'call' || e.k === 'method' || e.k === 'vararg';
}
