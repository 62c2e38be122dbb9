/*
 * Lua 5.1 lexer. Source text is a binary string (one char per byte), so string literals come out as
 * binary strings too and scripts round-trip arbitrary bytes. Tokens carry their line for error messages.
 *
 * Covers every 5.1 token: names and reserved words, numbers (decimal with fraction/exponent, hex 0x..),
 * short strings with escapes (\a \b \f \n \r \t \v \\ \" \' \<newline> and \ddd up to 255), long strings
 * and comments with any level ([[ ]], [==[ ]==]; a newline right after the opener is skipped), and all
 * operators (== ~= <= >= .. ... and single chars). Errors use 5.1's wording: "<chunk>:<line>: <msg> near
 * '<token>'".
 */

export type TokenKind = 'name' | 'number' | 'string' | 'eof' | 'op' | 'keyword';

export interface Token {
  kind: TokenKind;
  /** Keyword/operator text, name, string contents; for numbers the source text. */
  text: string;
  value?: number;
  line: number;
}

export class LuaSyntaxError extends Error {}

const KEYWORDS = new Set([
  'and',
  'break',
  'do',
  'else',
  'elseif',
  'end',
  'false',
  'for',
  'function',
  'if',
  'in',
  'local',
  'nil',
  'not',
  'or',
  'repeat',
  'return',
  'then',
  'true',
  'until',
  'while',
]);

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isAlpha(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '\f';
}

/** Parses a Lua numeral the way 5.1's luaO_str2d does (strtod, then hex via strtoul). */
export function str2number(s: string): number | undefined {
  const t = s.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
  if (t === '') return undefined;
  // strtod reads C99 hex floats (0x1.8p3); integers beyond 2^53 round like strtoul's conversion.
  let m = /^([-+]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?$/.exec(t);
  if (m && (m[2] || m[3])) {
    let v = m[2] ? parseInt(m[2], 16) : 0;
    if (m[3]) v += parseInt(m[3], 16) / Math.pow(16, m[3].length);
    if (m[4]) v *= Math.pow(2, Number(m[4]));
    return m[1] === '-' ? -v : v;
  }
  m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.exec(t);
  if (m) return Number(t);
  if (/^[-+]?(inf|infinity)$/i.test(t)) return t[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?nan$/i.test(t)) return NaN;
  return undefined;
}

export class Lexer {
  private pos = 0;
  line = 1;
  private ahead: Token | undefined;

  constructor(
    private readonly src: string,
    private readonly chunk: string,
  ) {}

  error(msg: string, near?: string, line = this.line): never {
    const where = near === undefined ? '' : ` near '${near}'`;
    throw new LuaSyntaxError(`${this.chunk}:${line}: ${msg}${where}`);
  }

  peek(): Token {
    if (!this.ahead) this.ahead = this.scan();
    return this.ahead;
  }

  next(): Token {
    const t = this.peek();
    this.ahead = undefined;
    return t;
  }

  private scan(): Token {
    const s = this.src;
    for (;;) {
      if (this.pos >= s.length) return { kind: 'eof', text: '<eof>', line: this.line };
      const c = s[this.pos]!;
      if (c === '\n') {
        this.line++;
        this.pos++;
      } else if (isSpace(c)) this.pos++;
      else if (c === '-' && s[this.pos + 1] === '-') this.skipComment();
      else break;
    }
    const c = s[this.pos]!;
    const line = this.line;
    if (isAlpha(c)) {
      let e = this.pos + 1;
      while (e < s.length && (isAlpha(s[e]!) || isDigit(s[e]!))) e++;
      const text = s.slice(this.pos, e);
      this.pos = e;
      return { kind: KEYWORDS.has(text) ? 'keyword' : 'name', text, line };
    }
    if (isDigit(c) || (c === '.' && isDigit(s[this.pos + 1] ?? ''))) return this.readNumber();
    if (c === '"' || c === "'") return { kind: 'string', text: this.readString(c), line };
    if (c === '[') {
      const level = this.longLevel();
      if (level >= 0) return { kind: 'string', text: this.readLong(level, false), line };
      if (level === -2) this.error('invalid long string delimiter', '[=');
    }
    for (const op of ['...', '..', '==', '~=', '<=', '>=']) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', text: op, line };
      }
    }
    this.pos++;
    if ('+-*/%^#<>=(){}[];:,.'.includes(c)) return { kind: 'op', text: c, line };
    return { kind: 'op', text: c, line };
  }

  private skipComment(): void {
    this.pos += 2;
    if (this.src[this.pos] === '[') {
      const level = this.longLevel();
      if (level >= 0) {
        this.readLong(level, true);
        return;
      }
    }
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
  }

  /** At '[': returns the level of a long bracket ([==[ -> 2), -1 if not one, -2 if malformed ([= x). */
  private longLevel(): number {
    let p = this.pos + 1;
    let level = 0;
    while (this.src[p] === '=') {
      level++;
      p++;
    }
    if (this.src[p] === '[') {
      this.pos = p + 1;
      return level;
    }
    return level === 0 ? -1 : -2;
  }

  private readLong(level: number, comment: boolean): string {
    const s = this.src;
    const startLine = this.line;
    if (s[this.pos] === '\r') this.pos++;
    if (s[this.pos] === '\n') {
      this.line++;
      this.pos++;
    }
    const close = ']' + '='.repeat(level) + ']';
    const end = s.indexOf(close, this.pos);
    if (end < 0) {
      this.pos = s.length;
      this.error(comment ? 'unfinished long comment' : 'unfinished long string', '<eof>');
    }
    const body = s.slice(this.pos, end);
    for (let i = 0; i < body.length; i++) if (body[i] === '\n') this.line++;
    this.pos = end + close.length;
    void startLine;
    return body;
  }

  private readString(quote: string): string {
    const s = this.src;
    let out = '';
    let p = this.pos + 1;
    for (;;) {
      if (p >= s.length) {
        this.pos = p;
        this.error('unfinished string', '<eof>');
      }
      const c = s[p]!;
      if (c === quote) break;
      if (c === '\n') {
        this.error('unfinished string', quote + out);
      }
      if (c !== '\\') {
        out += c;
        p++;
        continue;
      }
      const e = s[p + 1] ?? '';
      if (ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        p += 2;
      } else if (e === '\n') {
        out += '\n';
        this.line++;
        p += 2;
      } else if (isDigit(e)) {
        let q = p + 1;
        let v = 0;
        while (q < p + 4 && isDigit(s[q] ?? '')) v = v * 10 + Number(s[q++]);
        if (v > 255) this.error('escape sequence too large', quote + out);
        out += String.fromCharCode(v);
        p = q;
      } else if (e === '') {
        p++;
      } else {
        out += e;
        p += 2;
      }
    }
    this.pos = p + 1;
    return out;
  }

  private readNumber(): Token {
    const s = this.src;
    const start = this.pos;
    let p = start;
    // 5.1's read_numeral: digits, dots, an exponent sign after e/E, then any alphanumerics/underscore.
    while (p < s.length) {
      const c = s[p]!;
      if (isDigit(c) || c === '.') p++;
      else if ((c === 'e' || c === 'E') && (s[p + 1] === '+' || s[p + 1] === '-')) p += 2;
      else if (isAlpha(c)) p++;
      else break;
    }
    const text = s.slice(start, p);
    this.pos = p;
    const value = str2number(text);
    if (value === undefined || /^[-+]|inf|nan/i.test(text)) this.error('malformed number', text);
    return { kind: 'number', text, value, line: this.line };
  }
}
