import { describe, expect, it } from 'vitest';
import { bin, utf8 } from '../../bytes.ts';
import { SeededRandom } from '../../ds/prng.ts';
import { checkInvariants } from '../../ds/skiplist-inspect.ts';
import type { Reply } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';
import { parseLexRange } from './lex.ts';
import { parseScore, parseScoreRange, strtod } from './score.ts';
import { listpackScoreText } from './scan.ts';
import { ZSetValue } from './zset.ts';

function show(r: Reply | undefined): unknown {
  if (r === undefined) return undefined;
  switch (r.t) {
    case 'bulk':
      return bin(r.b);
    case 'array':
      return r.a.map(show);
    case 'int':
      return Number(r.n);
    case 'double':
      return r.d;
    case 'nil':
    case 'nilarray':
      return null;
    case 'error':
    case 'simple':
      return r.s;
    default:
      return r.t;
  }
}

describe('score parsing (strtod model)', () => {
  const p = (s: string): number | null => parseScore(utf8(s));
  it('accepts what getDoubleFromObject accepts', () => {
    expect(p('1')).toBe(1);
    expect(p('-0')).toBe(-0);
    expect(p('0.1')).toBe(0.1);
    expect(p('1e300')).toBe(1e300);
    expect(p('inf')).toBe(Infinity);
    expect(p('-Infinity')).toBe(-Infinity);
    expect(p('+inf')).toBe(Infinity);
    expect(p('0x10')).toBe(16);
    expect(p('0x1p-2')).toBe(0.25);
    expect(p('0x.8')).toBe(0.5);
    expect(p('1.')).toBe(1);
    expect(p('.5')).toBe(0.5);
    expect(p('0e-400')).toBe(0);
    expect(p('4.9e-324')).toBe(5e-324);
  });
  it('refuses what it refuses', () => {
    for (const s of [
      '',
      ' 1',
      '1 ',
      'nan',
      'NaN',
      '-nan',
      'nan(1)',
      '1e',
      '0x',
      '.',
      '+',
      'e5',
      '1e400',
      '1e-400',
      'infx',
    ]) {
      expect(p(s), s).toBeNull();
    }
  });
  it('reads the longest prefix like strtod', () => {
    expect(strtod(utf8('1e+'))).toMatchObject({ value: 1, end: 1 });
    expect(strtod(utf8('0x'))).toMatchObject({ value: 0, end: 1 });
    expect(strtod(utf8('  -2.5x'))).toMatchObject({ value: -2.5, end: 6 });
    expect(strtod(utf8('nan(abc)'))).toMatchObject({ end: 8 });
    expect(strtod(utf8('xyz'))).toMatchObject({ value: 0, end: 0 });
  });
  it('parses range bounds with zslParseRange rules', () => {
    const r = (a: string, b: string) => parseScoreRange(utf8(a), utf8(b));
    expect(r('(1', '2')).toEqual({ min: { value: 1, exclusive: true }, max: { value: 2, exclusive: false } });
    expect(r('', '(')).toEqual({ min: { value: 0, exclusive: false }, max: { value: 0, exclusive: true } });
    expect(r(' 1', '1e400')!.max.value).toBe(Infinity);
    expect(r('1\0junk', '2')!.min.value).toBe(1);
    expect(r('nan', '1')).toBeNull();
    expect(r('1 ', '2')).toBeNull();
  });
  it('parses lex bounds', () => {
    expect(parseLexRange(utf8('-'), utf8('+'))).toEqual({ min: { kind: 'min' }, max: { kind: 'max' } });
    expect(parseLexRange(utf8('a'), utf8('+'))).toBeNull();
    expect(parseLexRange(utf8(''), utf8('+'))).toBeNull();
    expect(parseLexRange(utf8('-x'), utf8('+'))).toBeNull();
    expect(parseLexRange(utf8('['), utf8('(b'))!.max).toEqual({
      kind: 'value',
      b: utf8('b'),
      exclusive: true,
    });
  });
  it('writes listpack scores as d2string does', () => {
    expect(listpackScoreText(1e17)).toBe('100000000000000000');
    expect(listpackScoreText(2.5)).toBe('2.5');
    expect(listpackScoreText(2 ** 62)).toBe('4611686018427387904');
    expect(listpackScoreText(2 ** 63)).toBe('9.2233720368547758e+18');
    expect(listpackScoreText(Infinity)).toBe('inf');
  });
});

describe('ZSetValue', () => {
  it('behaves the same in both encodings under random operations', () => {
    const r = new SeededRandom(9);
    const levels = new SeededRandom(10);
    const a = new ZSetValue('listpack', 0, () => levels.int(0x10000));
    const b = new ZSetValue('skiplist', 0, () => levels.int(0x10000));
    for (let i = 0; i < 2000; i++) {
      const key = 'm' + r.int(50);
      const score = r.int(10) - 5;
      const remove = r.int(3) === 0;
      for (const z of [a, b]) {
        const cur = z.score(key);
        if (remove && cur !== undefined) z.remove(key);
        else if (cur === undefined) z.insert(utf8(key), score);
        else z.update(key, score);
      }
    }
    expect([...a.entries()].map((e) => [bin(e.ele), e.score])).toEqual(
      [...b.entries()].map((e) => [bin(e.ele), e.score]),
    );
    for (let k = 0; k < a.size; k++) {
      const key = bin(a.at(k).ele);
      expect(a.rank(key)).toBe(k);
      expect(b.rank(key)).toBe(k);
    }
    expect(checkInvariants(b.skiplist()!)).toBeNull();
    b.convert('listpack');
    a.convert('skiplist');
    expect(checkInvariants(a.skiplist()!)).toBeNull();
    expect(b.enc).toBe('listpack');
    expect(a.clone(5).enc).toBe('skiplist');
  });

  it('drops the sign of -0 in listpack only', () => {
    const z = new ZSetValue('listpack', 0, () => 0x8000);
    z.insert(utf8('a'), -0);
    expect(Object.is(z.score('a'), 0)).toBe(true);
    const s = new ZSetValue('skiplist', 0, () => 0x8000);
    s.insert(utf8('a'), -0);
    expect(Object.is(s.score('a'), -0)).toBe(true);
    s.convert('listpack');
    expect(Object.is(s.score('a'), 0)).toBe(true);
  });
});

describe('sorted-set commands on the manual clock', () => {
  it('BZPOPMIN blocks, then is served by a later ZADD in blocking order', () => {
    const { node } = testNode();
    const a = testClient(node);
    const b = testClient(node);
    const w = testClient(node);
    expect(a.call('BZPOPMIN', 'z', 'other', '0')).toBeUndefined();
    expect(b.call('BZMPOP', '0', '1', 'z', 'MAX', 'COUNT', '5')).toBeUndefined();
    expect(show(w.call('ZADD', 'z', '1', 'x', '2', 'y', '3', 'w'))).toBe(3);
    expect(show(a.replies.at(-1))).toEqual(['z', 'x', 1]);
    expect(show(b.replies.at(-1))).toEqual([
      'z',
      [
        ['w', 3],
        ['y', 2],
      ],
    ]);
    expect(show(w.call('EXISTS', 'z'))).toBe(0);
    expect(node.blocking.blockedCount).toBe(0);
  });

  it('BZPOPMAX times out with a nil array; ZUNIONSTORE creating the key serves a waiter', () => {
    const { node, clock } = testNode();
    const a = testClient(node);
    const w = testClient(node);
    a.call('BZPOPMAX', 'z', '0.1');
    clock.advance(101);
    node.beforeSleep();
    expect(a.replies.at(-1)).toEqual({ t: 'nilarray' });
    a.call('BZPOPMAX', 'dst', '0');
    w.call('ZADD', 'src', '4', 'q');
    w.call('ZUNIONSTORE', 'dst', '1', 'src');
    expect(show(a.replies.at(-1))).toEqual(['dst', 'q', 4]);
  });

  it('counts dirty as Redis does', () => {
    const { node } = testNode();
    const t = testClient(node);
    const d0 = node.dirty;
    t.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    expect(node.dirty - d0).toBe(3);
    t.call('ZADD', 'z', 'CH', '1', 'a', '5', 'b');
    expect(node.dirty - d0).toBe(4);
    t.call('ZPOPMIN', 'z', '2');
    expect(node.dirty - d0).toBe(6);
    t.call('ZUNIONSTORE', 'd', '1', 'z');
    expect(node.dirty - d0).toBe(7);
  });
});

describe('zset views for the pictures', () => {
  it('shows listpack entries and skiplist nodes with search paths', async () => {
    const { zsetView, zsetSearchPath } = await import('./view.ts');
    const r = new SeededRandom(4);
    const z = new ZSetValue('listpack', 0, () => r.int(0x10000));
    z.insert(utf8('b'), 2);
    z.insert(utf8('a'), 1);
    expect(zsetView(z)).toEqual({
      encoding: 'listpack',
      entries: [
        { member: 'a', score: 1 },
        { member: 'b', score: 2 },
      ],
    });
    expect(zsetSearchPath(z, { by: 'rank', rank: 0 })).toBeUndefined();
    z.convert('skiplist');
    for (let i = 0; i < 40; i++) z.insert(utf8('m' + i), i);
    const v = zsetView(z);
    expect(v.encoding).toBe('skiplist');
    if (v.encoding === 'skiplist') expect(v.skiplist.length).toBe(42);
    expect(zsetSearchPath(z, { by: 'member', member: 'm20' })!.found).toBe(z.rank('m20')! + 1);
    expect(zsetSearchPath(z, { by: 'rank', rank: 5 })!.found).toBe(6);
    expect(zsetSearchPath(z, { by: 'score', min: 10 })!.found).toBe(z.rank('m10')! + 1);
    expect(zsetSearchPath(z, { by: 'member', member: 'nope' })!.found).toBeNull();
  });
});
