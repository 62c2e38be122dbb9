/*
 * Inline request splitting, as Redis's sdssplitargs() does for commands typed without RESP framing
 * (`SET k "a b\x00"`): arguments are separated by blanks; a token may contain "double quoted" parts
 * (with \xHH, \n, \r, \t, \b, \a and \<any> escapes) or 'single quoted' parts (only \' is an escape).
 * A closing quote must be followed by a blank or the end of the line, and an unterminated quote makes
 * the whole line invalid (null), which the request parser reports as "unbalanced quotes".
 *
 * The line is the byte range [start, end) of a buffer. Redis splits a C string, so the line end acts
 * like its NUL terminator: the caller guarantees no NUL byte inside the range (Redis's strchr-based
 * line search never yields one). Blanks between tokens are C isspace (space, \t, \n, \v, \f, \r); an
 * unquoted token ends only at space, \n, \r, \t (Redis's switch), so \v and \f join a token when they
 * follow its first byte.
 */
import type { Bytes } from '../bytes.ts';

const SPACE = 32;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= 13);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function hexValue(c: number): number {
  if (c <= 57) return c - 48;
  return (c | 32) - 87;
}

const ESCAPES: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 97: 7 };

/** Accumulates one token's bytes; reused across tokens of a line. */
class TokenBuilder {
  private buf = new Uint8Array(64);
  len = 0;

  push(c: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = c;
  }

  /** A fresh copy of the token; resets the builder. */
  take(): Bytes {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    return out;
  }
}

/** Splits line bytes [start, end) into arguments; null when quotes are unbalanced. */
export function splitInlineArgs(buf: Uint8Array, start: number, end: number): Bytes[] | null {
  const at = (i: number): number => (i < end ? buf[i]! : 0);
  const args: Bytes[] = [];
  const tok = new TokenBuilder();
  let p = start;
  for (;;) {
    while (p < end && isSpace(buf[p]!)) p++;
    if (p >= end) return args;
    let inDouble = false;
    let inSingle = false;
    for (let done = false; !done;) {
      const c = at(p);
      if (inDouble) {
        if (c === BACKSLASH && at(p + 1) === 120 && isHex(at(p + 2)) && isHex(at(p + 3))) {
          tok.push(hexValue(at(p + 2)) * 16 + hexValue(at(p + 3)));
          p += 3;
        } else if (c === BACKSLASH && at(p + 1) !== 0) {
          p++;
          const e = at(p);
          tok.push(ESCAPES[e] ?? e);
        } else if (c === DQUOTE) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else {
          tok.push(c);
        }
      } else if (inSingle) {
        if (c === BACKSLASH && at(p + 1) === SQUOTE) {
          p++;
          tok.push(SQUOTE);
        } else if (c === SQUOTE) {
          if (at(p + 1) !== 0 && !isSpace(at(p + 1))) return null;
          done = true;
        } else if (c === 0) {
          return null;
        } else {
          tok.push(c);
        }
      } else if (c === SPACE || c === 10 || c === 13 || c === 9 || c === 0) {
        done = true;
      } else if (c === DQUOTE) {
        inDouble = true;
      } else if (c === SQUOTE) {
        inSingle = true;
      } else {
        tok.push(c);
      }
      if (c !== 0) p++;
    }
    args.push(tok.take());
  }
}
