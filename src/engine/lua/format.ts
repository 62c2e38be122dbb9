/*
 * string.format as 5.1 implements it on top of C's sprintf: each "%[flags][width][.prec]conv" spec takes
 * one argument. Flags "-+ #0" (no repeats), width and precision at most two digits each. %d %i cast the
 * number to a 64-bit integer; %o %u %x %X print that integer as unsigned (two's complement for negatives,
 * done with BigInt); %e %E %f %g %G format the double; %c a byte; %s the string (tostring'ed numbers);
 * %q a Lua-readable quoted string. We reproduce sprintf's padding and sign rules here.
 */
import { formatG } from '../util/numfmt';
import { checkNumber, checkString } from './lib-base';
import type { LuaState } from './runtime';
import { halfEvenAt, type LuaValue } from './value';

interface Spec {
  flags: string;
  width: number;
  prec: number | undefined;
}

export function luaFormat(st: LuaState, args: LuaValue[]): string {
  const fmt = checkString(st, args, 0);
  let out = '';
  let arg = 0;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i++]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    if (fmt[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    const start = i;
    while (i < fmt.length && '-+ #0'.includes(fmt[i]!)) i++;
    const flags = fmt.slice(start, i);
    if (flags.length > 5 || new Set(flags).size !== flags.length) st.error('invalid format (repeated flags)');
    let w = '';
    while (/[0-9]/.test(fmt[i] ?? '')) w += fmt[i++];
    let prec: number | undefined;
    let p = '';
    if (fmt[i] === '.') {
      i++;
      while (/[0-9]/.test(fmt[i] ?? '')) p += fmt[i++];
      prec = p === '' ? 0 : Number(p);
    }
    if (w.length > 2 || p.length > 2) st.error('invalid format (width or precision too long)');
    const conv = fmt[i++] ?? '';
    arg++;
    if (arg >= args.length) st.argError(arg + 1, 'no value');
    out += formatOne(st, args, arg, conv, { flags, width: w === '' ? 0 : Number(w), prec });
  }
  return out;
}

function formatOne(st: LuaState, args: LuaValue[], arg: number, conv: string, sp: Spec): string {
  switch (conv) {
    case 'c':
      return pad(String.fromCharCode(Math.trunc(checkNumber(st, args, arg)) & 0xff), sp, false);
    case 'd':
    case 'i':
      return formatInt(toInt64(checkNumber(st, args, arg)), 10, false, sp);
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      const v = BigInt.asUintN(64, toInt64(checkNumber(st, args, arg)));
      const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
      return formatInt(v, base, conv === 'X', sp);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      return formatFloat(checkNumber(st, args, arg), conv, sp);
    case 'q':
      return quote(checkString(st, args, arg));
    case 's': {
      let s = checkString(st, args, arg);
      if (sp.prec !== undefined) s = s.slice(0, sp.prec);
      return pad(s, sp, false);
    }
    default:
      st.error(`invalid option '%${conv}' to 'format'`);
  }
}

function toInt64(n: number): bigint {
  if (!Number.isFinite(n)) return -(1n << 63n);
  return BigInt.asIntN(64, BigInt(Math.trunc(n)));
}

function formatInt(v: bigint, base: number, upper: boolean, sp: Spec): string {
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString(base);
  if (upper) digits = digits.toUpperCase();
  if (sp.prec !== undefined) {
    if (sp.prec === 0 && v === 0n) digits = '';
    digits = digits.padStart(sp.prec, '0');
  }
  if (sp.flags.includes('#')) {
    if (base === 8 && !digits.startsWith('0')) digits = '0' + digits;
    if (base === 16 && v !== 0n) digits = (upper ? '0X' : '0x') + digits;
  }
  const sign = neg ? '-' : sp.flags.includes('+') ? '+' : sp.flags.includes(' ') ? ' ' : '';
  return padNumber(sign, digits, sp, sp.prec === undefined);
}

function formatFloat(n: number, conv: string, sp: Spec): string {
  const prec = sp.prec ?? 6;
  const neg = n < 0 || Object.is(n, -0);
  const a = Math.abs(n);
  let body: string;
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? 'nan' : 'inf';
  else if (conv === 'f') body = fixedHalfEven(a, prec);
  else if (conv === 'e' || conv === 'E') body = expForm(halfEvenAt(a, prec + 1).toExponential(prec));
  else body = formatG(halfEvenAt(a, prec === 0 ? 1 : prec), prec === 0 ? 1 : prec);
  if (conv === 'E' || conv === 'G') body = body.toUpperCase();
  const sign =
    neg && !Number.isNaN(n) ? '-' : sp.flags.includes('+') ? '+' : sp.flags.includes(' ') ? ' ' : '';
  return padNumber(sign, body, sp, Number.isFinite(a));
}

/**
 * toFixed rounds exact ties up, glibc to even (2.25 -> "2.2" at one decimal). A tie shows in the exact
 * expansion (toFixed(100) is exact for these magnitudes) as "5" then zeros right after the cut.
 */
function fixedHalfEven(a: number, prec: number): string {
  if (a >= 1e21) return a.toFixed(prec);
  const full = a.toFixed(100);
  const cut = full.indexOf('.') + (prec === 0 ? 0 : prec + 1);
  const tail = full.slice(prec === 0 ? cut + 1 : cut);
  if (!/^50*$/.test(tail)) return a.toFixed(prec);
  const kept = full.slice(0, cut);
  const last = kept.charCodeAt(kept.length - 1) - 48;
  return last % 2 === 0 ? kept : a.toFixed(prec);
}

/** JS "1.5e+2" -> C "1.5e+02". */
function expForm(s: string): string {
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function padNumber(sign: string, digits: string, sp: Spec, zeroOk: boolean): string {
  const len = sign.length + digits.length;
  if (len >= sp.width) return sign + digits;
  if (sp.flags.includes('-')) return (sign + digits).padEnd(sp.width, ' ');
  if (sp.flags.includes('0') && zeroOk) {
    const prefix = /^0[xX]/.test(digits) ? digits.slice(0, 2) : '';
    return sign + prefix + digits.slice(prefix.length).padStart(sp.width - sign.length - prefix.length, '0');
  }
  return (sign + digits).padStart(sp.width, ' ');
}

function pad(s: string, sp: Spec, _numeric: boolean): string {
  if (s.length >= sp.width) return s;
  return sp.flags.includes('-') ? s.padEnd(sp.width, ' ') : s.padStart(sp.width, ' ');
}

function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"' || c === '\\' || c === '\n') out += '\\' + c;
    else if (c === '\r') out += '\\r';
    else if (c === '\0') out += '\\000';
    else out += c;
  }
  return out + '"';
}
