import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages.ts';
import type { MetricsSample } from '../protocol/metrics.ts';
import { startedHost } from './testenv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

type Pushed = Extract<FromWorker, { type: 'metricsPushed' }>;

function setup() {
  const t = startedHost();
  const c = t.req({ type: 'connect' });
  const clientId = c.type === 'connected' ? c.state.clientId : -1;
  const run = (...a: string[]) => t.req({ type: 'command', clientId, argv: a.map(enc) });
  const pushes = (from = 0) => t.posted.slice(from).filter((m): m is Pushed => m.type === 'metricsPushed');
  return { ...t, run, pushes };
}

describe('metrics host', () => {
  it('answers the history, then pushes the sample a step takes with the commands run before it', () => {
    const t = setup();
    t.env.passRealTime(2000);
    const a = t.req({ type: 'metricsWatch', watch: true });
    const history = a.type === 'metrics' ? a.history : undefined;
    expect(history?.samples.length).toBe(2);
    expect(history?.paused).toBe(false);
    t.req({ type: 'clock', action: 'pause' });
    const mark = t.posted.length;
    for (let i = 0; i < 30; i++) t.run('SET', `k${i}`, 'v');
    t.env.passRealTime(5000);
    expect(t.pushes(mark)).toEqual([]);
    t.req({ type: 'clock', action: 'step', stepMs: 1000 });
    const [push] = t.pushes(mark);
    expect(push?.paused).toBe(true);
    expect(push?.samples.map((s: MetricsSample) => [s.ops, s.keys])).toEqual([[30, 30]]);
    // Reading the clock (a zero step) takes no sample.
    t.req({ type: 'clock', action: 'step', stepMs: 0 });
    expect(t.pushes(mark)).toHaveLength(1);
  });

  it('batches samples into a few pushes a real second at 100x, and stops when unwatched', () => {
    const t = setup();
    t.req({ type: 'metricsWatch', watch: true });
    t.req({ type: 'speed', factor: 100 });
    const mark = t.posted.length;
    t.env.passRealTime(1000);
    const pushes = t.pushes(mark);
    const samples = pushes.flatMap((p) => p.samples);
    expect(samples.length).toBeGreaterThanOrEqual(95);
    expect(pushes.length).toBeLessThanOrEqual(5);
    expect(samples.map((s) => s.seq)).toEqual(samples.map((_, i) => samples[0]!.seq + i));
    t.req({ type: 'metricsWatch', watch: false });
    const after = t.posted.length;
    t.env.passRealTime(1000);
    expect(t.pushes(after)).toEqual([]);
  });
});
