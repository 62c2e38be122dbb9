import { describe, expect, it } from 'vitest';
import { splitArgs, splitArgsBinary } from './split.ts';

const text = (line: string): string[] | null => {
  const args = splitArgs(line);
  return args && args.map((a) => new TextDecoder().decode(a));
};

describe('splitArgs (sdssplitargs rules)', () => {
  it('splits on blanks and ignores leading/trailing/multiple spaces', () => {
    expect(text('  set  k   v ')).toEqual(['set', 'k', 'v']);
    expect(text('')).toEqual([]);
    expect(text(' \t ')).toEqual([]);
  });

  it('understands double-quote escapes', () => {
    expect(text('set k "a b\\n\\r\\t\\"\\\\"')).toEqual(['set', 'k', 'a b\n\r\t"\\']);
    expect(text('"\\a\\b\\q"')).toEqual(['\x07\b' + 'q']);
  });

  it('turns \\xHH into one raw byte, not UTF-8', () => {
    expect(Array.from(splitArgs('"\\x00\\xff\\xAb"')![0]!)).toEqual([0, 255, 0xab]);
    expect(text('"\\xzz"')).toEqual(['xzz']);
  });

  it('encodes other characters as UTF-8', () => {
    expect(Array.from(splitArgs('é😀')![0]!)).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it("keeps single quotes literal except \\'", () => {
    expect(text("'a\\nb' 'it\\'s'")).toEqual(['a\\nb', "it's"]);
  });

  it('joins quotes that open mid-argument', () => {
    expect(text('a"b c"')).toEqual(['ab c']);
    expect(text('""')).toEqual(['']);
  });

  it('rejects unbalanced quotes and quotes glued to text', () => {
    expect(splitArgs('get "abc')).toBeNull();
    expect(splitArgs("get 'abc")).toBeNull();
    expect(splitArgs('get "a"b')).toBeNull();
    expect(splitArgs("get 'a'b")).toBeNull();
    expect(splitArgs('get "a\\"')).toBeNull();
  });

  it('gives binary strings for hints', () => {
    expect(splitArgsBinary('set "\\xff" é')).toEqual(['set', '\xff', '\xc3\xa9']);
    expect(splitArgsBinary('"x')).toBeNull();
  });
});
