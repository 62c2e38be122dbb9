/*
 * The two Lua states a node keeps, built as Redis 7.0 builds them:
 *
 * EVAL state (scriptingInit): the libraries, the `redis` table with the EVAL-only debugger stubs,
 * Redis's pcall and math.random, then every global table made readonly and _G given a metatable that
 * refuses unknown globals. Scripts are compiled into it once and cached by SHA1 (SCRIPT FLUSH builds a
 * fresh state).
 *
 * Functions state (luaEngineInitEngine): the same full environment ("globals API") plus a small
 * "library API" visible only while FUNCTION LOAD runs a library's top level: a `redis` table with
 * register_function, log and the version fields. The state's actual globals table is an empty,
 * readonly table whose (readonly) metatable's __index points at one API or the other; compiled functions
 * read globals through it at run time, so they see the full API when FCALL runs them.
 */
import { createLua, LuaFunction, LuaTable, type LuaState } from '../lua/index.ts';
import { ErrorSites } from './error-site.ts';
import { protectGlobals } from './globals.ts';
import {
  addLogFunction,
  addVersion,
  redisApiTable,
  replaceMathRandom,
  wrapPcall,
  type ScriptHost,
} from './redis-api.ts';

export interface LuaEnv {
  state: LuaState;
  sites: ErrorSites;
}

export function createEvalEnv(host: ScriptHost): LuaEnv {
  const { state } = createLua('user_script');
  const sites = new ErrorSites(state);
  sites.install();
  installCommon(state, host, sites, true);
  protectGlobals(state);
  return { state, sites };
}

export interface FunctionsEnv extends LuaEnv {
  /** Metatable of the globals proxy: __index is switched between the two APIs. */
  proxyMeta: LuaTable;
  libraryApi: LuaTable;
  globalsApi: LuaTable;
}

export function createFunctionsEnv(
  host: ScriptHost,
  registerFunction: (st: LuaState) => LuaFunction,
): FunctionsEnv {
  const { state } = createLua('user_function');
  const sites = new ErrorSites(state);
  sites.install();
  installCommon(state, host, sites, false);
  const libraryApi = new LuaTable();
  const libRedis = new LuaTable();
  libRedis.set('register_function', registerFunction(state));
  addLogFunction(state, libRedis, sites);
  addVersion(libRedis);
  libRedis.metatable = nonexistentGlobalMeta(state);
  libraryApi.set('redis', libRedis);
  libraryApi.metatable = nonexistentGlobalMeta(state);
  markReadonly(libraryApi);
  protectGlobals(state);
  const globalsApi = state.globals;
  const proxyMeta = new LuaTable();
  proxyMeta.set('__index', globalsApi);
  proxyMeta.readonly = true;
  const proxy = new LuaTable();
  proxy.metatable = proxyMeta;
  proxy.readonly = true;
  state.globals = proxy;
  return { state, sites, proxyMeta, libraryApi, globalsApi };
}

function installCommon(state: LuaState, host: ScriptHost, sites: ErrorSites, evalExtras: boolean): void {
  state.globals.set('redis', redisApiTable(state, host, sites, evalExtras));
  wrapPcall(state);
  replaceMathRandom(state, host);
}

/** luaSetErrorMetatable: reading a missing field raises the nonexistent-global error. */
function nonexistentGlobalMeta(state: LuaState): LuaTable {
  const meta = new LuaTable();
  meta.set(
    '__index',
    new LuaFunction('__index', (args) => {
      const name = args[1];
      return state.error(
        `Script attempted to access nonexistent global variable '${typeof name === 'string' ? name : String(name)}'`,
      );
    }),
  );
  return meta;
}

/** luaSetTableProtectionRecursively: the table, nested tables and metatables become readonly. */
function markReadonly(t: LuaTable, seen = new Set<LuaTable>()): void {
  if (seen.has(t)) return;
  seen.add(t);
  t.readonly = true;
  for (let e = t.next(undefined); e; e = t.next(e[0])) if (e[1] instanceof LuaTable) markReadonly(e[1], seen);
  if (t.metatable) markReadonly(t.metatable, seen);
}
