/*
 * Reply rendering exactly as interactive redis-cli 7 prints it (its "TTY" output mode).
 *
 * Output is a binary string (one char per byte) so it can be compared byte for byte with redis-cli and
 * handed to the terminal as raw bytes: status, error and verbatim texts go out unchanged (the terminal
 * decodes UTF-8, as a real one does), bulk strings are quoted like sds's sdscatrepr.
 *
 * Aggregates: every element gets a right-aligned 1-based index as wide as the largest index, then ")"
 * (arrays, pushes), "~" (sets) or "#" (maps, counting pairs). Nested elements are indented by the
 * parent's prefix plus (index width + 2) spaces; the first line of a nested aggregate continues on its
 * parent's index line. A map value goes after " => " on the key's line, unless the value spans several
 * lines, in which case it starts on a new, indented line.
 */
import type { WireReply } from '../../protocol/reply.ts';
import { formatDouble17g } from './numfmt.ts';

/** sdscatrepr: quote bytes, escaping \\ \" \n \r \t \a \b, and \xHH for anything not printable ASCII. */
export function quoteBytes(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x5c || b === 0x22) out += '\\' + String.fromCharCode(b);
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x07) out += '\\a';
    else if (b === 0x08) out += '\\b';
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out + '"';
}

function bytesToBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

/** Renders one reply; the result always ends with "\n". */
export function formatReply(r: WireReply, prefix = ''): string {
  switch (r.t) {
    case 'error':
      return `(error) ${r.s}\n`;
    case 'simple':
      return `${r.s}\n`;
    case 'int':
      return `(integer) ${r.n.toString()}\n`;
    case 'double':
      return `(double) ${r.s ?? formatDouble17g(r.d)}\n`;
    case 'bulk':
      return quoteBytes(r.b) + '\n';
    case 'verbatim':
      return bytesToBinary(r.b) + '\n';
    case 'nil':
    case 'nilarray':
      return '(nil)\n';
    case 'bool':
      return r.v ? '(true)\n' : '(false)\n';
    case 'bignum':
      return `(big number) ${r.s}\n`;
    case 'array':
    case 'set':
    case 'push':
      return formatSequence(r.t, r.a, prefix);
    case 'map':
      return formatMap(r.m, prefix);
  }
}

const emptyText = { array: '(empty array)\n', set: '(empty set)\n', push: '(empty push)\n' };

/** Digits of the largest 1-based index. */
function indexWidth(count: number): number {
  return String(count).length;
}

function formatSequence(kind: 'array' | 'set' | 'push', items: readonly WireReply[], prefix: string): string {
  if (items.length === 0) return emptyText[kind];
  const width = indexWidth(items.length);
  const childPrefix = prefix + ' '.repeat(width + 2);
  const sep = kind === 'set' ? '~' : ')';
  let out = '';
  items.forEach((item, i) => {
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}${sep} `;
    out += formatReply(item, childPrefix);
  });
  return out;
}

/** redis-cli's test for "this value will take more than one line". */
function isMultiline(r: WireReply): boolean {
  if (r.t === 'array' || r.t === 'set' || r.t === 'push') {
    return r.a.length > 1 || (r.a.length === 1 && isMultiline(r.a[0]!));
  }
  if (r.t === 'map') return r.m.length > 1 || (r.m.length === 1 && isMultiline(r.m[0]![1]));
  return false;
}

function formatMap(pairs: readonly (readonly [WireReply, WireReply])[], prefix: string): string {
  if (pairs.length === 0) return '(empty hash)\n';
  const width = indexWidth(pairs.length);
  const childPrefix = prefix + ' '.repeat(width + 2);
  let out = '';
  pairs.forEach(([key, value], i) => {
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}# `;
    out += formatReply(key, childPrefix).slice(0, -1) + ' => ';
    if (isMultiline(value)) out += '\n' + childPrefix;
    out += formatReply(value, childPrefix);
  });
  return out;
}

/** RESP3 client-side-caching invalidation push: redis-cli prints it on one line. */
export function isInvalidatePush(r: WireReply): boolean {
  if (r.t !== 'push' || r.a.length !== 2) return false;
  const [kind, keys] = r.a as [WireReply, WireReply];
  return kind.t === 'bulk' && bytesToBinary(kind.b).startsWith('invalidate') && keys.t === 'array';
}

export function formatInvalidate(r: WireReply): string {
  if (r.t !== 'push') return formatReply(r);
  const keys = r.a[1]!.t === 'array' ? r.a[1]!.a : [];
  const names = keys.map((k) => `'${k.t === 'bulk' ? bytesToBinary(k.b) : ''}'`);
  return `-> invalidate: ${names.join(', ')}\n`;
}

/** A push as redis-cli's push handler shows it. */
export function formatPush(r: WireReply): string {
  return isInvalidatePush(r) ? formatInvalidate(r) : formatReply(r);
}
