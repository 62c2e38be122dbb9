/*
 * One console tab: redis-cli's interactive loop on a terminal surface.
 *
 * Modes: "prompt" (editing a line), "busy" (a command is running; typed input is queued and replayed
 * afterwards, except Ctrl-C which interrupts) and "reading" (subscribed or MONITOR: pushes print as
 * they arrive, only Ctrl-C does anything). The prompt is redrawn in full after every edit (see
 * render.ts), with a grey hint after the text. Entered lines are interpreted as redis-cli's repl does
 * (repl.ts) and commands run through the executor (executor.ts).
 */
import { CompletionCycle, completionsFor } from '../cli/completion.ts';
import { buildHelpEntries, helpText, type HelpEntry } from '../cli/help.ts';
import { hintFor } from '../cli/hints.ts';
import type { History } from '../cli/history.ts';
import { formatPrompt } from '../cli/prompt.ts';
import { CommandExecutor } from './executor.ts';
import { applyEditKey } from './edit-keys.ts';
import { type Key, parseKeys } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import { applyPreference, interpretLine } from './repl.ts';
import { leftModeNotice } from './status-note.ts';
import { type DrawState, drawLine, textWidth } from './render.ts';
import type { SessionDeps, SessionStatus } from './types.ts';

type Mode = 'starting' | 'prompt' | 'busy' | 'reading';

export class ConsoleSession {
  private readonly editor = new LineEditor();
  private readonly executor: CommandExecutor;
  private drawState: DrawState = { cursorRow: 0 };
  private mode: Mode = 'starting';
  private queuedKeys: Key[] = [];
  private cycle: CompletionCycle | null = null;
  private entries: HelpEntry[] = [];
  private hintsOn = true;
  /** Identifies the line being run; bumped by Ctrl-C so an abandoned run ends silently. */
  private runToken = 0;
  /** Status-bar note about the last mode change; cleared by the next command. */
  private notice: string | null = null;
  /** typeLine()/typeInterrupt() callers waiting for the tab to settle (see settled()). */
  private settleWaiters: (() => void)[] = [];

  constructor(
    private readonly deps: SessionDeps,
    private readonly history: History,
    private readonly onStatus: (s: SessionStatus) => void = () => {},
  ) {
    this.executor = new CommandExecutor(deps, (text) => this.print(text), {
      onPushAtPrompt: (text) => this.printAbovePrompt(text),
      onChange: () => this.statusChanged(),
      onBlocked: () => this.settled(),
    });
    deps.docs.then((docs) => (this.entries = buildHelpEntries(docs))).catch(() => {});
  }

  async start(): Promise<void> {
    try {
      await this.executor.connect();
    } catch {
      this.print('Could not connect to the playground server\n');
    }
    this.showPrompt();
  }

  dispose(): void {
    this.executor.disconnect();
    this.settled();
  }

  /**
   * Shared-link replay (ui/share): types `line` and Enter as a user would (queued while a command runs,
   * as typed keys are); resolves once the tab has settled: back at the prompt, reading pushes
   * (subscribed, MONITOR), or blocked on a command whose reply comes later.
   */
  typeLine(line: string): Promise<void> {
    if (this.mode === 'reading') return Promise.resolve();
    const settled = new Promise<void>((resolve) => this.settleWaiters.push(resolve));
    if (this.mode === 'prompt') {
      this.editor.set(line);
      this.submit();
    } else {
      const keys: Key[] = Array.from(line, (ch) => ({ kind: 'char', ch }));
      this.queuedKeys.push(...keys, { kind: 'enter' });
    }
    return settled;
  }

  /** Shared-link replay: Ctrl-C while a command waits or the tab reads pushes. */
  typeInterrupt(): Promise<void> {
    return this.mode === 'busy' || this.mode === 'reading' ? this.interrupt() : Promise.resolve();
  }

  private settled(): void {
    const waiting = this.settleWaiters;
    this.settleWaiters = [];
    for (const resolve of waiting) resolve();
  }

  get status(): SessionStatus {
    const conn = this.executor.conn;
    const s = conn?.state;
    return {
      connected: conn !== null,
      clientId: conn?.clientId ?? null,
      db: s?.db ?? 0,
      inMulti: s?.inMulti ?? false,
      subscribed: s?.subscribed ?? false,
      busy: this.mode !== 'prompt',
      reading: this.mode === 'reading' ? this.executor.reading : null,
      notice: this.notice,
    };
  }

  private statusChanged(): void {
    // Reading ended without Ctrl-C (the server closed the connection): back to the prompt.
    if (this.mode === 'reading' && !this.executor.reading) return this.showPrompt();
    this.onStatus(this.status);
    if (this.mode === 'prompt') this.redraw();
  }

  /** Writes reply text: a binary string, sent as raw bytes so the terminal decodes UTF-8. */
  private print(binary: string): void {
    const ascii = !/[\x80-\xff]/.test(binary);
    this.deps.term.write(ascii ? binary : Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }

  private printAbovePrompt(text: string): void {
    if (this.mode !== 'prompt') return this.print(text);
    const up = this.drawState.cursorRow > 0 ? `\x1b[${this.drawState.cursorRow}A` : '';
    this.deps.term.write(up + '\r\x1b[J');
    this.print(text);
    this.drawState = { cursorRow: 0 };
    this.redraw();
  }

  private get prompt(): string {
    const s = this.status;
    const { host, port } = this.deps.server;
    return formatPrompt({ host, port, db: s.db, inMulti: s.inMulti, connected: s.connected });
  }

  private showPrompt(): void {
    this.mode = 'prompt';
    this.drawState = { cursorRow: 0 };
    this.redraw();
    this.onStatus(this.status);
    const pending = this.queuedKeys;
    this.queuedKeys = [];
    this.processKeys(pending);
    if (this.mode === 'prompt') this.settled();
  }

  private redraw(withHint = true): void {
    const text = this.editor.text;
    const hint = withHint && this.hintsOn && text ? hintFor(text, this.entries) : null;
    const view = { prompt: this.prompt, text, beforeCursor: this.editor.beforeCursor, hint };
    const { out, state } = drawLine(view, this.drawState, this.deps.term.cols);
    this.drawState = state;
    this.deps.term.write(out);
  }

  /** The terminal changed width: xterm reflowed the line, so recompute where the cursor row is. */
  resized(): void {
    if (this.mode !== 'prompt') return;
    const cells = textWidth(this.prompt) + textWidth(this.editor.beforeCursor);
    this.drawState = { cursorRow: Math.floor(cells / Math.max(1, this.deps.term.cols)) };
    this.redraw();
  }

  /** Terminal input (xterm onData). */
  input(data: string): void {
    if (this.mode === 'prompt') return this.processKeys(parseKeys(data));
    if (data.includes('\x03') && this.mode !== 'starting') {
      void this.interrupt();
      return;
    }
    if (this.mode !== 'reading') this.queuedKeys.push(...parseKeys(data));
  }

  /** Applies keys; once a line is submitted the rest wait for the next prompt (a multi-line paste). */
  private processKeys(keys: Key[]): void {
    for (let i = 0; i < keys.length; i++) {
      if (this.mode !== 'prompt') {
        this.queuedKeys.push(...keys.slice(i));
        return;
      }
      this.handleKey(keys[i]!);
    }
  }

  /**
   * Ctrl-C while busy or reading. Leaving subscribed/MONITOR mode looks as in redis-cli 7.0: the
   * terminal's "^C", then "(1.64s)" when the command ran 0.5 s or more, then the prompt (which, drawn
   * from column 0, overwrites a lone "^C" as linenoise's does). The status bar says that the tab now
   * has a new connection, since the terminal does not.
   */
  private async interrupt(): Promise<void> {
    this.runToken++; // whatever the interrupted command does later must not touch the screen
    this.deps.onEntered?.({ kind: 'interrupt' });
    const left = this.mode === 'reading' ? this.executor.reading : null;
    this.mode = 'starting';
    const elapsedMs = this.deps.nowMs() - this.executor.readingSinceMs;
    if (!left) this.print('^C\n');
    else this.print(elapsedMs >= 500 ? `^C(${(elapsedMs / 1000).toFixed(2)}s)\n` : '^C');
    this.queuedKeys = [];
    try {
      await this.executor.interrupt();
      if (left) this.notice = leftModeNotice(left, this.executor.conn?.state);
    } catch {
      this.print('Could not reconnect\n');
    }
    this.showPrompt();
  }

  private handleKey(key: Key): void {
    if (key.kind === 'tab') return this.complete();
    if (this.cycle) {
      if (key.kind === 'escape') this.editor.set(this.cycle.original);
      this.cycle = null;
      if (key.kind === 'escape') return this.redraw();
    }
    if (key.kind === 'enter') return this.submit();
    if (key.kind === 'ctrl-c') return this.cancelLine();
    if (key.kind === 'ctrl-l') return this.clearScreen();
    applyEditKey(this.editor, this.history, key);
    this.redraw();
  }

  private complete(): void {
    if (this.cycle) {
      this.editor.set(this.cycle.next());
      return this.redraw();
    }
    const candidates = completionsFor(this.editor.text, this.entries);
    if (candidates.length === 0) return this.deps.term.write('\x07');
    this.cycle = new CompletionCycle(this.editor.text, candidates);
    this.editor.set(this.cycle.shown);
    this.redraw();
  }

  /** Ctrl-C at the prompt: abandon the line (shown with ^C), like a shell. */
  private cancelLine(): void {
    this.editor.end();
    this.redraw(false);
    this.deps.term.write('^C\r\n');
    this.editor.killLine();
    this.history.reset();
    this.drawState = { cursorRow: 0 };
    this.redraw();
  }

  private clearScreen(redrawPrompt = true): void {
    this.deps.term.write('\x1b[H\x1b[2J\x1b[3J');
    this.drawState = { cursorRow: 0 };
    if (redrawPrompt) this.redraw();
  }

  private submit(): void {
    this.editor.end();
    this.redraw(false);
    this.deps.term.write('\r\n');
    const line = this.editor.text;
    this.editor.killLine();
    this.history.reset();
    this.mode = 'busy';
    this.onStatus(this.status);
    const token = ++this.runToken;
    this.notice = null;
    this.deps.onEntered?.({ kind: 'line', line });
    void this.runLine(line)
      .catch((err: unknown) => this.print(`Error: ${err instanceof Error ? err.message : String(err)}\n`))
      .finally(() => {
        if (token !== this.runToken) return;
        if (this.executor.reading) {
          this.mode = 'reading';
          this.onStatus(this.status);
          this.settled();
        } else this.showPrompt();
      });
  }

  /** The playground's `viz <key>`: hands the key to the picture area. */
  private viz(key: string | null): void {
    if (key === null) return this.print('Usage: viz <key>  (opens the picture of a key)\n');
    if (!this.deps.openPicture) return this.print('Pictures are not available here.\n');
    this.deps.openPicture(key, this.status.db);
    this.print(`Showing ${key} in the picture area.\n`);
  }

  /** redis-cli's handling of one entered line (see repl.ts). */
  private async runLine(line: string): Promise<void> {
    const { action, remember } = interpretLine(line);
    if (remember) this.history.add(line);
    switch (action.kind) {
      case 'nothing':
        return;
      case 'invalid':
        return this.print('Invalid argument(s)\n');
      case 'bad-repeat':
        return this.print('Invalid redis-cli repeat command option value.\n');
      case 'quit':
        return this.executor.disconnect();
      case 'preference': {
        const result = applyPreference(action.args);
        if ('message' in result) return this.print(result.message);
        this.hintsOn = result.hints;
        return;
      }
      case 'clear':
        return this.clearScreen(false);
      case 'help':
        if (this.entries.length === 0) this.entries = buildHelpEntries(await this.deps.docs);
        return this.print(helpText(action.topic, this.entries, this.deps.server.version));
      case 'viz':
        return this.viz(action.key);
      case 'command':
        return this.executor.run(action.argv, action.args, action.repeat);
    }
  }
}
