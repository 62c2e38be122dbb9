/*
 * The AOF manifest of Redis 7.0's multi-part AOF: which files, in `appenddirname`, make up the
 * append-only file. One line per file, `file <name> seq <n> type <b|h|i>\n`: the base first, then
 * history files (left over from a rewrite, deleted right after), then the incr files in sequence
 * order. Names follow `<appendfilename>.<seq>.base.rdb|.aof` and `<appendfilename>.<seq>.incr.aof`.
 * Names that need quoting (spaces, control bytes) are written in Redis's repr form ("..." with
 * escapes) and read back with sdssplitargs rules.
 *
 * Parsing is strict like aofLoadManifestFromFile: any bad line is a fatal error whose text is
 * Redis's; the caller logs it with the line and stops the server.
 */

export type AofFileType = 'b' | 'h' | 'i';

export interface AofFileInfo {
  name: string;
  seq: number;
  type: AofFileType;
}

export interface AofManifest {
  base: AofFileInfo | null;
  history: AofFileInfo[];
  incr: AofFileInfo[];
  currBaseSeq: number;
  currIncrSeq: number;
}

export function emptyManifest(): AofManifest {
  return { base: null, history: [], incr: [], currBaseSeq: 0, currIncrSeq: 0 };
}

export function cloneManifest(m: AofManifest): AofManifest {
  return {
    base: m.base ? { ...m.base } : null,
    history: m.history.map((f) => ({ ...f })),
    incr: m.incr.map((f) => ({ ...f })),
    currBaseSeq: m.currBaseSeq,
    currIncrSeq: m.currIncrSeq,
  };
}

/** sdsneedsrepr: a name with quotes, backslashes, spaces or non-printable bytes is quoted. */
function needsRepr(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c || c === 0x22 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x07 || c === 0x08)
      return true;
    if (c < 0x20 || c > 0x7e || c === 0x20) return true;
  }
  return false;
}

/** sdscatrepr of a binary string. */
function repr(s: string): string {
  const esc: Record<string, string> = {
    '\\': '\\\\',
    '"': '\\"',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\x07': '\\a',
    '\b': '\\b',
  };
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (esc[ch] !== undefined) out += esc[ch];
    else if (c >= 0x20 && c <= 0x7e) out += ch;
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}

function formatLine(f: AofFileInfo): string {
  return `file ${needsRepr(f.name) ? repr(f.name) : f.name} seq ${f.seq} type ${f.type}\n`;
}

/** getAofManifestAsString. */
export function formatManifest(m: AofManifest): string {
  let out = m.base ? formatLine(m.base) : '';
  for (const f of m.history) out += formatLine(f);
  for (const f of m.incr) out += formatLine(f);
  return out;
}

export class ManifestError extends Error {
  constructor(
    message: string,
    readonly line: string | null,
    readonly lineNumber: number,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/** A quoted word from line[i] (the opening quote): [text, index after it], or null if malformed. */
function quotedWord(line: string, start: number): [string, number] | null {
  const quote = line[start]!;
  let cur = '';
  for (let i = start + 1; i < line.length; i++) {
    const ch = line[i]!;
    const hex = line.slice(i + 2, i + 4);
    if (quote === '"' && ch === '\\' && line[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      cur += String.fromCharCode(parseInt(hex, 16));
      i += 3;
    } else if (quote === '"' && ch === '\\' && i + 1 < line.length) {
      const e = line[++i]!;
      cur += ESCAPES[e] ?? e;
    } else if (quote === "'" && ch === '\\' && line[i + 1] === "'") {
      cur += "'";
      i++;
    } else if (ch === quote) {
      // A closing quote must be followed by a blank or the end of the line.
      return i + 1 < line.length && !isSpace(line[i + 1]) ? null : [cur, i + 1];
    } else cur += ch;
  }
  return null;
}

/** sdssplitargs: words separated by blanks, "double" (with escapes) or 'single' quoted. */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (isSpace(line[i])) i++;
    if (i >= line.length) return out;
    if (line[i] === '"' || line[i] === "'") {
      const q = quotedWord(line, i);
      if (q === null) return null;
      out.push(q[0]);
      i = q[1];
      continue;
    }
    const start = i;
    while (i < line.length && !isSpace(line[i]) && line[i] !== '"' && line[i] !== "'") i++;
    out.push(line.slice(start, i));
  }
}

const INVALID = 'Invalid AOF manifest file format';

/** aofLoadManifestFromFile over the file's text (a binary string). Throws ManifestError. */
export function parseManifest(text: string): AofManifest {
  const m = emptyManifest();
  let maxSeq = 0;
  const lines = text.split(/(?<=\n)/);
  if (text.length === 0) throw new ManifestError('Found an empty AOF manifest', null, 0);
  let lineNumber = 0;
  for (const raw of lines) {
    lineNumber++;
    if (raw.startsWith('#')) continue;
    if (!raw.endsWith('\n') || raw.length > 1025) {
      throw new ManifestError('The AOF manifest file contains too long line', null, lineNumber);
    }
    const line = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    const fail = (msg: string): never => {
      throw new ManifestError(msg, line, lineNumber);
    };
    if (line.length === 0) fail(INVALID);
    const argv = splitArgs(line);
    if (argv === null || argv.length < 6 || argv.length % 2 !== 0) fail(INVALID);
    const info = { name: '', seq: 0, type: '' };
    for (let i = 0; i < argv!.length; i += 2) {
      const k = argv![i]!.toLowerCase();
      const v = argv![i + 1]!;
      if (k === 'file') {
        info.name = v;
        if (v.includes('/')) fail("File can't be a path, just a filename");
      } else if (k === 'seq') info.seq = atoll(v);
      else if (k === 'type') info.type = v[0] ?? '';
    }
    if (info.name === '' || info.seq === 0 || info.type === '') fail(INVALID);
    const f = info as AofFileInfo;
    if (f.type === 'b') {
      if (m.base) fail('Found duplicate base file information');
      m.base = f;
      m.currBaseSeq = f.seq;
    } else if (f.type === 'h') {
      m.history.push(f);
    } else if (f.type === 'i') {
      if (f.seq <= maxSeq) fail('Found a non-monotonic sequence number');
      m.incr.push(f);
      m.currIncrSeq = f.seq;
      maxSeq = f.seq;
    } else fail('Unknown AOF file type');
  }
  return m;
}

/** atoll: leading blanks, sign, digits; anything else stops the number. */
function atoll(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** getNewBaseFileNameAndMarkPreAsHistory: the next base file; the old one becomes history. */
export function newBaseFile(m: AofManifest, appendFilename: string, rdbPreamble: boolean): AofFileInfo {
  if (m.base) {
    m.base.type = 'h';
    m.history.unshift(m.base);
  }
  const seq = ++m.currBaseSeq;
  m.base = { name: `${appendFilename}.${seq}.base.${rdbPreamble ? 'rdb' : 'aof'}`, seq, type: 'b' };
  return m.base;
}

/** getNewIncrAofName: the next incr file, appended to the list. */
export function newIncrFile(m: AofManifest, appendFilename: string): AofFileInfo {
  const seq = ++m.currIncrSeq;
  const f: AofFileInfo = { name: `${appendFilename}.${seq}.incr.aof`, seq, type: 'i' };
  m.incr.push(f);
  return f;
}

/** markRewrittenIncrAofAsHistory: every incr file but the one being written (if any) becomes history. */
export function markIncrAsHistory(m: AofManifest, keepLast: boolean): void {
  const keep = keepLast && m.incr.length > 0 ? [m.incr[m.incr.length - 1]!] : [];
  const old = keepLast ? m.incr.slice(0, -1) : m.incr;
  for (let i = old.length - 1; i >= 0; i--) m.history.unshift({ ...old[i]!, type: 'h' });
  m.incr = keep;
}
