/*
 * redis-cli's argument splitting (the rules of sds's sdssplitargs), used on every console line.
 *
 * Rules, as redis-cli applies them:
 * - Blanks between arguments are any C isspace() character; inside an unquoted argument only space,
 *   \n, \r and \t end it.
 * - "Double quotes" understand \n \r \t \b \a, \xHH (two hex digits: one raw byte) and backslash
 *   before any other character (that character itself, so \\ and \" work).
 * - 'Single quotes' understand only \' ; every other character is literal.
 * - Quotes may start in the middle of an argument (a"b c" is one argument `ab c`), but a closing quote
 *   must be followed by a blank or the end of the line. Otherwise, or when a quote is never closed,
 *   the whole line is invalid and redis-cli prints "Invalid argument(s)".
 * Characters become their UTF-8 bytes; only \xHH yields a raw byte, so any binary value can be typed.
 */

const utf8 = new TextEncoder();

/** C isspace(): space, \t, \n, \v, \f, \r. */
export function isCSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

function isHexDigit(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/** Accumulates one argument's bytes; text goes in as UTF-8, \xHH escapes as single raw bytes. */
class ArgBuilder {
  private readonly bytes: number[] = [];
  text(s: string): void {
    for (const b of utf8.encode(s)) this.bytes.push(b);
  }
  raw(b: number): void {
    this.bytes.push(b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** The line as code points. */
type Line = readonly string[];

type Step = { next: number; closed: boolean } | null;

/** Reads inside "double quotes" from index i; returns where to continue, or null on an invalid line. */
function readDoubleQuoted(line: Line, i: number, arg: ArgBuilder): Step {
  const ch = line[i];
  if (ch === undefined) return null; // never closed
  if (ch === '\\' && line[i + 1] === 'x' && isHexDigit(line[i + 2]) && isHexDigit(line[i + 3])) {
    arg.raw(parseInt(line[i + 2]! + line[i + 3]!, 16));
    return { next: i + 4, closed: false };
  }
  if (ch === '\\' && i + 1 < line.length) {
    const e = line[i + 1]!;
    arg.text(escapes[e] ?? e);
    return { next: i + 2, closed: false };
  }
  if (ch === '"') {
    if (i + 1 < line.length && !isCSpace(line[i + 1])) return null;
    return { next: i + 1, closed: true };
  }
  arg.text(ch);
  return { next: i + 1, closed: false };
}

/** Reads inside 'single quotes' from index i; only \' is an escape. */
function readSingleQuoted(line: Line, i: number, arg: ArgBuilder): Step {
  const ch = line[i];
  if (ch === undefined) return null;
  if (ch === '\\' && line[i + 1] === "'") {
    arg.text("'");
    return { next: i + 2, closed: false };
  }
  if (ch === "'") {
    if (i + 1 < line.length && !isCSpace(line[i + 1])) return null;
    return { next: i + 1, closed: true };
  }
  arg.text(ch);
  return { next: i + 1, closed: false };
}

/** Reads one argument starting at i (not a blank); returns its bytes and the index after it. */
function readArg(line: Line, start: number): { arg: Uint8Array; next: number } | null {
  const arg = new ArgBuilder();
  let i = start;
  let quote: '"' | "'" | null = null;
  while (true) {
    if (quote !== null) {
      const step = quote === '"' ? readDoubleQuoted(line, i, arg) : readSingleQuoted(line, i, arg);
      if (step === null) return null;
      i = step.next;
      if (step.closed) return { arg: arg.done(), next: i };
      continue;
    }
    const ch = line[i];
    if (ch === undefined || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') {
      return { arg: arg.done(), next: i + 1 };
    }
    if (ch === '"' || ch === "'") quote = ch;
    else arg.text(ch);
    i++;
  }
}

/**
 * Splits a console line into argument byte strings, or returns null when the line is invalid
 * (unbalanced quotes, or a closing quote glued to more text).
 */
export function splitArgs(text: string): Uint8Array[] | null {
  // Walk code points, not UTF-16 units, so characters outside the BMP (emoji) encode whole.
  const line = Array.from(text);
  const out: Uint8Array[] = [];
  let i = 0;
  while (true) {
    while (i < line.length && isCSpace(line[i])) i++;
    if (i >= line.length) return out;
    const r = readArg(line, i);
    if (r === null) return null;
    out.push(r.arg);
    i = r.next;
  }
}

/** Like splitArgs, but each argument as a binary string (one char per byte): for hints and help. */
export function splitArgsBinary(text: string): string[] | null {
  const args = splitArgs(text);
  return args && args.map((a) => String.fromCharCode(...a));
}
