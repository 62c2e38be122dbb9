/*
 * A node's scripting state (node.scripts): the EVAL Lua state with its script cache keyed by SHA1, the
 * function libraries, the script client that redis.call runs commands on, the lrand48 generator behind
 * math.random, and `current`, the run in progress (undefined when no script runs; SCRIPT KILL, FUNCTION
 * KILL/STATS and, later, BUSY replies look at it).
 *
 * Everything is created lazily: a node that never runs a script builds no Lua state.
 *
 * prepareRun() is Redis's scriptPrepareForRun: the checks on the declared flags before a script starts
 * (in this order: no-cluster, stale replica, writes: readonly replica, disk error, *_RO command, missing
 * replicas; then OOM without allow-oom), and the ScriptRun with the derived run-time flags.
 */
import { type Bytes, bin } from '../bytes.ts';
import { compile, LuaSyntaxError, type LuaFunction } from '../lua/index.ts';
import { Lrand48 } from '../lua/lib-math.ts';
import { aclCommandAllowed } from '../acl/index.ts';
import { Client } from '../server/client.ts';
import { memoryToFree } from '../server/evict.ts';
import type { ServerNode } from '../server/node.ts';
import { FunctionStore } from './functions.ts';
import { createEvalEnv, type LuaEnv } from './lua-env.ts';
import type { ScriptHost } from './redis-api.ts';
import type { ScriptRun } from './run.ts';
import { ScriptSink } from './script-call.ts';
import {
  parseEvalShebang,
  SCRIPT_FLAG_ALLOW_OOM,
  SCRIPT_FLAG_EVAL_COMPAT,
  SCRIPT_FLAG_NO_CLUSTER,
  SCRIPT_FLAG_NO_WRITES,
} from './shebang.ts';
import { sha1Hex } from './sha1.ts';

export interface CachedScript {
  readonly sha: string;
  readonly body: Bytes;
  readonly fn: LuaFunction;
  readonly flags: number;
}

export interface RunRequest {
  caller: Client;
  mode: 'eval' | 'function';
  name: string;
  fn: LuaFunction;
  env: LuaEnv;
  keys: readonly Bytes[];
  args: readonly Bytes[];
  argv: readonly Bytes[];
  flags: number;
  /** EVAL_RO / EVALSHA_RO / FCALL_RO. */
  ro: boolean;
}

export class ScriptingEngine implements ScriptHost {
  current: ScriptRun | undefined = undefined;
  readonly rng = new Lrand48();
  readonly scripts = new Map<string, CachedScript>();
  /** Bytes Redis counts for the cache (lua_scripts_mem): SHA and body strings. */
  scriptsMemory = 0;
  readonly functions: FunctionStore;
  /** DEBUG SET-DISABLE-DENY-SCRIPTS: scripts may run noscript commands (a test hook of Redis). */
  disableDenyScripts = false;
  private evalEnvironment: LuaEnv | undefined;
  private scriptClient: Client | undefined;

  constructor(readonly node: ServerNode) {
    this.functions = new FunctionStore(this);
  }

  /** The fake client scripts run commands on (MONITOR shows it as "lua"). */
  get client(): Client {
    if (this.scriptClient === undefined) {
      const c = new Client(0, this.node, new ScriptSink(), { addr: 'lua', laddr: '' });
      c.flags.add('deny_blocking');
      c.flags.add('script');
      this.scriptClient = c;
    }
    return this.scriptClient;
  }

  get evalEnv(): LuaEnv {
    this.evalEnvironment ??= createEvalEnv(this);
    return this.evalEnvironment;
  }

  aclAllows(run: ScriptRun, argv: Bytes[]): boolean {
    const cmd = this.node.commands.lookup(argv);
    return cmd !== undefined && aclCommandAllowed(this.node, run.caller, cmd, argv);
  }

  /** Bookkeeping after every run (statistics hooks live here). */
  afterRun(_run: ScriptRun): void {}

  /** luaCreateFunction: the cached script for `body`, compiling it on first sight; else an error text. */
  loadScript(body: Bytes): CachedScript | string {
    const sha = sha1Hex(body);
    const cached = this.scripts.get(sha);
    if (cached) return cached;
    const text = bin(body);
    const shebang = parseEvalShebang(text);
    if ('error' in shebang) return `ERR ${shebang.error}`;
    let fn: LuaFunction;
    try {
      fn = compile(this.evalEnv.state, text.slice(shebang.shebangLength));
    } catch (e) {
      const msg = e instanceof LuaSyntaxError || e instanceof Error ? e.message : String(e);
      return `ERR Error compiling script (new function): ${msg}`;
    }
    const script: CachedScript = { sha, body, fn, flags: shebang.flags };
    this.scripts.set(sha, script);
    this.scriptsMemory += 48 + body.length;
    return script;
  }

  /** SCRIPT FLUSH: a fresh Lua state and an empty cache (the random generator carries on). */
  flushScripts(): void {
    this.scripts.clear();
    this.scriptsMemory = 0;
    this.evalEnvironment = undefined;
  }

  /** scriptPrepareForRun: the run, or the error reply text refusing it. */
  prepareRun(req: RunRequest): ScriptRun | string {
    const refusal = this.refusal(req.flags, req.ro);
    if (refusal !== undefined) return refusal;
    const compat = (req.flags & SCRIPT_FLAG_EVAL_COMPAT) !== 0;
    const client = this.client;
    client.db = req.caller.db;
    client.user = req.caller.user;
    client.resp = 2;
    if (req.caller.multi !== null) client.flags.add('multi');
    return {
      node: this.node,
      caller: req.caller,
      client,
      mode: req.mode,
      name: req.name,
      fn: req.fn,
      lua: req.env.state,
      sites: req.env.sites,
      source: req.mode === 'eval' ? '@user_script' : '@user_function',
      keys: req.keys,
      args: req.args,
      argv: req.argv,
      scriptFlags: req.flags,
      startUs: this.node.clock.nowUs(),
      snapshotMs: this.node.nowMs(),
      readOnly: req.ro || (!compat && (req.flags & SCRIPT_FLAG_NO_WRITES) !== 0),
      allowOom: !compat && (req.flags & SCRIPT_FLAG_ALLOW_OOM) !== 0,
      writeDirty: false,
      replFlags: 3,
      killed: false,
      oomAtStart: memoryToFree(this.node) > 0,
    };
  }

  private refusal(flags: number, ro: boolean): string | undefined {
    if ((flags & SCRIPT_FLAG_EVAL_COMPAT) !== 0) return undefined;
    const config = this.node.config;
    if ((flags & SCRIPT_FLAG_NO_CLUSTER) !== 0 && config.getBool('cluster-enabled')) {
      return "ERR Can not run script on cluster, 'no-cluster' flag is set.";
    }
    if ((flags & SCRIPT_FLAG_NO_WRITES) === 0) {
      if (ro) return 'ERR Can not execute a script with write flag using *_ro command.';
      if (config.getInt('min-replicas-to-write') > 0 && config.getInt('min-replicas-max-lag') > 0) {
        return 'NOREPLICAS Not enough good replicas to write.';
      }
    }
    const oomExempt = (flags & (SCRIPT_FLAG_ALLOW_OOM | SCRIPT_FLAG_NO_WRITES)) !== 0;
    if (!oomExempt && memoryToFree(this.node) > 0) {
      return "OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'";
    }
    return undefined;
  }

  /** SCRIPT KILL / FUNCTION KILL (scriptKill): the reply text; marks the run killed when allowed. */
  kill(fromEval: boolean): string {
    const run = this.current;
    if (run === undefined) return 'NOTBUSY No scripts in execution right now.';
    if (run.writeDirty) {
      return (
        'UNKILLABLE Sorry the script already executed write commands against the dataset. You can either ' +
        'wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.'
      );
    }
    if (fromEval && run.mode !== 'eval') {
      return 'BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.';
    }
    if (!fromEval && run.mode === 'eval') {
      return 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';
    }
    run.killed = true;
    return 'OK';
  }
}
