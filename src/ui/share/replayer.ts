/*
 * Replays a shared session into a fresh playground started with its seed and startMs.
 *
 * Order and time (planReplay): events run in the order they were recorded. Before each one the
 * virtual clock, kept paused for the whole replay, is stepped forward to the event's time, so TTLs,
 * expiries and seeded random replies (SPOP, RANDOMKEY) come out as they did. Time never goes back: an
 * event stamped earlier than one before it (a clock answer that overtook a line) runs at the later
 * time. Clock actions need no action of their own: a step is the time its successor is stepped to,
 * and pause/play/speed only matter at the end, where the recorded clock state is restored.
 *
 * Consoles (runReplay): a line is typed into its tab as if by the user and the next event waits until
 * the line has settled: its reply printed, or the tab is now subscribed / in MONITOR, or its command
 * is blocked (BLPOP 0 waits for a push from another tab, as it did for the user). A line that has not
 * settled after `giveUp()` (real time) is left running, so a replay can never hang.
 */
import type { BotSpec } from '../../protocol/bots.ts';
import type { ShareEnd, ShareEvent, SharedSession } from './types.ts';

export interface ReplayStep {
  /** Virtual unix ms to step the clock to before the event (non-decreasing along the plan). */
  atMs: number;
  event: ShareEvent;
}

export interface ReplayPlan {
  steps: ReplayStep[];
  /** Where the clock ends: the time the link was made (never before the last step). */
  endMs: number;
  /** Non-blank lines that will be typed (the banner's "Replayed N commands"). */
  lines: number;
  /** The clock state and tab restored after the last event. */
  end: Omit<ShareEnd, 'atMs'>;
}

export function planReplay(session: SharedSession): ReplayPlan {
  const origin = Math.floor(session.startMs);
  let atMs = origin;
  const steps: ReplayStep[] = [];
  let lines = 0;
  for (const event of session.events) {
    atMs = Math.max(atMs, origin + event.atMs);
    steps.push({ atMs, event });
    if (event.kind === 'line' && event.line.trim() !== '') lines++;
  }
  const { paused, speed, activeTab } = session.end;
  return {
    steps,
    endMs: Math.max(atMs, origin + session.end.atMs),
    lines,
    end: { paused, speed, activeTab },
  };
}

/** A console tab as the replay drives it (ConsoleSession in the app). */
export interface ReplayConsole {
  /** Types the line and Enter; resolves once it has settled (see the header). */
  typeLine(line: string): Promise<void>;
  /** Ctrl-C; resolves once the tab is back at its prompt. */
  typeInterrupt(): Promise<void>;
}

export interface ReplayPorts {
  /** Pauses the clock; resolves with the virtual unix ms now. */
  pause(): Promise<number>;
  /** Steps the paused clock by `ms`; resolves with the virtual unix ms now. */
  step(ms: number): Promise<number>;
  restoreClock(paused: boolean, speed: number): Promise<void>;
  /** Opens tab `tab` named `name`, or renames it when it is open already. */
  openTab(tab: number, name: string): void;
  renameTab(tab: number, name: string): void;
  closeTab(tab: number): void;
  /** Shows the tab (its terminal then has its real width, as when the user typed). */
  activateTab(tab: number): void;
  /** The tab's console once it is mounted (opening the tab first when it is not open). */
  console(tab: number): Promise<ReplayConsole>;
  /** Starts or stops a bot as recorded (a refusal is the worker's, as it was the first time). */
  startBot(spec: BotSpec): Promise<void>;
  stopBot(botId: number, remove: boolean): Promise<void>;
  /** Resolves when a line has waited long enough to stop waiting for it. */
  giveUp(): Promise<void>;
  onProgress?(done: number, total: number): void;
}

export interface ReplayResult {
  lines: number;
  /** Lines that had not settled when the replay moved on. */
  unsettled: number;
}

export async function runReplay(plan: ReplayPlan, ports: ReplayPorts): Promise<ReplayResult> {
  let nowMs = await ports.pause();
  const advanceTo = async (targetMs: number): Promise<void> => {
    if (targetMs > nowMs) nowMs = await ports.step(targetMs - nowMs);
  };
  let unsettled = 0;
  for (const [i, { atMs, event }] of plan.steps.entries()) {
    await advanceTo(atMs);
    if (!(await applyEvent(event, ports))) unsettled++;
    ports.onProgress?.(i + 1, plan.steps.length);
  }
  await advanceTo(plan.endMs);
  ports.activateTab(plan.end.activeTab);
  await ports.restoreClock(plan.end.paused, plan.end.speed);
  return { lines: plan.lines, unsettled };
}

/** Runs one event; false when it was a console input that did not settle in time. */
async function applyEvent(event: ShareEvent, ports: ReplayPorts): Promise<boolean> {
  switch (event.kind) {
    case 'tabOpen':
      ports.openTab(event.tab, event.name);
      return true;
    case 'tabRename':
      ports.renameTab(event.tab, event.name);
      return true;
    case 'tabClose':
      ports.closeTab(event.tab);
      return true;
    case 'clock':
      return true;
    case 'botStart':
      await ports.startBot(event.spec).catch(() => {});
      return true;
    case 'botStop':
      await ports.stopBot(event.botId, event.remove).catch(() => {});
      return true;
    case 'line':
    case 'interrupt': {
      const target = await ports.console(event.tab);
      ports.activateTab(event.tab);
      const typed = event.kind === 'line' ? target.typeLine(event.line) : target.typeInterrupt();
      return Promise.race([typed.then(() => true), ports.giveUp().then(() => false)]);
    }
  }
}
