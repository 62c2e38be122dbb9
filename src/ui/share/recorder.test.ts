import { describe, expect, it } from 'vitest';
import { SessionRecorder } from './recorder.ts';
import { SHARE_LIMITS } from './types.ts';

const START = 1_700_000_000_000;

/** A clock whose readings resolve when the test says so, like a worker answering in order. */
function fakeClock() {
  let now = START;
  const waiting: ((ms: number) => void)[] = [];
  return {
    set: (ms: number) => (now = START + ms),
    answerAll: () => waiting.splice(0).forEach((r) => r(now)),
    reads: () => waiting.length,
    port: {
      readNowMs: () => new Promise<number>((r) => waiting.push(r)),
      lastNowMs: () => now,
    },
  };
}

const end = { nowMs: START + 5000, paused: true, speed: 1, activeTab: 1 };

describe('SessionRecorder', () => {
  it('keeps events in input order, stamping lines with the clock read before they run', async () => {
    const clock = fakeClock();
    const rec = new SessionRecorder(clock.port, 7, START);
    rec.clockAction('pause', START + 100);
    rec.line(1, 'SET a 1 EX 100');
    expect(clock.reads()).toBe(1);
    clock.set(250);
    clock.answerAll();
    rec.clockAction('step', START + 10_250, 10_000);
    rec.tabOpened(2, 'Console 2');
    rec.tabRenamed(2, 'x'.repeat(60));
    rec.line(2, 'SPOP s');
    clock.set(10_250);
    rec.interrupt(2);
    rec.tabClosed(2);
    const snapshot = rec.snapshot(end);
    clock.answerAll();
    const s = await snapshot;
    expect(s.seed).toBe(7);
    expect(s.startMs).toBe(START);
    expect(s.events.map((e) => [e.kind, e.atMs])).toEqual([
      ['clock', 100],
      ['line', 250],
      ['clock', 10_250],
      ['tabOpen', 250],
      ['tabRename', 250],
      ['line', 10_250],
      ['interrupt', 10_250],
      ['tabClose', 10_250],
    ]);
    expect(s.events[4]).toMatchObject({ name: 'x'.repeat(SHARE_LIMITS.nameCharsMax) });
    expect(s.end).toEqual({ atMs: 5000, paused: true, speed: 1, activeTab: 1 });
    expect(s.dropped).toBe(0);
  });

  it('records nothing while suspended (a replay running)', async () => {
    const clock = fakeClock();
    const rec = new SessionRecorder(clock.port, 1, START);
    rec.suspended = true;
    rec.line(1, 'PING');
    rec.tabOpened(2, 'Console 2');
    expect(clock.reads()).toBe(0);
    rec.suspended = false;
    expect((await rec.snapshot(end)).events).toEqual([]);
  });

  it('keeps only the first events once a cap is reached, counting the rest', async () => {
    const clock = fakeClock();
    const rec = new SessionRecorder(clock.port, 1, START);
    for (let i = 0; i < SHARE_LIMITS.eventsMax + 5; i++) rec.clockAction('pause', START);
    expect(rec.recorded).toBe(SHARE_LIMITS.eventsMax);
    expect(rec.dropped).toBe(5);
    rec.line(1, 'PING');
    expect(clock.reads()).toBe(0);
    expect(rec.dropped).toBe(6);
  });

  it('stops at the text cap too, and never records past a dropped event', async () => {
    const clock = fakeClock();
    const rec = new SessionRecorder(clock.port, 1, START);
    const big = 'x'.repeat(SHARE_LIMITS.textCharsMax - 10);
    rec.line(1, big);
    rec.line(1, 'y'.repeat(20));
    rec.line(1, 'PING');
    clock.answerAll();
    const s = await rec.snapshot(end);
    expect(s.events).toHaveLength(1);
    expect(s.dropped).toBe(2);
  });

  it('adopts a replayed log so a later link holds it too', async () => {
    const clock = fakeClock();
    const rec = new SessionRecorder(clock.port, 3, START);
    const replayed = [{ kind: 'line' as const, atMs: 40, tab: 1, line: 'INCR n' }];
    rec.adopt({ seed: 3, startMs: START, events: replayed, end: { ...end, atMs: 40 }, dropped: 0 });
    clock.set(90);
    rec.line(1, 'GET n');
    clock.answerAll();
    const s = await rec.snapshot(end);
    expect(s.events.map((e) => e.kind === 'line' && [e.atMs, e.line])).toEqual([
      [40, 'INCR n'],
      [90, 'GET n'],
    ]);
  });

  it('keeps the last known time when the worker cannot answer', async () => {
    const rec = new SessionRecorder(
      { readNowMs: () => Promise.reject(new Error('gone')), lastNowMs: () => START + 7 },
      1,
      START,
    );
    rec.line(1, 'PING');
    expect((await rec.snapshot(end)).events[0]!.atMs).toBe(7);
  });
});
