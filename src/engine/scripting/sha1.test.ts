import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { sha1Hex, sha1HexBin } from './sha1';

describe('sha1', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha1Hex(utf8(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex(utf8('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(sha1Hex(new Uint8Array(1000000).fill(0x61))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('hashes script bodies as Redis does', () => {
    expect(sha1HexBin('return 1')).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
    for (let n = 50; n < 70; n++) expect(sha1HexBin('x'.repeat(n))).toHaveLength(40);
  });
});
