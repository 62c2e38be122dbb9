/*
 * The "cjson" table Redis gives scripts (lua-cjson 2.1.0): encode, decode, null, the configuration
 * functions and new(), which builds an independent table with default settings. Settings live in the
 * table's functions (as C upvalues do), so they persist for the life of the Lua state, as in Redis
 * where one script's cjson.encode_max_depth(5) is seen by the next script until SCRIPT FLUSH.
 *
 * Configuration functions take their arguments as the C library does: nil keeps a setting, integer
 * settings are range-checked ("expected integer between 1 and 2147483647", always reported as argument
 * #1), on/off settings accept booleans or the strings "on"/"off" ("null" too for
 * encode_invalid_numbers), and each returns the settings after the change.
 */
import { decodeJson, JsonDecodeError } from './cjson-decode';
import { defaultConfig, encodeJson, JsonEncodeError, type CjsonConfig } from './cjson-encode';
import { checkString, type Native, register } from './lib-base';
import type { LuaState } from './runtime';
import { LuaTable, luaType, NULL_USERDATA, type LuaValue } from './value';

const INT_MAX = 2147483647;

/** json_arg_init: at most `n` arguments. */
function argInit(st: LuaState, args: LuaValue[], n: number): void {
  if (args.length > n) st.argError(n + 1, 'found too many arguments');
}

/** luaL_checkinteger narrowed to a C int (lua_Integer truncated to 32 bits). */
function checkCInt(st: LuaState, args: LuaValue[], i: number): number {
  const n = st.tonumber(args[i]);
  if (n === undefined) st.argError(i + 1, `number expected, got ${luaType(args[i])}`);
  if (!Number.isFinite(n) || Math.abs(n) >= 9223372036854775808) return 0;
  return Number(BigInt.asIntN(32, BigInt(Math.trunc(n))));
}

function intOption(st: LuaState, args: LuaValue[], i: number, cur: number, min: number, max: number): number {
  if (args[i] === undefined) return cur;
  const v = checkCInt(st, args, i);
  if (!(min <= v && v <= max)) st.argError(1, `expected integer between ${min} and ${max}`);
  return v;
}

/** json_enum_option: a boolean, or one of `options` by name; returns the setting's index. */
function enumOption(st: LuaState, args: LuaValue[], i: number, cur: number, options: string[]): number {
  const v = args[i];
  if (v === undefined) return cur;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const name = checkString(st, args, i);
  const k = options.indexOf(name);
  if (k < 0) st.argError(i + 1, `invalid option '${name}'`);
  return k;
}

const ON_OFF = ['off', 'on'];

function enumResult(setting: number, options: string[]): LuaValue {
  return setting === 0 || setting === 1 ? setting === 1 : options[setting];
}

function configFunctions(cfg: CjsonConfig): Record<string, Native> {
  return {
    encode_sparse_array: (st, a) => {
      argInit(st, a, 3);
      cfg.sparseConvert = enumOption(st, a, 0, cfg.sparseConvert ? 1 : 0, ON_OFF) === 1;
      cfg.sparseRatio = intOption(st, a, 1, cfg.sparseRatio, 0, INT_MAX);
      cfg.sparseSafe = intOption(st, a, 2, cfg.sparseSafe, 0, INT_MAX);
      return [cfg.sparseConvert, cfg.sparseRatio, cfg.sparseSafe];
    },
    encode_max_depth: (st, a) => {
      argInit(st, a, 1);
      return [(cfg.encodeMaxDepth = intOption(st, a, 0, cfg.encodeMaxDepth, 1, INT_MAX))];
    },
    decode_max_depth: (st, a) => {
      argInit(st, a, 1);
      return [(cfg.decodeMaxDepth = intOption(st, a, 0, cfg.decodeMaxDepth, 1, INT_MAX))];
    },
    encode_number_precision: (st, a) => {
      argInit(st, a, 1);
      return [(cfg.precision = intOption(st, a, 0, cfg.precision, 1, 14))];
    },
    encode_keep_buffer: (st, a) => {
      argInit(st, a, 1);
      cfg.keepBuffer = enumOption(st, a, 0, cfg.keepBuffer ? 1 : 0, ON_OFF) === 1;
      return [cfg.keepBuffer];
    },
    encode_invalid_numbers: (st, a) => {
      argInit(st, a, 1);
      const options = ['off', 'on', 'null'];
      cfg.encodeInvalidNumbers = enumOption(st, a, 0, cfg.encodeInvalidNumbers, options);
      return [enumResult(cfg.encodeInvalidNumbers, options)];
    },
    decode_invalid_numbers: (st, a) => {
      argInit(st, a, 1);
      cfg.decodeInvalidNumbers = enumOption(st, a, 0, cfg.decodeInvalidNumbers ? 1 : 0, ON_OFF) === 1;
      return [cfg.decodeInvalidNumbers];
    },
  };
}

function codecFunctions(cfg: CjsonConfig): Record<string, Native> {
  return {
    encode: (st, a) => {
      if (a.length !== 1) st.argError(1, 'expected 1 argument');
      try {
        return [encodeJson(a[0], cfg)];
      } catch (e) {
        if (e instanceof JsonEncodeError) st.error(e.message);
        throw e;
      }
    },
    decode: (st, a) => {
      if (a.length !== 1) st.argError(1, 'expected 1 argument');
      const s = checkString(st, a, 0);
      try {
        return [decodeJson(s, cfg)];
      } catch (e) {
        if (e instanceof JsonDecodeError) st.error(e.message);
        throw e;
      }
    },
  };
}

/** A fresh cjson table with default settings (what cjson.new() returns). */
export function newCjson(st: LuaState): LuaTable {
  const cfg = defaultConfig();
  const t = new LuaTable();
  register(st, t, codecFunctions(cfg));
  register(st, t, configFunctions(cfg));
  register(st, t, { new: (s) => [newCjson(s)] });
  t.set('null', NULL_USERDATA);
  t.set('_NAME', 'cjson');
  t.set('_VERSION', '2.1.0');
  return t;
}

export function openCjson(st: LuaState): void {
  st.globals.set('cjson', newCjson(st));
}
