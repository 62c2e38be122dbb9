/*
 * Sizes of listpack elements (listpack.c), used to track how many bytes a stream node's listpack
 * would take in Redis. An element is <encoding+data><backlen>; integers take 1, 2, 3, 4, 5 or 9
 * bytes of encoding+data by range, strings a 1, 2 or 5 byte header plus their bytes; backlen takes
 * 1..5 bytes (7 bits each) for the encoding+data length. A string in canonical int64 form
 * (lpStringToInt64: no '+', no leading zeros, no "-0", at most 20 chars) is stored as an integer.
 */
import type { Bytes } from '../../bytes.ts';

/** Listpack header (total bytes + element count) and end byte. */
export const LP_OVERHEAD = 7;

/** Bytes of an integer element (encoding + data + backlen). */
export function lpIntSize(v: number | bigint): number {
  if (typeof v === 'bigint') {
    if (v >= -2147483648n && v <= 2147483647n) return lpIntSize(Number(v));
    return 10;
  }
  if (v >= 0 && v <= 127) return 2;
  if (v >= -4096 && v <= 4095) return 3;
  if (v >= -32768 && v <= 32767) return 4;
  if (v >= -8388608 && v <= 8388607) return 5;
  if (v >= -2147483648 && v <= 2147483647) return 6;
  return 10;
}

function backlenSize(l: number): number {
  return l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
}

/** Bytes of a string element; strings in int64 canonical form are stored as integers (lpStringToInt64). */
export function lpStrSize(b: Bytes): number {
  const n = b.length;
  if (n > 0 && n < 21) {
    const v = asListpackInt(b);
    if (v !== null) return lpIntSize(v);
  }
  const enc = n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
  return enc + backlenSize(enc);
}

/** The integer a listpack stores for these bytes, or null (lpStringToInt64's rules). */
function asListpackInt(b: Bytes): number | bigint | null {
  const n = b.length;
  let i = b[0] === 45 ? 1 : 0;
  if (i === n) return null;
  const d0 = b[i]! - 48;
  if (d0 === 0) return n === 1 ? 0 : null;
  if (d0 < 1 || d0 > 9) return null;
  let v = 0;
  for (; i < n; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  if (n - (b[0] === 45 ? 1 : 0) <= 15) return b[0] === 45 ? -v : v;
  let big = 0n;
  for (let j = b[0] === 45 ? 1 : 0; j < n; j++) big = big * 10n + BigInt(b[j]! - 48);
  if (b[0] === 45) big = -big;
  return big > 9223372036854775807n || big < -9223372036854775808n ? null : big;
}
