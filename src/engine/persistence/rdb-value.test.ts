import { describe, expect, it } from 'vitest';
import { bin, type Bytes, utf8 } from '../bytes.ts';
import { HashTable } from '../ds/hashtable.ts';
import { Intset } from '../ds/intset.ts';
import { Quicklist } from '../ds/quicklist.ts';
import { ZSetValue } from '../commands/zsets/zset.ts';
import { LFU_INIT_VAL, type RValue } from '../server/object.ts';
import { RdbFormatError, RdbReader, RdbWriter } from './rdb-io.ts';
import { deserializeValue, type RdbLimits } from './rdb-load.ts';
import { listpackScore, serializeValue } from './rdb-value.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}
function toHex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const LIMITS: RdbLimits = {
  hashMaxListpackEntries: 512,
  hashMaxListpackValue: 64,
  setMaxIntsetEntries: 512,
  zsetMaxListpackEntries: 128,
  zsetMaxListpackValue: 64,
  listMaxListpackSize: -2,
  listCompressDepth: 0,
};
let seed = 1;
const ctx = (limits: Partial<RdbLimits> = {}) => ({
  nowMs: 1000,
  randomU16: () => (seed = (seed * 75 + 74) % 65537) & 0xffff,
  limits: { ...LIMITS, ...limits },
});

function load(body: Uint8Array, limits: Partial<RdbLimits> = {}): RValue {
  return deserializeValue(new RdbReader(body), ctx(limits));
}

const str = (s: string): RValue => ({ type: 'string', enc: 'embstr', v: utf8(s), lru: 0, lfu: LFU_INIT_VAL });

describe('RDB primitives', () => {
  it('writes lengths in the 6, 14, 32 and 64-bit forms and reads them back', () => {
    for (const n of [0, 63, 64, 16383, 16384, 2 ** 32 - 1, 2 ** 32, 2 ** 40]) {
      const w = new RdbWriter();
      w.len(n);
      expect(new RdbReader(w.result()).len()).toBe(n);
    }
    const w = new RdbWriter();
    w.len(300);
    expect(toHex(w.result())).toBe('412c');
  });

  it('stores strings as Redis does: integer forms, LZF, verbatim', () => {
    const cases: [string, string][] = [
      ['12', 'c00c'],
      ['-200', 'c138ff'],
      ['70000', 'c270110100'],
      ['2147483648', '0a32313437343833363438'],
      ['007', '03303037'],
      ['a'.repeat(50), 'c3093201616' + '1e025000161' + '61'],
    ];
    for (const [s, h] of cases) {
      const w = new RdbWriter();
      w.string(utf8(s));
      expect(toHex(w.result())).toBe(h);
      expect(bin(new RdbReader(w.result()).string())).toBe(s);
    }
    const plain = new RdbWriter(false);
    plain.string(utf8('a'.repeat(50)));
    expect(plain.result().length).toBe(51);
  });

  it('reads old text doubles', () => {
    expect(new RdbReader(hex('fe')).textDouble()).toBe(Infinity);
    expect(new RdbReader(hex('ff')).textDouble()).toBe(-Infinity);
    expect(new RdbReader(hex('03312e35')).textDouble()).toBe(1.5);
  });

  it('throws RdbFormatError on truncated data', () => {
    expect(() => new RdbReader(hex('05616263')).string()).toThrow(RdbFormatError);
    expect(() => new RdbReader(hex('c3')).string()).toThrow(RdbFormatError);
    expect(() => new RdbReader(hex('c4')).string()).toThrow(RdbFormatError);
  });
});

describe('RDB values', () => {
  it('serialises a string as DUMP does (type byte + body)', () => {
    expect(toHex(serializeValue(str('bar'), true))).toBe('0003626172');
  });

  it('loads strings with the encodings tryObjectEncoding gives', () => {
    expect(load(hex('00c00c'))).toMatchObject({ type: 'string', enc: 'int' });
    expect(load(hex('0003626172'))).toMatchObject({ type: 'string', enc: 'embstr' });
    const long = serializeValue(str('x'.repeat(45)), false);
    expect(load(long)).toMatchObject({ enc: 'raw' });
  });

  it('round-trips sets and converts by the limits', () => {
    const ints = new Intset();
    for (const v of [5n, 1n, 70000n]) ints.add(v);
    const s: RValue = { type: 'set', enc: 'intset', ints, table: null, lru: 0, lfu: 5 };
    const blob = serializeValue(s, true);
    expect(blob[0]).toBe(11);
    const back = load(blob);
    expect(back.type === 'set' && [...back.ints!]).toEqual([1n, 5n, 70000n]);
    expect(back.type === 'set' && back.ints!.width).toBe(4);
    expect(load(blob, { setMaxIntsetEntries: 2 })).toMatchObject({ enc: 'hashtable' });
    const table = new HashTable<null>();
    for (const m of ['1', '2', 'x']) table.set(m, null);
    const t = serializeValue({ type: 'set', enc: 'hashtable', ints: null, table, lru: 0, lfu: 5 }, true);
    expect(t[0]).toBe(2);
    expect(load(t)).toMatchObject({ enc: 'hashtable' });
    table.delete('x');
    const small = serializeValue({ type: 'set', enc: 'hashtable', ints: null, table, lru: 0, lfu: 5 }, true);
    expect(load(small)).toMatchObject({ enc: 'intset' });
  });

  it('round-trips hashes, listpack and hashtable', () => {
    const fields = new HashTable<Bytes>();
    fields.set('a', utf8('1'));
    fields.set('b', utf8('two'));
    const h: RValue = { type: 'hash', enc: 'listpack', fields, lru: 0, lfu: 5 };
    const back = load(serializeValue(h, true));
    expect(back.type === 'hash' && [...back.fields.entries()].map(([k, v]) => [k, bin(v)])).toEqual([
      ['a', '1'],
      ['b', 'two'],
    ]);
    expect(load(serializeValue({ ...h, enc: 'hashtable' }, true))).toMatchObject({ enc: 'listpack' });
    expect(load(serializeValue(h, true), { hashMaxListpackEntries: 1 })).toMatchObject({ enc: 'hashtable' });
    expect(load(serializeValue({ ...h, enc: 'hashtable' }, true), { hashMaxListpackValue: 2 })).toMatchObject(
      {
        enc: 'hashtable',
      },
    );
  });

  it('round-trips sorted sets in both encodings, scores exactly', () => {
    const z = new ZSetValue('listpack', 0, ctx().randomU16);
    const scores = [1.5, -0.1, Infinity, -Infinity, 3, 1e300, 5e-324];
    scores.forEach((s, i) => z.insert(utf8(`m${i}`), s));
    for (const enc of ['listpack', 'skiplist'] as const) {
      z.convert(enc);
      const back = load(serializeValue(z, true)) as ZSetValue;
      expect(back.enc).toBe('listpack');
      expect([...back.entries()].map((e) => [bin(e.ele), e.score])).toEqual(
        [...z.entries()].map((e) => [bin(e.ele), e.score]),
      );
    }
    expect((load(serializeValue(z, true), { zsetMaxListpackEntries: 3 }) as ZSetValue).enc).toBe('skiplist');
  });

  it('stores listpack scores as zzlInsertAt does', () => {
    expect(listpackScore(3)).toBe(3n);
    expect(listpackScore(-0)).toBe(0n);
    expect(bin(listpackScore(1.5) as Uint8Array)).toBe('1.5');
    expect(bin(listpackScore(Infinity) as Uint8Array)).toBe('inf');
    expect(bin(listpackScore(1e300) as Uint8Array)).toBe('1.0000000000000001e+300');
  });

  it('keeps quicklist nodes as stored', () => {
    const ql = new Quicklist(2, 0);
    for (const v of ['a', 'b', 'c', '1', '2']) ql.pushTail(utf8(v));
    const l: RValue = { type: 'list', enc: 'quicklist', ql, lru: 0, lfu: 5 };
    const back = load(serializeValue(l, true));
    expect(back.type === 'list' && back.ql.nodes.map((n) => n.entries.map(bin))).toEqual([
      ['a', 'b'],
      ['c', '1'],
      ['2'],
    ]);
    expect(back.type === 'list' && back.ql.length).toBe(5);
  });

  it('rejects empty collections, duplicates, NaN scores and unknown types', () => {
    for (const body of ['0200', '020201610161', '05010161000000000000f87f', '0f00', '2a', '1200', '0b00']) {
      expect(() => load(hex(body)), body).toThrow(RdbFormatError);
    }
  });
});
