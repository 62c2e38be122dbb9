import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes.ts';
import { ReplyError } from '../../server/errors.ts';
import {
  compareIds,
  idToString,
  MAX_ID,
  MIN_ID,
  nextId,
  parseId,
  parseIntervalId,
  parseStrictId,
  parseXaddId,
  prevId,
  U64_MAX,
} from './id.ts';

const p = (s: string, missing: number | bigint = 0) => idToString(parseId(utf8(s), missing));
const invalid = (f: () => unknown) => expect(f).toThrow(ReplyError);

describe('stream IDs', () => {
  it('parses the full, partial and special forms', () => {
    expect(p('5-3')).toBe('5-3');
    expect(p('5')).toBe('5-0');
    expect(p('5', U64_MAX)).toBe('5-18446744073709551615');
    expect(p('-')).toBe('0-0');
    expect(p('+')).toBe('18446744073709551615-18446744073709551615');
    expect(p('18446744073709551615-18446744073709551615')).toBe('18446744073709551615-18446744073709551615');
    invalid(() => parseId(utf8('18446744073709551616')));
    invalid(() => parseId(utf8('1-2-3')));
    invalid(() => parseId(utf8('')));
    invalid(() => parseStrictId(utf8('-')));
    invalid(() => parseStrictId(utf8('+')));
  });

  it('follows strtoull quirks after the strict form fails', () => {
    expect(p('007')).toBe('7-0');
    expect(p(' 5')).toBe('5-0');
    expect(p('+5')).toBe('5-0');
    expect(p('1--0')).toBe('1-0');
    expect(p('1--05')).toBe('1-18446744073709551611');
    invalid(() => parseId(utf8('1--5')));
    expect(p('5\0garbage')).toBe('5-0');
  });

  it('parses XADD and interval forms', () => {
    expect(parseXaddId(utf8('5-*'))).toEqual({ id: { ms: 5, seq: 0 }, seqGiven: false });
    invalid(() => parseStrictId(utf8('5-*')));
    expect(parseIntervalId(utf8('(5-1'), 0)).toEqual({ id: { ms: 5, seq: 1 }, exclusive: true });
    invalid(() => parseIntervalId(utf8('(-'), 0));
  });

  it('increments and decrements with overflow reporting', () => {
    expect(nextId(MAX_ID)).toBeNull();
    expect(prevId(MIN_ID)).toBeNull();
    expect(idToString(nextId({ ms: 1, seq: U64_MAX })!)).toBe('2-0');
    expect(idToString(prevId({ ms: 2, seq: 0 })!)).toBe('1-18446744073709551615');
    expect(idToString(nextId({ ms: 0, seq: 2 ** 53 - 1 })!)).toBe('0-9007199254740992');
    expect(compareIds({ ms: 2 ** 53 - 1, seq: 0 }, { ms: 2n ** 53n, seq: 0 })).toBe(-1);
  });
});
