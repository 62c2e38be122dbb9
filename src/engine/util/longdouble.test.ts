/*
 * Long double emulation against vectors produced by glibc on x86-64 (strtold, x87 addition, "%.17Lf"
 * trimmed as Redis's LD_STR_HUMAN). Columns: a, b, human(a) or ERR, human(b) or ERR, human(a + b),
 * NANINF when the sum is not finite, '-' when an operand does not parse.
 */
import { describe, expect, it } from 'vitest';
import { unbin } from '../bytes.ts';
import { formatFixed17, formatLongDoubleHuman } from './ldformat.ts';
import { MAX_LONG_DOUBLE_CHARS, parseLongDouble } from './ldparse.ts';
import { bitLength, ldAdd, ldFromBigInt, MIN_EXP, roundLd, type LongDouble } from './longdouble.ts';

const GLIBC_VECTORS: [string, string, string, string, string][] = [
  ['10.5', '0.1', '10.5', '0.1', '10.6'],
  ['0.1', '0.2', '0.1', '0.2', '0.3'],
  ['1.1', '2.2', '1.1', '2.2', '3.3'],
  ['3.0e3', '0', '3000', '0', '3000'],
  ['5.0e3', '-5000', '5000', '-5000', '0'],
  ['0.000003814697265625', '0', '0.00000381469726562', '0', '0.00000381469726562'],
  [
    '0.000001907348632812',
    '0.000001907348632813',
    '0.00000190734863281',
    '0.00000190734863281',
    '0.00000381469726562',
  ],
  ['9223372036854775807', '0.5', '9223372036854775807', '0.5', '9223372036854775807.5'],
  ['9223372036854775806', '0.5', '9223372036854775806', '0.5', '9223372036854775806.5'],
  ['18446744073709551615', '1', '18446744073709551615', '1', '18446744073709551616'],
  ['18446744073709551617', '0', '18446744073709551616', '0', '18446744073709551616'],
  ['36893488147419103233', '0', '36893488147419103232', '0', '36893488147419103232'],
  ['-0', '0', '0', '0', '0'],
  ['-0', '-0', '0', '0', '0'],
  ['1', '-1', '1', '-1', '0'],
  ['1e-4940', '-1e-4940', '0', '0', '0'],
  ['0x1p-16445', '0x1p-16445', '0', '0', '0'],
  ['1.82e-4951', '0', 'ERR', '0', '-'],
  ['1.83e-4951', '0', '0', '0', '0'],
  ['1e-4951', '0', 'ERR', '0', '-'],
  ['3.6e-4951', '3.6e-4951', '0', '0', '0'],
  ['1.18973149535723176508e+4932', '0', 'ERR', '0', '-'],
  ['0x1p16384', '0', 'ERR', '0', '-'],
  ['0x1p-3', '0X.8P1', '0.125', '1', '1.125'],
  ['0x1.8p-2', '0xA', '0.375', '10', '10.375'],
  ['inf', '1', 'inf', '1', 'NANINF'],
  ['-inf', 'inf', '-inf', 'inf', 'NANINF'],
  ['Infinity', '-1', 'inf', '-1', 'NANINF'],
  ['INF', '0', 'inf', '0', 'NANINF'],
  ['nan', '1', 'ERR', '1', '-'],
  ['1e', '1', 'ERR', '1', '-'],
  ['0x', '1', 'ERR', '1', '-'],
  ['.5', '5.', '0.5', '5', '5.5'],
  ['.', '1', 'ERR', '1', '-'],
  ['-.5e-3', '+.5e-3', '-0.0005', '0.0005', '0'],
  ['1e+', '1', 'ERR', '1', '-'],
  ['1E+5', '1', '100000', '1', '100001'],
  ['00012', '1', '12', '1', '13'],
  ['1_0', '1', 'ERR', '1', '-'],
  ['infinit', '1', 'ERR', '1', '-'],
  ['1.5x', '1', 'ERR', '1', '-'],
  ['99999999999999999999', '1', '100000000000000000000', '1', '100000000000000000000'],
  ['-9223372036854775808', '-1', '-9223372036854775808', '-1', '-9223372036854775809'],
  [
    '123456789012345678901234567890',
    '0.000000000000000000001',
    '123456789012345678899921813504',
    '0',
    '123456789012345678899921813504',
  ],
  ['1.00000000000000000001', '0', '1', '0', '1'],
  ['0.99999999999999999999', '0', '1', '0', '1'],
  ['0.999999999999999999995', '0', '1', '0', '1'],
  ['2.5', '-2.5', '2.5', '-2.5', '0'],
  ['1e20', '1e-20', '100000000000000000000', '0', '100000000000000000000'],
  ['3.14159265358979323846264338327950288', '0', '3.14159265358979324', '0', '3.14159265358979324'],
];

function parse(s: string): LongDouble | null {
  return parseLongDouble(unbin(s));
}

function human(x: LongDouble | null): string {
  return x === null ? 'ERR' : formatLongDoubleHuman(x);
}

describe('long double', () => {
  it('matches glibc on parse, add and print', () => {
    for (const [a, b, pa, pb, sum] of GLIBC_VECTORS) {
      const x = parse(a);
      const y = parse(b);
      expect([a, human(x)]).toEqual([a, pa]);
      expect([b, human(y)]).toEqual([b, pb]);
      if (x === null || y === null) continue;
      const z = ldAdd(x, y);
      expect([a, b, z.kind === 'finite' ? human(z) : 'NANINF']).toEqual([a, b, sum]);
    }
  });

  it('rejects what string2ld rejects', () => {
    for (const s of [
      '',
      ' 1',
      '1 ',
      '1\0',
      'nan',
      '-nan',
      'NaN(1)',
      '+',
      '-',
      'e1',
      '0x',
      '0xp1',
      '1e5000',
    ]) {
      expect([s, parse(s)]).toEqual([s, null]);
    }
    expect(parse('0.' + '1'.repeat(MAX_LONG_DOUBLE_CHARS - 3))).not.toBeNull();
    expect(parse('0.' + '1'.repeat(MAX_LONG_DOUBLE_CHARS - 2))).toBeNull();
  });

  it('copies glibc on subnormal hexadecimal input (the first cut bit is lost)', () => {
    const sub = (m: bigint) => ({ kind: 'finite', neg: false, m, e: MIN_EXP });
    expect(parse('0x1.0000000000000003p-16383')).toEqual(sub(4611686018427387904n));
    expect(parse('0x1.00000000000000031p-16383')).toEqual(sub(4611686018427387905n));
    expect(parse('0x1.0000000000000006p-16383')).toEqual(sub(4611686018427387906n));
    expect(parse('0x1p-16446')).toBeNull();
    expect(parse('0x1.0000000000000000000001p-16446')).toEqual(sub(1n));
    // Decimal input is correctly rounded: 1.83e-4951 is above half the smallest subnormal.
    expect(parse('1.83e-4951')).toEqual(sub(1n));
  });

  it('prints 17 fixed digits with ties to even', () => {
    expect(formatFixed17(parse('0.5')!)).toBe('0.50000000000000000');
    expect(formatFixed17(parse('-0')!)).toBe('-0.00000000000000000');
    expect(formatLongDoubleHuman(parse('-0')!)).toBe('0');
    expect(formatLongDoubleHuman(parse('-1e-30')!)).toBe('0');
    expect(formatLongDoubleHuman(parse('0x1p-18')!)).toBe('0.00000381469726562');
    expect(formatLongDoubleHuman(parse('0x3p-18')!)).toBe('0.00001144409179688');
  });

  it('rounds to nearest, ties to even, at 64 bits', () => {
    const r = roundLd(false, (1n << 64n) + 1n, 0);
    expect(r.value).toEqual({ kind: 'finite', neg: false, m: 1n << 63n, e: 1 });
    const up = roundLd(false, (1n << 64n) + 3n, 0);
    expect(up.value).toEqual({ kind: 'finite', neg: false, m: (1n << 63n) + 2n, e: 1 });
    expect(roundLd(false, 1n, 16383).overflow).toBe(false);
    expect(roundLd(false, 1n, 16384).overflow).toBe(true);
  });

  it('converts 64-bit integers exactly and measures bits', () => {
    expect(human(ldFromBigInt(-9223372036854775808n))).toBe('-9223372036854775808');
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(1n)).toBe(1);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(256n)).toBe(9);
    expect(bitLength(1n << 100n)).toBe(101);
  });

  it('keeps the full integer part of huge values', () => {
    const max = parse('1.18973149535723176502e+4932')!;
    const s = human(max);
    expect(s.length).toBe(4933);
    expect(s.startsWith('118973149535723176502126385303')).toBe(true);
    expect(ldAdd(max, max).kind).toBe('inf');
    expect(ldAdd(parse('inf')!, parse('-inf')!).kind).toBe('nan');
  });
});
