/*
 * Redis's error tables. Since 7.0, errors that Redis itself raises inside scripts (redis.call failures,
 * misuse of redis.* functions) are Lua tables {err = "<CODE> <message>"} rather than strings, and errors
 * that came from a command's own reply carry ignore_error_stats_update = true (the command already
 * counted them in INFO errorstats; the script's final error must not count them twice).
 *
 * errorTable() follows luaPushErrorBuff: a text starting with "-" has its code taken from its first word
 * ("-WRONGTYPE Operation..." -> code WRONGTYPE); any other text gets the generic code ERR. Leading and
 * trailing CR/LF are trimmed from the message.
 */
import { LuaError, LuaTable, type LuaValue } from '../lua/index.ts';

export function errorText(raw: string): string {
  let code = 'ERR';
  let msg = raw;
  if (raw.startsWith('-')) {
    const space = raw.indexOf(' ');
    if (space < 0) msg = raw.slice(1);
    else {
      code = raw.slice(1, space);
      msg = raw.slice(space + 1);
    }
  }
  return `${code} ${msg.replace(/^[\r\n]+|[\r\n]+$/g, '')}`;
}

export function errorTable(raw: string, ignoreStats = false): LuaTable {
  const t = new LuaTable();
  t.set('err', errorText(raw));
  if (ignoreStats) t.set('ignore_error_stats_update', true);
  return t;
}

/** Raises a Redis error table as a Lua error (luaPushError + luaError). */
export function raiseErrorTable(raw: string, ignoreStats = false): never {
  throw new LuaError(errorTable(raw, ignoreStats));
}

/** The fields Redis reads back from an error value (luaExtractErrorInformation). */
export interface ErrorInfo {
  msg: string;
  ignoreStats: boolean;
}

export function errorInfoOf(v: LuaValue, tostring: (v: LuaValue) => string): ErrorInfo {
  if (v instanceof LuaTable) {
    const e = v.get('err');
    const msg = typeof e === 'string' ? e : typeof e === 'number' ? tostring(e) : 'ERR unknown error';
    return { msg, ignoreStats: v.get('ignore_error_stats_update') === true };
  }
  return { msg: `ERR ${tostring(v)}`, ignoreStats: false };
}
