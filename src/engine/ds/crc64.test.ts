import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { crc64, crc64LE, crc64Update } from './crc64.ts';

describe('crc64 (Jones, reflected)', () => {
  it('gives the check value of Redis crc64.c', () => {
    expect(crc64(utf8('123456789'))).toBe(0xe9c6d914c4b8d9can);
  });

  it('is 0 for empty input and little endian in the trailer form', () => {
    expect(crc64(new Uint8Array(0))).toBe(0n);
    const le = crc64LE(utf8('123456789'));
    expect([...le]).toEqual([0xca, 0xd9, 0xb8, 0xc4, 0x14, 0xd9, 0xc6, 0xe9]);
  });

  it('gives the trailer real Redis 7.0 puts on DUMP of "bar"', () => {
    const body = Uint8Array.from([0x00, 0x03, 0x62, 0x61, 0x72, 0x0a, 0x00]);
    expect([...crc64LE(body)]).toEqual([0xe6, 0xbe, 0x49, 0x60, 0xee, 0x66, 0xfd, 0x17]);
  });

  it('can be computed in pieces', () => {
    const data = utf8('hello world, a longer piece of text');
    const s = crc64Update({ hi: 0, lo: 0 }, data.subarray(0, 7));
    crc64Update(s, data.subarray(7));
    expect((BigInt(s.hi) << 32n) | BigInt(s.lo)).toBe(crc64(data));
  });
});
