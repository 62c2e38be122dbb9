/*
 * LZF (Marc Lehmann's liblzf 3.6, the copy Redis ships in lzf_c.c / lzf_d.c), used by RDB and DUMP to
 * compress strings longer than 20 bytes and by quicklists to compress inner nodes.
 *
 * Compressed format, a sequence of
 *   000LLLLL + L+1 literal bytes                  (1..32 literals)
 *   LLLooooo oooooooo                             back reference of L+2 bytes (L = 1..6)
 *   111ooooo LLLLLLLL oooooooo                    back reference of L+9 bytes
 * where the 13-bit o is the distance minus one from the current output position.
 *
 * The compressor reproduces liblzf's choices exactly, as Redis builds it (HLOG 16, VERY_FAST, no
 * ULTRA_FAST), so our payloads are byte-identical to Redis's:
 *   - a 65536-slot table maps a hash of the next three bytes to the last position seen with it; the
 *     hash is the running 32-bit value h = h << 8 | next byte, indexed by ((h >> 8) - h * 5) & 0xffff;
 *   - a candidate is taken when it is at most 8192 back, is not position 0 (liblzf tests ref > start),
 *     and its first three bytes equal ours; the match then extends up to 264 bytes;
 *   - after a match the two positions before the resume point are (re)hashed, nothing in between;
 *   - `outLen` bounds the output: when the result would not fit, 0 is returned (Redis asks for at most
 *     len - 4 bytes, so "does not compress" is this 0).
 * One deliberate difference: liblzf leaves its table uninitialised (stack garbage, filtered by the
 * distance and byte checks), so in rare cases Redis may find a match that a clean table cannot. Both
 * outputs decompress to the same bytes; only such payloads would differ byte-wise.
 *
 * The decompressor checks every bound: it fails (returns null) on truncated input, on a reference
 * before the start of the output, or when the output would exceed `outLen` bytes.
 */

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

function hashIndex(h: number): number {
  return ((h >>> 8) - Math.imul(h, 5)) & (HSIZE - 1);
}

/** Reused between calls: positions + 1 (0 = empty), reset per call by a generation trick. */
const table = new Int32Array(HSIZE);
const tableGen = new Uint32Array(HSIZE);
let generation = 0;

function slotGet(i: number): number {
  return tableGen[i] === generation ? table[i]! : -1;
}
function slotSet(i: number, pos: number): void {
  table[i] = pos;
  tableGen[i] = generation;
}

/**
 * Where a match of at least 3 bytes at `ref`/`ip` ends (its length in octets), as liblzf's loop finds
 * it: when more than 16 bytes may match, the first 16 further bytes are compared without the `maxLen`
 * bound (liblzf's unrolled step), so near the end of the input a match can run up to 2 bytes past
 * maxLen (never past the input); then byte by byte up to maxLen.
 */
function matchEnd(input: Uint8Array, ref: number, ip: number, maxLen: number): number {
  let len = 2;
  if (maxLen > 16) {
    for (let k = 0; k < 16; k++) {
      len++;
      if (input[ref + len] !== input[ip + len]) return len;
    }
  }
  do len++;
  while (len < maxLen && input[ref + len] === input[ip + len]);
  return len;
}

/**
 * Compresses `input` into at most `outLen` bytes; returns the compressed bytes, or null when they do
 * not fit (liblzf's 0 return).
 */
export function lzfCompress(input: Uint8Array, outLen: number): Uint8Array | null {
  const inLen = input.length;
  if (inLen === 0 || outLen <= 0) return null;
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    tableGen.fill(0);
    generation = 1;
  }
  // Scratch a little larger than outLen: liblzf may step `op` just past the end before failing.
  const out = new Uint8Array(outLen + 4);
  let ip = 0;
  let op = 1; // start a literal run: its length byte is written when the run stops
  let lit = 0;
  let hval = (input[0]! << 8) | (inLen > 1 ? input[1]! : 0);

  while (ip < inLen - 2) {
    hval = ((hval << 8) | input[ip + 2]!) >>> 0;
    const slot = hashIndex(hval);
    const ref = slotGet(slot);
    slotSet(slot, ip);
    const off = ip - ref - 1;
    if (
      ref > 0 &&
      off < MAX_OFF &&
      input[ref + 2] === input[ip + 2] &&
      input[ref] === input[ip] &&
      input[ref + 1] === input[ip + 1]
    ) {
      let len = 2;
      const maxLen = Math.min(inLen - ip - len, MAX_REF);
      if (op + 4 >= outLen && op - (lit === 0 ? 1 : 0) + 4 >= outLen) return null;
      out[op - lit - 1] = lit - 1; // stop the literal run
      if (lit === 0) op--; // an empty run takes no byte
      len = matchEnd(input, ref, ip, maxLen);
      len -= 2; // the length code: octets - 2
      ip++;
      if (len < 7) {
        out[op++] = (off >>> 8) + (len << 5);
      } else {
        out[op++] = (off >>> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start a new literal run
      ip += len + 1;
      if (ip >= inLen - 2) break;
      // Re-hash the two positions just before the resume point (VERY_FAST mode).
      ip -= 2;
      hval = (input[ip]! << 8) | input[ip + 1]!;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      slotSet(hashIndex(hval), ip);
      ip++;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      slotSet(hashIndex(hval), ip);
      ip++;
    } else {
      if (op >= outLen) return null;
      lit++;
      out[op++] = input[ip++]!;
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  if (op + 3 > outLen) return null;
  while (ip < inLen) {
    lit++;
    out[op++] = input[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1;
  if (lit === 0) op--;
  return out.slice(0, op);
}

/**
 * Decompresses `input`, which must expand to at most `outLen` bytes. Returns the output (possibly
 * shorter than outLen; callers compare with the length they expect) or null when the data is corrupt.
 */
export function lzfDecompress(input: Uint8Array, outLen: number): Uint8Array | null {
  const out = new Uint8Array(outLen);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const ctrl = input[ip++]!;
    if (ctrl < 32) {
      const run = ctrl + 1;
      if (op + run > outLen || ip + run > input.length) return null;
      out.set(input.subarray(ip, ip + run), op);
      ip += run;
      op += run;
      continue;
    }
    let len = ctrl >>> 5;
    let ref = op - ((ctrl & 0x1f) << 8) - 1;
    if (ip >= input.length) return null;
    if (len === 7) {
      len += input[ip++]!;
      if (ip >= input.length) return null;
    }
    ref -= input[ip++]!;
    if (op + len + 2 > outLen || ref < 0) return null;
    // Byte by byte: a reference may overlap the bytes it produces (runs).
    for (let k = 0; k < len + 2; k++) out[op++] = out[ref++]!;
  }
  return op === outLen ? out : out.slice(0, op);
}
