import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../bytes.ts';
import { decodeListpack, encodeListpack } from './listpack-bytes.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** HSET h a 1 bb -5000 ccc 70000 n 12345678901234 big <64 x> neg -100, as Redis 7.0 DUMPs it. */
const REDIS_HASH =
  '7b0000000c00816102010182626203f178ec038363636304f270110104816e02f4f22fce733a0b00000983626967' +
  '04e040' +
  '78'.repeat(64) +
  '42836e656704df9c02ff';

const FIELDS = [
  'a',
  '1',
  'bb',
  '-5000',
  'ccc',
  '70000',
  'n',
  '12345678901234',
  'big',
  'x'.repeat(64),
  'neg',
  '-100',
];

describe('listpack blob', () => {
  it('builds the same bytes as Redis (hash with every small encoding)', () => {
    expect(encodeListpack(FIELDS.map(utf8))).toEqual(hex(REDIS_HASH));
  });

  it('parses Redis blobs back to the entries as text', () => {
    expect(decodeListpack(hex(REDIS_HASH))!.map(bin)).toEqual(FIELDS);
  });

  it('round-trips integers of every width and strings of every length class', () => {
    const ints = [0n, 127n, 128n, -1n, -4096n, 4095n, -32768n, 32767n, -8388608n, 8388607n, -2147483648n];
    const more = [2147483647n, 2147483648n, -9223372036854775808n, 9223372036854775807n];
    const strings = [
      '',
      'x',
      'y'.repeat(63),
      'z'.repeat(64),
      'w'.repeat(4095),
      'v'.repeat(4096),
      'v'.repeat(20000),
    ];
    const entries = [...ints, ...more].map((n) => utf8(String(n)));
    entries.push(...strings.map(utf8), utf8('007'), utf8('-0'), utf8('+1'), utf8('99999999999999999999'));
    const blob = encodeListpack(entries);
    expect(decodeListpack(blob)).toEqual(entries);
    // bigint entries are stored as integers: the same bytes as their decimal text
    expect(encodeListpack([5000n, -3n])).toEqual(encodeListpack([utf8('5000'), utf8('-3')]));
  });

  it('saturates the header count at 65535', () => {
    const many = Array.from({ length: 70000 }, () => utf8('1'));
    const blob = encodeListpack(many);
    expect(blob[4]).toBe(0xff);
    expect(blob[5]).toBe(0xff);
    expect(decodeListpack(blob)!.length).toBe(70000);
  });

  it('rejects corrupt blobs', () => {
    const good = hex(REDIS_HASH);
    const badTotal = good.slice();
    badTotal[0] = 0x7a;
    expect(decodeListpack(badTotal)).toBeNull();
    const badCount = good.slice();
    badCount[4] = 0x0b;
    expect(decodeListpack(badCount)).toBeNull();
    const badBacklen = good.slice();
    badBacklen[8] = 0x05;
    expect(decodeListpack(badBacklen)).toBeNull();
    const noEof = good.slice();
    noEof[noEof.length - 1] = 0;
    expect(decodeListpack(noEof)).toBeNull();
    expect(decodeListpack(hex('0600000000'))).toBeNull();
  });
});
