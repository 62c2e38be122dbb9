import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { sha1, toHex } from './sha1.ts';

describe('sha1', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(toHex(sha1(utf8('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(toHex(sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha1(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(toHex(sha1(utf8('a'.repeat(1_000_000))))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('handles every tail length around the block boundary', () => {
    // 55, 56 and 64 bytes: one tail block, two tail blocks, an exact block plus a padding block.
    expect(toHex(sha1(new Uint8Array(55)))).toBe('8e8832c642a6a38c74c17fc92ccedc266c108e6c');
    expect(toHex(sha1(new Uint8Array(56)))).toBe('9438e360f578e12c0e0e8ed28e2c125c1cefee16');
    expect(toHex(sha1(new Uint8Array(64)))).toBe('c8d7d0ef0eedfa82d2ea1aa592845b9a6d4b02b7');
  });
});
