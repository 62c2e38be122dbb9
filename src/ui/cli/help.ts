/*
 * The console's help table and the `help` command, shaped like redis-cli 7's.
 *
 * redis-cli builds "help entries" from COMMAND DOCS: one per command and per subcommand (full name in
 * upper case, e.g. "CLIENT LIST", split into words for matching), plus one per command group
 * ("@string"). The table is sorted by full name, byte order, so groups ("@...") come first. Entries
 * drive `help`, TAB completion and the grey hints.
 *
 * `help <words...>` prints every command whose first words equal the given ones (so `help client`
 * lists CLIENT and all its subcommands); `help @group` prints the group's commands without the group
 * line. Each entry prints as: blank line, bold name + grey arguments, yellow "summary:", "since:" and
 * (when not listing a group) "group:" lines; a blank line closes the listing. Lines end in \r\n.
 */
import type { CommandDoc } from '../../protocol/messages.ts';

export interface HelpEntry {
  kind: 'command' | 'group';
  /** Upper-case words of the command name, or ["@group"]. */
  words: string[];
  /** Words joined by one space: what completion inserts. */
  full: string;
  doc: CommandDoc | null;
}

export function buildHelpEntries(docs: readonly CommandDoc[]): HelpEntry[] {
  const entries: HelpEntry[] = [];
  const groups = new Set<string>();
  for (const doc of docs) {
    const words = doc.name.toUpperCase().split(' ').filter(Boolean);
    entries.push({ kind: 'command', words, full: words.join(' '), doc });
    if (doc.group) groups.add(doc.group);
  }
  for (const g of groups) entries.push({ kind: 'group', words: [`@${g}`], full: `@${g}`, doc: null });
  return entries.sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
}

const bold = (s: string): string => `\x1b[1m${s}\x1b[0m`;
const grey = (s: string): string => `\x1b[90m${s}\x1b[0m`;
const yellow = (s: string): string => `\x1b[33m${s}\x1b[0m`;

function commandHelp(doc: CommandDoc, withGroup: boolean): string {
  let out = `\r\n  ${bold(doc.name.toUpperCase())} ${grey(doc.argsHint)}\r\n`;
  out += `  ${yellow('summary:')} ${doc.summary}\r\n`;
  if (doc.since) out += `  ${yellow('since:')} ${doc.since}\r\n`;
  if (withGroup) out += `  ${yellow('group:')} ${doc.group}\r\n`;
  return out;
}

/** The text `help` alone prints: what the console offers, in our words. */
export function genericHelp(version: string): string {
  return [
    `redis-cli ${version} (in-browser playground console)`,
    'Ask for help on Redis commands like this:',
    '      "help @<group>" lists the commands of a group, e.g. help @string',
    '      "help <command>" describes one command, e.g. help SET',
    '      "help <tab>" cycles through the topics you can ask about',
    '      "quit" closes this tab\'s connection',
    '      "viz <key>" draws a key in the picture area (every type, with its encoding)',
    '      "viz slots" shows the 16384 cluster hash slots and where the keys fall',
    '',
    'Console preferences:',
    '      ":set hints" shows argument hints while you type',
    '      ":set nohints" hides them',
    '',
  ].join('\n');
}

const sameWord = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** Output of `help <args...>` (args without the word "help"). */
export function helpText(args: readonly string[], entries: readonly HelpEntry[], version: string): string {
  if (args.length === 0) return genericHelp(version);
  const first = args[0]!;
  const group = first.startsWith('@') ? first.slice(1) : null;
  let out = '';
  for (const e of entries) {
    if (e.kind !== 'command' || e.doc === null) continue;
    if (group !== null) {
      if (sameWord(e.doc.group, group)) out += commandHelp(e.doc, false);
    } else if (args.length <= e.words.length && args.every((a, j) => sameWord(a, e.words[j]!))) {
      out += commandHelp(e.doc, true);
    }
  }
  return out + '\r\n';
}
