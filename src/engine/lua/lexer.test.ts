import { describe, expect, it } from 'vitest';
import { Lexer, LuaSyntaxError, str2number } from './lexer';

function tokens(src: string): string[] {
  const lx = new Lexer(src, 'user_script');
  const out: string[] = [];
  for (let t = lx.next(); t.kind !== 'eof'; t = lx.next())
    out.push(`${t.kind}:${t.kind === 'number' ? t.value : t.text}`);
  return out;
}

function lexError(src: string): string {
  try {
    tokens(src);
  } catch (e) {
    if (e instanceof LuaSyntaxError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('lua lexer', () => {
  it('reads names, keywords, operators', () => {
    expect(tokens('local x = a..b ... ~= <= >= == #t')).toEqual([
      'keyword:local',
      'name:x',
      'op:=',
      'name:a',
      'op:..',
      'name:b',
      'op:...',
      'op:~=',
      'op:<=',
      'op:>=',
      'op:==',
      'op:#',
      'name:t',
    ]);
  });

  it('reads numbers in every 5.1 form', () => {
    expect(tokens('3 3.0 3.1416 314.16e-2 0.31416E1 0xff 0x56 .5')).toEqual([
      'number:3',
      'number:3',
      'number:3.1416',
      'number:3.1416',
      'number:3.1416',
      'number:255',
      'number:86',
      'number:0.5',
    ]);
  });

  it('decodes escapes, including \\ddd, into bytes', () => {
    expect(tokens("'a\\tb\\65\\0\\255' \"q\\\"\\\\\" 'x\\\ny'")).toEqual([
      'string:a\tbA\x00\xff',
      'string:q"\\',
      'string:x\ny',
    ]);
  });

  it('reads long strings and skips long comments of any level', () => {
    expect(tokens('[[\nabc]] [==[a]]b]==] --[[ c\n]] x --[=[ ]] ]=] y -- line\nz')).toEqual([
      'string:abc',
      'string:a]]b',
      'name:x',
      'name:y',
      'name:z',
    ]);
  });

  it('counts lines through long strings', () => {
    const lx = new Lexer('[[a\nb\nc]] x', 'user_script');
    lx.next();
    expect(lx.next().line).toBe(3);
  });

  it('reports 5.1 lexical errors', () => {
    expect(lexError('x = 3x')).toBe("user_script:1: malformed number near '3x'");
    expect(lexError("x = 'abc")).toBe("user_script:1: unfinished string near '<eof>'");
    expect(lexError('x = [[abc')).toBe("user_script:1: unfinished long string near '<eof>'");
    expect(lexError("x = '\\300'")).toBe("user_script:1: escape sequence too large near '''");
  });

  it('converts strings to numbers as strtod does', () => {
    expect(str2number(' 10 ')).toBe(10);
    expect(str2number('0x10')).toBe(16);
    expect(str2number('1e')).toBeUndefined();
    expect(str2number('inf')).toBe(Infinity);
    expect(str2number('')).toBeUndefined();
  });
});
