/*
 * The straight-through half of the compiler: expressions as plain (frame) => value closures, for every
 * expression that cannot call a function (compile-gen.ts takes the others).
 *
 * Operators inline the number fast paths and leave coercions and metamethods to LuaState. Runtime
 * errors name the operand as 5.1 does ("attempt to index global 'x' (a nil value)"), from info().
 */
import type { Expr, FuncBody } from './ast';
import { type EvMulti, type Ev, type Frame, FuncScope, isMulti } from './compile-types';
import { hintSize } from './table51';
import type { LuaState, VarInfo } from './runtime';
import { LuaFunction, LuaTable, truthy } from './value';

export abstract class ExprCompiler {
  protected scope!: FuncScope;
  constructor(protected readonly st: LuaState) {}

  /** Compiles a function body; returns a maker that closes over the enclosing frame. */
  abstract func(fb: FuncBody, parent: FuncScope | undefined): (outer: Frame) => LuaFunction;

  /** How an operand is named in runtime errors ("global 'x'", "local 't'", "field 'k'"). */
  protected info(e: Expr): VarInfo {
    if (e.k === 'name') {
      const r = this.scope.resolve(e.name);
      return `${r.kind === 'upval' ? 'upvalue' : r.kind} '${e.name}'`;
    }
    if (e.k === 'index' && e.key.k === 'str') return `field '${e.key.v}'`;
    return undefined;
  }

  /** An expression list: all but the last truncated to one value, the last expanded if multi. */
  protected list(exprs: Expr[]): EvMulti {
    if (exprs.length === 0) return () => [];
    const last = exprs[exprs.length - 1]!;
    const firsts = exprs.slice(0, -1).map((e) => this.expr(e));
    if (isMulti(last)) {
      const m = this.multi(last);
      if (firsts.length === 0) return m;
      return (f) => {
        const out = firsts.map((e) => e(f));
        const rest = m(f);
        for (let i = 0; i < rest.length; i++) out.push(rest[i]);
        return out;
      };
    }
    const l = this.expr(last);
    if (firsts.length === 0) return (f) => [l(f)];
    return (f) => {
      const out = firsts.map((e) => e(f));
      out.push(l(f));
      return out;
    };
  }

  /** A vararg (or single) expression with all its values; calls compile in compile-gen.ts. */
  protected multi(e: Expr): EvMulti {
    if (e.k === 'vararg') return (f) => f.varargs.slice();
    const single = this.expr(e);
    return (f) => [single(f)];
  }

  expr(e: Expr): Ev {
    const st = this.st;
    switch (e.k) {
      case 'nil':
        return () => undefined;
      case 'true':
        return () => true;
      case 'false':
        return () => false;
      case 'num': {
        const v = e.v;
        return () => v;
      }
      case 'str': {
        const v = e.v;
        return () => v;
      }
      case 'vararg':
        return (f) => f.varargs[0];
      case 'paren':
        return this.expr(e.e);
      case 'call':
      case 'method':
        // Only expressions without calls compile here (GenExprCompiler.code routes the others).
        throw new Error('a call compiles through GenExprCompiler.code');
      case 'func': {
        const make = this.func(e.f, this.scope);
        return (f) => make(f);
      }
      case 'name':
        return this.nameExpr(e.name, e.line);
      case 'index': {
        const obj = this.expr(e.obj);
        const key = this.expr(e.key);
        const info = this.info(e.obj);
        const line = e.line;
        return (f) => {
          const o = obj(f);
          const k = key(f);
          if (o instanceof LuaTable && o.metatable === undefined) return o.get(k);
          return st.index(o, k, line, info);
        };
      }
      case 'table':
        return this.tableExpr(e.items, e.line);
      case 'un':
        return this.unary(e.op, e.a, e.line);
      case 'bin':
        return this.binary(e.op, e.a, e.b, e.line);
    }
  }

  private nameExpr(name: string, line: number): Ev {
    const r = this.scope.resolve(name);
    if (r.kind === 'local') return (f) => f.regs[r.index]!.v;
    if (r.kind === 'upval') return (f) => f.upvals[r.index]!.v;
    const st = this.st;
    return () => {
      const g = st.globals;
      if (g.metatable === undefined) return g.getStr(name);
      return st.index(g, name, line);
    };
  }

  private tableExpr(items: { key?: Expr; value: Expr }[], line: number): Ev {
    const st = this.st;
    const keyed: [Ev, Ev][] = [];
    const positional: Expr[] = [];
    const order: (0 | 1)[] = [];
    for (const it of items) {
      if (it.key) {
        keyed.push([this.expr(it.key), this.expr(it.value)]);
        order.push(1);
      } else {
        positional.push(it.value);
        order.push(0);
      }
    }
    const pos = this.list(positional);
    const last = positional[positional.length - 1];
    const na = hintSize(positional.length - (last !== undefined && isMulti(last) ? 1 : 0));
    const nh = hintSize(keyed.length);
    return (f) => {
      const t = new LuaTable(na, nh);
      // Keyed fields evaluate in source order; positional values are stored after, as 5.1 flushes them.
      let ki = 0;
      for (const o of order) {
        if (o === 1) {
          const [k, v] = keyed[ki++]!;
          const kv = k(f);
          const vv = v(f);
          if (kv === undefined) st.rtError('table index is nil', line);
          if (typeof kv === 'number' && Number.isNaN(kv)) st.rtError('table index is NaN', line);
          t.set(kv, vv);
        }
      }
      t.setArray(pos(f));
      return t;
    };
  }

  private unary(op: string, ae: Expr, line: number): Ev {
    const st = this.st;
    const a = this.expr(ae);
    const info = this.info(ae);
    if (op === 'not') return (f) => !truthy(a(f));
    if (op === '-')
      return (f) => {
        const v = a(f);
        return typeof v === 'number' ? -v : st.unm(v, line, info);
      };
    return (f) => st.len(a(f), line, info);
  }

  private binary(op: string, ae: Expr, be: Expr, line: number): Ev {
    const st = this.st;
    const a = this.expr(ae);
    const b = this.expr(be);
    const ia = this.info(ae);
    const ib = this.info(be);
    switch (op) {
      case 'and':
        return (f) => {
          const x = a(f);
          return truthy(x) ? b(f) : x;
        };
      case 'or':
        return (f) => {
          const x = a(f);
          return truthy(x) ? x : b(f);
        };
      case '+':
        return (f) => {
          const x = a(f);
          const y = b(f);
          return typeof x === 'number' && typeof y === 'number' ? x + y : st.arith(op, x, y, line, ia, ib);
        };
      case '-':
        return (f) => {
          const x = a(f);
          const y = b(f);
          return typeof x === 'number' && typeof y === 'number' ? x - y : st.arith(op, x, y, line, ia, ib);
        };
      case '*':
      case '/':
      case '%':
      case '^':
        return (f) => st.arith(op, a(f), b(f), line, ia, ib);
      case '..':
        return (f) => st.concat(a(f), b(f), line, ia, ib);
      case '==':
        return (f) => st.eq(a(f), b(f), line);
      case '~=':
        return (f) => !st.eq(a(f), b(f), line);
      case '<':
        return (f) => st.lt(a(f), b(f), line);
      case '<=':
        return (f) => st.le(a(f), b(f), line);
      case '>':
        return (f) => {
          const x = a(f);
          return st.lt(b(f), x, line);
        };
      default:
        return (f) => {
          const x = a(f);
          return st.le(b(f), x, line);
        };
    }
  }
}
