import { describe, expect, it } from 'vitest';
import { planReplay, runReplay, type ReplayPorts } from './replayer.ts';
import type { SharedSession } from './types.ts';

const START = 1_700_000_000_000;

function session(events: SharedSession['events'], endAtMs = 0): SharedSession {
  return {
    seed: 1,
    startMs: START,
    events,
    end: { atMs: endAtMs, paused: false, speed: 2, activeTab: 2 },
    dropped: 0,
  };
}

describe('planReplay', () => {
  it('keeps the recorded order and never moves time backwards', () => {
    const plan = planReplay(
      session(
        [
          { kind: 'line', atMs: 100, tab: 1, line: 'SET a 1' },
          // A line stamped after a step whose answer came later: it runs first, at its own time,
          // and the step then costs nothing.
          { kind: 'line', atMs: 10_100, tab: 1, line: 'TTL a' },
          { kind: 'clock', atMs: 10_100, action: 'step', value: 10_000 },
          { kind: 'tabOpen', atMs: 50, tab: 2, name: 'B' },
          { kind: 'line', atMs: 10_200, tab: 2, line: 'SPOP s' },
        ],
        9_000,
      ),
    );
    expect(plan.steps.map((s) => [s.event.kind, s.atMs - START])).toEqual([
      ['line', 100],
      ['line', 10_100],
      ['clock', 10_100],
      ['tabOpen', 10_100],
      ['line', 10_200],
    ]);
    expect(plan.endMs - START).toBe(10_200);
    expect(plan.lines).toBe(3);
    expect(plan.end).toEqual({ paused: false, speed: 2, activeTab: 2 });
  });

  it('counts blank lines as typed but not as commands', () => {
    const plan = planReplay(session([{ kind: 'line', atMs: 0, tab: 1, line: '  ' }]));
    expect(plan.steps).toHaveLength(1);
    expect(plan.lines).toBe(0);
  });

  it('ends at the time the link was made when that is later', () => {
    expect(planReplay(session([], 42_000)).endMs).toBe(START + 42_000);
  });
});

describe('runReplay', () => {
  function harness(settles = true) {
    const log: string[] = [];
    let now = START + 30; // the world ran a little before the replay paused it
    const ports: ReplayPorts = {
      pause: async () => (log.push('pause'), now),
      step: async (ms) => (log.push(`step ${ms}`), (now += ms)),
      restoreClock: async (paused, speed) =>
        void log.push(`clock ${paused ? 'paused' : 'playing'} x${speed}`),
      openTab: (tab, name) => void log.push(`open ${tab} ${name}`),
      renameTab: (tab, name) => void log.push(`rename ${tab} ${name}`),
      closeTab: (tab) => void log.push(`close ${tab}`),
      activateTab: (tab) => void log.push(`activate ${tab}`),
      console: async (tab) => ({
        typeLine: (line) => (
          log.push(`${tab}> ${line}`),
          settles ? Promise.resolve() : new Promise(() => {})
        ),
        typeInterrupt: async () => void log.push(`${tab}> ^C`),
      }),
      startBot: async (spec) => void log.push(`bot ${spec.kind}`),
      stopBot: async (id, remove) => void log.push(`stop bot ${id}${remove ? ' removed' : ''}`),
      giveUp: () => Promise.resolve(),
      onProgress: (done, total) => void log.push(`${done}/${total}`),
    };
    return { log, ports };
  }

  it('steps the paused clock to each event, types lines, then restores the clock', async () => {
    const { log, ports } = harness();
    const plan = planReplay(
      session(
        [
          { kind: 'clock', atMs: 10, action: 'pause' },
          { kind: 'line', atMs: 500, tab: 1, line: 'SET a 1 EX 100' },
          { kind: 'clock', atMs: 10_500, action: 'step', value: 10_000 },
          { kind: 'tabOpen', atMs: 10_500, tab: 2, name: 'sets' },
          { kind: 'line', atMs: 10_500, tab: 2, line: 'SUBSCRIBE c' },
          { kind: 'interrupt', atMs: 10_700, tab: 2 },
          { kind: 'tabRename', atMs: 10_700, tab: 2, name: 'sets!' },
          { kind: 'tabClose', atMs: 10_700, tab: 1 },
        ],
        12_000,
      ),
    );
    const result = await runReplay(plan, ports);
    expect(result).toEqual({ lines: 2, unsettled: 0 });
    expect(log.filter((l) => !/^\d+\/8$/.test(l))).toEqual([
      'pause',
      'step 470',
      'activate 1',
      '1> SET a 1 EX 100',
      'step 10000',
      'open 2 sets',
      'activate 2',
      '2> SUBSCRIBE c',
      'step 200',
      'activate 2',
      '2> ^C',
      'rename 2 sets!',
      'close 1',
      'step 1300',
      'activate 2',
      'clock playing x2',
    ]);
    expect(log.filter((l) => /^\d+\/8$/.test(l))).toHaveLength(8);
  });

  it('starts and stops bots at their times, going on when the worker refuses one', async () => {
    const { log, ports } = harness();
    ports.startBot = async (spec) => {
      log.push(`bot ${spec.kind}`);
      if (spec.kind === 'publisher') throw new Error('bad spec');
    };
    const spec = { kind: 'script' as const, everyMs: 100, commands: [['INCR', 'n']] };
    const plan = planReplay(
      session([
        { kind: 'botStart', atMs: 1000, spec },
        {
          kind: 'botStart',
          atMs: 1000,
          spec: { kind: 'publisher', channel: 'c', perSecond: -1, message: 'm' },
        },
        { kind: 'botStop', atMs: 2500, botId: 1, remove: true },
      ]),
    );
    await runReplay(plan, ports);
    expect(log.filter((l) => !/^\d+\/3$/.test(l))).toEqual([
      'pause',
      'step 970',
      'bot script',
      'bot publisher',
      'step 1500',
      'stop bot 1 removed',
      'activate 2',
      'clock playing x2',
    ]);
  });

  it('moves on when a line does not settle', async () => {
    const { ports } = harness(false);
    const plan = planReplay(session([{ kind: 'line', atMs: 0, tab: 1, line: 'BLPOP q 0' }]));
    expect(await runReplay(plan, ports)).toEqual({ lines: 1, unsettled: 1 });
  });
});
