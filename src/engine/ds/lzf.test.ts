import { describe, expect, it } from 'vitest';
import { bytesEqual, utf8 } from '../bytes.ts';
import { SeededRandom } from './prng.ts';
import { lzfCompress, lzfDecompress } from './lzf.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}

describe('lzf', () => {
  it('compresses exactly as Redis 7.0 does (payloads taken from real DUMP output)', () => {
    expect(lzfCompress(utf8('a'.repeat(50)), 46)).toEqual(hex('01616' + '1e025000161' + '61'));
    const text = utf8('hello hello hello hello hello world world world');
    expect(lzfCompress(text, text.length - 4)).toEqual(hex('0668656c6c6f2068e00e0504776f726c64e00105016c64'));
  });

  it('returns null when the output does not fit', () => {
    const noise = utf8('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(lzfCompress(noise, noise.length - 4)).toBeNull();
    expect(lzfCompress(new Uint8Array(0), 10)).toBeNull();
  });

  it('round-trips random data of many shapes', () => {
    const r = new SeededRandom(3);
    for (let t = 0; t < 200; t++) {
      const len = 1 + r.int(5000);
      const alpha = 1 + r.int(8);
      const data = new Uint8Array(len);
      for (let i = 0; i < len; i++)
        data[i] = i > 8 && r.int(3) === 0 ? data[i - 1 - r.int(8)]! : 97 + r.int(alpha);
      const packed = lzfCompress(data, len + 64);
      expect(packed).not.toBeNull();
      expect(bytesEqual(lzfDecompress(packed!, len)!, data)).toBe(true);
    }
  });

  it('rejects corrupt input', () => {
    const packed = lzfCompress(utf8('a'.repeat(50)), 46)!;
    expect(lzfDecompress(packed, 49)).toBeNull(); // would overflow the output
    expect(lzfDecompress(packed.subarray(0, 4), 50)).toBeNull(); // truncated reference
    expect(lzfDecompress(hex('20ff'), 10)).toBeNull(); // reference before the start
    expect(lzfDecompress(hex('05616161'), 10)).toBeNull(); // truncated literal run
  });
});
