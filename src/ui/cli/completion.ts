/*
 * TAB completion, as redis-cli (linenoise) does it.
 *
 * Candidates: every command entry whose full name starts with the typed line, ignoring case; after
 * "help " the candidates are commands and groups, matched against the text after it. The first TAB
 * shows the first candidate in place of the line, each further TAB the next one, and after the last the
 * original line again (then it cycles). Any other key accepts what is shown; Escape restores the
 * original. With no candidate TAB just beeps.
 */
import type { HelpEntry } from './help.ts';

export function completionsFor(line: string, entries: readonly HelpEntry[]): string[] {
  let start = 0;
  let kinds: HelpEntry['kind'][] = ['command'];
  if (line.slice(0, 5).toLowerCase() === 'help ') {
    start = 5;
    while (start < line.length && /\s/.test(line[start]!)) start++;
    kinds = ['command', 'group'];
  }
  const typed = line.slice(start).toUpperCase();
  return entries
    .filter((e) => kinds.includes(e.kind) && e.full.toUpperCase().startsWith(typed))
    .map((e) => line.slice(0, start) + e.full);
}

/** The state of one TAB cycle over a fixed list of candidates. */
export class CompletionCycle {
  /** Index of the candidate shown; candidates.length means "the original line". */
  private index = 0;

  constructor(
    readonly original: string,
    readonly candidates: readonly string[],
  ) {}

  /** What the line shows now. */
  get shown(): string {
    return this.candidates[this.index] ?? this.original;
  }

  /** Advances on another TAB; returns the new text to show. */
  next(): string {
    this.index = (this.index + 1) % (this.candidates.length + 1);
    return this.shown;
  }
}
