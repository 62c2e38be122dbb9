/*
 * The app's side of sharing links: owns the recorder while the user works, makes links on demand, and
 * replays the link the page was opened with. The shell (App.svelte) forwards tab actions and console
 * inputs here and lends a TabsPort so a replay can open, rename, close and show tabs; the banner's
 * state goes to `onBanner` (controller.svelte.ts keeps it in a rune for the banner and Share button).
 *
 * While a replay runs the recorder is suspended (the replay's own typing, pauses and steps are not
 * recorded twice); the replayed log is adopted first, so a link made afterwards still rebuilds
 * everything from the start.
 */
import type { BotAction, BotSpec, ClockAction, ClockInfo } from '../../client/playground.ts';
import type { EnteredInput } from '../console/types.ts';
import { encodeSession } from './codec.ts';
import { type LinkOpening, shareUrl } from './link.ts';
import { SessionRecorder } from './recorder.ts';
import { replayTarget } from './replay-targets.ts';
import { planReplay, type ReplayPorts, runReplay } from './replayer.ts';
import type { SharedSession } from './types.ts';

/** What the shell lends a replay: its tab strip. */
export interface TabsPort {
  has(tab: number): boolean;
  /** Opens the tab with this id (or renames it when open); later new tabs get higher ids. */
  open(tab: number, name: string): void;
  rename(tab: number, name: string): void;
  close(tab: number): void;
  activate(tab: number): void;
}

export type ShareBannerState =
  | { kind: 'replaying'; done: number; total: number }
  | { kind: 'replayed'; lines: number; unsettled: number; dropped: number }
  | { kind: 'error'; message: string };

export interface MadeLink {
  url: string;
  events: number;
  dropped: number;
}

/** Real ms a replayed line may take to settle before the replay moves on (see replayer.ts). */
const LINE_SETTLE_MS = 5000;

/** The slice of the Playground facade that sharing uses (a fake in tests). */
export interface SharePlayground {
  readonly seed: number;
  readonly startMs: number | undefined;
  readonly clock: ClockInfo | undefined;
  readClock(): Promise<ClockInfo>;
  pause(): Promise<void>;
  play(): Promise<void>;
  step(ms: number): Promise<void>;
  setSpeed(factor: number): Promise<void>;
  onClockAction(cb: (action: ClockAction, after: ClockInfo) => void): () => void;
  startBot(spec: BotSpec): Promise<unknown>;
  stopBot(botId: number, remove?: boolean): Promise<unknown>;
  onBotAction(cb: (action: BotAction) => void): () => void;
}

export class ShareSession {
  private recorder: SessionRecorder | null = null;
  private playground: SharePlayground | null = null;
  private bannerState: ShareBannerState | null = null;

  constructor(
    private readonly onBanner: (b: ShareBannerState | null) => void,
    private readonly lineSettleMs = LINE_SETTLE_MS,
  ) {}

  get banner(): ShareBannerState | null {
    return this.bannerState;
  }

  private show(b: ShareBannerState | null): void {
    this.bannerState = b;
    this.onBanner(b);
  }

  /** Starts recording on `pg`, and replays the opened link first when there is one. */
  async attach(pg: SharePlayground, opening: LinkOpening, tabs: TabsPort): Promise<void> {
    this.playground = pg;
    const recorder = new SessionRecorder(
      {
        readNowMs: async () => (await pg.readClock()).nowMs,
        lastNowMs: () => pg.clock?.nowMs ?? pg.startMs ?? 0,
      },
      pg.seed,
      pg.startMs ?? 0,
    );
    this.recorder = recorder;
    pg.onClockAction((a, after) =>
      recorder.clockAction(a.action, after.nowMs, 'value' in a ? a.value : undefined),
    );
    pg.onBotAction((a) =>
      a.action === 'start' ? recorder.botStarted(a.spec) : recorder.botStopped(a.botId, a.remove),
    );
    if (opening.kind === 'error') this.show({ kind: 'error', message: opening.message });
    if (opening.kind === 'session') await this.replay(pg, opening.session, tabs);
  }

  entered(tab: number, input: EnteredInput): void {
    if (input.kind === 'line') this.recorder?.line(tab, input.line);
    else this.recorder?.interrupt(tab);
  }

  tabOpened(tab: number, name: string): void {
    this.recorder?.tabOpened(tab, name);
  }

  tabRenamed(tab: number, name: string): void {
    this.recorder?.tabRenamed(tab, name);
  }

  tabClosed(tab: number): void {
    this.recorder?.tabClosed(tab);
  }

  dismiss(): void {
    if (this.banner?.kind !== 'replaying') this.show(null);
  }

  /** A link that rebuilds the session so far. */
  async makeLink(activeTab: number, pageHref: string): Promise<MadeLink> {
    const pg = this.playground;
    const recorder = this.recorder;
    if (!pg || !recorder) throw new Error('the playground has not started yet');
    const { nowMs, paused, speed } = await pg.readClock();
    const session = await recorder.snapshot({ nowMs, paused, speed, activeTab });
    const code = await encodeSession(session);
    return { url: shareUrl(pageHref, code), events: session.events.length, dropped: session.dropped };
  }

  private async replay(pg: SharePlayground, session: SharedSession, tabs: TabsPort): Promise<void> {
    const recorder = this.recorder!;
    recorder.adopt(session);
    recorder.suspended = true;
    const plan = planReplay(session);
    this.show({ kind: 'replaying', done: 0, total: plan.steps.length });
    try {
      const result = await runReplay(plan, this.replayPorts(pg, tabs));
      this.show({ kind: 'replayed', ...result, dropped: session.dropped });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.show({ kind: 'error', message: `Replaying the shared link stopped: ${reason}.` });
    } finally {
      recorder.suspended = false;
    }
  }

  private replayPorts(pg: SharePlayground, tabs: TabsPort): ReplayPorts {
    const now = (): number => pg.clock?.nowMs ?? 0;
    return {
      pause: async () => (await pg.pause(), now()),
      step: async (ms) => (await pg.step(ms), now()),
      restoreClock: async (paused, speed) => {
        if (pg.clock?.speed !== speed) await pg.setSpeed(speed);
        if (!paused) await pg.play();
      },
      startBot: async (spec) => void (await pg.startBot(spec)),
      stopBot: async (botId, remove) => void (await pg.stopBot(botId, remove)),
      openTab: (tab, name) => tabs.open(tab, name),
      renameTab: (tab, name) => tabs.rename(tab, name),
      closeTab: (tab) => tabs.close(tab),
      activateTab: (tab) => tabs.activate(tab),
      console: (tab) => {
        if (!tabs.has(tab)) tabs.open(tab, `Console ${tab}`);
        return replayTarget(tab);
      },
      giveUp: () => new Promise((resolve) => setTimeout(resolve, this.lineSettleMs)),
      onProgress: (done, total) => this.show({ kind: 'replaying', done, total }),
    };
  }
}
