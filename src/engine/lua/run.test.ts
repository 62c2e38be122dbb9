import { describe, expect, it } from 'vitest';
import { callChunk, compile, createLua, LuaAbort, LuaError, LuaRun, type LuaState } from './index';

/** A hook that asks for a yield every `every` steps, like a host's time slice. */
function sliced(state: LuaState, every = 1000): void {
  state.setHook(every, (s) => s.requestYield());
}

function runSliced(src: string, every = 1000): { values: unknown[]; slices: number } {
  const { state } = createLua();
  sliced(state, every);
  const run = new LuaRun(state, compile(state, src));
  for (let slices = 1; ; slices++) {
    const r = run.resume();
    if (r.done) return { values: r.values, slices };
  }
}

describe('LuaRun: suspendable scripts', () => {
  it('suspends an endless loop and aborts it with LuaAbort, leaving the state clean', () => {
    const { state } = createLua();
    sliced(state);
    const run = new LuaRun(state, compile(state, 'local n = 0 while true do n = n + 1 end'));
    for (let i = 0; i < 5; i++) expect(run.resume()).toEqual({ done: false });
    expect(() => run.abort(new LuaAbort('killed'))).toThrow(LuaAbort);
    expect(run.ended).toBe(true);
    expect(state.lines).toEqual([]);
    expect(state.depth).toBe(0);
    state.setHook(1000, undefined);
    expect(callChunk(state, compile(state, 'return 1 + 1'))).toEqual([2]);
  });

  it('gives the same results sliced as straight, through calls, closures and iterators', () => {
    const src = `
      local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
      local function iter(t, i) i = i + 1 if t[i] then return i, t[i] end end
      local t, s = {}, 0
      for i = 1, 200 do t[i] = fib(i % 12) end
      for i, v in iter, t, 0 do s = s + v * i end
      local ok, e = pcall(function() for i = 1, 500 do s = s + 1 end error('x') end)
      return s, fib(15), ok, e`;
    const { state } = createLua();
    const straight = callChunk(state, compile(state, src));
    const sliced1 = runSliced(src, 50);
    expect(sliced1.values).toEqual(straight);
    expect(sliced1.slices).toBeGreaterThan(100);
  });

  it('suspends inside pcall, and pcall cannot catch an abort', () => {
    const { state } = createLua();
    sliced(state);
    const src = 'local ok = pcall(function() while true do end end) return "caught"';
    const run = new LuaRun(state, compile(state, src));
    expect(run.resume()).toEqual({ done: false });
    expect(state.lines.length).toBeGreaterThan(1);
    expect(() => run.abort(new LuaAbort())).toThrow(LuaAbort);
    expect(state.lines).toEqual([]);
  });

  it('does not suspend under a native frame, then suspends once back in Lua', () => {
    const { state } = createLua();
    sliced(state, 10);
    const src = `
      local t = {5, 3, 1, 4, 2}
      table.sort(t, function(a, b) for i = 1, 100 do end return a < b end)
      while true do end`;
    const run = new LuaRun(state, compile(state, src));
    expect(run.resume()).toEqual({ done: false });
    expect(state.syncDepth).toBe(0);
    expect(() => run.abort(new LuaAbort())).toThrow(LuaAbort);
  });

  it('reports script errors from resume and restores the stacks', () => {
    const { state } = createLua();
    sliced(state, 10);
    const run = new LuaRun(state, compile(state, 'for i = 1, 100 do end\nlocal x = nil + 1'));
    let caught: unknown;
    try {
      while (!run.resume().done);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LuaError);
    expect((caught as LuaError).value).toBe('user_script:2: attempt to perform arithmetic on a nil value');
    expect(state.lines).toEqual([]);
  });

  it('suspends endless recursion-free call chains at function entry', () => {
    const { state } = createLua();
    sliced(state, 5);
    const src = 'local function f(n) if n == 0 then return 0 end return f(n - 1) end return f(300)';
    expect(runSliced(src, 5).slices).toBeGreaterThan(10);
    expect(callChunk(state, compile(state, src))).toEqual([0]);
  });
});
