/*
 * Function libraries (Redis 7.0's functions.c + function_lua.c). A library is the source text given to
 * FUNCTION LOAD ("#!lua name=<lib>\n..."): running its top level registers functions with
 * redis.register_function. Libraries are kept in a FunctionLibraries set (Redis's functionsLibCtx): the
 * libraries by exact name and all their functions by case-insensitive name, so two libraries can never
 * define the same function. FUNCTION RESTORE loads into a fresh set first and joins it afterwards, so a
 * failure leaves the current libraries untouched.
 *
 * The libraries' code runs in the node's functions Lua state (lua-env.ts), never reset: FUNCTION FLUSH
 * only forgets the libraries. While a library loads, globals resolve to the small library API, and a
 * load that runs longer than 500 ms of clock time is aborted ("FUNCTION LOAD timeout").
 */
import {
  callChunk,
  compile,
  LuaAbort,
  LuaFunction,
  LuaTable,
  type LuaState,
  type LuaValue,
} from '../lua/index.ts';
import { createFunctionsEnv, type FunctionsEnv } from './lua-env.ts';
import { errorInfoOf, raiseErrorTable } from './lua-errors.ts';
import type { ScriptHost } from './redis-api.ts';
import { parseLibraryMetadata, SCRIPT_FLAG_NAMES, validName } from './shebang.ts';

export interface FunctionInfo {
  readonly name: string;
  readonly description: string | undefined;
  readonly flags: number;
  readonly fn: LuaFunction;
  readonly library: LibraryInfo;
}

export interface LibraryInfo {
  readonly name: string;
  /** The whole FUNCTION LOAD payload, shebang included (binary string). */
  readonly code: string;
  readonly functions: Map<string, FunctionInfo>;
}

export const LOAD_TIMEOUT_MS = 500;
/** Interpreter steps standing for the load timeout when the clock does not move (about 2 s here). */
const LOAD_TIMEOUT_STEPS = 40_000_000;
const BAD_NAME =
  'Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';

export class FunctionLibraries {
  readonly libraries = new Map<string, LibraryInfo>();
  /** Lowercased function name -> function. */
  readonly functions = new Map<string, FunctionInfo>();

  link(lib: LibraryInfo): void {
    this.libraries.set(lib.name, lib);
    for (const f of lib.functions.values()) this.functions.set(f.name.toLowerCase(), f);
  }

  unlink(lib: LibraryInfo): void {
    this.libraries.delete(lib.name);
    for (const f of lib.functions.values()) this.functions.delete(f.name.toLowerCase());
  }

  get functionCount(): number {
    return this.functions.size;
  }
}

export class FunctionStore {
  current = new FunctionLibraries();
  private environment: FunctionsEnv | undefined;
  /** The library whose top level is running (register_function adds to it). */
  private loading: LibraryInfo | undefined;

  constructor(private readonly host: ScriptHost) {}

  get env(): FunctionsEnv {
    this.environment ??= createFunctionsEnv(this.host, (st) => this.registerFunctionBuiltin(st));
    return this.environment;
  }

  find(name: string): FunctionInfo | undefined {
    return this.current.functions.get(name.toLowerCase());
  }

  /** functionsCreateWithLibraryCtx: the library's name, or the error text (without code). */
  create(
    payload: string,
    replace: boolean,
    into: FunctionLibraries,
    timeoutMs: number,
  ): string | { error: string } {
    const md = parseLibraryMetadata(payload);
    if ('error' in md) return md;
    if (!validName(md.name)) return { error: BAD_NAME };
    if (md.engine.toUpperCase() !== 'LUA') return { error: `Engine '${md.engine}' not found` };
    const old = into.libraries.get(md.name);
    if (old && !replace) return { error: `Library '${md.name}' already exists` };
    if (old) into.unlink(old);
    const lib: LibraryInfo = { name: md.name, code: payload, functions: new Map() };
    const failure = this.runLibrary(lib, md.code, timeoutMs) ?? collision(lib, into);
    if (failure !== undefined) {
      if (old) into.link(old);
      return { error: failure };
    }
    into.link(lib);
    return md.name;
  }

  /** luaEngineCreate + the "no functions" check: undefined on success, else the error text. */
  private runLibrary(lib: LibraryInfo, code: string, timeoutMs: number): string | undefined {
    const env = this.env;
    const st = env.state;
    let fn: LuaFunction;
    env.proxyMeta.set('__index', env.libraryApi);
    try {
      try {
        fn = compile(st, code);
      } catch (e) {
        return `Error compiling function: ${(e as Error).message}`;
      }
      this.loading = lib;
      st.setHook(100000, this.loadTimeoutHook(st, timeoutMs));
      try {
        callChunk(st, fn);
      } catch (e) {
        const value: LuaValue = e instanceof LuaAbort ? timeoutError() : (e as { value?: LuaValue }).value;
        return `Error registering functions: ${errorInfoOf(value, (v) => st.tostring(v)).msg}`;
      }
    } finally {
      this.loading = undefined;
      st.setHook(100000, undefined);
      env.proxyMeta.set('__index', env.globalsApi);
    }
    if (lib.functions.size === 0) return 'No functions registered';
    return undefined;
  }

  /**
   * luaEngineLoadHook: past `timeoutMs` of clock time the load is aborted (pcall cannot catch it). The
   * clock is read live (nowUs); a host whose clock does not move during a command (a virtual clock)
   * is covered by a step bound of about the same duration on a typical machine.
   */
  private loadTimeoutHook(st: LuaState, timeoutMs: number): (() => void) | undefined {
    if (timeoutMs <= 0) return undefined;
    const clock = this.host.node.clock;
    const startUs = clock.nowUs();
    const startSteps = st.steps;
    return () => {
      const elapsedMs = (clock.nowUs() - startUs) / 1000;
      if (elapsedMs > timeoutMs || st.steps - startSteps > LOAD_TIMEOUT_STEPS) {
        throw new LuaAbort('FUNCTION LOAD timeout');
      }
    };
  }

  /** FUNCTION FLUSH. */
  flush(): void {
    this.current = new FunctionLibraries();
  }

  /** libraryJoin: moves `src`'s libraries into the current set; an error text leaves both unchanged. */
  join(src: FunctionLibraries, replace: boolean): string | undefined {
    const dst = this.current;
    const replaced: LibraryInfo[] = [];
    for (const lib of src.libraries.values()) {
      const old = dst.libraries.get(lib.name);
      if (!old) continue;
      if (!replace) return restore(dst, replaced, `Library ${lib.name} already exists`);
      dst.unlink(old);
      replaced.push(old);
    }
    for (const f of src.functions.values()) {
      if (dst.functions.has(f.name.toLowerCase()))
        return restore(dst, replaced, `Function ${f.name} already exists`);
    }
    for (const lib of src.libraries.values()) dst.link(lib);
    return undefined;
  }

  private registerFunctionBuiltin(st: LuaState): LuaFunction {
    return new LuaFunction('register_function', (args) => {
      const lib = this.loading;
      const raise = (msg: string): never => {
        this.env.sites.note();
        return raiseErrorTable(msg);
      };
      if (lib === undefined) raise('redis.register_function can only be called on FUNCTION LOAD command');
      const parsed = readRegisterArgs(st, args);
      if (typeof parsed === 'string') return raise(parsed);
      if (!validName(parsed.name)) raise(BAD_NAME);
      if (lib!.functions.has(parsed.name)) raise('Function already exists in the library');
      lib!.functions.set(parsed.name, { ...parsed, library: lib! });
      return [];
    });
  }
}

function timeoutError(): LuaTable {
  const t = new LuaTable();
  t.set('err', 'ERR FUNCTION LOAD timeout');
  return t;
}

function collision(lib: LibraryInfo, into: FunctionLibraries): string | undefined {
  for (const f of lib.functions.values()) {
    if (into.functions.has(f.name.toLowerCase())) return `Function ${f.name} already exists`;
  }
  return undefined;
}

function restore(dst: FunctionLibraries, replaced: LibraryInfo[], error: string): string {
  for (const old of replaced) dst.link(old);
  return error;
}

interface RegisterArgs {
  name: string;
  description: string | undefined;
  flags: number;
  fn: LuaFunction;
}

/** lua_isstring + lua_tostring: strings, and numbers in their %.14g form. */
function stringOf(st: LuaState, v: LuaValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return st.tostring(v);
  return undefined;
}

/** luaRegisterFunctionReadArgs: positional (name, callback) or one table of named arguments. */
function readRegisterArgs(st: LuaState, args: LuaValue[]): RegisterArgs | string {
  if (args.length < 1 || args.length > 2) return 'wrong number of arguments to redis.register_function';
  if (args.length === 2) {
    const name = stringOf(st, args[0]);
    if (name === undefined) return 'first argument to redis.register_function must be a string';
    const fn = args[1];
    if (!(fn instanceof LuaFunction)) return 'second argument to redis.register_function must be a function';
    return { name, description: undefined, flags: 0, fn };
  }
  const t = args[0];
  if (!(t instanceof LuaTable)) {
    return 'calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).';
  }
  return readNamedArgs(st, t);
}

function readNamedArgs(st: LuaState, t: LuaTable): RegisterArgs | string {
  let name: string | undefined;
  let description: string | undefined;
  let fn: LuaFunction | undefined;
  let flags = 0;
  for (let e = t.next(undefined); e; e = t.next(e[0])) {
    const key = stringOf(st, e[0]);
    if (key === undefined) return 'named argument key given to redis.register_function is not a string';
    const v = e[1];
    switch (key.toLowerCase()) {
      case 'function_name':
        name = stringOf(st, v);
        if (name === undefined)
          return 'function_name argument given to redis.register_function must be a string';
        break;
      case 'description':
        description = stringOf(st, v);
        if (description === undefined)
          return 'description argument given to redis.register_function must be a string';
        break;
      case 'callback':
        if (!(v instanceof LuaFunction))
          return 'callback argument given to redis.register_function must be a function';
        fn = v;
        break;
      case 'flags': {
        if (!(v instanceof LuaTable)) {
          return 'flags argument to redis.register_function must be a table representing function flags';
        }
        const f = readFlags(st, v);
        if (f === undefined) return 'unknown flag given';
        flags = f;
        break;
      }
      default:
        return 'unknown argument given to redis.register_function';
    }
  }
  if (name === undefined) return 'redis.register_function must get a function name argument';
  if (fn === undefined) return 'redis.register_function must get a callback argument';
  return { name, description, flags, fn };
}

/** luaRegisterFunctionReadFlags: t[1], t[2], ... until nil, each a known flag name (any case). */
function readFlags(st: LuaState, t: LuaTable): number | undefined {
  let flags = 0;
  for (let i = 1; ; i++) {
    const v = st.index(t, i, -1);
    if (v === undefined) return flags;
    const s = stringOf(st, v);
    if (s === undefined) return undefined;
    const known = SCRIPT_FLAG_NAMES.find(([, n]) => n === s.toLowerCase());
    if (!known) return undefined;
    flags |= known[0];
  }
}
