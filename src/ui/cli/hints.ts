/*
 * Grey argument hints while typing, as redis-cli's hints callback computes them.
 *
 * The typed line is split like a command; the command entry whose name words form the longest prefix
 * of the typed words wins. Its argument hint is then shortened by one word per argument already typed
 * beyond the name, stopping at the first optional part ("[") since optional arguments can't be matched
 * by position. A space is put in front unless the line already ends with one. No hint for an empty or
 * invalid line, or an unknown command.
 */
import type { HelpEntry } from './help.ts';
import { isCSpace, splitArgsBinary } from './split.ts';

export function hintFor(line: string, entries: readonly HelpEntry[]): string | null {
  const argv = splitArgsBinary(line);
  if (argv === null || argv.length === 0) return null;
  let best: HelpEntry | null = null;
  for (const e of entries) {
    if (e.kind !== 'command' || e.words.length > argv.length) continue;
    const matches = e.words.every((w, j) => w.toUpperCase() === argv[j]!.toUpperCase());
    if (matches && e.words.length > (best?.words.length ?? 0)) best = e;
  }
  if (best === null || best.doc === null) return null;
  let hint = best.doc.argsHint;
  let toRemove = argv.length - best.words.length;
  while (toRemove > 0 && hint.length > 0) {
    if (hint[0] === '[') break;
    if (hint[0] === ' ') toRemove--;
    hint = hint.slice(1);
  }
  const endsWithSpace = line.length > 0 && isCSpace(line[line.length - 1]);
  return endsWithSpace ? hint : ' ' + hint;
}
