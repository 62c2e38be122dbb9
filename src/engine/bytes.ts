/*
 * Byte strings. Redis is binary safe: keys, values, fields and members are arbitrary bytes. Values travel
 * as Uint8Array. Where a hashable or comparable form is needed (dictionary keys, error texts, simple
 * strings) we use a "binary string": a JS string whose every char code is one byte (0..255). That form
 * loses nothing, unlike UTF-8 decoding, and V8 stores it compactly as a one-byte string.
 */

export type Bytes = Uint8Array;

export const EMPTY: Bytes = new Uint8Array(0);

/** Bytes -> binary string (one char per byte). */
export function bin(b: Bytes): string {
  const n = b.length;
  // One native call builds a flat string: faster than concatenation (which makes cons strings that
  // must be flattened again before hashing), and this is on every command's key path.
  if (n <= 8192) return String.fromCharCode.apply(null, b as unknown as number[]);
  let s = '';
  for (let i = 0; i < n; i += 8192) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  }
  return s;
}

/** Binary string -> bytes (char codes are taken modulo 256). */
export function unbin(s: string): Bytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** JS text -> UTF-8 bytes (for messages and literals written in our code). */
export function utf8(s: string): Bytes {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return unbin(s);
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** JS text -> binary string of its UTF-8 bytes. */
export function utf8bin(s: string): string {
  return bin(utf8(s));
}

export function bytesEqual(a: Bytes, b: Bytes): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** memcmp-style comparison, shorter prefix first (Redis's sdscmp / binary-safe ordering). */
export function compareBytes(a: Bytes, b: Bytes): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function concatBytes(parts: Bytes[]): Bytes {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** ASCII case-insensitive equality of bytes with a lowercase ASCII literal. */
export function eqIgnoreCase(b: Bytes, lower: string): boolean {
  if (b.length !== lower.length) return false;
  for (let i = 0; i < b.length; i++) {
    let c = b[i]!;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Lowercased binary string of ASCII bytes (command names, option keywords). */
export function lowerBin(b: Bytes): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    let c = b[i]!;
    if (c >= 65 && c <= 90) c += 32;
    s += String.fromCharCode(c);
  }
  return s;
}
