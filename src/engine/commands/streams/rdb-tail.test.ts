/*
 * The stream RDB tail (counters and consumer groups) against payloads DUMPed by redis-server 7.0
 * (type 19) and 5.0 (type 15, the one of Redis's own "Loading from legacy" test): loading then
 * saving reproduces Redis's bytes, and the groups read back as Redis reports them.
 */
import { describe, expect, it } from 'vitest';
import { RdbReader, RdbWriter } from '../../persistence/rdb-io.ts';
import { testClient, testNode } from '../../testkit.ts';
import { inspectStream } from './inspect.ts';
import { StreamValue } from './model.ts';
import { loadStreamTail, saveStreamTail } from './rdb-tail.ts';

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** Skips the type byte and the nodes of a DUMP payload; the reader then stands at the tail. */
function readerAtTail(payload: Uint8Array): RdbReader {
  const r = new RdbReader(payload);
  r.byte();
  for (let n = r.len(); n > 0; n--) {
    r.string();
    r.string();
  }
  return r;
}

/*
 * redis-server 7.0.15: XADD x 1-0..5-0 f v<i>; XDEL x 3-0; XGROUP CREATE x g1 0; XGROUP CREATE x g2 $;
 * XREADGROUP GROUP g1 alice COUNT 2 STREAMS x >; XREADGROUP GROUP g1 bob STREAMS x >;
 * XGROUP CREATECONSUMER x g1 carol; XCLAIM x g1 alice 0 4-0 JUSTID; DUMP x.
 */
const V7_PAYLOAD =
  '13011000000000000000010000000000000000c34044404e074e0000001e00040140000781660200010201002001048276310304200b0001600b0032200b0003200d40170033200b0002200d400b0034600b0004600b0035200b00ff04050001000300050202673105000504000000000000000100000000000000009882bd16a201000001000000000000000200000000000000009882bd16a20100000100000000000000040000000000000000f983bd16a201000001000000000000000500000000000000000983bd16a2010000010305616c696365f983bd16a20100000300000000000000010000000000000000000000000000000200000000000000000000000000000004000000000000000003626f620983bd16a20100000100000000000000050000000000000000056361726f6c5983bd16a201000000026732050081ffffffffffffffff00000a00ad447fa37ebfa00b';

describe('stream RDB tail', () => {
  it('loads a Redis 7.0 payload and writes the same bytes back', () => {
    const payload = hex(V7_PAYLOAD);
    const r = readerAtTail(payload);
    const tailStart = r.pos;
    const { node } = testNode();
    const c = testClient(node);
    for (const id of ['1-0', '2-0', '4-0', '5-0']) c.call('XADD', 'x', id, 'f', 'v');
    const s = new StreamValue(0);
    s.nodes = (node.dbs[0]!.peek('x') as StreamValue).nodes;
    loadStreamTail(r, s, true);
    expect(r.pos).toBe(payload.length - 10);
    const w = new RdbWriter();
    saveStreamTail(w, s);
    expect(Buffer.from(w.result()).toString('hex')).toBe(
      Buffer.from(payload.subarray(tailStart, payload.length - 10)).toString('hex'),
    );
    const view = inspectStream(s, { nowMs: 0 });
    expect(view).toMatchObject({
      length: 4,
      lastId: '5-0',
      firstId: '1-0',
      maxDeletedId: '3-0',
      entriesAdded: '5',
    });
    expect(view.groups.map((g) => [g.name, g.lastDeliveredId, g.entriesRead, g.pendingCount])).toEqual([
      ['g1', '5-0', 5, 4],
      ['g2', '5-0', null, 0],
    ]);
    expect(view.groups[0]!.consumers.map((k) => [k.name, k.pending.map((p) => p.id)])).toEqual([
      ['alice', ['1-0', '2-0', '4-0']],
      ['bob', ['5-0']],
      ['carol', []],
    ]);
  });

  it("loads the legacy (type 15) payload of Redis's own test with estimated read counters", () => {
    const legacy =
      '0f011000000000000000010000000000000000c3404a40571657000000230002010401010184646174610500010301002001' +
      '0381610204200a0001400a0062600a0002400a0063600a4022018164200a4039200a0065600a0005400a0066200a00ff0206' +
      '0002026731050004000000000000000100000000000000003ef783437a01000001000000000000000200000000000000003e' +
      'f783437a01000001000000000000000400000000000000003ef783437a01000001000000000000000500000000000000003e' +
      'f783437a0100000101036331313ef783437a0100000400000000000000010000000000000000000000000000000200000000' +
      '0000000000000000000000040000000000000000000000000000000500000000000000000267320000000009003d52ef6867' +
      '521dfa';
    const r = readerAtTail(hex(legacy));
    const { node } = testNode();
    const c = testClient(node);
    for (const id of ['5-0', '6-0']) c.call('XADD', 'x', id, 'data', 'v');
    const s = new StreamValue(0);
    s.nodes = (node.dbs[0]!.peek('x') as StreamValue).nodes;
    loadStreamTail(r, s, false);
    const view = inspectStream(s, { nowMs: 0 });
    expect(view).toMatchObject({
      length: 2,
      lastId: '6-0',
      firstId: '5-0',
      maxDeletedId: '0-0',
      entriesAdded: '2',
    });
    expect(view.groups.map((g) => [g.name, g.entriesRead, g.lag, g.pendingCount])).toEqual([
      ['g1', 1, 1, 4],
      ['g2', 0, 2, 0],
    ]);
  });

  it('refuses inconsistent PELs', () => {
    const { node } = testNode();
    const c = testClient(node);
    c.call('XADD', 'x', '1-0', 'f', 'v');
    c.call('XGROUP', 'CREATE', 'x', 'g', '0');
    c.call('XREADGROUP', 'GROUP', 'g', 'a', 'STREAMS', 'x', '>');
    const src = node.dbs[0]!.peek('x') as StreamValue;
    const g = src.groups!.get('g')!;
    const id = g.pel.firstKey()!;
    const bytesOf = (): Uint8Array => {
      const w = new RdbWriter();
      saveStreamTail(w, src);
      return w.result();
    };
    const load = (b: Uint8Array) => () => {
      const s = new StreamValue(0);
      s.nodes = src.nodes;
      loadStreamTail(new RdbReader(b), s, true);
    };
    const pe = g.pel.get(id)!;
    pe.consumer.pel.delete(id);
    expect(load(bytesOf())).toThrow('Stream CG PEL entry without consumer');
    pe.consumer.pel.set(id, pe);
    g.pel.delete(id);
    expect(load(bytesOf())).toThrow('Consumer entry not found in group global PEL');
  });
});
