import { describe, expect, it } from 'vitest';
import { testClient } from '../engine/testkit.ts';
import type { ServerNode } from '../engine/server/node.ts';
import { World } from '../sim/world.ts';
import { MetricsSampler } from './metrics-sampler.ts';

function setup(capacity?: number) {
  const world = new World({ seed: 1, startMs: 1_000_000 });
  let node: ServerNode | null = world.addNode({ config: { 'enable-debug-command': 'yes' } });
  const sampler = new MetricsSampler(world, () => node, undefined, capacity);
  const cli = testClient(node);
  return {
    world,
    sampler,
    cli,
    node: node,
    setNode: (n: ServerNode | null) => (node = n),
  };
}

/** used_memory as INFO memory prints it. */
function infoUsedMemory(cli: ReturnType<typeof testClient>): number {
  const r = cli.call('INFO', 'memory') as { b: Uint8Array };
  return Number(/used_memory:(\d+)/.exec(new TextDecoder().decode(r.b))![1]);
}

describe('MetricsSampler', () => {
  it('samples once per virtual second; commands of a second are that sample ops', () => {
    const { world, sampler, cli } = setup();
    world.advance(1000);
    for (let i = 0; i < 30; i++) cli.call('SET', `k${i}`, 'v');
    world.advance(500);
    cli.call('GET', 'k1');
    world.advance(500);
    world.advance(1000);
    const s = sampler.samples();
    expect(s.map((x) => [x.nowMs - 1_000_000, x.ops, x.intervalMs, x.cause])).toEqual([
      [1000, 0, 1000, 'second'],
      [2000, 31, 1000, 'second'],
      [3000, 0, 1000, 'second'],
    ]);
    expect(s[1]).toMatchObject({ keys: 30, totalCommands: 31, connectedClients: 1 });
    expect(s.map((x) => x.seq)).toEqual([1, 2, 3]);
  });

  it('takes nothing while the clock stands still, and one sample per step', () => {
    const { world, sampler, cli } = setup();
    world.advance(1400);
    // Paused: commands run at a frozen instant, no advance means no timer.
    for (let i = 0; i < 30; i++) cli.call('SET', `k${i}`, 'v');
    expect(sampler.samples()).toHaveLength(1);
    // A 1 s step: exactly one sample (the timer re-based at the step's start), holding the 30 SETs.
    sampler.step(1000, () => world.advance(1000));
    let s = sampler.samples();
    expect(s.map((x) => [x.nowMs - 1_000_000, x.ops, x.cause])).toEqual([
      [1000, 0, 'second'],
      [2400, 30, 'second'],
    ]);
    // A short step still samples at its end, covering what it covered.
    cli.call('DEL', 'k1');
    sampler.step(250, () => world.advance(250));
    s = sampler.samples();
    expect(s.at(-1)).toMatchObject({ nowMs: 1_002_650, ops: 1, intervalMs: 250, cause: 'step', keys: 29 });
    // A zero step (reading the clock) takes no sample.
    sampler.step(0, () => world.advance(0));
    expect(sampler.samples()).toHaveLength(3);
    // A 2.5 s step: samples at +1 s, +2 s and its end (the 1 s step covered the 400 ms before it too).
    sampler.step(2500, () => world.advance(2500));
    expect(sampler.samples().map((x) => x.intervalMs)).toEqual([1000, 1400, 250, 1000, 1000, 500]);
  });

  it('reports INFO used_memory; a big value or DEBUG POPULATE raises it by about its size', () => {
    const { world, sampler, cli } = setup();
    world.advance(1000);
    const base = sampler.samples()[0]!.usedMemory;
    cli.call('SET', 'big', 'x'.repeat(100_000));
    world.advance(1000);
    const afterSet = sampler.samples()[1]!.usedMemory;
    expect(afterSet - base).toBeGreaterThan(100_000);
    expect(afterSet - base).toBeLessThan(140_000);
    cli.call('DEBUG', 'POPULATE', '20000');
    world.advance(1000);
    const populated = sampler.samples()[2]!;
    expect(populated.keys).toBe(20_001);
    // Each populated key costs ~100 bytes (entry, key sds, "value:N" string, bucket).
    expect(populated.usedMemory - afterSet).toBeGreaterThan(20_000 * 50);
    expect(populated.usedMemory).toBe(infoUsedMemory(cli));
    cli.call('FLUSHALL');
    world.advance(1000);
    const flushed = sampler.samples()[3]!;
    expect(flushed.events).toContain('flush');
    expect(flushed.keys).toBe(0);
    expect(flushed.usedMemory).toBeLessThan(base + 10_000);
  });

  it('counts expired and evicted keys as deltas and marks them', () => {
    const { world, sampler, cli } = setup();
    cli.call('SET', 'gone', 'v', 'PX', '100');
    world.advance(1000);
    expect(sampler.samples()[0]).toMatchObject({ expiredKeys: 1, expiredDelta: 1, events: ['expire'] });
    cli.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-random');
    cli.call('DEBUG', 'POPULATE', '2000');
    const limit = infoUsedMemory(cli) - 50_000;
    cli.call('CONFIG', 'SET', 'maxmemory', String(limit));
    cli.call('SET', 'one-more', 'v');
    world.advance(1000);
    const s = sampler.samples()[1]!;
    expect(s.evictedDelta).toBeGreaterThan(0);
    expect(s.events).toEqual(['evict']);
    expect(s.maxmemory).toBe(limit);
    world.advance(1000);
    expect(sampler.samples()[2]).toMatchObject({ evictedDelta: 0, expiredDelta: 0, events: [] });
  });

  it('keeps a bounded history and skips a stopped node; a new node restarts the counters', () => {
    const t = setup(5);
    for (let i = 0; i < 8; i++) t.world.advance(1000);
    expect(t.sampler.samples().map((s) => s.seq)).toEqual([4, 5, 6, 7, 8]);
    t.setNode(null);
    t.world.advance(1000);
    expect(t.sampler.samples().at(-1)!.seq).toBe(8);
    const fresh = t.world.addNode({ port: 6380 });
    testClient(fresh).call('PING');
    t.setNode(fresh);
    t.world.advance(1000);
    expect(t.sampler.samples().at(-1)).toMatchObject({ seq: 9, ops: 1, events: ['restart'] });
    t.sampler.dispose();
    t.world.advance(5000);
    expect(t.sampler.samples().at(-1)!.seq).toBe(9);
  });
});
