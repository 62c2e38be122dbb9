import { describe, expect, it } from 'vitest';
import type { WireReply } from '../../protocol/reply.ts';
import { formatPush, formatReply, quoteBytes } from './format.ts';
import { formatDouble17g } from './numfmt.ts';
import { formatReplyRaw, isRawOutputCommand } from './raw.ts';

const bulk = (s: string): WireReply => ({ t: 'bulk', b: new TextEncoder().encode(s) });

describe('formatReply', () => {
  it('renders scalars like redis-cli', () => {
    expect(formatReply({ t: 'int', n: 42n })).toBe('(integer) 42\n');
    expect(formatReply({ t: 'nil' })).toBe('(nil)\n');
    expect(formatReply({ t: 'nilarray' })).toBe('(nil)\n');
    expect(formatReply({ t: 'error', s: 'ERR x' })).toBe('(error) ERR x\n');
    expect(formatReply({ t: 'simple', s: 'OK' })).toBe('OK\n');
    expect(formatReply({ t: 'bignum', s: '123' })).toBe('(big number) 123\n');
    expect(formatReply({ t: 'double', d: Infinity })).toBe('(double) inf\n');
  });

  it('quotes bytes like sdscatrepr', () => {
    expect(quoteBytes(new Uint8Array([0, 0xff, 0x7f, 0x22, 0x5c]))).toBe('"\\x00\\xff\\x7f\\"\\\\"');
  });

  it('indents nested arrays under multi-digit indexes', () => {
    const inner: WireReply = { t: 'array', a: [bulk('a'), bulk('b')] };
    const items = Array.from({ length: 10 }, (): WireReply => inner);
    const out = formatReply({ t: 'array', a: items });
    expect(out.split('\n').slice(0, 3)).toEqual([' 1) 1) "a"', '    2) "b"', ' 2) 1) "a"']);
    expect(out.split('\n')[18]).toBe('10) 1) "a"');
  });

  it('prints empty aggregates by type', () => {
    expect(formatReply({ t: 'array', a: [] })).toBe('(empty array)\n');
    expect(formatReply({ t: 'map', m: [] })).toBe('(empty hash)\n');
    expect(formatReply({ t: 'set', a: [] })).toBe('(empty set)\n');
  });

  it('renders pushes and invalidations', () => {
    const msg: WireReply = { t: 'push', a: [bulk('message'), bulk('ch'), bulk('hi')] };
    expect(formatPush(msg)).toBe('1) "message"\n2) "ch"\n3) "hi"\n');
    const inv: WireReply = {
      t: 'push',
      a: [bulk('invalidate'), { t: 'array', a: [bulk('k1'), bulk('k2')] }],
    };
    expect(formatPush(inv)).toBe("-> invalidate: 'k1', 'k2'\n");
  });
});

describe('formatDouble17g', () => {
  it('matches printf %.17g', () => {
    expect(formatDouble17g(1.5)).toBe('1.5');
    expect(formatDouble17g(0.1)).toBe('0.10000000000000001');
    expect(formatDouble17g(1e21)).toBe('1e+21');
    expect(formatDouble17g(1e-5)).toBe('1.0000000000000001e-05');
    expect(formatDouble17g(-0)).toBe('-0');
    expect(formatDouble17g(123456789)).toBe('123456789');
  });
});

describe('raw output', () => {
  it('prints INFO-like replies raw', () => {
    expect(isRawOutputCommand(['INFO'])).toBe(true);
    expect(isRawOutputCommand(['client', 'LIST'])).toBe(true);
    expect(isRawOutputCommand(['get', 'k'])).toBe(false);
    expect(formatReplyRaw(bulk('# Server\r\n'))).toBe('# Server\r\n');
    expect(formatReplyRaw({ t: 'error', s: 'ERR x' })).toBe('ERR x\n');
    expect(formatReplyRaw({ t: 'array', a: [bulk('a'), { t: 'int', n: 1 }] })).toBe('a\n1');
  });
});
