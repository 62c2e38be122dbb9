/*
 * JSON decoding as lua-cjson 2.1.0 (the copy Redis vendors) does it, over binary strings: a tokenizer
 * and a recursive-descent parser whose error texts are the library's own, "Expected <what> but found
 * <token> at character <1-based index>", where <token> is a token type name (T_OBJ_END, T_COLON, T_END,
 * ...) or the tokenizer's complaint (invalid token, invalid number, unexpected end of string, invalid
 * escape code, invalid unicode escape code).
 *
 * Quirks kept on purpose: a NUL byte ends the input (so "1\0junk" is 1); string bytes pass through
 * unvalidated (raw control characters included); \uXXXX escapes become UTF-8 (surrogate pairs joined,
 * a lone low surrogate or an unpaired high one is an error); numbers are whatever C's strtod reads at
 * that point, so with decode_invalid_numbers on (the default) "+1", "0x10", "1.", "-Infinity", "nan" and
 * leading zeros are accepted; null decodes to cjson.null (a NULL light userdata).
 */
import { LuaTable, NULL_USERDATA, type LuaValue } from './value';
import type { CjsonConfig } from './cjson-encode';

export class JsonDecodeError extends Error {}

/** A token: its kind and where it starts; errors carry the tokenizer's complaint in `text`. */
interface Token {
  type: string;
  index: number;
  value?: LuaValue;
  text?: string;
}

const SINGLE: Record<string, string> = {
  '{': 'T_OBJ_BEGIN',
  '}': 'T_OBJ_END',
  '[': 'T_ARR_BEGIN',
  ']': 'T_ARR_END',
  ',': 'T_COMMA',
  ':': 'T_COLON',
};

const ESCAPE_CHARS: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
};

const NUMBER_PREFIX =
  /[+-]?(?:(0[xX])(?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN](?:\([0-9A-Za-z_]*\))?)/y;

/** What C's strtod() would consume at offset `at` of s: [value, length], length 0 when nothing. */
export function strtod(s: string, at = 0): [number, number] {
  NUMBER_PREFIX.lastIndex = at;
  const m = NUMBER_PREFIX.exec(s);
  if (!m) return [0, 0];
  const text = m[0];
  const neg = text[0] === '-';
  const body = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  let v: number;
  const lower = body.slice(0, 3).toLowerCase();
  if (lower === 'inf') v = Infinity;
  else if (lower === 'nan') v = NaN;
  else if (m[1]) v = parseHexFloat(body.slice(2));
  else v = Number(body);
  return [neg ? -v : v, text.length];
}

/** A hex float's digits (after "0x"): mantissa digits with an optional point, optional p exponent. */
function parseHexFloat(s: string): number {
  const [mant, exp] = s.split(/[pP]/) as [string, string | undefined];
  const [int, frac = ''] = mant.split('.') as [string, string | undefined];
  const digits = (int + frac).replace(/^0+/, '');
  let e2 = (exp === undefined ? 0 : Number(exp)) - 4 * frac.length;
  if (digits === '') return 0;
  // Keep 16 hex digits (64 bits) exactly and fold the rest into a sticky bit, then round once.
  let big = BigInt('0x' + digits.slice(0, 16));
  if (digits.length > 16) {
    e2 += 4 * (digits.length - 16);
    if (/[1-9a-fA-F]/.test(digits.slice(16))) big |= 1n;
  }
  return scaleBig(big, e2);
}

/** big * 2^e2 rounded once to a double (ties to even). */
function scaleBig(big: bigint, e2: number): number {
  const bits = big.toString(2).length;
  // Bring the value to 54+ significant bits plus sticky so Number() rounds correctly.
  const shift = bits - 64;
  if (shift > 0) {
    const lost = big & ((1n << BigInt(shift)) - 1n);
    big = (big >> BigInt(shift)) | (lost !== 0n ? 1n : 0n);
    e2 += shift;
  }
  const exp = e2 + Math.min(bits, 64);
  if (exp > 1100) return Infinity;
  if (exp < -1200) return 0;
  // Number(big) is exact when big has at most 53 bits; otherwise it rounds, and the power of two that
  // follows is exact unless the result is subnormal (rare enough to accept a double rounding there).
  const v = Number(big);
  return e2 < -1000 ? v * 2 ** -1000 * 2 ** (e2 + 1000) : v * 2 ** e2;
}

/** Bytes that end a run of plain string content: '"', '\\' and NUL. */
const STRING_STOP = new Set([34, 92, 0]);

class Parser {
  p = 0;
  depth = 0;
  /** Lua stack slots the C decoder would hold: the argument, and per open level its table (and key). */
  stack = 1;
  constructor(
    readonly s: string,
    readonly cfg: CjsonConfig,
  ) {}

  private ch(i = this.p): string {
    return i < this.s.length ? this.s[i]! : '\0';
  }

  private errorToken(text: string): Token {
    return { type: 'T_ERROR', index: this.p, text };
  }

  next(): Token {
    let c = this.ch();
    while (c === ' ' || c === '\t' || c === '\n' || c === '\r') c = this.ch(++this.p);
    const index = this.p;
    if (c === '\0') return { type: 'T_END', index };
    const single = SINGLE[c];
    if (single) {
      this.p++;
      return { type: single, index };
    }
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      if (!this.cfg.decodeInvalidNumbers && this.invalidNumber()) return this.errorToken('invalid number');
      return this.number();
    }
    if ('fiInNt+'.includes(c)) return this.word(c, index);
    return this.errorToken('invalid token');
  }

  private word(c: string, index: number): Token {
    const rest = this.s.slice(this.p, this.p + 5);
    if (rest.startsWith('true')) return ((this.p += 4), { type: 'T_BOOLEAN', index, value: true });
    if (rest.startsWith('false')) return ((this.p += 5), { type: 'T_BOOLEAN', index, value: false });
    if (rest.startsWith('null')) return ((this.p += 4), { type: 'T_NULL', index, value: NULL_USERDATA });
    if (this.cfg.decodeInvalidNumbers && this.invalidNumber()) return this.number();
    void c;
    return this.errorToken('invalid token');
  }

  /** Numbers strict JSON forbids but strtod reads: leading '+', hex, leading zeros, inf, nan. */
  private invalidNumber(): boolean {
    let i = this.p;
    if (this.ch(i) === '+') return true;
    if (this.ch(i) === '-') i++;
    const c = this.ch(i);
    if (c === '0') {
      const c2 = this.ch(i + 1);
      return c2 === 'x' || c2 === 'X' || (c2 >= '0' && c2 <= '9');
    }
    if (c <= '9') return false;
    const w = this.s.slice(i, i + 3).toLowerCase();
    return w === 'inf' || w === 'nan';
  }

  private number(): Token {
    const index = this.p;
    const [v, len] = strtod(this.s, this.p);
    if (len === 0) return this.errorToken('invalid number');
    this.p += len;
    return { type: 'T_NUMBER', index, value: v };
  }

  private string(): Token {
    const index = this.p;
    this.p++;
    let out = '';
    for (;;) {
      const c = this.ch();
      if (c === '"') break;
      if (c === '\0') return this.errorToken('unexpected end of string');
      if (c !== '\\') {
        let end = this.p + 1;
        while (end < this.s.length && !STRING_STOP.has(this.s.charCodeAt(end))) end++;
        out += this.s.slice(this.p, end);
        this.p = end;
        continue;
      }
      const e = this.ch(this.p + 1);
      if (e === 'u') {
        const utf8 = this.unicodeEscape();
        if (utf8 === undefined) return this.errorToken('invalid unicode escape code');
        out += utf8;
        continue;
      }
      const mapped = ESCAPE_CHARS[e];
      if (mapped === undefined) return this.errorToken('invalid escape code');
      out += mapped;
      this.p += 2;
    }
    this.p++;
    return { type: 'T_STRING', index, value: out };
  }

  private hex4(at: number): number {
    const h = this.s.slice(at, at + 4);
    return /^[0-9a-fA-F]{4}$/.test(h) ? parseInt(h, 16) : -1;
  }

  /** \uXXXX (or a surrogate pair of them) at p, as UTF-8 bytes; advances p. Undefined when invalid. */
  private unicodeEscape(): string | undefined {
    let cp = this.hex4(this.p + 2);
    if (cp < 0) return undefined;
    let len = 6;
    if ((cp & 0xf800) === 0xd800) {
      if (cp & 0x400) return undefined;
      if (this.ch(this.p + 6) !== '\\' || this.ch(this.p + 7) !== 'u') return undefined;
      const low = this.hex4(this.p + 8);
      if (low < 0 || (low & 0xfc00) !== 0xdc00) return undefined;
      cp = (((cp & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
      len = 12;
    }
    this.p += len;
    return utf8Of(cp);
  }

  fail(expected: string, t: Token): never {
    const found = t.type === 'T_ERROR' ? t.text! : t.type;
    throw new JsonDecodeError(`Expected ${expected} but found ${found} at character ${t.index + 1}`);
  }

  /** Enters an array or object needing `slots` free Lua stack slots (8000 in all, as in C). */
  private descend(slots: number): void {
    this.depth++;
    if (this.depth <= this.cfg.decodeMaxDepth && this.stack + slots <= 8000) return;
    throw new JsonDecodeError(`Found too many nested data structures (${this.depth}) at character ${this.p}`);
  }

  /**
   * Parses one value starting at token t. Open arrays and objects wait on an explicit stack (so deep
   * nesting never exhausts the JS stack); a finished value is stored into its parent, which then expects
   * a comma or its closing bracket, exactly in the C parser's order of checks.
   */
  value(t: Token): LuaValue {
    const open: Container[] = [];
    for (;;) {
      let v: LuaValue;
      if (t.type === 'T_OBJ_BEGIN' || t.type === 'T_ARR_BEGIN') {
        const isObj = t.type === 'T_OBJ_BEGIN';
        this.descend(isObj ? 3 : 2);
        const c: Container = { t: new LuaTable(), isObj, key: '', i: 0 };
        t = this.next();
        if (t.type !== (isObj ? 'T_OBJ_END' : 'T_ARR_END')) {
          this.stack += isObj ? 2 : 1;
          open.push(c);
          if (isObj) t = this.objectKey(t, c);
          continue;
        }
        this.depth--;
        v = c.t;
      } else if (
        t.type === 'T_STRING' ||
        t.type === 'T_NUMBER' ||
        t.type === 'T_BOOLEAN' ||
        t.type === 'T_NULL'
      ) {
        v = t.value;
      } else this.fail('value', t);
      // Store v into its parents for as long as they close right after it.
      for (;;) {
        const c = open[open.length - 1];
        if (c === undefined) return v;
        if (c.isObj) c.t.set(c.key, v);
        else c.t.set(++c.i, v);
        t = this.next();
        if (t.type === (c.isObj ? 'T_OBJ_END' : 'T_ARR_END')) {
          open.pop();
          this.depth--;
          this.stack -= c.isObj ? 2 : 1;
          v = c.t;
          continue;
        }
        if (t.type !== 'T_COMMA') this.fail(c.isObj ? 'comma or object end' : 'comma or array end', t);
        t = this.next();
        if (c.isObj) t = this.objectKey(t, c);
        break;
      }
    }
  }

  /** An object member's key and colon; returns the token that starts its value. */
  private objectKey(t: Token, c: Container): Token {
    if (t.type !== 'T_STRING') this.fail('object key string', t);
    c.key = t.value as string;
    t = this.next();
    if (t.type !== 'T_COLON') this.fail('colon', t);
    return this.next();
  }
}

/** An array or object being filled: its table, the pending key (objects) or the last index (arrays). */
interface Container {
  t: LuaTable;
  isObj: boolean;
  key: string;
  i: number;
}

function utf8Of(cp: number): string {
  const c = String.fromCharCode;
  if (cp <= 0x7f) return c(cp);
  if (cp <= 0x7ff) return c((cp >> 6) | 0xc0, (cp & 0x3f) | 0x80);
  if (cp <= 0xffff) return c((cp >> 12) | 0xe0, ((cp >> 6) & 0x3f) | 0x80, (cp & 0x3f) | 0x80);
  return c((cp >> 18) | 0xf0, ((cp >> 12) & 0x3f) | 0x80, ((cp >> 6) & 0x3f) | 0x80, (cp & 0x3f) | 0x80);
}

export function decodeJson(s: string, cfg: CjsonConfig): LuaValue {
  if (s.length >= 2 && (s[0] === '\0' || s[1] === '\0')) {
    throw new JsonDecodeError('JSON parser does not support UTF-16 or UTF-32');
  }
  const p = new Parser(s, cfg);
  const v = p.value(p.next());
  const end = p.next();
  if (end.type !== 'T_END') p.fail('the end', end);
  return v;
}
