import { describe, expect, it } from 'vitest';
import { run, runError } from './test-run';
import { toBits } from './lib-bit';

describe('bit (LuaBitOp)', () => {
  it('normalises numbers the way the 2^52 + 2^51 trick does', () => {
    expect(toBits(1.5)).toBe(2);
    expect(toBits(2.5)).toBe(2);
    expect(toBits(-1)).toBe(0xffffffff);
    expect(toBits(2 ** 32 + 5)).toBe(5);
    expect(toBits(Infinity)).toBe(0);
    expect(run('return bit.tobit(2^31), bit.tobit(0xffffffff), bit.tobit(-2.5), bit.tobit("0x10")')).toEqual([
      -2147483648, -1, -2, 16,
    ]);
  });

  it('computes 32-bit signed results', () => {
    expect(run('return bit.band(0xff, 0x0f), bit.bor(1, 2, 4), bit.bxor(0xff, 0x0f), bit.bnot(0)')).toEqual([
      15, 7, 240, -1,
    ]);
    expect(
      run('return bit.lshift(1, 31), bit.lshift(1, 32), bit.rshift(-1, 28), bit.arshift(-256, 4)'),
    ).toEqual([-2147483648, 1, 15, -16]);
    expect(run('return bit.rol(0x12345678, 4), bit.ror(0x12345678, 4), bit.bswap(0x12345678)')).toEqual([
      0x23456781, -2128394905, 0x78563412,
    ]);
  });

  it('formats hex with a width and case from the second argument', () => {
    expect(run('return bit.tohex(255), bit.tohex(255, 2), bit.tohex(255, -4), bit.tohex(1, 0)')).toEqual([
      '000000ff',
      'ff',
      '00FF',
      '',
    ]);
  });

  it('refuses non-numbers with the argument position', () => {
    expect(runError('return bit.tobit({})')).toBe(
      "user_script:1: bad argument #1 to 'tobit' (number expected, got table)",
    );
    expect(runError("return bit.band(1, 'x', {})")).toBe(
      "user_script:1: bad argument #3 to 'band' (number expected, got table)",
    );
    expect(runError('return bit.tohex(1, nil)')).toBe(
      "user_script:1: bad argument #2 to 'tohex' (number expected, got nil)",
    );
  });
});
