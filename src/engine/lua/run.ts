/*
 * LuaRun: one call of a Lua function that may be suspended and resumed by its host, which is how a
 * long script lets the node serve other clients (BUSY replies, SCRIPT KILL) between slices.
 *
 * Protocol: the host installs a hook (LuaState.setHook) that calls state.requestYield() when the
 * current slice has run long enough; resume() then returns { done: false } at the script's next yield
 * point, and the host calls resume() again later. The run ends with { done: true, values }, or by
 * throwing the script's LuaError; abort(e) throws `e` (normally a LuaAbort) into a suspended script so
 * its frames unwind (pcall does not catch LuaAbort) and the state's stacks are restored.
 *
 * Invariant: after a run has ended (returned, thrown or aborted) the state's line and depth stacks are
 * back where they were when it started, so the long-lived state serves the next script cleanly.
 */
import { LuaError, SUSPEND, type LuaState } from './runtime';
import type { LuaFunction, LuaValue } from './value';

export type RunStep = { done: true; values: LuaValue[] } | { done: false };

export class LuaRun {
  private readonly it: Generator<unknown, LuaValue[], unknown>;
  private readonly lines: number;
  private readonly depth: number;
  private readonly boundary: number;
  private readonly sync: number;
  private finished = false;

  constructor(
    private readonly state: LuaState,
    fn: LuaFunction,
    args: LuaValue[] = [],
  ) {
    this.lines = state.lines.length;
    this.depth = state.depth;
    this.boundary = state.cBoundary;
    this.sync = state.syncDepth;
    this.it = fn.gen !== undefined ? fn.gen(args) : straight(fn, args);
  }

  get ended(): boolean {
    return this.finished;
  }

  /** Runs until the function returns or suspends; throws the script's error (as LuaError). */
  resume(): RunStep {
    return this.step(() => this.it.next());
  }

  /** Throws `reason` into the suspended script and runs its unwinding; rethrows what comes out. */
  abort(reason: Error): RunStep {
    return this.step(() => this.it.throw(reason));
  }

  private step(advance: () => IteratorResult<unknown, LuaValue[]>): RunStep {
    if (this.finished) throw new Error('LuaRun already ended');
    try {
      for (;;) {
        const r = advance();
        if (r.done) {
          this.end();
          return { done: true, values: r.value };
        }
        if (r.value === SUSPEND) return { done: false };
        // A coroutine yield cannot reach the top: coroutine.yield refuses outside a coroutine.
        advance = () => this.it.next();
      }
    } catch (e) {
      this.end();
      if (e instanceof RangeError) throw new LuaError('stack overflow');
      throw e;
    }
  }

  private end(): void {
    this.finished = true;
    this.state.lines.length = this.lines;
    this.state.depth = this.depth;
    this.state.cBoundary = this.boundary;
    this.state.syncDepth = this.sync;
    this.state.coroutine = undefined;
  }
}

// eslint-disable-next-line require-yield
function* straight(fn: LuaFunction, args: LuaValue[]): Generator<unknown, LuaValue[], unknown> {
  return fn.call(args);
}
