/*
 * Parsing one CONFIG SET value into the canonical text CONFIG GET prints, with Redis 7.0's error texts
 * (config.c's per-type set functions). Returns the canonical string, or { error } with the reason that
 * CONFIG SET appends to "CONFIG SET failed (possibly related to argument '...') - ".
 *
 * Numbers: memory params take k/kb/m/mb/g/gb units (k = 1000, kb = 1024), percent params "N%" (kept
 * as "N%"), the octal param is written in octal; everything else is a strict 64-bit integer. Bounds are
 * checked as Redis does, unsigned for the unsigned C types (so "-1" wraps to 2^64-1 and fails).
 * Multi-argument values are split on single spaces, as sdssplitlen does.
 */
import type { ConfigParam } from './config.ts';
import { parseSpecialValue } from './config-special.ts';

export type Parsed = string | { error: string };

const U64 = 1n << 64n;

export function parseConfigValue(p: ConfigParam, raw: string, current: string): Parsed {
  switch (p.kind) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (v !== 'yes' && v !== 'no') return { error: "argument must be 'yes' or 'no'" };
      return v;
    }
    case 'string':
      return validateString(p.name, raw);
    case 'enum':
      return p.multiArg ? parseFlagsEnum(p, raw.split(' ')) : parseEnum(p, raw);
    case 'int':
    case 'memory':
      return parseNumeric(p, raw);
    case 'special':
      return parseSpecialValue(p.name, raw, current);
  }
}

/** memtoull: digits with an optional unit; no sign. null when it isn't one. */
export function parseMemory(s: string): bigint | null {
  const m = /^([0-9]*)(b|k|kb|m|mb|g|gb)?$/i.exec(s);
  if (!m || (m[1] === '' && m[2] !== undefined)) return null;
  const mul: Record<string, bigint> = {
    b: 1n,
    k: 1000n,
    kb: 1024n,
    m: 1000000n,
    mb: 1048576n,
    g: 1000000000n,
    gb: 1073741824n,
  };
  // strtoull("") is 0 without EINVAL, so an empty value parses as 0 like in Redis.
  const digits = m[1] === '' ? 0n : BigInt(m[1]!);
  if (digits >= U64) return null;
  return (digits * mul[(m[2] ?? 'b').toLowerCase()]!) % U64;
}

function strictInt(s: string): bigint | null {
  if (!/^(0|-?[1-9][0-9]*)$/.test(s)) return null;
  const v = BigInt(s);
  return v > 9223372036854775807n || v < -9223372036854775808n ? null : v;
}

function parseNumeric(p: ConfigParam, raw: string): Parsed {
  let v: bigint | null = null;
  let percent = false;
  if (p.kind === 'memory') v = parseMemory(raw);
  if (v === null && p.percent && raw.length > 1 && raw.endsWith('%')) {
    const n = strictInt(raw.slice(0, -1));
    if (n !== null && n >= 0n) {
      v = -n;
      percent = true;
    }
  }
  if (v === null && p.octal && /^[+-]?[0-7]+$/.test(raw)) v = BigInt('0o' + raw.replace(/^[+-]/, ''));
  if (v === null && p.kind === 'int' && !p.octal) v = strictInt(raw);
  if (v === null) {
    if (p.kind === 'memory' && p.percent) return { error: 'argument must be a memory or percent value' };
    if (p.kind === 'memory') return { error: 'argument must be a memory value' };
    if (p.octal) return { error: "argument couldn't be parsed as an octal number" };
    return { error: "argument couldn't be parsed into an integer" };
  }
  // memtoull yields an unsigned value; the bound check reads it back as a signed long long.
  if (v >= 1n << 63n) v -= U64;
  const bound = checkBounds(p, v);
  if (bound) return { error: bound };
  if (percent) return `${-v}%`;
  if (p.octal) return v.toString(8);
  if (p.kind === 'memory' && v < 0n) return String(v + U64);
  return String(v);
}

function checkBounds(p: ConfigParam, v: bigint): string | null {
  const lo = BigInt(p.min ?? '-9223372036854775808');
  const hi = BigInt(p.max ?? '9223372036854775807');
  if (p.unsigned) {
    const u = v < 0n ? v + U64 : v;
    if (u > hi || u < lo) {
      if (p.octal) return `argument must be between ${lo.toString(8)} and ${hi.toString(8)} inclusive`;
      return `argument must be between ${lo} and ${hi} inclusive`;
    }
    return null;
  }
  if (p.percent && v < 0n) {
    return v < lo ? `percentage argument must be less or equal to ${-lo}` : null;
  }
  if (v > hi || v < lo) return `argument must be between ${lo} and ${hi} inclusive`;
  return null;
}

function enumError(p: ConfigParam): { error: string } {
  return { error: `argument(s) must be one of the following: ${p.values!.join(', ')}` };
}

/** Enum names sharing one value: CONFIG GET shows the first (oom-score-adj "relative" reads "yes"). */
const ENUM_SYNONYMS: Record<string, string> = { relative: 'yes' };

function parseEnum(p: ConfigParam, raw: string): Parsed {
  const v = raw.toLowerCase();
  if (!p.values!.includes(v)) return enumError(p);
  return (p.name === 'oom-score-adj' && ENUM_SYNONYMS[v]) || v;
}

/**
 * Flag sets (shutdown-on-sigint/sigterm): any combination of save|nosave|now|force, or "default" for
 * none; printed in table order.
 */
function parseFlagsEnum(p: ConfigParam, words: string[]): Parsed {
  const flags = new Set<string>();
  for (const w of words) {
    const v = w.toLowerCase();
    if (!p.values!.includes(v)) return enumError(p);
    if (v !== 'default') flags.add(v);
  }
  if (flags.has('save') && flags.has('nosave')) {
    return { error: "shutdown options SAVE and NOSAVE can't be used simultaneously" };
  }
  if (flags.size === 0) return 'default';
  return p.values!.filter((v) => flags.has(v)).join(' ');
}

const PROC_TITLE_VARS = ['{title}', '{listen-addr}', '{server-mode}', '{port}', '{tls-port}', '{unixsocket}'];

function validateString(name: string, raw: string): Parsed {
  const isBaseName = !raw.includes('/');
  switch (name) {
    case 'dbfilename':
      return isBaseName ? raw : { error: "dbfilename can't be a path, just a filename" };
    case 'proc-title-template': {
      let rest = raw;
      for (const v of [...PROC_TITLE_VARS, '{config-file}']) rest = rest.split(v).join('x');
      if (/[{}]/.test(rest) || raw.trim() === '') {
        return { error: 'template format is invalid or contains unknown variables' };
      }
      return raw;
    }
    case 'cluster-announce-hostname':
      if (raw.length >= 256) return { error: 'Hostnames must be less than 256 characters' };
      if (!/^[A-Za-z0-9.-]*$/.test(raw)) {
        return { error: 'Hostnames may only contain alphanumeric characters, hyphens or dots' };
      }
      return raw;
    default:
      return raw;
  }
}
