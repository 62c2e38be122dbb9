/*
 * JSON encoding as lua-cjson 2.1.0 (the copy Redis vendors) does it, over binary strings.
 *
 * - Strings: bytes are copied as they are (no UTF-8 validation) except '"', '\\', '/' (escaped as "\/"),
 *   control bytes (\b \t \n \f \r by name, the rest as \u00XX) and DEL (\u007f).
 * - Numbers: printf "%.<precision>g" (14 by default, so 0.1 is 0.1 and 2^53 is 9.007199254741e+15); NaN
 *   and ±inf are refused ("must not be NaN or Inf"), or written as nan/inf/-inf, or as null, per
 *   encode_invalid_numbers.
 * - Tables: an array when every key is a positive integer (max key = length), unless it is excessively
 *   sparse: max > ratio * items and max > safe, which is an error or (with convert) an object. Anything
 *   else, including the empty table, is an object; number keys become strings. Holes in arrays are null.
 *   Keys come in next() order. Nesting beyond encode_max_depth fails ("excessive nesting"), which is also
 *   how reference cycles end.
 * - nil and cjson.null are null; functions and other userdata are refused ("type not supported").
 */
import { halfEvenAt, LuaTable, luaType, NULL_USERDATA, numberToString, type LuaValue } from './value';
import { formatG } from '../util/numfmt';

export interface CjsonConfig {
  sparseConvert: boolean;
  sparseRatio: number;
  sparseSafe: number;
  encodeMaxDepth: number;
  decodeMaxDepth: number;
  /** 0 refuse, 1 allow (nan/inf), 2 write null. */
  encodeInvalidNumbers: number;
  decodeInvalidNumbers: boolean;
  precision: number;
  keepBuffer: boolean;
}

export function defaultConfig(): CjsonConfig {
  return {
    sparseConvert: false,
    sparseRatio: 2,
    sparseSafe: 10,
    encodeMaxDepth: 1000,
    decodeMaxDepth: 1000,
    encodeInvalidNumbers: 0,
    decodeInvalidNumbers: true,
    precision: 14,
    keepBuffer: true,
  };
}

/** An encoding failure; the library raises it as a Lua error at the caller's line. */
export class JsonEncodeError extends Error {}

const ESCAPES: (string | undefined)[] = [];
for (let i = 0; i < 32; i++) ESCAPES[i] = '\\u' + i.toString(16).padStart(4, '0');
ESCAPES[8] = '\\b';
ESCAPES[9] = '\\t';
ESCAPES[10] = '\\n';
ESCAPES[12] = '\\f';
ESCAPES[13] = '\\r';
ESCAPES[34] = '\\"';
ESCAPES[47] = '\\/';
ESCAPES[92] = '\\\\';
ESCAPES[127] = '\\u007f';

/** Whether any byte of s has an escape (most strings have none and are copied whole). */
function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (ESCAPES[s.charCodeAt(i)] !== undefined) return true;
  return false;
}

export function encodeString(s: string): string {
  if (!needsEscape(s)) return `"${s}"`;
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const e = ESCAPES[s.charCodeAt(i)];
    if (e === undefined) continue;
    out += s.slice(from, i) + e;
    from = i + 1;
  }
  return out + s.slice(from) + '"';
}

function fail(type: string, reason: string): never {
  throw new JsonEncodeError(`Cannot serialise ${type}: ${reason}`);
}

export function encodeNumber(n: number, cfg: CjsonConfig): string {
  if (!Number.isFinite(n)) {
    if (cfg.encodeInvalidNumbers === 0) fail('number', 'must not be NaN or Inf');
    if (cfg.encodeInvalidNumbers === 2) return 'null';
    if (Number.isNaN(n)) return 'nan';
    return n > 0 ? 'inf' : '-inf';
  }
  // %.14g is also Lua's own number format: reuse its fast path for integers.
  if (cfg.precision === 14) return numberToString(n);
  return formatG(halfEvenAt(n, cfg.precision), cfg.precision);
}

/** C's (int) of a double key as x86 converts it: out-of-range values become INT_MIN. */
function toCInt(k: number): number {
  return k >= -2147483648 && k < 2147483648 ? Math.trunc(k) : -2147483648;
}

/** Array length of a table for encoding, or -1 when it must be an object. */
function arrayLength(t: LuaTable, cfg: CjsonConfig): number {
  let max = 0;
  let items = 0;
  for (let e = t.next(undefined); e; e = t.next(e[0])) {
    const k = e[0];
    if (typeof k !== 'number' || k === 0 || !(Math.floor(k) === k && k >= 1)) return -1;
    if (k > max) max = toCInt(k);
    items++;
  }
  if (cfg.sparseRatio > 0 && max > items * cfg.sparseRatio && max > cfg.sparseSafe) {
    if (!cfg.sparseConvert) fail('table', 'excessively sparse array');
    return -1;
  }
  return max;
}

/**
 * One table being written: an array (len > 0, `i` elements done) or an object (`key` the last key
 * written, undefined before the first). `stack` counts the Lua stack slots the C encoder would hold
 * there (the argument, then per level the element, or the key and value, being written): C may use
 * 8000, which caps nesting when encode_max_depth is raised. Frames live on an explicit stack so deep
 * nesting never exhausts the JS stack.
 */
interface Frame {
  t: LuaTable;
  depth: number;
  stack: number;
  len: number;
  i: number;
  key: LuaValue;
}

export function encodeJson(v: LuaValue, cfg: CjsonConfig): string {
  const out: string[] = [];
  const frames: Frame[] = [];
  const emit = (x: LuaValue, depth: number, stack: number): void => {
    if (!(x instanceof LuaTable)) return appendScalar(x, cfg, out);
    const d = depth + 1;
    if (d > cfg.encodeMaxDepth || stack + 3 > 8000) {
      throw new JsonEncodeError(`Cannot serialise, excessive nesting (${d})`);
    }
    const len = arrayLength(x, cfg);
    out.push(len > 0 ? '[' : '{');
    frames.push({ t: x, depth: d, stack, len, i: 0, key: undefined });
  };
  emit(v, 0, 1);
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    if (f.len > 0) {
      if (f.i === f.len) {
        out.push(']');
        frames.pop();
        continue;
      }
      if (f.i++ > 0) out.push(',');
      emit(f.t.get(f.i), f.depth, f.stack + 1);
      continue;
    }
    const e = f.t.next(f.key);
    if (!e) {
      out.push('}');
      frames.pop();
      continue;
    }
    if (f.i++ > 0) out.push(',');
    f.key = e[0];
    appendKey(e[0], cfg, out);
    emit(e[1], f.depth, f.stack + 2);
  }
  return out.join('');
}

function appendScalar(v: LuaValue, cfg: CjsonConfig, out: string[]): void {
  if (typeof v === 'string') out.push(encodeString(v));
  else if (typeof v === 'number') out.push(encodeNumber(v, cfg));
  else if (typeof v === 'boolean') out.push(v ? 'true' : 'false');
  else if (v === undefined || v === NULL_USERDATA) out.push('null');
  else fail(luaType(v), 'type not supported');
}

function appendKey(k: LuaValue, cfg: CjsonConfig, out: string[]): void {
  if (typeof k === 'number') out.push(`"${encodeNumber(k, cfg)}":`);
  else if (typeof k === 'string') out.push(encodeString(k) + ':');
  else fail(luaType(k), 'table key must be a number or string');
}
