import { describe, expect, it } from 'vitest';
import { unbin, utf8 } from '../bytes.ts';
import { murmurHash64A, HLL_HASH_SEED } from './hll-hash.ts';
import { Hll, HLL_DENSE, HLL_SPARSE } from './hll.ts';

const hex = ([hi, lo]: [number, number]): string =>
  hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');

function fnv1a(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const x of b) h = Math.imul(h ^ x, 0x01000193) >>> 0;
  return h;
}

describe('HyperLogLog as Redis stores it', () => {
  it('hashes with MurmurHash64A and Redis seed (values from the C reference)', () => {
    const cases: [string, string][] = [
      ['', 'd8dfea6585bc9732'],
      ['a', '53d2470a9b43b1a7'],
      ['hello', '0f656f01eecfe400'],
      ['foobar12', 'b17792b5b755bc81'],
      ['abcdefghijklmnopqrstuvwxyz\xff\xfe\x80', 'd4459bd22ebdf9f2'],
    ];
    for (const [s, h] of cases) expect(hex(murmurHash64A(unbin(s), HLL_HASH_SEED))).toBe(h);
  });

  it('builds the sparse bytes Redis builds for PFADD h a b c, and caches the count', () => {
    const h = Hll.empty();
    for (const e of ['a', 'b', 'c']) expect(h.add(utf8(e), 3000)).toBe(1);
    h.invalidateCache();
    const redis = 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80`\xf3\x80P\xb1\x84K\xfb\x80BZ';
    expect([...h.bytes()]).toEqual([...unbin(redis)]);
    expect(h.decode()).toBe('Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603');
    expect(h.count()).toBe(3);
    h.setCachedCard(3);
    expect(h.cachedCard()).toBe(3);
  });

  it('promotes to dense and matches Redis after 3000 elements (PFCOUNT 2979)', () => {
    const h = Hll.empty();
    for (let i = 1; i <= 3000; i++) h.add(utf8(`e${i}`), 3000);
    expect(h.encoding).toBe(HLL_DENSE);
    const card = h.count()!;
    expect(card).toBe(2979);
    h.setCachedCard(card);
    expect(h.len).toBe(12304);
    expect(fnv1a(h.bytes())).toBe(0x8f158704);
  });

  it('rejects strings that are not HLLs and detects corrupted sparse values', () => {
    expect(Hll.isHllString(utf8('HYLL'))).toBe(false);
    expect(Hll.isHllString(Hll.empty().bytes())).toBe(true);
    const bad = Hll.empty().bytes();
    bad[17] = 0; // XZERO now covers 16129 registers, not 16384
    const h = Hll.of(bad);
    expect(h.encoding).toBe(HLL_SPARSE);
    expect(h.count()).toBeUndefined();
    expect(h.toDense()).toBe(false);
  });
});
