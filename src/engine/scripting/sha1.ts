/*
 * SHA-1 (FIPS 180-4) in pure TypeScript, for script identifiers: EVAL caches a script under the hex
 * digest of its body, EVALSHA and SCRIPT EXISTS look it up, redis.sha1hex() exposes it to Lua.
 *
 * The message is padded with 0x80, zeros, and its bit length as a 64-bit big-endian number so the total
 * is a multiple of 64 bytes; each 64-byte block expands to 80 words and runs 80 rounds over the five
 * state words. All arithmetic is on 32-bit words (`| 0`, `>>> 0`).
 */

export function sha1(data: Uint8Array): Uint8Array {
  const total = ((data.length + 8) >>> 6) * 64 + 64;
  const msg = new Uint8Array(total);
  msg.set(data);
  msg[data.length] = 0x80;
  const bits = data.length * 8;
  const view = new DataView(msg.buffer);
  view.setUint32(total - 8, Math.floor(bits / 0x100000000));
  view.setUint32(total - 4, bits >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Int32Array(80);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    compress(h, w);
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 5; i++) ov.setUint32(i * 4, h[i]! >>> 0);
  return out;
}

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

/** The 80 rounds of one block over state `h` (mutated in place). */
function compress(h: number[], w: Int32Array): void {
  let [a, b, c, d, e] = h as [number, number, number, number, number];
  for (let i = 0; i < 80; i++) {
    let f: number;
    let k: number;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = t;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
}

/** Lowercase hex digest of bytes. */
export function sha1Hex(data: Uint8Array): string {
  let s = '';
  for (const b of sha1(data)) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Hex digest of a binary string (one char per byte, bytes.ts's convention). */
export function sha1HexBin(s: string): string {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return sha1Hex(b);
}
