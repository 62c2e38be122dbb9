import { describe, expect, it } from 'vitest';
import { run, runError } from './test-run';
import { callChunk, compile, createLua, LuaAbort, LuaTable } from './index';

describe('lua interpreter', () => {
  it('uses doubles and %.14g', () => {
    expect(run('return 3000000 * 1000, tostring(10 / 2), 2^53 + 1, tostring(0.1 + 0.2)')).toEqual([
      3e9,
      '5',
      2 ** 53,
      '0.3',
    ]);
  });

  it('keeps strings binary safe', () => {
    const [s, n] = run("local s = '\\0\\255\\128' return s, #s");
    expect(s).toBe('\x00\xff\x80');
    expect(n).toBe(3);
    expect(run("return string.byte('\\255'), ('\\128'):upper()")).toEqual([255, '\x80']);
  });

  it('has closures with fresh loop variables and shared upvalues', () => {
    expect(
      run('local t = {} for i = 1, 3 do t[i] = function() return i end end return t[1](), t[3]()'),
    ).toEqual([1, 3]);
    expect(
      run(
        'local n = 0 local function inc() n = n + 1 end inc() inc() local function get() return n end return get()',
      ),
    ).toEqual([2]);
  });

  it('prefixes runtime errors with user_script:<line>:', () => {
    expect(runError('local a = 1\nlocal b = nil\nreturn a + b')).toBe(
      "user_script:3: attempt to perform arithmetic on local 'b' (a nil value)",
    );
    expect(runError('\n\nerror("x")')).toBe('user_script:3: x');
    expect(runError('error({})')).toBeInstanceOf(LuaTable);
  });

  it('recurses 500 levels deep', () => {
    expect(
      run('local function r(n) if n == 0 then return 0 end return 1 + r(n - 1) end return r(500)'),
    ).toEqual([500]);
  });

  it('reports stack overflow as a catchable error', () => {
    const [ok, msg] = run('local function r() return r() + 1 end return pcall(r)');
    expect(ok).toBe(false);
    expect(String(msg)).toContain('stack overflow');
  });

  it('calls the hook every N steps and lets it abort; pcall cannot catch the abort', () => {
    const { state } = createLua();
    let calls = 0;
    state.setHook(1000, () => {
      calls++;
      if (calls === 5) throw new LuaAbort('killed');
    });
    const fn = compile(state, 'while true do pcall(function() local x = 1 end) end');
    expect(() => callChunk(state, fn)).toThrow(LuaAbort);
    expect(calls).toBe(5);
    expect(state.lines.length).toBe(0);
    expect(state.depth).toBe(0);
    // The state stays usable after an abort.
    state.setHook(100000, undefined);
    expect(callChunk(state, compile(state, 'return 1 + 1'))).toEqual([2]);
  });

  it('counts steps for loops and calls', () => {
    const { state } = createLua();
    callChunk(state, compile(state, 'local s = 0 for i = 1, 1000 do s = s + i end return s'));
    expect(state.steps).toBeGreaterThan(1000);
  });

  it('runs a loop of a million iterations in reasonable time', () => {
    const t0 = Date.now();
    expect(run('local s = 0 for i = 1, 1000000 do s = s + i % 7 end return s')).toEqual([2999998]);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('supports metatables, varargs and multiple results', () => {
    expect(
      run('local t = setmetatable({}, {__index = function(_, k) return k * 2 end}) return t[21]'),
    ).toEqual([42]);
    expect(run('local function f(...) return select("#", ...), ... end return f(nil, nil)')).toEqual([
      2,
      undefined,
      undefined,
    ]);
    expect(run('local a, b, c = (function() return 1, 2 end)() return a, b, c')).toEqual([1, 2, undefined]);
  });

  it('sorts and formats like 5.1', () => {
    expect(run("local t = {3, 1, 2} table.sort(t) return table.concat(t, ',')")).toEqual(['1,2,3']);
    expect(run("return string.format('%5.1f|%-3d|%q', 2.25, 7, 'a\\nb')")).toEqual(['  2.2|7  |"a\\\nb"']);
  });
});
