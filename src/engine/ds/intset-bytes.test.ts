import { describe, expect, it } from 'vitest';
import { decodeIntset, encodeIntset } from './intset-bytes.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}

describe('intset blob', () => {
  it('lays out Redis intsets (SADD s 1 2 3 in Redis 7.0)', () => {
    expect(encodeIntset(2, [1n, 2n, 3n])).toEqual(hex('0200000003000000010002000300'));
  });

  it('round-trips every width, negatives included', () => {
    const cases: [2 | 4 | 8, bigint[]][] = [
      [2, [-32768n, -1n, 0n, 32767n]],
      [4, [-2147483648n, 5n, 2147483647n]],
      [8, [-9223372036854775808n, 0n, 9223372036854775807n]],
    ];
    for (const [w, vals] of cases)
      expect(decodeIntset(encodeIntset(w, vals))).toEqual({ width: w, values: vals });
  });

  it('rejects blobs that break the integrity rules', () => {
    expect(decodeIntset(hex('0300000001000000aaaaaa'))).toBeNull(); // bad width
    expect(decodeIntset(hex('020000000200000001000200ff'))).toBeNull(); // size mismatch
    expect(decodeIntset(hex('0200000000000000'))).toBeNull(); // empty
    expect(decodeIntset(hex('02000000020000000200' + '0100'))).toBeNull(); // out of order
    expect(decodeIntset(hex('0200'))).toBeNull(); // short header
  });
});
