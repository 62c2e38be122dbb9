import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes.ts';
import { idToString, MAX_ID, MIN_ID, type StreamId } from './id.ts';
import { streamEstimateDistanceFromFirstEverEntry, streamRangeHasTombstones } from './lag.ts';
import { StreamValue } from './model.ts';
import { lpIntSize, lpStrSize } from './node.ts';
import { streamAppend, streamDeleteEntry, streamEdgeId, streamGetEntry, streamRange } from './ops.ts';
import { streamTrim } from './trim.ts';
import { idBytes } from './reply.ts';

const id = (ms: number, seq = 0): StreamId => ({ ms, seq });
const fv = (...s: string[]) => s.map(utf8);
const lim = { maxEntries: 100, maxBytes: 4096 };

function filled(n: number, limits = lim): StreamValue {
  const s = new StreamValue(0);
  for (let i = 1; i <= n; i++) streamAppend(s, id(i), fv('f', String(i)), limits);
  return s;
}

describe('stream model', () => {
  it('writes reply IDs as bytes', () => {
    const text = (ms: number | bigint, seq: number | bigint) => String.fromCharCode(...idBytes({ ms, seq }));
    expect(text(0, 0)).toBe('0-0');
    expect(text(1700000000123, 0)).toBe('1700000000123-0');
    expect(text(1700000000123, 10)).toBe('1700000000123-10');
    expect(text(9, 9007199254740991)).toBe('9-9007199254740991');
    expect(text(18446744073709551615n, 7)).toBe('18446744073709551615-7');
  });

  it('sizes listpack elements as listpack.c encodes them', () => {
    expect(lpIntSize(0)).toBe(2);
    expect(lpIntSize(127)).toBe(2);
    expect(lpIntSize(128)).toBe(3);
    expect(lpIntSize(-4097)).toBe(4);
    expect(lpIntSize(2 ** 40)).toBe(10);
    expect(lpStrSize(utf8('123'))).toBe(2);
    expect(lpStrSize(utf8('0123'))).toBe(6);
    expect(lpStrSize(utf8('-0'))).toBe(4);
    expect(lpStrSize(utf8('x'.repeat(64)))).toBe(67);
    expect(lpStrSize(utf8('x'.repeat(200)))).toBe(204);
  });

  it('splits nodes by entry count and by bytes', () => {
    const s = filled(250);
    expect(s.nodes.size).toBe(3);
    expect(s.nodes.keys().map(idToString)).toEqual(['1-0', '101-0', '201-0']);
    const big = new StreamValue(0);
    for (let i = 1; i <= 10; i++) streamAppend(big, id(i), fv('f', 'x'.repeat(1000)), lim);
    expect(big.nodes.size).toBe(3);
  });

  it('stores entries packed: shared fields, long values, IDs past 2^53', () => {
    const s = new StreamValue(0);
    const long = 'x'.repeat(300);
    streamAppend(s, id(1), fv('a', '1', 'b', long), lim);
    streamAppend(s, id(2), fv('a', '2', 'b', '3'), lim);
    streamAppend(s, id(3), fv('c', long), lim);
    streamAppend(s, { ms: 2n ** 60n, seq: 5 }, fv('a', 'z'), lim);
    const text = streamRange(s, MIN_ID, MAX_ID, false).map(
      (e) =>
        `${idToString(e.id)} ${e.fv.map((b) => (b.length > 20 ? `<${b.length}>` : String.fromCharCode(...b))).join(',')}`,
    );
    expect(text).toEqual(['1-0 a,1,b,<300>', '2-0 a,2,b,3', '3-0 c,<300>', '1152921504606846976-5 a,z']);
    expect(streamGetEntry(s, { ms: 2n ** 60n, seq: 5 })?.fv.length).toBe(2);
    const copy = s.clone(0);
    streamDeleteEntry(s, id(2));
    expect(streamRange(copy, MIN_ID, MAX_ID, false).length).toBe(4);
    expect(streamRange(s, MIN_ID, MAX_ID, false).length).toBe(3);
  });

  it('iterates ranges both ways and deletes entries', () => {
    const s = filled(250);
    expect(streamRange(s, id(99), id(102), false).map((e) => idToString(e.id))).toEqual([
      '99-0',
      '100-0',
      '101-0',
      '102-0',
    ]);
    expect(streamRange(s, MIN_ID, MAX_ID, true, 2).map((e) => idToString(e.id))).toEqual(['250-0', '249-0']);
    expect(streamDeleteEntry(s, id(1))).toBe(true);
    expect(streamDeleteEntry(s, id(1))).toBe(false);
    expect(streamGetEntry(s, id(1))).toBeUndefined();
    expect(idToString(streamEdgeId(s, true))).toBe('2-0');
    expect(s.length).toBe(249);
    for (let i = 201; i <= 250; i++) streamDeleteEntry(s, id(i));
    expect(s.nodes.size).toBe(2);
  });

  it('trims whole nodes when approximate, entries when exact', () => {
    const s = filled(250);
    expect(
      streamTrim(s, { strategy: 'maxlen', maxlen: 120, minid: MIN_ID, approx: true, limit: 10000 }),
    ).toBe(100);
    expect(s.length).toBe(150);
    expect(streamTrim(s, { strategy: 'maxlen', maxlen: 120, minid: MIN_ID, approx: false, limit: 0 })).toBe(
      30,
    );
    expect(idToString(s.firstId)).toBe('131-0');
    expect(streamTrim(s, { strategy: 'minid', maxlen: 0, minid: id(240), approx: false, limit: 0 })).toBe(
      109,
    );
    expect(s.length).toBe(11);
  });

  it('estimates distances and tombstones like Redis', () => {
    const s = filled(10);
    expect(streamEstimateDistanceFromFirstEverEntry(s, id(10))).toBe(10);
    expect(streamEstimateDistanceFromFirstEverEntry(s, id(1))).toBe(1);
    expect(streamEstimateDistanceFromFirstEverEntry(s, id(0, 5))).toBe(0);
    expect(streamEstimateDistanceFromFirstEverEntry(s, id(5))).toBe(-1);
    streamDeleteEntry(s, id(5));
    s.maxDeletedId = id(5);
    expect(streamRangeHasTombstones(s, id(3), null)).toBe(true);
    expect(streamRangeHasTombstones(s, id(6), null)).toBe(false);
  });
});
