import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../bytes.ts';
import { decodeZiplist, encodeZiplist } from './ziplist-bytes.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(
    s
      .replace(/ /g, '')
      .match(/../g)!
      .map((h) => parseInt(h, 16)),
  );
}

describe('ziplist blob', () => {
  it('matches the layout documented in ziplist.c (the list "2", "5")', () => {
    const blob = hex('0f000000 0c000000 0200 00f3 02f6 ff');
    expect(encodeZiplist([utf8('2'), utf8('5')])).toEqual(blob);
    expect(decodeZiplist(blob)!.map(bin)).toEqual(['2', '5']);
  });

  it('round-trips every integer width and string length class', () => {
    const values = ['0', '12', '13', '-1', '127', '-129', '32767', '8388607', '-8388609', '2147483648'];
    values.push(
      '-9223372036854775808',
      '',
      'hello',
      'x'.repeat(63),
      'y'.repeat(64),
      'z'.repeat(16384),
      '007',
    );
    values.push('w'.repeat(300), 'after a big one');
    const entries = values.map(utf8);
    expect(decodeZiplist(encodeZiplist(entries))!.map(bin)).toEqual(values);
  });

  it('rejects corrupt blobs', () => {
    const good = encodeZiplist(['a', 'bb', '7'].map(utf8));
    const badPrev = good.slice();
    badPrev[13] = 9;
    expect(decodeZiplist(badPrev)).toBeNull();
    const badTail = good.slice();
    badTail[4] = 11;
    expect(decodeZiplist(badTail)).toBeNull();
    const badCount = good.slice();
    badCount[8] = 2;
    expect(decodeZiplist(badCount)).toBeNull();
    expect(decodeZiplist(good.subarray(0, good.length - 1))).toBeNull();
  });
});
