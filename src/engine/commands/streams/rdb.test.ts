/*
 * Whole streams in RDB form against payloads DUMPed by redis-server: the node listpacks we build
 * are Redis's bytes, and load + save reproduces a 7.0 payload exactly.
 */
import { describe, expect, it } from 'vitest';
import { RdbReader, RdbWriter } from '../../persistence/rdb-io.ts';
import { testClient, testNode } from '../../testkit.ts';
import { inspectStream } from './inspect.ts';
import type { StreamValue } from './model.ts';
import { encodeNode, loadStream, saveStream } from './rdb.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/* The 7.0 payload of rdb-tail.test.ts (5 entries, 3-0 deleted, groups g1 and g2). */
const V7_PAYLOAD =
  '13011000000000000000010000000000000000c34044404e074e0000001e00040140000781660200010201002001048276310304200b0001600b0032200b0003200d40170033200b0002200d400b0034600b0004600b0035200b00ff04050001000300050202673105000504000000000000000100000000000000009882bd16a201000001000000000000000200000000000000009882bd16a20100000100000000000000040000000000000000f983bd16a201000001000000000000000500000000000000000983bd16a2010000010305616c696365f983bd16a20100000300000000000000010000000000000000000000000000000200000000000000000000000000000004000000000000000003626f620983bd16a20100000100000000000000050000000000000000056361726f6c5983bd16a201000000026732050081ffffffffffffffff00000a00ad447fa37ebfa00b';

describe('stream RDB', () => {
  it('load then save reproduces a Redis 7.0 DUMP payload byte for byte', () => {
    const payload = hex(V7_PAYLOAD);
    const r = new RdbReader(payload);
    expect(r.byte()).toBe(19);
    const s = loadStream(r, true, 0);
    expect(r.pos).toBe(payload.length - 10);
    const w = new RdbWriter();
    w.byte(19);
    saveStream(w, s);
    expect(toHex(w.result())).toBe(toHex(payload.subarray(0, payload.length - 10)));
    const view = inspectStream(s, { nowMs: 0, from: 'head' });
    expect(view.entries.map((e) => [e.id, e.fields])).toEqual([
      ['1-0', [['f', 'v1']]],
      ['2-0', [['f', 'v2']]],
      ['4-0', [['f', 'v4']]],
      ['5-0', [['f', 'v5']]],
    ]);
  });

  it('builds the node listpack Redis builds (tombstone, SAMEFIELDS, other fields, integers)', () => {
    const { node } = testNode();
    const c = testClient(node);
    for (let i = 1; i <= 5; i++) c.call('XADD', 'x', `${i}-0`, 'f', `v${i}`);
    c.call('XDEL', 'x', '3-0');
    const s = node.dbs[0]!.peek('x') as StreamValue;
    const w = new RdbWriter();
    saveStream(w, s);
    const ours = new RdbReader(w.result());
    ours.len();
    ours.string();
    const theirs = new RdbReader(hex(V7_PAYLOAD));
    theirs.byte();
    theirs.len();
    theirs.string();
    expect(toHex(ours.string())).toBe(toHex(theirs.string()));
    c.call('XADD', 'y', '5-3', 'a', '1', 'b', '-7');
    c.call('XADD', 'y', '9-0', 'a', 'x', 'b', 'y');
    c.call('XADD', 'y', '9-1', 'other', '12345678901');
    const y = node.dbs[0]!.peek('y') as StreamValue;
    const round = loadStream(new RdbReader(saveBytes(y)), true, 0);
    expect(inspectStream(round, { nowMs: 0 })).toEqual(inspectStream(y, { nowMs: 0 }));
    expect(toHex(encodeNode(round.nodes.first().value))).toBe(toHex(encodeNode(y.nodes.first().value)));
  });

  it("loads the legacy (type 15) payload of Redis's own test as Redis 7.0 reports it", () => {
    const legacy =
      '0f011000000000000000010000000000000000c3404a40571657000000230002010401010184646174610500010301002001' +
      '0381610204200a0001400a0062600a0002400a0063600a4022018164200a4039200a0065600a0005400a0066200a00ff0206' +
      '0002026731050004000000000000000100000000000000003ef783437a01000001000000000000000200000000000000003e' +
      'f783437a01000001000000000000000400000000000000003ef783437a01000001000000000000000500000000000000003e' +
      'f783437a0100000101036331313ef783437a0100000400000000000000010000000000000000000000000000000200000000' +
      '0000000000000000000000040000000000000000000000000000000500000000000000000267320000000009003d52ef6867' +
      '521dfa';
    const r = new RdbReader(hex(legacy));
    expect(r.byte()).toBe(15);
    const s = loadStream(r, false, 0);
    const view = inspectStream(s, { nowMs: 0, from: 'head' });
    expect(view).toMatchObject({
      length: 2,
      lastId: '6-0',
      firstId: '5-0',
      maxDeletedId: '0-0',
      entriesAdded: '2',
    });
    expect(view.entries.map((e) => [e.id, e.fields])).toEqual([
      ['5-0', [['data', 'e']]],
      ['6-0', [['data', 'f']]],
    ]);
    expect(view.groups.map((g) => [g.name, g.entriesRead, g.lag])).toEqual([
      ['g1', 1, 1],
      ['g2', 0, 2],
    ]);
  });
});

function saveBytes(s: StreamValue): Uint8Array {
  const w = new RdbWriter();
  saveStream(w, s);
  return w.result();
}
