import { describe, expect, it } from 'vitest';
import { utf8 } from '../engine/bytes.ts';
import { RespWriter } from '../engine/resp/encode.ts';
import { ReplyParser } from '../engine/resp/reply-parser.ts';
import {
  arr,
  bool,
  bulk,
  bulkStr,
  double,
  int,
  map,
  NIL,
  NIL_ARRAY,
  set,
  simple,
  verbatim,
  type Reply,
} from '../engine/resp/reply.ts';
import { toWire } from './wire.ts';

describe('toWire', () => {
  it('copies byte views so only their own bytes cross the boundary', () => {
    const big = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const w = toWire(
      arr([bulk(big.subarray(2, 4)), map([[simple('k'), verbatim('txt', big.subarray(0, 1))]])]),
    );
    if (w.t !== 'array') throw new Error(w.t);
    const b = w.a[0]!;
    if (b.t !== 'bulk') throw new Error(b.t);
    expect([...b.b]).toEqual([3, 4]);
    expect(b.b.buffer.byteLength).toBe(2);
    expect(w.a[1]).toEqual({
      t: 'map',
      m: [
        [
          { t: 'simple', s: 'k' },
          { t: 'verbatim', format: 'txt', b: new Uint8Array([1]) },
        ],
      ],
    });
  });

  it('passes arrays that own their buffer unchanged', () => {
    const own = new Uint8Array([9]);
    const w = toWire(bulk(own));
    expect(w.t === 'bulk' && w.b).toBe(own);
  });
});

describe('toWire for a RESP2 connection', () => {
  it('downgrades exactly as the RESP encoder does on the wire', () => {
    const samples: Reply[] = [
      double(10),
      double(0.1),
      double(13.361389, '13.36138933897018433'),
      double(Infinity),
      bool(true),
      map([[bulkStr('a'), double(1.5)]]),
      set([int(1), bulkStr('x')]),
      arr([NIL, NIL_ARRAY, arr([double(-2)])]),
      verbatim('txt', utf8('info')),
      { t: 'bignum', s: '123456789012345678901234567890' },
    ];
    for (const r of samples) {
      const w = new RespWriter(64);
      w.write(r, 2);
      const p = new ReplyParser();
      p.feed(w.take());
      expect(toWire(r, 2)).toEqual(p.next());
    }
  });
});
