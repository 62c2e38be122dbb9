import { describe, expect, it } from 'vitest';
import { utf8, type Bytes } from '../engine/bytes.ts';
import type { Reply } from '../engine/resp/reply.ts';
import type { ServerNode } from '../engine/server/node.ts';
import { World, cronPeriodMs, deriveSeed } from './world.ts';

function run(node: ServerNode, replies: Reply[]) {
  const c = node.connect({ write: (r) => replies.push(r), close: () => {} });
  return (...args: string[]) =>
    node.execute(
      c,
      args.map((a): Bytes => utf8(a)),
    );
}

describe('World', () => {
  it('runs each node cron every 1000/hz ms of virtual time, reading hz each period', () => {
    const w = new World({ seed: 1, startMs: 0 });
    const node = w.addNode();
    const at: number[] = [];
    node.cron = () => void at.push(w.nowMs());
    w.advance(350);
    expect(at).toEqual([100, 200, 300]);
    node.config.setRaw('hz', '100');
    w.advance(100);
    expect(at).toEqual([100, 200, 300, 400, 410, 420, 430, 440, 450]);
    expect(w.nowMs()).toBe(450);
  });

  it('clamps hz like Redis', () => {
    const w = new World({ seed: 1 });
    const node = w.addNode();
    node.config.setRaw('hz', '100000');
    expect(cronPeriodMs(node)).toBe(2);
    node.config.setRaw('hz', '0');
    expect(cronPeriodMs(node)).toBe(1000);
  });

  it('keeps running crons when one throws', () => {
    const w = new World({ seed: 1 });
    const node = w.addNode();
    let calls = 0;
    node.cron = () => {
      calls++;
      throw new Error('boom');
    };
    expect(() => w.advance(100)).toThrow('boom');
    expect(() => w.advance(100)).toThrow('boom');
    expect(calls).toBe(2);
    expect(w.nowMs()).toBe(1_700_000_000_200);
  });

  it('expires a key with a TTL once the virtual clock passes its deadline', () => {
    const w = new World({ seed: 7 });
    const node = w.addNode();
    const replies: Reply[] = [];
    const cmd = run(node, replies);
    cmd('SET', 'k', 'v');
    const db = node.dbs[0]!;
    db.setExpire('k', w.nowMs() + 1500);
    w.advance(1400);
    expect(db.dict.has('k')).toBe(true);
    w.advance(200);
    // Lazy expiry on access sees the world's time.
    cmd('GET', 'k');
    expect(replies.at(-1)).toEqual({ t: 'nil' });
    expect(node.stats.expiredKeys).toBe(1);
  });

  it('expires keys through the active cycle without any access', () => {
    const w = new World({ seed: 7 });
    const node = w.addNode();
    const cmd = run(node, []);
    const db = node.dbs[0]!;
    for (let i = 0; i < 50; i++) {
      cmd('SET', `k${i}`, 'v');
      db.setExpire(`k${i}`, w.nowMs() + 100 + i);
    }
    w.advance(5000);
    expect(db.dict.size).toBe(0);
  });

  it('gives the same run for the same seed and different runs for different seeds', () => {
    const trace = (seed: number) => {
      const w = new World({ seed });
      const node = w.addNode();
      const draws: number[] = [];
      for (let i = 0; i < 5; i++) {
        w.advance(37);
        draws.push(node.random.int(1_000_000), w.random.int(1_000_000));
      }
      return { runId: node.runId, draws, now: w.nowMs() };
    };
    expect(trace(42)).toEqual(trace(42));
    expect(trace(42)).not.toEqual(trace(43));
  });

  it('names nodes host:port and derives independent seeds from names', () => {
    const w = new World({ seed: 3 });
    w.addNode();
    w.addNode({ port: 6380 });
    expect(w.nodeNames).toEqual(['127.0.0.1:6379', '127.0.0.1:6380']);
    expect(() => w.addNode()).toThrow();
    expect(w.node('127.0.0.1:6380')!.port).toBe(6380);
    expect(deriveSeed(3, 'a')).not.toBe(deriveSeed(3, 'b'));
    w.removeNode('127.0.0.1:6380');
    expect(w.nodeNames).toEqual(['127.0.0.1:6379']);
  });
});
