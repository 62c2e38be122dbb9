import { describe, expect, it } from 'vitest';
import { unbin } from '../bytes.ts';
import { globMatch, globMatchBin } from './glob.ts';

/** [pattern, subject, expected] with binary strings; expectations checked against redis-server 7.0. */
const CASES: [string, string, boolean][] = [
  ['*', 'anything', true],
  ['*', '', false], // KEYS/SCAN special-case a lone '*' before matching
  ['**', 'a', true],
  ['', '', true],
  ['', 'a', false],
  ['a', '', false],
  ['abc', 'abc', true],
  ['abc', 'abd', false],
  ['abc', 'ab', false],
  ['ab', 'abc', false],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['*c', 'abc', true],
  ['*c', 'abd', false],
  ['a*c', 'ac', true],
  ['a*c', 'abbbc', true],
  ['a*c', 'abbbd', false],
  ['a*b', 'a', false],
  ['a**', 'a', true],
  ['a*b*c', 'axxbyyc', true],
  ['a*b*c', 'axxbyy', false],
  ['*a*a*a*b', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
  ['?', 'a', true],
  ['?', '', false],
  ['?', 'ab', false],
  ['h?llo', 'hello', true],
  ['h?llo', 'hllo', false],
  ['h*llo', 'heeeello', true],
  ['h[ae]llo', 'hello', true],
  ['h[ae]llo', 'hallo', true],
  ['h[ae]llo', 'hillo', false],
  ['h[^e]llo', 'hallo', true],
  ['h[^e]llo', 'hello', false],
  ['h[a-b]llo', 'hbllo', true],
  ['h[a-b]llo', 'hcllo', false],
  ['h[b-a]llo', 'hallo', true],
  ['[z-a]', 'm', true],
  ['[A-a]', '\\', true],
  ['[a', 'a', true],
  ['[a', 'b', false],
  ['[^', 'a', true],
  ['[^', '', false],
  ['[', 'a', false],
  ['[', '[', false],
  ['[]', 'a', false],
  ['[]]', ']', false],
  ['[\\]', ']', true],
  ['[\\]', '\\', false],
  ['[\\]]', ']', true],
  ['[a\\-z]', '-', true],
  ['[a\\-z]', 'm', false],
  ['[a-]', '-', false], // a range from 'a' to ']', then unclosed
  ['[a-]', ']', true],
  ['[a-]]', ']', true],
  ['b]', 'b]', true],
  ['\\', '\\', true],
  ['\\*', '*', true],
  ['\\*', 'a', false],
  ['\\?', '?', true],
  ['\\[a]', '[a]', true],
  ['a\\', 'a\\', true],
  ['x[a-\xff]', 'x\xc3', false],
  ['x[\xff-a]', 'x\xc3', false],
  ['x[\x80-\xff]', 'x\xc3', true],
  ['x[\x80-\xbf]', 'x\xc3', false],
  ['x[\x00-a]', 'x\xc3', false],
  ['a\x00b', 'a\x00b', true],
  ['*\x00', 'ab\x00', true],
];

const NOCASE: [string, string, boolean][] = [
  ['HELLO', 'hello', true],
  ['h*O', 'HELLO', true],
  ['[A-C]x', 'bX', true],
  ['[a-c]x', 'BX', true],
  ['[ABC]', 'b', true],
  ['[^ABC]', 'b', false],
  ['[\\A]', 'a', false],
  ['\\A', 'a', true],
  ['\xc3', '\xe3', false],
];

describe('globMatch (Redis stringmatchlen)', () => {
  it.each(CASES)('%j ~ %j -> %s', (pattern, subject, expected) => {
    expect(globMatchBin(pattern, subject)).toBe(expected);
    expect(globMatch(unbin(pattern), unbin(subject))).toBe(expected);
  });

  it.each(NOCASE)('nocase %j ~ %j -> %s', (pattern, subject, expected) => {
    expect(globMatchBin(pattern, subject, true)).toBe(expected);
  });

  it('is case sensitive by default', () => {
    expect(globMatchBin('HELLO', 'hello')).toBe(false);
    expect(globMatchBin('[A-C]', 'b')).toBe(false);
  });

  it('gives up quickly on pathological star patterns', () => {
    const subject = 'a'.repeat(5000);
    expect(globMatchBin('*a*a*a*a*a*a*a*a*a*a*b', subject)).toBe(false);
    expect(globMatchBin('*a*a*a*a*a*a*a*a*a*a', subject)).toBe(true);
  });
});

describe('globMatch on deep patterns', () => {
  it('handles thousands of stars without recursion', () => {
    expect(globMatchBin('*a'.repeat(50000), 'a'.repeat(50000))).toBe(true);
    expect(globMatchBin('*a'.repeat(50000) + 'b', 'a'.repeat(50000))).toBe(false);
  });
});
