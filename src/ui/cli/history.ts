/*
 * Command history with up/down navigation, kept in localStorage so it survives reloads (redis-cli keeps
 * ~/.rediscli_history). Like linenoise: at most `maxLines` lines (100 by default), the oldest dropped
 * first, and a line equal to the previous one is not added again. Lines with secrets (AUTH, ...) are
 * filtered by the caller, as redis-cli does.
 *
 * Every tab has its own History object over the same store; each re-reads the store before adding a
 * line, so tabs don't overwrite each other's lines.
 *
 * While a line is edited, navigation works on a scratch copy of the history plus the line being typed,
 * so edits made to recalled lines are kept until Enter but never rewrite the stored history.
 */

/** The part of the Web Storage API we use (localStorage, or a fake in tests). */
export interface LineStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const HISTORY_KEY = 'redis-playground:history';

export class History {
  private lines: string[];
  private scratch: string[] = [];
  private index = 0;

  constructor(
    private readonly store: LineStore | null,
    private readonly maxLines = 100,
    private readonly key = HISTORY_KEY,
  ) {
    this.lines = this.load();
    this.reset();
  }

  private load(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.store?.getItem(this.key) ?? '[]');
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((l): l is string => typeof l === 'string').slice(-this.maxLines);
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      this.store?.setItem(this.key, JSON.stringify(this.lines));
    } catch {
      // Storage full or denied (private mode): history stays in memory only.
    }
  }

  get all(): readonly string[] {
    return this.lines;
  }

  /** Records an entered line and starts a fresh navigation. */
  add(line: string): void {
    // Re-read first: other tabs share the same stored history.
    if (this.store) this.lines = this.load();
    if (line !== '' && this.lines[this.lines.length - 1] !== line) {
      this.lines.push(line);
      if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines);
      this.save();
    }
    this.reset();
  }

  /** Forgets navigation state (a new line is being typed). */
  reset(): void {
    this.scratch = [...this.lines, ''];
    this.index = this.scratch.length - 1;
  }

  /** Older line, or null at the oldest; `current` is what the line shows now. */
  up(current: string): string | null {
    return this.move(current, -1);
  }

  /** Newer line, or null at the line being typed. */
  down(current: string): string | null {
    return this.move(current, 1);
  }

  private move(current: string, delta: number): string | null {
    const target = this.index + delta;
    if (target < 0 || target >= this.scratch.length) return null;
    this.scratch[this.index] = current;
    this.index = target;
    return this.scratch[target]!;
  }
}

/** redis-cli keeps commands carrying secrets out of the history (AUTH, ACL SETUSER, ...). */
export function isSensitiveCommand(argv: readonly string[]): boolean {
  const w = argv.map((a) => a.toLowerCase());
  if (w[0] === 'auth') return true;
  if (w.length > 1 && w[0] === 'acl' && w[1] === 'setuser') return true;
  if (w.length > 2 && w[0] === 'config' && w[1] === 'set') {
    return ['masterauth', 'masteruser', 'requirepass'].includes(w[2]!);
  }
  if (w.length > 4 && w[0] === 'hello') return helloHasAuth(w);
  if (w.length > 7 && w[0] === 'migrate') return migrateHasAuth(w);
  return false;
}

function helloHasAuth(w: string[]): boolean {
  for (let j = 2; j < w.length; j++) {
    const more = w.length - 1 - j;
    if (w[j] === 'auth' && more >= 2) return true;
    if (w[j] === 'setname' && more > 0) j++;
    else return false;
  }
  return false;
}

function migrateHasAuth(w: string[]): boolean {
  for (let j = 6; j < w.length; j++) {
    const more = w.length - 1 - j;
    if (w[j] === 'auth' && more > 0) return true;
    if (w[j] === 'auth2' && more >= 2) return true;
    if (w[j] === 'keys' && more > 0) return false;
  }
  return false;
}
