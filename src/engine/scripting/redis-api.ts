/*
 * The `redis` table scripts see (Redis 7.0's luaRegisterRedisAPI and the EVAL-only additions), plus
 * the two globals Redis replaces: pcall (an error table caught by pcall becomes its `err` string, as in
 * Redis 6, for backward compatibility) and math.random/randomseed (one lrand48 sequence per node shared
 * by EVAL and functions, never reseeded by the server, and only usable while a script runs).
 *
 * Error conventions: misuse of most redis.* functions raises a Redis error table ({err = "ERR ..."});
 * error_reply/status_reply given bad arguments *return* such a table instead of raising it.
 */
import { unbin, type Bytes } from '../bytes.ts';
import { LuaError, LuaFunction, LuaTable, type LuaState, type LuaValue } from '../lua/index.ts';
import { checkInt, register } from '../lua/lib-base.ts';
import type { Lrand48 } from '../lua/lib-math.ts';
import { formatG } from '../util/numfmt.ts';
import { REDIS_VERSION } from '../commands/version.ts';
import type { ServerNode } from '../server/node.ts';
import { replyToLua } from './convert.ts';
import type { ErrorSites } from './error-site.ts';
import { errorTable, raiseErrorTable } from './lua-errors.ts';
import type { ScriptRun } from './run.ts';
import { scriptCall } from './script-call.ts';
import { sha1HexBin } from './sha1.ts';

/** What the API needs from the node's scripting state. */
export interface ScriptHost {
  readonly node: ServerNode;
  readonly current: ScriptRun | undefined;
  readonly rng: Lrand48;
  /** ACL check for redis.acl_check_cmd (the caller's user may run argv). */
  aclAllows(run: ScriptRun, argv: Bytes[]): boolean;
}

const REDIS_VERSION_NUM = REDIS_VERSION.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const LOG_LEVELS = ['LOG_DEBUG', 'LOG_VERBOSE', 'LOG_NOTICE', 'LOG_WARNING'];

/** Builds the table registered as the `redis` global; `evalExtras` adds breakpoint/debug/replicate_commands. */
export function redisApiTable(
  st: LuaState,
  host: ScriptHost,
  sites: ErrorSites,
  evalExtras: boolean,
): LuaTable {
  const t = new LuaTable();
  const raise = (msg: string): never => {
    sites.note();
    return raiseErrorTable(msg);
  };
  const runOrRaise = (what: string): ScriptRun =>
    host.current ?? raise(`${what} can only be called inside a script invocation`);
  register(st, t, {
    call: (_s, a) => redisCall(runOrRaise('redis.call/pcall'), a, true, sites),
    pcall: (_s, a) => redisCall(runOrRaise('redis.call/pcall'), a, false, sites),
    sha1hex: (_s, a) => {
      if (a.length !== 1) raise('wrong number of arguments');
      const v = a[0];
      return [sha1HexBin(typeof v === 'string' ? v : typeof v === 'number' ? st.tostring(v) : '')];
    },
    error_reply: (_s, a) => {
      if (a.length !== 1 || typeof a[0] !== 'string')
        return [errorTable('wrong number or type of arguments')];
      return [errorTable(a[0].startsWith('-') ? a[0] : `-${a[0]}`)];
    },
    status_reply: (_s, a) => {
      if (a.length !== 1 || typeof a[0] !== 'string')
        return [errorTable('wrong number or type of arguments')];
      const ok = new LuaTable();
      ok.set('ok', a[0]);
      return [ok];
    },
    setresp: (_s, a) => {
      const run = runOrRaise('redis.setresp');
      if (a.length !== 1) raise('redis.setresp() requires one argument.');
      const resp = Math.trunc(st.tonumber(a[0]) ?? 0);
      if (resp !== 2 && resp !== 3) raise('RESP version must be 2 or 3.');
      run.client.resp = resp as 2 | 3;
      return [];
    },
    set_repl: (_s, a) => {
      const run = runOrRaise('redis.set_repl');
      if (a.length !== 1) raise('redis.set_repl() requires two arguments.');
      const flags = Math.trunc(st.tonumber(a[0]) ?? 0) | 0;
      if ((flags & ~3) !== 0) {
        raise('Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
      }
      run.replFlags = flags;
      return [];
    },
    acl_check_cmd: (_s, a) => {
      const run = runOrRaise('redis.acl_check_cmd');
      const argv = luaArgs(a);
      if (typeof argv === 'string') return raise(argv);
      if (host.node.commands.lookup(argv) === undefined)
        raise('Invalid command passed to redis.acl_check_cmd()');
      return [host.aclAllows(run, argv)];
    },
  });
  addLogFunction(st, t, sites);
  addVersion(t);
  const repl: [string, number][] = [
    ['REPL_NONE', 0],
    ['REPL_AOF', 1],
    ['REPL_SLAVE', 2],
    ['REPL_REPLICA', 2],
    ['REPL_ALL', 3],
  ];
  for (const [k, v] of repl) t.set(k, v);
  if (evalExtras) {
    // Outside the debugger breakpoint() answers false and debug() does nothing, as in Redis.
    register(st, t, { breakpoint: () => [false], debug: () => [], replicate_commands: () => [true] });
  }
  return t;
}

/** redis.log and the LOG_* levels (also part of the FUNCTION LOAD api). Logs go nowhere visible. */
export function addLogFunction(st: LuaState, t: LuaTable, sites: ErrorSites): void {
  const raise = (msg: string): never => {
    sites.note();
    return raiseErrorTable(msg);
  };
  register(st, t, {
    log: (_s, a) => {
      if (a.length < 2) raise('redis.log() requires two arguments or more.');
      const level = st.tonumber(a[0]);
      if (level === undefined) raise('First argument must be a number (log level).');
      const lv = Math.trunc(level!);
      if (lv < 0 || lv > 3) raise('Invalid debug level.');
      return [];
    },
  });
  LOG_LEVELS.forEach((name, i) => t.set(name, i));
}

export function addVersion(t: LuaTable): void {
  t.set('REDIS_VERSION_NUM', REDIS_VERSION_NUM);
  t.set('REDIS_VERSION', REDIS_VERSION);
}

/** luaArgsToRedisArgv: strings as they are, numbers as "%.17g"; anything else is an error text. */
export function luaArgs(a: LuaValue[]): Bytes[] | string {
  if (a.length === 0) return 'Please specify at least one argument for this redis lib call';
  const argv: Bytes[] = [];
  for (const v of a) {
    if (typeof v === 'string') argv.push(unbin(v));
    else if (typeof v === 'number') argv.push(unbin(formatG(v, 17)));
    else return 'Lua redis lib command arguments must be strings or integers';
  }
  return argv;
}

function redisCall(run: ScriptRun, a: LuaValue[], raise: boolean, sites: ErrorSites): LuaValue[] {
  const argv = luaArgs(a);
  let failure: LuaTable | undefined;
  if (typeof argv === 'string') failure = errorTable(argv);
  else {
    const reply = scriptCall(run, argv);
    if (reply.t !== 'error') return [replyToLua(reply, run.client.resp)];
    failure = errorTable(`-${reply.s}`, true);
  }
  if (!raise) return [failure];
  sites.note();
  throw new LuaError(failure);
}

/**
 * Replaces pcall so that an error table caught by it reads as its `err` string (luaRedisPcall). The
 * suspendable form delegates to the original's, so a long loop under pcall still yields between slices.
 */
export function wrapPcall(st: LuaState): void {
  const original = st.globals.getStr('pcall');
  if (!(original instanceof LuaFunction)) return;
  const originalGen = original.gen;
  st.globals.set(
    'pcall',
    new LuaFunction(
      'pcall',
      (args) => errorsAsStrings(original.call(args)),
      true,
      originalGen &&
        function* (args) {
          return errorsAsStrings(yield* originalGen(args));
        },
    ),
  );
}

function errorsAsStrings(r: LuaValue[]): LuaValue[] {
  if (r[0] === false && r[1] instanceof LuaTable) {
    const e = r[1].get('err');
    if (typeof e === 'string' || typeof e === 'number') r[1] = e;
  }
  return r;
}

/** math.random / math.randomseed on the node's shared generator (redis_math_random). */
export function replaceMathRandom(st: LuaState, host: ScriptHost): void {
  const math = st.globals.getStr('math');
  if (!(math instanceof LuaTable)) return;
  register(st, math, {
    random: (s, a) => {
      if (host.current === undefined) s.error('math.random can only be called inside a script invocation');
      const r = (host.rng.next() % 2147483647) / 2147483647;
      if (a.length === 0) return [r];
      if (a.length === 1) {
        const u = checkInt(s, a, 0);
        if (u < 1) s.argError(1, 'interval is empty');
        return [Math.floor(r * u) + 1];
      }
      if (a.length === 2) {
        const l = checkInt(s, a, 0);
        const u = checkInt(s, a, 1);
        if (l > u) s.argError(2, 'interval is empty');
        return [Math.floor(r * (u - l + 1)) + l];
      }
      return s.error('wrong number of arguments');
    },
    randomseed: (s, a) => {
      if (host.current === undefined)
        s.error('math.randomseed can only be called inside a script invocation');
      host.rng.seed(checkInt(s, a, 0));
      return [];
    },
  });
}
