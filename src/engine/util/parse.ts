/*
 * Integer parsing exactly as Redis's string2ll(): optional '-', then digits with no leading zero (bare
 * "0" excepted), no '+', no spaces, no other characters, and within the signed 64-bit range. Anything
 * else is "not an integer" and the caller answers its own error text.
 */
import type { Bytes } from '../bytes.ts';
import { E, fail } from '../server/errors.ts';

const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;

/** Parses a signed 64-bit integer in Redis's strict form; null when it isn't one. */
export function parseI64(b: Bytes): bigint | null {
  const n = b.length;
  if (n === 0 || n > 20) return null;
  let i = 0;
  const neg = b[0] === 45;
  if (neg) {
    i = 1;
    if (n === 1) return null;
  }
  if (b[i] === 48) return n === i + 1 && !neg ? 0n : null;
  if (n - i <= 15) {
    let v = 0;
    for (; i < n; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return null;
      v = v * 10 + d;
    }
    return BigInt(neg ? -v : v);
  }
  let v = 0n;
  for (; i < n; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10n + BigInt(d);
  }
  if (neg) v = -v;
  return v > I64_MAX || v < I64_MIN ? null : v;
}

/**
 * Parses a signed 64-bit integer and returns it as a JS number (exact up to 2^53, which covers every
 * length, index and count a node can hold). null when it isn't one.
 */
export function parseI64Num(b: Bytes): number | null {
  const n = b.length;
  if (n > 0 && n <= 15) {
    let i = 0;
    const neg = b[0] === 45;
    if (neg) {
      if (n === 1) return null;
      i = 1;
    }
    if (b[i] === 48) return n === i + 1 && !neg ? 0 : null;
    let v = 0;
    for (; i < n; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return null;
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }
  const big = parseI64(b);
  return big === null ? null : Number(big);
}

/** Like parseI64Num but answers "ERR value is not an integer or out of range" (or `msg`) itself. */
export function intArg(b: Bytes, msg: string = E.notInt): number {
  const v = parseI64Num(b);
  if (v === null) fail(msg);
  return v;
}

/** Like parseI64 but answers the error itself. */
export function bigIntArg(b: Bytes, msg: string = E.notInt): bigint {
  const v = parseI64(b);
  if (v === null) fail(msg);
  return v;
}
