/*
 * Differential tests of the bitmap commands against a real redis-server: hand cases for every
 * command, option and error text (with dirty counts, keyspace events, hit/miss counters and encodings),
 * then a seeded random sequence of SETBIT / BITFIELD / BITCOUNT / BITPOS / BITOP on a few keys, with
 * the strings compared byte for byte along the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { diffSeed, useDifferential } from './harness.ts';
import {
  batchCheck,
  checkEncoding,
  EventRecorder,
  makeNonString,
  resetBoth,
  type Cmd,
} from './strings-helpers.ts';

describe('differential bitmaps', () => {
  const d = useDifferential('bitmaps');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = (label: string, cmds: Cmd[]): Promise<void> => batchCheck(d, events, label, cmds);

  it('SETBIT and GETBIT', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('setbit', [
      ['SETBIT', 'b', '7', '1'],
      ['SETBIT', 'b', '7', '1'],
      ['SETBIT', 'b', '7', '0'],
      ['SETBIT', 'b', '100', '1'],
      ['GET', 'b'],
      ['GETBIT', 'b', '100'],
      ['GETBIT', 'b', '101'],
      ['GETBIT', 'b', '100000'],
      ['GETBIT', 'nokey', '3'],
      ['SETBIT', 'b', '-1', '1'],
      ['SETBIT', 'b', 'x', '1'],
      ['SETBIT', 'b', '4294967296', '1'],
      ['SETBIT', 'b', '4294967295', '2'],
      ['SETBIT', 'b', '1', '2'],
      ['SETBIT', 'b', '1', '-1'],
      ['SETBIT', 'b', '1', 'x'],
      ['SETBIT', 'lst', '1', '1'],
      ['GETBIT', 'lst', '1'],
      ['GETBIT', 'b', '-1'],
      ['SET', 'n', '123'],
      ['GETBIT', 'n', '2'],
      ['SETBIT', 'n', '2', '1'],
      ['GET', 'n'],
      ['SET', 'e', 'abc'],
      ['SETBIT', 'e', '0', '0'],
    ]);
    for (const k of ['b', 'n', 'e']) await checkEncoding(d, k);
    expect(d.mismatches).toEqual([]);
  });

  it('BITCOUNT and BITPOS ranges', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await d.both('SET', 's', 'foobar\xff\x00\x0f\xf0');
    await d.both('SET', 'z', '\x00\x00\x00');
    await d.both('SET', 'f', '\xff\xff');
    await d.both('SET', 'empty', '');
    await events.collect();
    const cmds: Cmd[] = [
      ['BITCOUNT', 's'],
      ['BITCOUNT', 'nokey'],
      ['BITCOUNT', 'lst'],
      ['BITCOUNT', 's', '1'],
    ];
    const ranges = [
      ['0', '-1'],
      ['1', '1'],
      ['-2', '-1'],
      ['5', '2'],
      ['-1', '-5'],
      ['-100', '100'],
      ['3', '300'],
    ];
    for (const k of ['s', 'z', 'f', 'empty', 'nokey']) {
      for (const [a, b] of ranges) {
        cmds.push(['BITCOUNT', k, a!, b!], ['BITCOUNT', k, a!, b!, 'BIT'], ['BITCOUNT', k, a!, b!, 'byte']);
        for (const bit of ['0', '1']) {
          cmds.push(['BITPOS', k, bit, a!, b!], ['BITPOS', k, bit, a!, b!, 'bit'], ['BITPOS', k, bit, a!]);
        }
      }
      cmds.push(['BITPOS', k, '0'], ['BITPOS', k, '1'], ['BITPOS', k, '1', '2', '9', 'BIT']);
      cmds.push(['BITPOS', k, '0', '7', '12', 'BIT'], ['BITCOUNT', k, '5', '11', 'BIT']);
    }
    cmds.push(
      ['BITCOUNT', 's', '0', '1', 'bits'],
      ['BITCOUNT', 's', 'x', '1'],
      ['BITCOUNT', 's', '0', 'y'],
      ['BITCOUNT', 's', '-1', '-5', 'nonsense'],
      ['BITCOUNT', 's', '0', '1', 'BIT', 'x'],
      ['BITPOS', 's', '2'],
      ['BITPOS', 's', 'x'],
      ['BITPOS', 'nokey', '2'],
      ['BITPOS', 'lst', '1'],
      ['BITPOS', 's', '1', '0', '1', 'BIT', 'x'],
      ['BITPOS', 's', '1', '0', 'x', 'foo'],
      ['BITPOS', 's', '1', 'x'],
      ['BITPOS', 's', '1', '0', '-1', 'bits'],
    );
    await batch('bitcount/bitpos', cmds);
    expect(d.mismatches).toEqual([]);
  });

  it('BITOP', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await d.both('SET', 'a', 'abcdefghijklmnopqrstuvwxyz0123456789');
    await d.both('SET', 'b', 'foo');
    await d.both('SET', 'n', '42');
    await d.both('SET', 'empty', '');
    await events.collect();
    await batch('bitop', [
      ['BITOP', 'AND', 'r1', 'a', 'b'],
      ['GET', 'r1'],
      ['BITOP', 'or', 'r2', 'a', 'b', 'n'],
      ['GET', 'r2'],
      ['BITOP', 'XOR', 'r3', 'a', 'b', 'nokey'],
      ['GET', 'r3'],
      ['BITOP', 'NOT', 'r4', 'a'],
      ['GET', 'r4'],
      ['BITOP', 'NOT', 'r4', 'a', 'b'],
      ['BITOP', 'NAND', 'r5', 'a'],
      ['BITOP', 'AND', 'r1', 'nokey', 'empty'],
      ['EXISTS', 'r1'],
      ['BITOP', 'AND', 'r1', 'nokey'],
      ['BITOP', 'OR', 'r6', 'a', 'lst'],
      ['BITOP', 'OR', 'lst', 'a'],
      ['GET', 'lst'],
      ['BITOP', 'AND', 'a', 'a'],
    ]);
    for (const k of ['r2', 'r3', 'r4', 'a']) await checkEncoding(d, k);
    expect(d.mismatches).toEqual([]);
  });

  it('BITFIELD and BITFIELD_RO', async () => {
    await resetBoth(d);
    await makeNonString(d, 'lst');
    await events.collect();
    await batch('bitfield', [
      ['BITFIELD', 'f', 'SET', 'i8', '0', '100', 'GET', 'i8', '0', 'INCRBY', 'i8', '0', '100'],
      ['BITFIELD', 'f', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '0', '100', 'INCRBY', 'u4', '#3', '20'],
      ['BITFIELD', 'f', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '100', '5', 'GET', 'u2', '100'],
      [
        'BITFIELD',
        'f',
        'SET',
        'u8',
        '#2',
        '-1',
        'OVERFLOW',
        'SAT',
        'SET',
        'u8',
        '#3',
        '-1',
        'GET',
        'u16',
        '16',
      ],
      ['BITFIELD', 'f', 'SET', 'i64', '0', '-9223372036854775808', 'INCRBY', 'i64', '0', '-1'],
      [
        'BITFIELD',
        'f',
        'OVERFLOW',
        'SAT',
        'INCRBY',
        'i64',
        '0',
        '-1',
        'INCRBY',
        'i64',
        '64',
        '9223372036854775807',
      ],
      ['BITFIELD', 'f', 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '64', '1', 'GET', 'u63', '64', 'GET', 'i1', '64'],
      ['BITFIELD', 'f', 'SET', 'u63', '3', '9223372036854775807', 'GET', 'u63', '3', 'GET', 'i64', '3'],
      ['BITFIELD', 'f', 'GET', 'u64', '0'],
      ['BITFIELD', 'f', 'GET', 'i65', '0'],
      ['BITFIELD', 'f', 'GET', 'i0', '0'],
      ['BITFIELD', 'f', 'GET', 'x8', '0'],
      ['BITFIELD', 'f', 'GET', 'i8', '-1'],
      ['BITFIELD', 'f', 'GET', 'i8', '#-1'],
      ['BITFIELD', 'f', 'GET', 'i8', '#x'],
      ['BITFIELD', 'f', 'GET', 'i8', '#1000000000'],
      ['BITFIELD', 'f', 'SET', 'i8', '0', 'x'],
      ['BITFIELD', 'f', 'OVERFLOW', 'WHAT', 'GET', 'i8', '0'],
      ['BITFIELD', 'f', 'GET', 'i8'],
      ['BITFIELD', 'f', 'FOO', 'i8', '0'],
      ['BITFIELD', 'f'],
      ['BITFIELD', 'nokey', 'GET', 'i8', '0'],
      ['EXISTS', 'nokey'],
      ['BITFIELD', 'new', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', '0', '9'],
      ['EXISTS', 'new'],
      ['BITFIELD', 'lst', 'GET', 'i8', '0'],
      ['BITFIELD', 'lst', 'SET', 'i8', '0', '1'],
      ['BITFIELD_RO', 'f', 'GET', 'i8', '0', 'GET', 'u4', '#1'],
      ['BITFIELD_RO', 'f', 'SET', 'i8', '0', '1'],
      ['BITFIELD_RO', 'f', 'INCRBY', 'i8', '0', 'x'],
      ['BITFIELD_RO', 'nokey', 'GET', 'i8', '0'],
      ['BITFIELD', 'f', 'SET', 'i8', '0', '0', 'SET', 'i8', '0', '0'],
      ['GET', 'f'],
    ]);
    for (const k of ['f', 'new']) await checkEncoding(d, k);
    expect(d.mismatches).toEqual([]);
  });

  it('random sequence of bit operations', async () => {
    const seed = diffSeed();
    const rng = new SeededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
    const num = (n: number): string => String(Math.floor(rng.next() * n) - Math.floor(n / 4));
    await resetBoth(d);
    const keys = ['k1', 'k2', 'k3'];
    const types = ['i1', 'i5', 'u7', 'i8', 'u16', 'i33', 'u63', 'i64'];
    const modes = ['WRAP', 'SAT', 'FAIL'];
    const before = d.mismatches.length;
    for (let i = 0; i < 600; i++) {
      const k = pick(keys);
      const r = rng.next();
      let cmd: Cmd;
      if (r < 0.25) cmd = ['SETBIT', k, String(Math.floor(rng.next() * 200)), pick(['0', '1'])];
      else if (r < 0.45) {
        const op = pick(['SET', 'INCRBY', 'GET']);
        const t = pick(types);
        const off =
          rng.next() < 0.3 ? `#${Math.floor(rng.next() * 5)}` : String(Math.floor(rng.next() * 150));
        cmd = ['BITFIELD', k, 'OVERFLOW', pick(modes), op, t, off];
        if (op !== 'GET')
          cmd.push(pick([num(600), num(1 << 30), '9223372036854775807', '-9223372036854775808']));
      } else if (r < 0.6) cmd = ['BITCOUNT', k, num(40), num(40), pick(['BIT', 'BYTE'])];
      else if (r < 0.8) {
        cmd = ['BITPOS', k, pick(['0', '1']), num(40), num(40), pick(['BIT', 'BYTE'])].slice(
          0,
          3 + Math.floor(rng.next() * 4),
        );
      } else if (r < 0.9) cmd = ['BITOP', pick(['AND', 'OR', 'XOR']), pick(keys), pick(keys), pick(keys)];
      else if (r < 0.95) cmd = ['BITOP', 'NOT', pick(keys), pick(keys)];
      else cmd = ['GET', k];
      await d.check(cmd);
      if (i % 20 === 0) for (const key of keys) await d.check(['GET', key]);
    }
    if (d.mismatches.length > before) console.log(`bitmaps random seed=${seed}`);
    expect(d.mismatches.slice(before)).toEqual([]);
  });
});
