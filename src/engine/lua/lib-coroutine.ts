/*
 * The 5.1 coroutine library (create, resume, yield, status, wrap, running), which Redis's Lua keeps
 * with the base library.
 *
 * A coroutine is the suspendable form of its body function (LuaFunction.gen), driven by resume(): its
 * generator yields a CoYield to hand values back, and receives resume's arguments as the result of
 * that yield. SUSPEND (the host taking a turn) passes straight through resume to the script's LuaRun,
 * so a long-running coroutine can still be interrupted.
 *
 * Frames of a suspended coroutine still have their entries on the state's line stack and depth count;
 * resume cuts them off when the coroutine yields and puts them back when it resumes, so error
 * positions of the resumer stay right. As in 5.1, yield refuses to cross a C-call boundary (a native
 * frame driving Lua code, or pcall): "attempt to yield across metamethod/C-call boundary", which is
 * also what a yield from the main script says.
 */
import { errorValue } from './lib-base';
import { LuaError, type LuaState } from './runtime';
import { LuaFunction, LuaTable, LuaThread, type LuaValue } from './value';

class CoYield {
  constructor(readonly values: LuaValue[]) {}
}

interface CoState {
  it: Generator<unknown, LuaValue[], unknown> | undefined;
  fn: LuaFunction;
  lines: number[];
  depth: number;
  /** cBoundary when last resumed: a yield from deeper would cross a C call. */
  boundary: number;
}

const states = new WeakMap<LuaThread, CoState>();

type Gen = Generator<unknown, LuaValue[], unknown>;

export function openCoroutine(st: LuaState): void {
  const lib = new LuaTable();
  const fn = (name: string, call: (a: LuaValue[]) => LuaValue[], gen?: (a: LuaValue[]) => Gen) =>
    lib.set(name, new LuaFunction(name, call, true, gen));
  const resumeGen = (a: LuaValue[]) => resume(st, checkThread(st, a[0]), a.slice(1));
  fn('create', (a) => [create(st, a[0])]);
  fn('resume', (a) => st.drive(resumeGen(a)), resumeGen);
  const yieldGen = (a: LuaValue[]) => yieldValues(st, a);
  fn('yield', (a) => st.drive(yieldGen(a)), yieldGen);
  fn('status', (a) => [checkThread(st, a[0]).status]);
  fn('running', () => [st.coroutine as LuaThread | undefined]);
  fn('wrap', (a) => [wrap(st, create(st, a[0]))]);
  st.globals.set('coroutine', lib);
}

function create(st: LuaState, f: LuaValue): LuaThread {
  if (!(f instanceof LuaFunction) || f.native) st.argError(1, 'Lua function expected');
  const co = new LuaThread();
  states.set(co, { it: undefined, fn: f, lines: [], depth: 0, boundary: 0 });
  return co;
}

function checkThread(st: LuaState, v: LuaValue): LuaThread {
  if (v instanceof LuaThread) return v;
  return st.argError(1, 'coroutine expected');
}

/** resume: [true, values...] when the coroutine yields or returns, [false, error] when it fails. */
function* resume(st: LuaState, co: LuaThread, args: LuaValue[]): Gen {
  const s = states.get(co)!;
  if (co.status !== 'suspended') return [false, `cannot resume ${co.status} coroutine`];
  const prev = st.coroutine as LuaThread | undefined;
  if (prev) prev.status = 'normal';
  co.status = 'running';
  st.coroutine = co;
  const base = st.lines.length;
  const depth = st.depth;
  st.lines.push(...s.lines);
  st.depth += s.depth;
  s.boundary = st.cBoundary;
  try {
    let r = s.it === undefined ? (s.it = body(s.fn, args)).next() : s.it.next(args);
    for (;;) {
      if (r.done) {
        co.status = 'dead';
        return [true, ...r.value];
      }
      if (r.value instanceof CoYield) {
        co.status = 'suspended';
        s.lines = st.lines.splice(base);
        s.depth = st.depth - depth;
        return [true, ...r.value.values];
      }
      // SUSPEND: the host's turn; the whole stack, coroutine included, waits for it.
      yield r.value;
      r = s.it.next();
    }
  } catch (e) {
    co.status = 'dead';
    return [false, errorValue(e)];
  } finally {
    if (co.status !== 'suspended') st.lines.length = base;
    st.depth = depth;
    st.coroutine = prev;
    if (prev) prev.status = 'running';
  }
}

function* body(fn: LuaFunction, args: LuaValue[]): Gen {
  return fn.gen !== undefined ? yield* fn.gen(args) : fn.call(args);
}

function* yieldValues(st: LuaState, values: LuaValue[]): Gen {
  const co = st.coroutine as LuaThread | undefined;
  const s = co && states.get(co);
  if (s === undefined || st.cBoundary !== s.boundary) {
    throw new LuaError('attempt to yield across metamethod/C-call boundary');
  }
  return (yield new CoYield(values)) as LuaValue[];
}

/** wrap: a function that resumes the coroutine and raises its errors in the caller. */
function wrap(st: LuaState, co: LuaThread): LuaFunction {
  const gen = function* (args: LuaValue[]): Gen {
    const r = yield* resume(st, co, args);
    if (r[0] === true) return r.slice(1);
    throw new LuaError(r[1]);
  };
  return new LuaFunction('wrap', (a) => st.drive(gen(a)), true, gen);
}
