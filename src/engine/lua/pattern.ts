/*
 * Lua 5.1 patterns (the matcher behind string.find/match/gmatch/gsub), a backtracking matcher over binary
 * strings. Pattern items: single chars, '.', %a %c %d %l %p %s %u %w %x (upper case = complement, C
 * locale classes), %<punct> escapes, [sets] with ranges, classes and ^ complement, quantifiers * + - ?,
 * anchors ^ (at pattern start) and $ (at pattern end), captures ( ) and position captures (), back
 * references %1-%9, balanced %bxy and frontier %f[set]. Errors use 5.1's texts ("malformed pattern
 * (ends with '%')", "invalid capture index", "unfinished capture", "invalid pattern capture").
 * Recursion depth is bounded (5000 nested items) to report "pattern too complex" instead of
 * exhausting the JS stack on pathological patterns.
 */

export const CAP_POSITION = -2;
const CAP_UNFINISHED = -1;
const MAX_CAPTURES = 32;
const MAX_DEPTH = 5000;

export class PatternError extends Error {}

export class MatchState {
  level = 0;
  capStart: number[] = [];
  capLen: number[] = [];
  private depth = 0;

  constructor(
    readonly src: string,
    readonly pat: string,
  ) {}

  reset(): void {
    this.level = 0;
    this.depth = 0;
  }

  private classEnd(p: number): number {
    const pat = this.pat;
    const c = pat[p++];
    if (c === '%') {
      if (p >= pat.length) throw new PatternError("malformed pattern (ends with '%')");
      return p + 1;
    }
    if (c === '[') {
      if (pat[p] === '^') p++;
      do {
        if (p >= pat.length) throw new PatternError("malformed pattern (missing ']')");
        const cc = pat[p++];
        if (cc === '%') p++;
      } while (pat[p] !== ']');
      return p + 1;
    }
    return p;
  }

  private matchSet(c: number, p: number, ep: number): boolean {
    const pat = this.pat;
    let neg = false;
    p++;
    if (pat[p] === '^') {
      neg = true;
      p++;
    }
    while (p < ep) {
      if (pat[p] === '%' && p + 1 < ep) {
        p++;
        if (matchClass(c, pat.charCodeAt(p))) return !neg;
        p++;
      } else if (pat[p + 1] === '-' && p + 2 < ep) {
        if (pat.charCodeAt(p) <= c && c <= pat.charCodeAt(p + 2)) return !neg;
        p += 3;
      } else {
        if (pat.charCodeAt(p) === c) return !neg;
        p++;
      }
    }
    return neg;
  }

  private singleMatch(s: number, p: number, ep: number): boolean {
    if (s >= this.src.length) return false;
    const c = this.src.charCodeAt(s);
    switch (this.pat[p]) {
      case '.':
        return true;
      case '%':
        return matchClass(c, this.pat.charCodeAt(p + 1));
      case '[':
        return this.matchSet(c, p, ep - 1);
      default:
        return this.pat.charCodeAt(p) === c;
    }
  }

  /** Returns the end index of a match of pattern[p..] at src[s..], or -1. */
  match(s: number, p: number): number {
    if (++this.depth > MAX_DEPTH) throw new PatternError('pattern too complex');
    try {
      return this.doMatch(s, p);
    } finally {
      this.depth--;
    }
  }

  private doMatch(s: number, p: number): number {
    const pat = this.pat;
    const src = this.src;
    for (;;) {
      if (p >= pat.length) return s;
      const c = pat[p];
      if (c === '(') {
        if (pat[p + 1] === ')') return this.startCapture(s, p + 2, CAP_POSITION);
        return this.startCapture(s, p + 1, CAP_UNFINISHED);
      }
      if (c === ')') return this.endCapture(s, p + 1);
      if (c === '$' && p + 1 === pat.length) return s === src.length ? s : -1;
      if (c === '%' && pat[p + 1] === 'b') return this.matchBalance(s, p + 2);
      if (c === '%' && pat[p + 1] === 'f') {
        p += 2;
        if (pat[p] !== '[') throw new PatternError("missing '[' after '%f' in pattern");
        const ep = this.classEnd(p);
        const prev = s === 0 ? 0 : src.charCodeAt(s - 1);
        const cur = s < src.length ? src.charCodeAt(s) : 0;
        if (this.matchSet(prev, p, ep - 1) || !this.matchSet(cur, p, ep - 1)) return -1;
        p = ep;
        continue;
      }
      if (c === '%' && pat[p + 1]! >= '0' && pat[p + 1]! <= '9') {
        s = this.matchCapture(s, pat.charCodeAt(p + 1));
        if (s === -1) return -1;
        p += 2;
        continue;
      }
      const ep = this.classEnd(p);
      const m = this.singleMatch(s, p, ep);
      const q = pat[ep];
      if (q === '?') {
        if (m) {
          const r = this.match(s + 1, ep + 1);
          if (r !== -1) return r;
        }
        p = ep + 1;
        continue;
      }
      if (q === '*') return this.maxExpand(s, p, ep);
      if (q === '+') return m ? this.maxExpand(s + 1, p, ep) : -1;
      if (q === '-') return this.minExpand(s, p, ep);
      if (!m) return -1;
      s++;
      p = ep;
    }
  }

  private maxExpand(s: number, p: number, ep: number): number {
    let i = 0;
    while (this.singleMatch(s + i, p, ep)) i++;
    for (; i >= 0; i--) {
      const r = this.match(s + i, ep + 1);
      if (r !== -1) return r;
    }
    return -1;
  }

  private minExpand(s: number, p: number, ep: number): number {
    for (;;) {
      const r = this.match(s, ep + 1);
      if (r !== -1) return r;
      if (!this.singleMatch(s, p, ep)) return -1;
      s++;
    }
  }

  private startCapture(s: number, p: number, what: number): number {
    if (this.level >= MAX_CAPTURES) throw new PatternError('too many captures');
    this.capStart[this.level] = s;
    this.capLen[this.level] = what;
    this.level++;
    const r = this.match(s, p);
    if (r === -1) this.level--;
    return r;
  }

  private endCapture(s: number, p: number): number {
    let l = -1;
    for (let i = this.level - 1; i >= 0; i--) {
      if (this.capLen[i] === CAP_UNFINISHED) {
        l = i;
        break;
      }
    }
    if (l < 0) throw new PatternError('invalid pattern capture');
    this.capLen[l] = s - this.capStart[l]!;
    const r = this.match(s, p);
    if (r === -1) this.capLen[l] = CAP_UNFINISHED;
    return r;
  }

  private matchBalance(s: number, p: number): number {
    if (p + 1 >= this.pat.length) throw new PatternError('unbalanced pattern');
    const src = this.src;
    const open = this.pat[p];
    const close = this.pat[p + 1];
    if (src[s] !== open) return -1;
    let depth = 1;
    let i = s + 1;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === close) {
        if (--depth === 0) return this.match(i + 1, p + 2);
      } else if (c === open) depth++;
    }
    return -1;
  }

  private matchCapture(s: number, digit: number): number {
    const l = digit - 49;
    if (l < 0 || l >= this.level || this.capLen[l] === CAP_UNFINISHED) {
      throw new PatternError('invalid capture index');
    }
    const len = this.capLen[l]!;
    const cap = this.src.substr(this.capStart[l]!, len);
    if (this.src.length - s >= len && this.src.substr(s, len) === cap) return s + len;
    return -1;
  }

  /** Capture i as a value: a string, or a 1-based position for (). Whole match when there are none. */
  capture(i: number, s: number, e: number): string | number {
    if (i >= this.level) {
      if (i === 0) return this.src.slice(s, e);
      throw new PatternError('invalid capture index');
    }
    const len = this.capLen[i]!;
    if (len === CAP_UNFINISHED) throw new PatternError('unfinished capture');
    if (len === CAP_POSITION) return this.capStart[i]! + 1;
    return this.src.substr(this.capStart[i]!, len);
  }

  captures(s: number, e: number, wholeIfNone: boolean): (string | number)[] {
    const n = this.level === 0 && wholeIfNone ? 1 : this.level;
    const out: (string | number)[] = [];
    for (let i = 0; i < n; i++) out.push(this.capture(i, s, e));
    return out;
  }
}

/** C-locale character classes (ctype.h) for %a %c %d %l %p %s %u %w %x and their complements. */
export function matchClass(c: number, cl: number): boolean {
  let res: boolean;
  const lower = cl | 0x20;
  switch (String.fromCharCode(lower)) {
    case 'a':
      res = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      break;
    case 'c':
      res = c < 32 || c === 127;
      break;
    case 'd':
      res = c >= 48 && c <= 57;
      break;
    case 'l':
      res = c >= 97 && c <= 122;
      break;
    case 'p':
      res = (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
      break;
    case 's':
      res = c === 32 || (c >= 9 && c <= 13);
      break;
    case 'u':
      res = c >= 65 && c <= 90;
      break;
    case 'w':
      res = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      break;
    case 'x':
      res = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
      break;
    case 'z':
      res = c === 0;
      break;
    default:
      return cl === c;
  }
  if (cl >= 65 && cl <= 90) res = !res;
  return res;
}
