/*
 * BY / GET pattern lookups (Redis's lookupKeyByPattern in sort.c).
 *
 *   "#"             the element itself (only the pattern that is exactly '#', or '#' then a NUL byte);
 *   "w_*"           the first '*' is replaced by the element; the key must hold a string;
 *   "h_*->field"    the text after the first "->" following the '*' names a field of the hash
 *                   stored at the substituted key (an empty field name means no hash lookup).
 * A pattern without '*' finds nothing. Missing keys, wrong types and missing fields all give null.
 *
 * Redis scans the pattern as a C string: '*' and "->" are only looked for before the first NUL byte,
 * while the pieces copied around them use the full length. The key is read with lookupKeyRead, so
 * every lookup counts as a keyspace hit or miss (and a miss fires "keymiss"), as in Redis.
 */
import { bin, type Bytes, concatBytes } from '../../bytes.ts';
import type { Client } from '../../server/client.ts';
import { readKey } from '../strings/value.ts';

const STAR = 42;
const HASH_SIGN = 35;
const DASH = 45;
const GT = 62;

/** Length of `b` as a C string: up to the first NUL byte. */
export function cLength(b: Bytes): number {
  const nul = b.indexOf(0);
  return nul < 0 ? b.length : nul;
}

/** strchr(pattern, '*') != NULL: does the pattern substitute anything? */
export function hasStar(pattern: Bytes): boolean {
  const star = pattern.indexOf(STAR);
  return star >= 0 && star < cLength(pattern);
}

function isSelfPattern(p: Bytes): boolean {
  return p.length >= 1 && p[0] === HASH_SIGN && (p.length === 1 || p[1] === 0);
}

/** Position of the "->" that starts a hash field name after `from`, or -1 (strstr on the C string). */
function arrowAfter(p: Bytes, from: number): number {
  const limit = cLength(p);
  for (let i = from; i + 1 < limit; i++) {
    if (p[i] === DASH && p[i + 1] === GT) return i;
  }
  return -1;
}

/** The value a BY/GET pattern designates for `element`, or null when there is none. */
export function lookupByPattern(c: Client, pattern: Bytes, element: Bytes): Bytes | null {
  if (isSelfPattern(pattern)) return element;
  if (!hasStar(pattern)) return null;
  const star = pattern.indexOf(STAR);
  let arrow = arrowAfter(pattern, star + 1);
  // "->" at the very end, or followed by a NUL byte, names no field.
  if (arrow >= 0 && !(arrow + 2 < pattern.length && pattern[arrow + 2] !== 0)) arrow = -1;
  const keyEnd = arrow >= 0 ? arrow : pattern.length;
  const key = concatBytes([pattern.subarray(0, star), element, pattern.subarray(star + 1, keyEnd)]);
  const o = readKey(c, bin(key));
  if (o === undefined) return null;
  if (arrow >= 0) {
    if (o.type !== 'hash') return null;
    return o.fields.get(bin(pattern.subarray(arrow + 2))) ?? null;
  }
  return o.type === 'string' ? o.v : null;
}
