/*
 * Glob-style matching on bytes, with the exact semantics of Redis's stringmatchlen() (KEYS, SCAN MATCH,
 * PSUBSCRIBE, CONFIG GET, ACL key patterns...):
 *
 *   *      any run of bytes (consecutive stars collapse into one)
 *   ?      exactly one byte
 *   [abc]  one byte from the set; [^abc] one byte not in it; [a-z] a range, also given backwards ([z-a]);
 *          inside brackets a backslash escapes the next byte (compared case-sensitively, even with nocase)
 *   \x     the byte x literally (a trailing lone backslash is a literal backslash)
 *
 * Redis's edge cases, kept on purpose because users compare with the real server:
 *   - Patterns are NUL-terminated in C, so reading one past the end yields byte 0: an unclosed '[' ends
 *     the set at the end of the pattern ("[a" matches "a", "[^" matches any single byte, "[" matches
 *     nothing), and a star followed by nothing matches the rest.
 *   - Bytes are C `char`, signed on the platforms Redis ships for: range bounds and the subject byte are
 *     compared as -128..127, so a range such as [a-\xff] is really [\xff-a] after the swap.
 *   - An empty subject never enters the main loop: "*" does not match "" (KEYS and SCAN special-case the
 *     lone "*" pattern before matching, which is why the empty key still shows up there).
 *   - nocase lowercases only ASCII A-Z, like tolower() in the C locale.
 *
 * After a star the rest of the pattern is tried at every later position; when that fails from every
 * position, no earlier star can help either (a longer match for it would only start the rest later), so
 * the search ends. This keeps pathological patterns like "*a*a*a*b" polynomial (see matchFrom).
 *
 * The core works on binary strings (one char per byte, see bytes.ts) because dictionary keys already
 * have that form; the Bytes entry point converts.
 */
import { bin, type Bytes } from '../bytes.ts';

const STAR = 42;
const QUESTION = 63;
const OPEN = 91;
const CLOSE = 93;
const CARET = 94;
const BACKSLASH = 92;
const DASH = 45;

/** Matches `subject` against the glob `pattern`, both raw bytes. */
export function globMatch(pattern: Bytes, subject: Bytes, nocase = false): boolean {
  return globMatchBin(bin(pattern), bin(subject), nocase);
}

/** Same as globMatch for binary strings (one char per byte), e.g. dictionary keys. */
export function globMatchBin(pattern: string, subject: string, nocase = false): boolean {
  return matchFrom(pattern, subject, nocase);
}

/** Byte at `i`, or 0 past the end (the C terminator). */
function at(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : 0;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** A byte as a C signed char. */
function signed(c: number): number {
  return c >= 128 ? c - 256 : c;
}

function sameByte(a: number, b: number, nocase: boolean): boolean {
  return nocase ? lower(a) === lower(b) : a === b;
}

/**
 * Redis recurses at every star and gives up as soon as one star has tried every later position. That
 * makes only the most recent star worth backtracking to (every other token eats exactly one byte), so
 * the same answers come from a loop that remembers the last star and the position it was tried at:
 * no recursion, so patterns with thousands of stars cannot overflow the JS stack.
 */
function matchFrom(pat: string, str: string, nocase: boolean): boolean {
  const plen = pat.length;
  const slen = str.length;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = -1;
  for (;;) {
    while (p < plen && s < slen) {
      const pc = pat.charCodeAt(p);
      if (pc === STAR) {
        while (p < plen && at(pat, p + 1) === STAR) p++;
        if (p === plen - 1) return true;
        starP = p;
        starS = s;
        p++;
        continue;
      }
      const next = matchToken(pat, p, str.charCodeAt(s), nocase);
      if (next < 0) break;
      p = next;
      s++;
      if (s === slen) {
        while (at(pat, p) === STAR) p++;
        break;
      }
    }
    if (p >= plen && s === slen) return true;
    // Retry the rest of the pattern one byte later after the last star, never at the empty tail.
    if (starP < 0 || ++starS >= slen) return false;
    p = starP + 1;
    s = starS;
  }
}

/** Matches the single-byte token at `p` (not a star) against `c`: the index after it, or -1. */
function matchToken(pat: string, p: number, c: number, nocase: boolean): number {
  const pc = pat.charCodeAt(p);
  if (pc === QUESTION) return p + 1;
  if (pc === OPEN) {
    const r = matchBracket(pat, p + 1, c, nocase);
    return r.match ? r.end + 1 : -1;
  }
  if (pc === BACKSLASH && pat.length - p >= 2) p++;
  return sameByte(pat.charCodeAt(p), c, nocase) ? p + 1 : -1;
}

/**
 * A bracket set starting at `p` (just after '['), tested against byte `c`. Returns whether it matched
 * and the index of the closing ']' (or of the last pattern byte when the set is unclosed), which the
 * caller steps past.
 */
function matchBracket(pat: string, p: number, c: number, nocase: boolean): { match: boolean; end: number } {
  const plen = pat.length;
  const negate = at(pat, p) === CARET;
  if (negate) p++;
  let match = false;
  for (;;) {
    const pc = at(pat, p);
    if (pc === BACKSLASH && plen - p >= 2) {
      p++;
      if (pat.charCodeAt(p) === c) match = true;
    } else if (pc === CLOSE && p < plen) {
      break;
    } else if (p >= plen) {
      p--;
      break;
    } else if (plen - p >= 3 && pat.charCodeAt(p + 1) === DASH) {
      if (inRange(pc, pat.charCodeAt(p + 2), c, nocase)) match = true;
      p += 2;
    } else if (sameByte(pc, c, nocase)) {
      match = true;
    }
    p++;
  }
  return { match: negate ? !match : match, end: p };
}

/** A range test as Redis does it: signed chars, bounds swapped when backwards, then lowercased. */
function inRange(from: number, to: number, c: number, nocase: boolean): boolean {
  let lo = signed(from);
  let hi = signed(to);
  let x = signed(c);
  if (lo > hi) [lo, hi] = [hi, lo];
  if (nocase) {
    lo = lower(lo);
    hi = lower(hi);
    x = lower(x);
  }
  return x >= lo && x <= hi;
}
