import { describe, expect, it } from 'vitest';
import { bin, unbin } from '../bytes.ts';
import { parseLongLong, RequestParser, type RequestLimits } from './request-parser.ts';
import { splitInlineArgs } from './request-parser-inline.ts';

/** Feeds `input` (a binary string) in chunks of `chunk` bytes; returns the commands and the error. */
function parse(
  input: string,
  chunk = input.length || 1,
  limits?: RequestLimits,
): { cmds: string[][]; error?: string } {
  const p = new RequestParser(limits, 16);
  const cmds: string[][] = [];
  const bytes = unbin(input);
  for (let i = 0; i < bytes.length; i += chunk) {
    p.feed(bytes.subarray(i, i + chunk));
    for (let a = p.next(); a !== undefined; a = p.next()) cmds.push(a.map(bin));
    if (p.error) break;
  }
  return p.error === undefined ? { cmds } : { cmds, error: p.error };
}

function split(line: string): string[] | null {
  const b = unbin(line);
  return splitInlineArgs(b, 0, b.length)?.map(bin) ?? null;
}

describe('parseLongLong (string2ll)', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['-3', -3],
    ['', null],
    ['-', null],
    ['+1', null],
    ['01', null],
    ['-0', null],
    [' 1', null],
    ['1 ', null],
    ['9223372036854775807', Number(9223372036854775807n)],
    ['9999999999999999999', null],
    ['99999999999999999999', null],
    ['123456789012345678901', null],
    ['9223372036854775808', null],
    ['-9223372036854775808', -9223372036854775808],
    ['-9223372036854775809', null],
  ])('%j -> %j', (s, v) => {
    const b = unbin(s);
    expect(parseLongLong(b, 0, b.length)).toBe(v);
  });
});

describe('splitInlineArgs (sdssplitargs)', () => {
  it.each([
    ['set k v', ['set', 'k', 'v']],
    ['  a\t b  ', ['a', 'b']],
    ['"a b" c', ['a b', 'c']],
    ['"\\x41\\x4a\\n\\r\\t\\b\\a\\z\\""', ['AJ\n\r\t\b\x07z"']],
    ['"\\x4"', ['\\x4'.replace('\\', '')]],
    ["'it\\'s' x", ["it's", 'x']],
    ["'a\\nb'", ['a\\nb']],
    ['a"b c"', ['ab c']],
    ['a\vb', ['a\vb']],
    ['"', null],
    ['"abc', null],
    ['"a"b', null],
    ["'a'b", null],
    ["'abc", null],
    ['', []],
    ['   ', []],
  ])('%j', (line, want) => {
    expect(split(line)).toEqual(want);
  });
});

describe('RequestParser', () => {
  it('reads multibulk and inline requests, pipelined in one chunk', () => {
    const r = parse('*1\r\n$4\r\nPING\r\nSET a b\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\nECHO x\n');
    expect(r).toEqual({
      cmds: [['PING'], ['SET', 'a', 'b'], ['GET', 'a'], ['ECHO', 'x']],
    });
  });

  it('handles a request split at every byte', () => {
    const input = '*3\r\n$3\r\nSET\r\n$3\r\nk\x00y\r\n$0\r\n\r\nGET "k\\x00y"\r\n';
    const want = [
      ['SET', 'k\x00y', ''],
      ['GET', 'k\x00y'],
    ];
    for (const chunk of [1, 2, 3, 5, 7, 100]) expect(parse(input, chunk).cmds).toEqual(want);
  });

  it('skips empty requests', () => {
    expect(parse('\r\n\n   \r\n*0\r\n*-1\r\n*-20\r\nPING\r\n').cmds).toEqual([['PING']]);
  });

  it('waits on a NUL before the line end, as strchr does', () => {
    expect(parse('PI\x00NG\r\nPING\r\n')).toEqual({ cmds: [] });
    expect(parse('*1\x00\r\n$4\r\nPING\r\n')).toEqual({ cmds: [] });
  });

  it('does not check the bytes after a header CR or a payload', () => {
    expect(parse('*1\rX$4\rYPINGzz').cmds).toEqual([['PING']]);
  });

  it.each([
    ['*x\r\n', 'invalid multibulk length'],
    ['*\r\n', 'invalid multibulk length'],
    ['*2147483648\r\n', 'invalid multibulk length'],
    ['*1\r\nx\r\n', "expected '$', got 'x'"],
    ['*1\r\n\r\r\n', "expected '$', got ' '"],
    ['*1\r\n$-1\r\n', 'invalid bulk length'],
    ['*1\r\n$abc\r\n', 'invalid bulk length'],
    ['*1\r\n$536870913\r\n', 'invalid bulk length'],
    ['SET "a\r\n', 'unbalanced quotes in request'],
    ['x'.repeat(65537), 'too big inline request'],
    ['*' + '1'.repeat(65537), 'too big mbulk count string'],
    ['*1\r\n$' + '1'.repeat(65537), 'too big bulk count string'],
  ])('protocol error #%#', (input, text) => {
    expect(parse(input).error).toBe('ERR Protocol error: ' + text);
  });

  it('stops at the first protocol error, keeping earlier commands', () => {
    const r = parse('PING\r\n*1\r\nx\r\nPING\r\n');
    expect(r).toEqual({ cmds: [['PING']], error: "ERR Protocol error: expected '$', got 'x'" });
  });

  it('applies unauthenticated limits only while authentication is required', () => {
    let auth = true;
    const limits = { maxBulkLen: () => 1 << 29, authRequired: () => auth };
    expect(parse('*11\r\n', 100, limits).error).toBe('ERR Protocol error: unauthenticated multibulk length');
    expect(parse('*1\r\n$16385\r\n', 100, limits).error).toBe(
      'ERR Protocol error: unauthenticated bulk length',
    );
    auth = false;
    expect(parse('*11\r\n', 100, limits).error).toBeUndefined();
  });

  it('honours proto-max-bulk-len', () => {
    const limits = { maxBulkLen: () => 2_000_000, authRequired: () => false };
    expect(parse('*1\r\n$2000001\r\n', 100, limits).error).toBe('ERR Protocol error: invalid bulk length');
    expect(parse('*1\r\n$2000000\r\n', 100, limits).error).toBeUndefined();
  });

  it('reads big arguments split across many chunks, and pipelined requests after them', () => {
    const payload = 'x'.repeat(100_000) + 'END';
    const input = `*2\r\n$4\r\nECHO\r\n$${payload.length}\r\n${payload}\r\n*1\r\n$4\r\nPING\r\n`;
    for (const chunk of [1000, 4096, 99_999, 100_013, 100_014, 100_015, 200_000]) {
      const r = parse(input, chunk);
      expect(r.cmds.length).toBe(2);
      expect(r.cmds[0]![1]!.length).toBe(payload.length);
      expect(r.cmds[0]![1]!.endsWith('END')).toBe(true);
      expect(r.cmds[1]).toEqual(['PING']);
    }
  });

  it('returns fresh argument copies', () => {
    const p = new RequestParser();
    const chunk = unbin('*1\r\n$3\r\nabc\r\n');
    p.feed(chunk);
    const argv = p.next()!;
    chunk.fill(0);
    p.feed(unbin('*1\r\n$3\r\nxyz\r\n'));
    p.next();
    expect(bin(argv[0]!)).toBe('abc');
    expect(argv[0]!.buffer.byteLength).toBe(3);
  });

  it('ignores input after an error', () => {
    const p = new RequestParser();
    p.feed(unbin('*x\r\n'));
    expect(p.next()).toBeUndefined();
    p.feed(unbin('PING\r\n'));
    expect(p.next()).toBeUndefined();
    expect(p.error).toBe('ERR Protocol error: invalid multibulk length');
  });
});

describe('RequestParser under random chunking', () => {
  /** A tiny deterministic PRNG so failures replay (seed printed in the test name). */
  function lcg(seed: number): (n: number) => number {
    let s = seed >>> 0;
    return (n) => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s % n;
    };
  }

  function randomCommands(rnd: (n: number) => number): { wire: string; want: string[][] } {
    const want: string[][] = [];
    let wire = '';
    for (let i = 0; i < 200; i++) {
      const argc = 1 + rnd(4);
      const args: string[] = [];
      for (let j = 0; j < argc; j++) {
        const big = rnd(40) === 0;
        const len = big ? 30_000 + rnd(70_000) : rnd(20);
        let a = '';
        for (let k = 0; k < len; k++) a += String.fromCharCode(big ? 97 + (k % 26) : rnd(256));
        args.push(a);
      }
      wire += `*${argc}\r\n` + args.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
      want.push(args);
    }
    return { wire, want };
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`matches a one-shot parse (seed ${seed})`, () => {
      const rnd = lcg(seed);
      const { wire, want } = randomCommands(rnd);
      const bytes = unbin(wire);
      const p = new RequestParser();
      const got: string[][] = [];
      for (let i = 0; i < bytes.length;) {
        const n = 1 + rnd(rnd(2) ? 64 : 40_000);
        p.feed(bytes.subarray(i, i + n));
        i += n;
        for (let a = p.next(); a !== undefined; a = p.next()) got.push(a.map(bin));
      }
      expect(p.error).toBeUndefined();
      expect(got.length).toBe(want.length);
      expect(got).toEqual(want);
    });
  }
});

describe('RequestParser with a huge bulk', () => {
  it('fills a 32 MB argument from 16 KB chunks into one exact-size array', () => {
    const size = 32 * 1024 * 1024;
    const p = new RequestParser();
    p.feed(unbin(`*2\r\n$4\r\nECHO\r\n$${size}\r\n`));
    expect(p.next()).toBeUndefined();
    const chunk = new Uint8Array(16 * 1024).fill(120);
    for (let sent = 0; sent < size; sent += chunk.length) {
      p.feed(chunk);
      expect(p.pendingBytes).toBe(sent + chunk.length);
    }
    p.feed(unbin('\r\n*1\r\n$4\r\nPING\r\n'));
    const argv = p.next()!;
    expect(argv[1]!.length).toBe(size);
    expect(argv[1]!.buffer.byteLength).toBe(size);
    expect(argv[1]![size - 1]).toBe(120);
    expect(p.next()!.map(bin)).toEqual(['PING']);
  });
});
