/*
 * The worker's side of the late-bound scripting code (engine/scripting/late-bound.ts): messages that
 * may run a script wait, in order, until the code's chunk is loaded; everything else goes straight to
 * the host. Command handling stays synchronous: the gate only decides when a message is handed over.
 *
 * Invariants:
 * - Order: once one message waits, every later message waits behind it (a client's commands, and
 *   messages of different kinds, are handed over in arrival order).
 * - What waits (mayNeedScripting): the scripting commands (EVAL*, FCALL*, FUNCTION, SCRIPT) and DEBUG
 *   (RELOAD re-reads libraries, SET-DISABLE-DENY-SCRIPTS touches the script engine), typed directly or
 *   queued in MULTI; bots and the rate-limit lab (their command lines may be scripts); persistence
 *   requests (an uploaded RDB may hold libraries). Stored files are loaded at boot only after the
 *   code (playground.worker.ts).
 * - The code is loaded once: on first need, at boot when files are stored, or in the background after
 *   the first command was served (a preload off the path to the first prompt). A failed load is retried on the next need
 *   and the waiting messages are handed over anyway (the host answers them with an error).
 */
import type { ToWorker } from '../protocol/messages.ts';

const SCRIPTING_COMMANDS = new Set([
  'eval',
  'evalsha',
  'eval_ro',
  'evalsha_ro',
  'fcall',
  'fcall_ro',
  'function',
  'script',
  'debug',
]);

function commandName(argv: readonly Uint8Array[]): string {
  const first = argv[0];
  if (first === undefined || first.length > 16) return '';
  return String.fromCharCode(...first).toLowerCase();
}

export function mayNeedScripting(msg: ToWorker): boolean {
  switch (msg.type) {
    case 'command':
      return SCRIPTING_COMMANDS.has(commandName(msg.argv));
    case 'botStart':
    case 'rateLimitStart':
    case 'persistAction':
    case 'persistMode':
    case 'persistLoadRdb':
      return true;
    default:
      return false;
  }
}

export class ScriptingGate {
  private loaded = false;
  private preloaded = false;
  private loading: Promise<void> | undefined;
  private readonly waiting: ToWorker[] = [];

  constructor(
    private readonly load: () => Promise<void>,
    private readonly deliver: (msg: ToWorker) => void,
    private readonly logError: (e: unknown) => void = () => {},
  ) {}

  accept(msg: ToWorker): void {
    if (this.waiting.length > 0 || (!this.loaded && mayNeedScripting(msg))) {
      this.waiting.push(msg);
      void this.ensureLoaded();
      return;
    }
    this.deliver(msg);
    // Preload after the first command was served: off the path to the first prompt and reply.
    if (msg.type === 'command' && !this.preloaded) {
      this.preloaded = true;
      void this.ensureLoaded();
    }
  }

  /** Loads the code now (boot with stored files, or an idle preload); resolves when done or failed. */
  ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= this.load().then(
      () => {
        this.loaded = true;
        this.release();
      },
      (e: unknown) => {
        this.loading = undefined;
        this.logError(e);
        this.release();
      },
    );
    return this.loading;
  }

  private release(): void {
    for (const msg of this.waiting.splice(0)) this.deliver(msg);
  }
}
