/*
 * Test helpers for the interpreter's unit tests: run a chunk in a fresh state with Redis's libraries,
 * and get the value of the error it raises.
 */
import { callChunk, compile, createLua, LuaError, type LuaValue } from './index';

/** Runs `src` in a new state and returns its results. */
export function run(src: string): LuaValue[] {
  const { state } = createLua();
  return callChunk(state, compile(state, src));
}

/** Runs `src`, which must raise a Lua error, and returns the error value. */
export function runError(src: string): LuaValue {
  try {
    run(src);
  } catch (e) {
    if (e instanceof LuaError) return e.value;
    throw e;
  }
  throw new Error('no error');
}
