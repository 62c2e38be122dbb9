/*
 * Compiler from the syntax tree to JS closures ("closure compilation"): each expression becomes a
 * (frame) => value function and each statement a (frame) => signal function, built once per chunk. This
 * runs several times faster than walking the tree on every execution and keeps the code small.
 *
 * Suspension: Redis's count hook runs inside a long script and serves other clients from there (they
 * get BUSY; SCRIPT KILL, FUNCTION KILL and SHUTDOWN NOSAVE are honoured), then returns into the script.
 * A browser worker (or Node's event loop) cannot receive messages inside a synchronous call, so here the
 * script itself must give control back: statements that loop or call compile to generator closures
 * (compile-types.ts explains the split) and a function whose body loops or calls is a generator. Every
 * loop iteration and every Lua function entry is a yield point: when the hook has asked for it
 * (LuaState.requestYield) and no native frame is in between, the script yields SUSPEND to its LuaRun,
 * whose host resumes it later. Code that can do neither runs straight through, as fast as before.
 *
 * Scoping: locals live in per-activation slot arrays, each local in a Box so closures share it; a
 * declaration executes as "new Box", giving every loop iteration a fresh variable as 5.1 does. Names are
 * resolved at compile time to local slot, upvalue index (captured Box) or global (environment table).
 * Control flow: a statement returns undefined to continue, BREAK, or an array of return values.
 */
import type { Expr, FuncBody, Stat } from './ast';
import { ALL, GenExprCompiler, NONE } from './compile-gen';
import {
  BREAK,
  type Box,
  type Exec,
  type Frame,
  FuncScope,
  type LuaGen,
  type Signal,
  type StatCode,
  hasCall,
  isMulti,
  needsGen,
} from './compile-types';
import { LuaError, SUSPEND, type LuaState } from './runtime';
import { LuaFunction, LuaTable, truthy, type LuaValue } from './value';

export function compileChunk(st: LuaState, body: FuncBody): LuaFunction {
  const c = new Compiler(st);
  const make = c.func(body, undefined);
  return make({ regs: [], varargs: [], upvals: [] });
}

type Store = (v: LuaValue) => void;
type TargetCode =
  { s: (f: Frame) => Store; g?: undefined } | { g: (f: Frame) => LuaGen<Store>; s?: undefined };

class Compiler extends GenExprCompiler {
  /** Compiles a function body; returns a maker that closes over the enclosing frame. */
  func(fb: FuncBody, parent: FuncScope | undefined): (outer: Frame) => LuaFunction {
    const saved = this.scope;
    const scope = new FuncScope(parent);
    this.scope = scope;
    const nparams = fb.params.map((p) => scope.declare(p)).length;
    const body = this.block(fb.body, false);
    this.scope = saved;
    const st = this.st;
    const { vararg, line } = fb;
    const name = fb.name ?? '?';
    const enter = (args: LuaValue[], upvals: Box[]): Frame => {
      st.step();
      if (st.depth >= st.maxDepth) st.error('stack overflow');
      const regs: Box[] = new Array(scope.nslots);
      for (let i = 0; i < nparams; i++) regs[i] = { v: args[i] };
      st.depth++;
      st.lines.push(line);
      return { regs, varargs: vararg && args.length > nparams ? args.slice(nparams) : [], upvals };
    };
    const leave = () => {
      st.lines.pop();
      st.depth--;
    };
    return (outer) => {
      const upvals = scope.upvals.map((u) => (u.fromLocal ? outer.regs[u.index]! : outer.upvals[u.index]!));
      if (body.s) {
        const run = body.s;
        const call = (args: LuaValue[]) => {
          const frame = enter(args, upvals);
          try {
            const sig = run(frame);
            return Array.isArray(sig) ? sig : [];
          } finally {
            leave();
          }
        };
        return new LuaFunction(name, call, false);
      }
      const run = body.g!;
      const gen = function* (args: LuaValue[]): LuaGen<LuaValue[]> {
        if (st.mustYield()) yield SUSPEND;
        const frame = enter(args, upvals);
        try {
          const sig = yield* run(frame);
          return Array.isArray(sig) ? sig : [];
        } finally {
          leave();
        }
      };
      return new LuaFunction(name, (args) => st.drive(gen(args)), false, gen);
    };
  }

  private block(stats: Stat[], newScope = true): StatCode {
    if (newScope) this.scope.blocks.push(new Map());
    const codes = stats.map((s) => this.stat(s));
    if (newScope) this.scope.blocks.pop();
    const st = this.st;
    const n = codes.length;
    if (codes.every((c) => c.s !== undefined)) {
      const execs = codes.map((c) => c.s!);
      if (n === 1) {
        const e = execs[0]!;
        return { s: (f) => (st.step(), e(f)) };
      }
      return {
        s: (f) => {
          for (let i = 0; i < n; i++) {
            st.step();
            const sig = execs[i]!(f);
            if (sig !== undefined) return sig;
          }
          return undefined;
        },
      };
    }
    return {
      *g(f) {
        for (let i = 0; i < n; i++) {
          st.step();
          const c = codes[i]!;
          const sig = c.s ? c.s(f) : yield* c.g!(f);
          if (sig !== undefined) return sig;
        }
        return undefined;
      },
    };
  }

  private stat(s: Stat): StatCode {
    switch (s.k) {
      case 'local':
        return this.localStat(s.names, s.exprs);
      case 'localfunc': {
        const slot = this.scope.declare(s.name);
        const make = this.func(s.f, this.scope);
        return {
          s: (f) => {
            const box: Box = { v: undefined };
            f.regs[slot] = box;
            box.v = make(f);
            return undefined;
          },
        };
      }
      case 'assign':
        return this.assign(s.targets, s.exprs);
      case 'callstat':
        return { g: this.callDiscarding(s.call) };
      case 'do':
        return this.block(s.body);
      case 'while':
        return this.whileStat(s.cond, s.body, s.endLine);
      case 'repeat':
        return this.repeatStat(s.body, s.cond, s.endLine);
      case 'if':
        return this.ifStat(s.clauses, s.orelse, needsGen(s));
      case 'numfor':
        return this.numFor(s);
      case 'genfor':
        return this.genFor(s);
      case 'return':
        return this.returnStat(s.exprs);
      case 'break':
        return { s: () => BREAK };
    }
  }

  /** return: a single call returns its whole generator (no wrapper level per recursion step). */
  private returnStat(exprs: Expr[]): StatCode {
    const only = exprs[0];
    if (exprs.length === 1 && (only!.k === 'call' || only!.k === 'method'))
      return { g: this.gcall(only!, ALL) };
    const list = this.listCode(exprs);
    if (list.s) return { s: list.s };
    if (exprs.length === 1) {
      const e = this.code(only!).g!;
      return {
        *g(f) {
          return [yield* e(f)];
        },
      };
    }
    const g = list.g!;
    return { g: (f) => g(f) };
  }

  /** A call statement: its results are dropped. */
  private callDiscarding(call: Expr): (f: Frame) => LuaGen<Signal> {
    if (call.k !== 'call' && call.k !== 'method') throw new LuaError('not a call');
    return this.gcall(call, NONE);
  }

  private localStat(names: string[], exprs: Expr[]): StatCode {
    if (names.length === 1 && exprs.length === 1 && !isMulti(exprs[0]!)) {
      const e = this.code(exprs[0]!);
      const slot = this.scope.declare(names[0]!);
      if (e.s) {
        const ev = e.s;
        return { s: (f) => ((f.regs[slot] = { v: ev(f) }), undefined) };
      }
      const g = e.g!;
      return {
        *g(f) {
          f.regs[slot] = { v: yield* g(f) };
          return undefined;
        },
      };
    }
    const list = this.listCode(exprs);
    const slots = names.map((n) => this.scope.declare(n));
    const bind = (f: Frame, vals: LuaValue[]) => {
      for (let i = 0; i < slots.length; i++) f.regs[slots[i]!] = { v: vals[i] };
      return undefined;
    };
    if (list.s) {
      const l = list.s;
      return { s: (f) => bind(f, l(f)) };
    }
    const g = list.g!;
    return {
      *g(f) {
        return bind(f, yield* g(f));
      },
    };
  }

  private assign(targets: Expr[], exprs: Expr[]): StatCode {
    if (!targets.some(hasCall) && !exprs.some(hasCall)) return { s: this.syncAssign(targets, exprs) };
    const only = targets[0]!;
    if (targets.length === 1 && exprs.length === 1 && only.k === 'name') {
      // x = <expression with a call>: the common case, without store closures or value arrays.
      const store = this.target(only).s!;
      const e = this.code(exprs[0]!).g!;
      return {
        *g(f) {
          store(f)(yield* e(f));
          return undefined;
        },
      };
    }
    const preps = targets.map((t) => this.target(t));
    const list = this.listCode(exprs);
    return {
      *g(f) {
        const puts: Store[] = [];
        for (const p of preps) puts.push(p.s ? p.s(f) : yield* p.g!(f));
        const vals = list.s ? list.s(f) : yield* list.g!(f);
        for (let i = puts.length - 1; i >= 0; i--) puts[i]!(vals[i]);
        return undefined;
      },
    };
  }

  private syncAssign(targets: Expr[], exprs: Expr[]): Exec {
    const only = targets[0]!;
    if (targets.length === 1 && exprs.length === 1 && only.k === 'index') {
      // t[k] = v, the hot case: no store closure per execution, raw set when no metatable is involved.
      const st = this.st;
      const obj = this.expr(only.obj);
      const key = this.expr(only.key);
      const val = this.expr(exprs[0]!);
      const info = this.info(only.obj);
      const line = only.line;
      return (f) => {
        const o = obj(f);
        const k = key(f);
        const v = val(f);
        if (o instanceof LuaTable && o.metatable === undefined) st.rawSet(o, k, v, line);
        else st.setIndex(o, k, v, line, info);
        return undefined;
      };
    }
    const setters = targets.map((t) => this.target(t).s!);
    if (setters.length === 1 && exprs.length === 1) {
      const prep = setters[0]!;
      const e = this.expr(exprs[0]!);
      return (f) => {
        const put = prep(f);
        put(e(f));
        return undefined;
      };
    }
    const list = this.list(exprs);
    return (f) => {
      const puts = setters.map((p) => p(f));
      const vals = list(f);
      for (let i = puts.length - 1; i >= 0; i--) puts[i]!(vals[i]);
      return undefined;
    };
  }

  /** A target evaluates its object and key first (5.1 order), then returns the store. */
  private target(t: Expr): TargetCode {
    const st = this.st;
    if (t.k === 'name') {
      const r = this.scope.resolve(t.name);
      if (r.kind === 'local') return { s: (f) => (v) => void (f.regs[r.index]!.v = v) };
      if (r.kind === 'upval') return { s: (f) => (v) => void (f.upvals[r.index]!.v = v) };
      const name = t.name;
      const line = t.line;
      const store: Store = (v) => {
        const g = st.globals;
        if (g.metatable === undefined) g.set(name, v);
        else st.setIndex(g, name, v, line);
      };
      return { s: () => store };
    }
    if (t.k !== 'index') throw new LuaError('cannot assign');
    const obj = this.code(t.obj);
    const key = this.code(t.key);
    const info = this.info(t.obj);
    const line = t.line;
    if (obj.s && key.s) {
      const o = obj.s;
      const k = key.s;
      return {
        s: (f) => {
          const ov = o(f);
          const kv = k(f);
          return (v) => st.setIndex(ov, kv, v, line, info);
        },
      };
    }
    return {
      *g(f) {
        const ov = obj.s ? obj.s(f) : yield* obj.g!(f);
        const kv = key.s ? key.s(f) : yield* key.g!(f);
        return (v: LuaValue) => st.setIndex(ov, kv, v, line, info);
      },
    };
  }

  private whileStat(condE: Expr, body: Stat[], line: number): StatCode {
    const cond = this.code(condE);
    const b = this.block(body);
    const st = this.st;
    return {
      *g(f) {
        for (;;) {
          if (!truthy(cond.s ? cond.s(f) : yield* cond.g!(f))) return undefined;
          st.step();
          if (st.mustYield()) yield st.suspendAt(line);
          const sig = b.s ? b.s(f) : yield* b.g!(f);
          if (sig === BREAK) return undefined;
          if (sig !== undefined) return sig;
        }
      },
    };
  }

  private repeatStat(body: Stat[], condE: Expr, line: number): StatCode {
    this.scope.blocks.push(new Map());
    const b = this.block(body, false);
    const cond = this.code(condE);
    this.scope.blocks.pop();
    const st = this.st;
    return {
      *g(f) {
        for (;;) {
          st.step();
          if (st.mustYield()) yield st.suspendAt(line);
          const sig = b.s ? b.s(f) : yield* b.g!(f);
          if (sig === BREAK) return undefined;
          if (sig !== undefined) return sig;
          if (truthy(cond.s ? cond.s(f) : yield* cond.g!(f))) return undefined;
        }
      },
    };
  }

  private ifStat(
    clauses: { cond: Expr; body: Stat[] }[],
    orelse: Stat[] | undefined,
    gen: boolean,
  ): StatCode {
    const conds = clauses.map((c) => this.code(c.cond));
    const bodies = clauses.map((c) => this.block(c.body));
    const other = orelse ? this.block(orelse) : undefined;
    if (!gen) {
      const cs = conds.map((c) => c.s!);
      const bs = bodies.map((b) => b.s!);
      const os = other?.s;
      return {
        s: (f) => {
          for (let i = 0; i < cs.length; i++) if (truthy(cs[i]!(f))) return bs[i]!(f);
          return os ? os(f) : undefined;
        },
      };
    }
    return {
      *g(f) {
        let chosen: StatCode | undefined = other;
        for (let i = 0; i < conds.length; i++) {
          const c = conds[i]!;
          if (truthy(c.s ? c.s(f) : yield* c.g!(f))) {
            chosen = bodies[i];
            break;
          }
        }
        if (chosen === undefined) return undefined;
        return chosen.s ? chosen.s(f) : yield* chosen.g!(f);
      },
    };
  }

  private numFor(s: Extract<Stat, { k: 'numfor' }>): StatCode {
    const start = this.code(s.start);
    const limit = this.code(s.limit);
    const step = s.step ? this.code(s.step) : { s: () => 1 };
    this.scope.blocks.push(new Map());
    const slot = this.scope.declare(s.v);
    const b = this.block(s.body);
    this.scope.blocks.pop();
    const st = this.st;
    const line = s.line;
    return {
      *g(f) {
        const i0 = st.tonumber(start.s ? start.s(f) : yield* start.g!(f));
        if (i0 === undefined) return st.rtError("'for' initial value must be a number", line);
        const lim = st.tonumber(limit.s ? limit.s(f) : yield* limit.g!(f));
        if (lim === undefined) return st.rtError("'for' limit must be a number", line);
        const inc = st.tonumber(step.s ? step.s(f) : yield* step.g!(f));
        if (inc === undefined) return st.rtError("'for' step must be a number", line);
        for (let i = i0; inc > 0 ? i <= lim : i >= lim; i += inc) {
          st.step();
          if (st.mustYield()) yield st.suspendAt(line);
          f.regs[slot] = { v: i };
          const sig = b.s ? b.s(f) : yield* b.g!(f);
          if (sig === BREAK) break;
          if (sig !== undefined) return sig;
        }
        return undefined;
      },
    };
  }

  private genFor(s: Extract<Stat, { k: 'genfor' }>): StatCode {
    const list = this.listCode(s.exprs);
    this.scope.blocks.push(new Map());
    const slots = s.names.map((n) => this.scope.declare(n));
    const b = this.block(s.body);
    this.scope.blocks.pop();
    const st = this.st;
    const line = s.line;
    return {
      *g(f) {
        const init = list.s ? list.s(f) : yield* list.g!(f);
        const fn = init[0];
        const state = init[1];
        let control = init[2];
        for (;;) {
          st.step();
          if (st.mustYield()) yield st.suspendAt(line);
          let rs: LuaValue[];
          if (fn instanceof LuaFunction && fn.gen !== undefined) {
            st.setLine(line);
            rs = yield* fn.gen([state, control]);
          } else rs = st.call(fn, [state, control], line, 'for iterator');
          control = rs[0];
          if (control === undefined) break;
          for (let i = 0; i < slots.length; i++) f.regs[slots[i]!] = { v: rs[i] };
          const sig = b.s ? b.s(f) : yield* b.g!(f);
          if (sig === BREAK) break;
          if (sig !== undefined) return sig;
        }
        return undefined;
      },
    };
  }
}
