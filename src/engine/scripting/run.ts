/*
 * One script execution (EVAL/EVALSHA/FCALL and their _RO forms), split in two steps so that a future
 * resumable interpreter can finish a run later than it starts it:
 *
 *   executeScript(run)        marks the run current on node.scripts, sets KEYS/ARGV and the hook, calls
 *                             the compiled function, and returns an outcome (a value or an error value
 *                             with the line it was raised at). It never builds a reply.
 *   finishScript(run, out)    clears the running state, converts the outcome into the caller's reply
 *                             (Redis's luaReplyToRedisReply or the error formatting of luaCallFunction).
 *
 * A ScriptRun is Redis's scriptRunCtx: caller and script client, the declared flags, and the run-time
 * state redis.call consults (read-only, allow-oom, "already wrote", replication flags, killed).
 */
import type { Bytes } from '../bytes.ts';
import { bin } from '../bytes.ts';
import {
  LuaAbort,
  LuaError,
  LuaRun,
  LuaTable,
  type LuaFunction,
  type LuaState,
  type LuaValue,
} from '../lua/index.ts';
import { err, type Reply } from '../resp/reply.ts';
import type { Client } from '../server/client.ts';
import type { ServerNode } from '../server/node.ts';
import { luaToReply } from './convert.ts';
import type { ErrorSites } from './error-site.ts';
import { errorInfoOf } from './lua-errors.ts';
import { markStatsCounted, statsAlreadyCounted } from './stats-exempt.ts';

export interface ScriptRun {
  readonly node: ServerNode;
  /** The client that sent EVAL/FCALL (Redis's original_client). */
  readonly caller: Client;
  /** The script's own client that redis.call runs commands on. */
  readonly client: Client;
  readonly mode: 'eval' | 'function';
  /** SHA1 of the script body (EVAL) or the function name (FCALL): Redis's funcname. */
  readonly name: string;
  readonly fn: LuaFunction;
  readonly lua: LuaState;
  readonly sites: ErrorSites;
  /** "@user_script" or "@user_function", as the error handler reports the source. */
  readonly source: string;
  readonly keys: readonly Bytes[];
  readonly args: readonly Bytes[];
  /** The whole EVAL/FCALL command line (FUNCTION STATS shows it). */
  readonly argv: readonly Bytes[];
  /** Declared SCRIPT_FLAG_* bits (EVAL_COMPAT when the script has no shebang). */
  readonly scriptFlags: number;
  readonly startUs: number;
  /** Time snapshot at start (scripts see one frozen time for key expiry decisions). */
  readonly snapshotMs: number;
  readOnly: boolean;
  allowOom: boolean;
  /** A write command already ran: later checks may not fail the script halfway (SCRIPT_WRITE_DIRTY). */
  writeDirty: boolean;
  /** PROPAGATE_AOF | PROPAGATE_REPL bits (redis.set_repl). */
  replFlags: number;
  /** SCRIPT KILL / FUNCTION KILL asked to stop it. */
  killed: boolean;
  /** Memory state when the script started (server.pre_command_oom_state). */
  oomAtStart: boolean;
}

export type ScriptOutcome =
  | { readonly ok: true; readonly value: LuaValue }
  | { readonly ok: false; readonly error: LuaValue; readonly line: number };

/** Steps between hook calls, as Redis's LUA_MASKCOUNT hook every 100000 instructions. */
const HOOK_STEPS = 100000;

export const KILLED_MESSAGE = 'Script killed by user with SCRIPT KILL...';

/**
 * Starts a run. Returns its outcome when it ended within the first slice, or undefined when it
 * suspended: it then continues on the host's turns (server/busy-script.ts) and its reply reaches the
 * caller when it ends. Only a top-level EVAL/FCALL on a host that continues scripts may suspend; inside
 * EXEC, or where no host drives slices, a script runs to its end at once.
 */
export function executeScript(run: ScriptRun): ScriptOutcome | undefined {
  const lua = run.lua;
  const node = run.node;
  node.scripts.current = run;
  const keys = stringArray(run.keys);
  const args = stringArray(run.args);
  if (run.mode === 'eval') {
    // Raw sets: KEYS and ARGV are the only globals Redis writes past the readonly protection.
    lua.globals.set('KEYS', keys);
    lua.globals.set('ARGV', args);
  }
  // Inside EXEC (the caller's transaction runs its queued commands) a script must end within the command.
  const mayYield = node.busy.onPending !== undefined && !run.caller.flags.has('multi');
  lua.setHook(HOOK_STEPS, () => {
    if (run.killed) {
      run.sites.note();
      throw new LuaAbort(KILLED_MESSAGE);
    }
    if (mayYield) lua.requestYield();
  });
  run.sites.lastLine = -1;
  const luaRun = new LuaRun(lua, run.fn, run.mode === 'eval' ? [] : [keys, args]);
  const first = runSlice(run, luaRun);
  if (first !== undefined) return first;
  suspend(run, luaRun);
  return undefined;
}

/** One slice of a run: its outcome if it ended, undefined if it suspended again. */
function runSlice(run: ScriptRun, luaRun: LuaRun): ScriptOutcome | undefined {
  try {
    const step = run.killed ? killNow(run, luaRun) : luaRun.resume();
    return step.done ? { ok: true, value: step.values[0] } : undefined;
  } catch (e) {
    return { ok: false, error: errorValueOf(e, run), line: run.sites.lastLine };
  }
}

/** SCRIPT KILL arrived while the run was suspended: unwind it at its suspension point. */
function killNow(run: ScriptRun, luaRun: LuaRun): ReturnType<LuaRun['resume']> {
  run.sites.note();
  return luaRun.abort(new LuaAbort(KILLED_MESSAGE));
}

/** Hands a suspended run to the node's busy state; on its end the reply goes to the caller. */
function suspend(run: ScriptRun, luaRun: LuaRun): void {
  const node = run.node;
  const caller = run.caller;
  const release = node.propagation.holdOpen(caller);
  caller.flags.add('script-caller');
  node.busy.suspend({
    caller,
    isEval: run.mode === 'eval',
    startMs: run.startUs / 1000,
    resume: () => {
      const outcome = runSlice(run, luaRun);
      if (outcome === undefined) return false;
      caller.flags.delete('script-caller');
      const reply = finishScript(run, outcome);
      release();
      if (reply.t === 'error' && !statsAlreadyCounted(reply)) node.stats.countError(reply.s);
      node.reply(caller, reply);
      return true;
    },
  });
}

function errorValueOf(e: unknown, run: ScriptRun): LuaValue {
  if (e instanceof LuaError) return e.value;
  if (e instanceof LuaAbort) {
    const t = new LuaTable();
    t.set('err', `ERR ${e.message || KILLED_MESSAGE}`);
    return t;
  }
  // A host exception inside a builtin: surface it as a script error, not a crash of the node.
  run.sites.lastLine = -1;
  return e instanceof Error ? e.message : String(e);
}

export function finishScript(run: ScriptRun, outcome: ScriptOutcome): Reply {
  const scripts = run.node.scripts;
  run.lua.setHook(HOOK_STEPS, undefined);
  scripts.current = undefined;
  run.client.flags.delete('multi');
  scripts.afterRun(run);
  if (outcome.ok) return resultReply(outcome.value, run.client.resp);
  const info = errorInfoOf(outcome.error, (v) => run.lua.tostring(v));
  let text = info.msg;
  if (outcome.line >= 0) text += ` script: ${run.name}, on ${run.source}:${outcome.line}.`;
  const reply = err(text.replace(/[\r\n]/g, ' '));
  if (info.ignoreStats) markStatsCounted(reply);
  return reply;
}

function stringArray(items: readonly Bytes[]): LuaTable {
  const t = new LuaTable();
  t.setArray(items.map(bin));
  return t;
}

/**
 * The script's result as a reply. Results nested deeper than the JS stack allows (Redis goes 7995
 * levels deep before its Lua stack limit) answer the limit error at the top level instead.
 */
function resultReply(value: LuaValue, resp: 2 | 3): Reply {
  try {
    return luaToReply(value, resp);
  } catch (e) {
    if (e instanceof RangeError) return err('ERR reached lua stack limit');
    throw e;
  }
}
