import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../bytes.ts';
import { LFU_INIT_VAL, type RValue } from '../server/object.ts';
import { RdbFormatError } from './rdb-io.ts';
import { readRdbFile, writeRdbFile, type RdbFile } from './rdb-file.ts';
import type { RdbLimits } from './rdb-load.ts';

const limits: RdbLimits = {
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
  listMaxListpackSize: -2,
  listCompressDepth: 0,
};
const ctx = { nowMs: 0, randomU16: () => 1, limits };
const str = (s: string): RValue => ({ type: 'string', enc: 'embstr', v: utf8(s), lru: 0, lfu: LFU_INIT_VAL });

/** SET a b in an otherwise empty Redis 7.0.15, as SAVE wrote it (ctime/used-mem as they were). */
const REDIS_FILE =
  '524544495330303130fa0972656469732d76657206372e302e3135fa0a72656469732d62697473c040fa056374696d65c2f1' +
  'bf076bfa08757365642d6d656dc2203f1300fa08616f662d62617365c000fe00fb01000001610162ff14e95c4e5687fe67';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}

describe('RDB files', () => {
  it('round-trips keys, databases, deadlines and access info', () => {
    const file: RdbFile = {
      aux: [['redis-ver', '7.0.15']],
      functions: [utf8('#!lua name=lib\nredis.register_function("f", function() return 1 end)')],
      databases: [
        { index: 0, entries: [{ key: 'a', value: str('1'), expireMs: 1_700_000_000_000, idleSeconds: 5 }] },
        { index: 9, entries: [{ key: 'b', value: str('two'), idleSeconds: 0 }] },
      ],
    };
    const back = readRdbFile(
      writeRdbFile(file, { compression: true, checksum: true, accessInfo: 'lru' }),
      ctx,
    );
    expect(back.aux).toEqual(file.aux);
    expect(back.functions.map(bin)).toEqual(file.functions.map(bin));
    expect(
      back.databases.map((d) => [d.index, d.entries.map((e) => [e.key, e.expireMs, e.idleSeconds])]),
    ).toEqual([
      [0, [['a', 1_700_000_000_000, 5]]],
      [9, [['b', undefined, 0]]],
    ]);
  });

  it('reads a file written by Redis and writes the same bytes back', () => {
    const theirs = hex(REDIS_FILE);
    const file = readRdbFile(theirs, ctx);
    expect(file.databases[0]!.entries[0]!.key).toBe('a');
    expect(writeRdbFile(file, { compression: true, checksum: true, accessInfo: 'none' })).toEqual(theirs);
  });

  it('rejects bad signatures, newer versions and wrong checksums; accepts a zero checksum', () => {
    const good = writeRdbFile(
      { aux: [], functions: [], databases: [] },
      { compression: true, checksum: true, accessInfo: 'none' },
    );
    const bad = (b: Uint8Array) => () => readRdbFile(b, ctx);
    expect(bad(utf8('RADIS0010\xff'))).toThrow(RdbFormatError);
    expect(bad(utf8('REDIS0011\xff'))).toThrow(RdbFormatError);
    const flipped = good.slice();
    flipped[flipped.length - 1] ^= 1;
    expect(bad(flipped)).toThrow(RdbFormatError);
    const unchecked = writeRdbFile(
      { aux: [], functions: [], databases: [] },
      { compression: true, checksum: false, accessInfo: 'none' },
    );
    expect(readRdbFile(unchecked, ctx).databases).toEqual([]);
    expect(bad(good.subarray(0, 9))).toThrow(RdbFormatError);
  });
});
