/*
 * The suspendable half of the expression compiler: an expression that calls a function compiles to a
 * generator closure, so a callee that loops for a long time can suspend the whole script (see
 * compile-types.ts). Sub-expressions without calls stay plain closures; a generator node runs each
 * child either directly (`c.s(f)`) or by delegation (`yield* c.g(f)`), chosen at compile time.
 *
 * Evaluation order is 5.1's: left to right, the callee before its arguments, both operands before the
 * operator (except the short-circuit of `and` / `or`).
 */
import type { Expr } from './ast';
import { ExprCompiler } from './compile-expr';
import { type ExprCode, type Frame, type LuaGen, type MultiCode, hasCall, isMulti } from './compile-types';
import { hintSize } from './table51';
import type { LuaState, VarInfo } from './runtime';
import { LuaFunction, LuaTable, truthy, type LuaValue } from './value';

export abstract class GenExprCompiler extends ExprCompiler {
  /** An expression in whichever shape it needs. */
  code(e: Expr): ExprCode {
    if (!hasCall(e)) return { s: this.expr(e) };
    switch (e.k) {
      case 'paren':
        return this.code(e.e);
      case 'call':
      case 'method':
        return { g: this.gcall(e, FIRST) };
      case 'index':
        return this.gindex(e.obj, e.key, e.line);
      case 'table':
        return this.gtable(e.items, e.line);
      case 'un':
        return this.gunary(e.op, e.a, e.line);
      case 'bin':
        return this.gbinary(e.op, e.a, e.b, e.line);
      default:
        return { s: this.expr(e) };
    }
  }

  /** An expression list (see ExprCompiler.list) in whichever shape it needs. */
  listCode(exprs: Expr[]): MultiCode {
    if (!exprs.some(hasCall)) return { s: this.list(exprs) };
    const last = exprs[exprs.length - 1]!;
    const firsts = exprs.slice(0, -1).map((e) => this.code(e));
    const tail: MultiCode = isMulti(last) ? this.multiCode(last) : single(this.code(last));
    return {
      *g(f) {
        const out: LuaValue[] = [];
        for (const c of firsts) out.push(c.s ? c.s(f) : yield* c.g!(f));
        const rest = tail.s ? tail.s(f) : yield* tail.g!(f);
        for (let i = 0; i < rest.length; i++) out.push(rest[i]);
        return out;
      },
    };
  }

  /** A call (all its results), vararg, or single expression. */
  multiCode(e: Expr): MultiCode {
    if (e.k === 'call' || e.k === 'method') return { g: this.gcall(e, ALL) };
    if (e.k === 'vararg') return { s: this.multi(e) };
    return single(this.code(e));
  }

  /**
   * A call whose Lua callee runs by delegation, so it can suspend; natives run directly. `want` picks
   * what the generator returns (all results, the first, or nothing for a call statement), so no wrapper
   * generator is needed per call: every generator level costs JS stack in deep recursion.
   */
  gcall(
    e: Extract<Expr, { k: 'call' } | { k: 'method' }>,
    want: typeof ALL,
  ): (f: Frame) => LuaGen<LuaValue[]>;
  gcall(
    e: Extract<Expr, { k: 'call' } | { k: 'method' }>,
    want: typeof FIRST,
  ): (f: Frame) => LuaGen<LuaValue>;
  gcall(
    e: Extract<Expr, { k: 'call' } | { k: 'method' }>,
    want: typeof NONE,
  ): (f: Frame) => LuaGen<undefined>;
  gcall(e: Extract<Expr, { k: 'call' } | { k: 'method' }>, want: Want): (f: Frame) => LuaGen<unknown> {
    const st = this.st;
    const args = this.listCode(e.args);
    const line = e.line;
    if (e.k === 'call') {
      const fn = this.code(e.fn);
      const info = this.info(e.fn);
      return function* (f) {
        const fv = fn.s ? fn.s(f) : yield* fn.g!(f);
        const a = args.s ? args.s(f) : yield* args.g!(f);
        if (fv instanceof LuaFunction && fv.gen !== undefined) {
          st.setLine(line);
          if (fv.native) st.calleeInfo = info;
          return shape(want, yield* fv.gen(a));
        }
        return shape(want, st.call(fv, a, line, info));
      };
    }
    const obj = this.code(e.obj);
    const info = this.info(e.obj);
    const name = e.name;
    const minfo = `method '${name}'`;
    return function* (f) {
      const o = obj.s ? obj.s(f) : yield* obj.g!(f);
      const fv = st.index(o, name, line, info);
      const a = args.s ? args.s(f) : yield* args.g!(f);
      a.unshift(o);
      if (fv instanceof LuaFunction && fv.gen !== undefined) {
        st.setLine(line);
        if (fv.native) st.calleeInfo = minfo;
        return shape(want, yield* fv.gen(a));
      }
      return shape(want, st.call(fv, a, line, minfo));
    };
  }

  private gindex(objE: Expr, keyE: Expr, line: number): ExprCode {
    const st = this.st;
    const obj = this.code(objE);
    const key = this.code(keyE);
    const info = this.info(objE);
    return {
      *g(f) {
        const o = obj.s ? obj.s(f) : yield* obj.g!(f);
        const k = key.s ? key.s(f) : yield* key.g!(f);
        return st.index(o, k, line, info);
      },
    };
  }

  private gtable(items: { key?: Expr; value: Expr }[], line: number): ExprCode {
    const st = this.st;
    const keyed = items
      .filter((it) => it.key)
      .map((it) => [this.code(it.key!), this.code(it.value)] as const);
    const order = items.map((it) => (it.key ? 1 : 0));
    const positional = items.filter((it) => !it.key).map((it) => it.value);
    const pos = this.listCode(positional);
    const last = positional[positional.length - 1];
    const na = hintSize(positional.length - (last !== undefined && isMulti(last) ? 1 : 0));
    const nh = hintSize(keyed.length);
    return {
      *g(f) {
        const t = new LuaTable(na, nh);
        let ki = 0;
        for (const o of order) {
          if (o === 0) continue;
          const [k, v] = keyed[ki++]!;
          const kv = k.s ? k.s(f) : yield* k.g!(f);
          const vv = v.s ? v.s(f) : yield* v.g!(f);
          if (kv === undefined) st.rtError('table index is nil', line);
          if (typeof kv === 'number' && Number.isNaN(kv)) st.rtError('table index is NaN', line);
          t.set(kv, vv);
        }
        t.setArray(pos.s ? pos.s(f) : yield* pos.g!(f));
        return t;
      },
    };
  }

  private gunary(op: string, ae: Expr, line: number): ExprCode {
    const st = this.st;
    const a = this.code(ae);
    const info = this.info(ae);
    return {
      *g(f) {
        const v = a.s ? a.s(f) : yield* a.g!(f);
        if (op === 'not') return !truthy(v);
        if (op === '-') return typeof v === 'number' ? -v : st.unm(v, line, info);
        return st.len(v, line, info);
      },
    };
  }

  private gbinary(op: string, ae: Expr, be: Expr, line: number): ExprCode {
    const st = this.st;
    const a = this.code(ae);
    const b = this.code(be);
    const ia = this.info(ae);
    const ib = this.info(be);
    return {
      *g(f) {
        const x = a.s ? a.s(f) : yield* a.g!(f);
        if (op === 'and' && !truthy(x)) return x;
        if (op === 'or' && truthy(x)) return x;
        const y = b.s ? b.s(f) : yield* b.g!(f);
        if (op === 'and' || op === 'or') return y;
        return applyBinary(st, op, x, y, line, ia, ib);
      },
    };
  }
}

const ALL = 0;
const FIRST = 1;
const NONE = 2;
type Want = typeof ALL | typeof FIRST | typeof NONE;
export { ALL, FIRST, NONE };

function shape(want: Want, rs: LuaValue[]): unknown {
  return want === ALL ? rs : want === FIRST ? rs[0] : undefined;
}

function single(c: ExprCode): MultiCode {
  if (c.s) {
    const s = c.s;
    return { s: (f) => [s(f)] };
  }
  const g = c.g!;
  return {
    *g(f) {
      return [yield* g(f)];
    },
  };
}

/** A binary operator other than and/or, on evaluated operands. */
export function applyBinary(
  st: LuaState,
  op: string,
  x: LuaValue,
  y: LuaValue,
  line: number,
  ia: VarInfo,
  ib: VarInfo,
): LuaValue {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '^':
      return st.arith(op, x, y, line, ia, ib);
    case '..':
      return st.concat(x, y, line, ia, ib);
    case '==':
      return st.eq(x, y, line);
    case '~=':
      return !st.eq(x, y, line);
    case '<':
      return st.lt(x, y, line);
    case '<=':
      return st.le(x, y, line);
    case '>':
      return st.lt(y, x, line);
    default:
      return st.le(y, x, line);
  }
}
