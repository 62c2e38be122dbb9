/*
 * Entry points of the Lua 5.1 interpreter: createLua() builds a state with the libraries Redis loads
 * (base without print/dofile/loadfile, string, table, math with Redis's PRNG), compile() turns source
 * into a callable chunk (syntax errors as LuaSyntaxError "user_script:1: ... near '...'"), and
 * callChunk() runs one with the line stack and error bookkeeping reset after failures.
 */
import { compileChunk } from './compile';
import { openBase } from './lib-base';
import { openCoroutine } from './lib-coroutine';
import { openBit } from './lib-bit';
import { openCjson } from './lib-cjson';
import { openCmsgpack } from './lib-cmsgpack';
import { Lrand48, openMath } from './lib-math';
import { openString } from './lib-string';
import { openStruct } from './lib-struct';
import { openTable } from './lib-table';
import { parseChunk } from './parser';
import { LuaError, LuaState } from './runtime';
import type { LuaFunction, LuaValue } from './value';

export { LuaAbort, LuaError, LuaState } from './runtime';
export { LuaRun, type RunStep } from './run';
export { LuaSyntaxError } from './lexer';
export { LuaFunction, LuaTable, type LuaValue } from './value';

export interface Lua {
  state: LuaState;
  rng: Lrand48;
}

export function createLua(chunk = 'user_script'): Lua {
  const state = new LuaState(chunk);
  const rng = new Lrand48();
  openBase(state);
  openCoroutine(state);
  openString(state);
  openTable(state);
  openMath(state, rng);
  openCjson(state);
  openCmsgpack(state);
  openBit(state);
  openStruct(state);
  return { state, rng };
}

export function compile(state: LuaState, source: string): LuaFunction {
  return compileChunk(state, parseChunk(source, state.chunk));
}

/** Calls a compiled chunk (or any function) from the host; restores the state's stacks on failure. */
export function callChunk(state: LuaState, fn: LuaFunction, args: LuaValue[] = []): LuaValue[] {
  const lines = state.lines.length;
  const depth = state.depth;
  try {
    return fn.call(args);
  } catch (e) {
    state.lines.length = lines;
    state.depth = depth;
    // A JS stack overflow (deep metamethod or pcall nesting) surfaces as Lua's own error.
    if (e instanceof RangeError) throw new LuaError('stack overflow');
    throw e;
  }
}
