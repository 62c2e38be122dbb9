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
  callChunk,
  LuaAbort,
  LuaError,
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
import { markStatsCounted } from './stats-exempt.ts';

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

export function executeScript(run: ScriptRun): ScriptOutcome {
  const lua = run.lua;
  run.node.scripts.current = run;
  const keys = stringArray(run.keys);
  const args = stringArray(run.args);
  if (run.mode === 'eval') {
    // Raw sets: KEYS and ARGV are the only globals Redis writes past the readonly protection.
    lua.globals.set('KEYS', keys);
    lua.globals.set('ARGV', args);
  }
  lua.setHook(HOOK_STEPS, () => {
    if (run.killed) {
      run.sites.note();
      throw new LuaAbort(KILLED_MESSAGE);
    }
  });
  run.sites.lastLine = -1;
  try {
    const results = callChunk(lua, run.fn, run.mode === 'eval' ? [] : [keys, args]);
    return { ok: true, value: results[0] };
  } catch (e) {
    return { ok: false, error: errorValueOf(e, run), line: run.sites.lastLine };
  }
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
  if (outcome.ok) return luaToReply(outcome.value, run.client.resp);
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
