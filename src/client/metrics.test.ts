import { describe, expect, it } from 'vitest';
import type { MetricsHistory, MetricsSample } from '../protocol/metrics.ts';
import { METRICS_HISTORY_MAX } from '../protocol/metrics.ts';
import { MetricsClient } from './metrics.ts';
import type { Rpc } from './rpc.ts';

function sample(seq: number): MetricsSample {
  return {
    seq,
    nowMs: seq * 1000,
    intervalMs: 1000,
    cause: 'second',
    maxmemory: 0,
    usedMemory: 900_000,
    keys: 0,
    totalCommands: seq,
    ops: 1,
    expiredKeys: 0,
    evictedKeys: 0,
    expiredDelta: 0,
    evictedDelta: 0,
    connectedClients: 1,
    events: [],
  };
}

/** An Rpc stand-in answering metricsWatch with `history`, recording the watch flags sent. */
function fakeRpc(history: MetricsHistory) {
  const sent: boolean[] = [];
  const rpc = {
    request: (msg: { type: string; watch: boolean }) => {
      sent.push(msg.watch);
      return Promise.resolve({ type: 'metrics', id: 1, history });
    },
  } as unknown as Rpc;
  return { rpc, sent };
}

describe('MetricsClient', () => {
  it('starts from the history, appends pushes by seq and turns pushes off with the last watcher', async () => {
    const { rpc, sent } = fakeRpc({ samples: [sample(1), sample(2)], paused: false });
    const m = new MetricsClient(rpc);
    const seen: number[][] = [];
    const off1 = m.watch((h) => seen.push(h.samples.map((s) => s.seq)));
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.at(-1)).toEqual([1, 2]);
    m.receive({ samples: [sample(2), sample(3)], paused: true });
    expect(seen.at(-1)).toEqual([1, 2, 3]);
    const second: boolean[] = [];
    const off2 = m.watch((h) => second.push(h.paused));
    expect(second).toEqual([true]);
    off1();
    off2();
    expect(sent).toEqual([true, false]);
    m.receive({ samples: [sample(4)], paused: true });
    expect(seen.at(-1)).toEqual([1, 2, 3]);
  });

  it('keeps at most METRICS_HISTORY_MAX samples', async () => {
    const { rpc } = fakeRpc({ samples: [], paused: false });
    const m = new MetricsClient(rpc);
    let last: MetricsSample[] = [];
    m.watch((h) => (last = h.samples));
    await Promise.resolve();
    await Promise.resolve();
    const many = Array.from({ length: METRICS_HISTORY_MAX + 20 }, (_, i) => sample(i + 1));
    m.receive({ samples: many, paused: false });
    expect(last).toHaveLength(METRICS_HISTORY_MAX);
    expect(last[0]!.seq).toBe(21);
  });
});
