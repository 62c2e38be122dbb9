/*
 * Script flags and the "#!" first line that declares them (Redis 7.0's evalExtractShebangFlags and
 * functionExtractLibMetaData).
 *
 * EVAL bodies: a body starting with "#!" must have a newline; its first line is split like a Redis
 * config line (sdssplitargs: blanks separate, "..." and '...' quote), the first word must be exactly
 * "#!lua", and the other words may only be flags=<comma list> of the known flag names (case-sensitive).
 * A body without a shebang runs in "eval compatibility mode" (EVAL_COMPAT): no flags, the historical
 * checks. The shebang line itself is blanked from the compiled source but its newline is kept so line
 * numbers in errors stay those of the user's text.
 *
 * FUNCTION LOAD payloads: "#!<engine> name=<library>" is mandatory (name= is case-insensitive here).
 */

export const SCRIPT_FLAG_NO_WRITES = 1 << 0;
export const SCRIPT_FLAG_ALLOW_OOM = 1 << 1;
export const SCRIPT_FLAG_ALLOW_STALE = 1 << 2;
export const SCRIPT_FLAG_NO_CLUSTER = 1 << 3;
export const SCRIPT_FLAG_EVAL_COMPAT = 1 << 4;
export const SCRIPT_FLAG_ALLOW_CROSS_SLOT = 1 << 5;

/** Declared flag names in Redis's table order (FUNCTION LIST prints them in this order). */
export const SCRIPT_FLAG_NAMES: readonly [number, string][] = [
  [SCRIPT_FLAG_NO_WRITES, 'no-writes'],
  [SCRIPT_FLAG_ALLOW_OOM, 'allow-oom'],
  [SCRIPT_FLAG_ALLOW_STALE, 'allow-stale'],
  [SCRIPT_FLAG_NO_CLUSTER, 'no-cluster'],
  [SCRIPT_FLAG_ALLOW_CROSS_SLOT, 'allow-cross-slot-keys'],
];

export type ShebangResult = { flags: number; shebangLength: number } | { error: string };

/** Parses an EVAL body's optional shebang (binary string in, binary strings out). */
export function parseEvalShebang(body: string): ShebangResult {
  if (!body.startsWith('#!')) return { flags: SCRIPT_FLAG_EVAL_COMPAT, shebangLength: 0 };
  const end = body.indexOf('\n');
  if (end < 0) return { error: 'Invalid script shebang' };
  const parts = splitArgs(body.slice(0, end));
  if (parts === null || parts.length === 0) return { error: 'Invalid engine in script shebang' };
  if (parts[0] !== '#!lua') return { error: `Unexpected engine in script shebang: ${parts[0]}` };
  let flags = 0;
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return { error: `Unknown lua shebang option: ${part}` };
    const list = part.slice(6);
    // sdssplitlen of an empty string yields no elements: "flags=" declares no flag.
    if (list === '') continue;
    for (const name of list.split(',')) {
      const known = SCRIPT_FLAG_NAMES.find(([, n]) => n === name);
      if (!known) return { error: `Unexpected flag in script shebang: ${name}` };
      flags |= known[0];
    }
  }
  return { flags, shebangLength: end };
}

export interface LibraryMetadata {
  engine: string;
  name: string;
  /** The code after the shebang line, starting with its newline. */
  code: string;
}

/** FUNCTION LOAD's "#!lua name=<lib>" header. */
export function parseLibraryMetadata(payload: string): LibraryMetadata | { error: string } {
  if (!payload.startsWith('#!')) return { error: 'Missing library metadata' };
  const end = payload.indexOf('\n');
  if (end < 0) return { error: 'Invalid library metadata' };
  const parts = splitArgs(payload.slice(0, end));
  if (parts === null || parts.length === 0) return { error: 'Invalid library metadata' };
  let name: string | undefined;
  for (const part of parts.slice(1)) {
    if (part.slice(0, 5).toLowerCase() === 'name=') {
      if (name !== undefined)
        return { error: 'Invalid metadata value, name argument was given multiple times' };
      name = part.slice(5);
      continue;
    }
    return { error: `Invalid metadata value given: ${part}` };
  }
  if (name === undefined) return { error: 'Library name was not given' };
  return { engine: parts[0]!.slice(2), name, code: payload.slice(end) };
}

/** Letters, digits and underscores, at least one (library and function names). */
export function validName(name: string): boolean {
  return /^[a-zA-Z0-9_]+$/.test(name);
}

const HEX = /^[0-9a-fA-F]{2}$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/**
 * sdssplitargs: words separated by blanks; "double quotes" understand \xHH and C escapes, 'single
 * quotes' only \'; a closing quote must be followed by a blank or the end. null on unbalanced quotes.
 */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && ' \n\r\t\v\f'.includes(line[i]!)) i++;
    if (i >= n) return out;
    let cur = '';
    let quote: '"' | "'" | '' = '';
    for (;;) {
      const ch = line[i];
      if (quote === '') {
        if (ch === undefined || ' \n\r\t\v\f'.includes(ch)) break;
        if (ch === '"' || ch === "'") quote = ch;
        else cur += ch;
        i++;
        continue;
      }
      if (ch === undefined) return null;
      if (ch === quote) {
        i++;
        if (i < n && !' \n\r\t\v\f'.includes(line[i]!)) return null;
        break;
      }
      if (ch === '\\' && quote === '"' && line[i + 1] === 'x' && HEX.test(line.slice(i + 2, i + 4))) {
        cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
        i += 4;
      } else if (ch === '\\' && i + 1 < n && (quote === '"' || line[i + 1] === "'")) {
        const e = line[i + 1]!;
        cur += quote === '"' ? (ESCAPES[e] ?? e) : e;
        i += 2;
      } else {
        cur += ch;
        i++;
      }
    }
    out.push(cur);
  }
}
