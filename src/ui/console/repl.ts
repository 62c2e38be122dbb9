/*
 * What redis-cli's interactive loop does with one entered line, decided without side effects:
 * - a line that doesn't split (bad quoting) prints "Invalid argument(s)" and still goes to history;
 * - a first word that is a whole integer, followed by more words, is a repeat count ("3 INCR x");
 *   zero, negative or overflowing counts print "Invalid redis-cli repeat command option value.";
 * - lines are remembered in history unless they carry secrets (AUTH, ...);
 * - quit/exit, ":set ..." preferences and a lone "clear" are looked up on the first word as typed
 *   (before a repeat count is removed), help/? on the command word; everything else goes to the server.
 * - playground only: "viz <key>" opens the picture of a key (never sent to the server; Redis has no
 *   VIZ command, so no real command is shadowed).
 */
import { isSensitiveCommand } from '../cli/history.ts';
import { splitArgs } from '../cli/split.ts';

export type LineAction =
  | { kind: 'nothing' }
  | { kind: 'invalid' }
  | { kind: 'bad-repeat' }
  | { kind: 'quit' }
  | { kind: 'preference'; args: string[] }
  | { kind: 'clear' }
  | { kind: 'help'; topic: string[] }
  /** `key` as a binary string; null when the line had no key or more than one. */
  | { kind: 'viz'; key: string | null }
  | { kind: 'command'; argv: Uint8Array[]; args: string[]; repeat: number };

export interface Interpreted {
  action: LineAction;
  /** Whether the line goes into history. */
  remember: boolean;
}

const toBinary = (b: Uint8Array): string => String.fromCharCode(...b);

/** strtol's view of a whole word: optional blanks and sign, then digits only. */
function wholeInteger(word: string): number | null {
  return /^\s*[+-]?\d+$/.test(word) ? Number(word) : null;
}

const LONG_MAX = 2 ** 63 - 1;

export function interpretLine(line: string): Interpreted {
  if (line === '') return { action: { kind: 'nothing' }, remember: false };
  const argv = splitArgs(line);
  if (argv === null) return { action: { kind: 'invalid' }, remember: true };
  if (argv.length === 0) return { action: { kind: 'nothing' }, remember: false };
  const args = argv.map(toBinary);
  const count = wholeInteger(args[0]!);
  const skip = args.length > 1 && count !== null ? 1 : 0;
  if (skip && !(count! > 0 && count! <= LONG_MAX)) {
    return { action: { kind: 'bad-repeat' }, remember: false };
  }
  const remember = !isSensitiveCommand(args.slice(skip));
  const first = args[0]!.toLowerCase();
  if (first === 'quit' || first === 'exit') return { action: { kind: 'quit' }, remember };
  if (first.startsWith(':')) return { action: { kind: 'preference', args }, remember };
  if (first === 'clear' && args.length === 1) return { action: { kind: 'clear' }, remember };
  if (first === 'viz') return { action: { kind: 'viz', key: args.length === 2 ? args[1]! : null }, remember };
  const name = args[skip]!.toLowerCase();
  if (name === 'help' || name === '?')
    return { action: { kind: 'help', topic: args.slice(skip + 1) }, remember };
  const repeat = skip ? count! : 1;
  return { action: { kind: 'command', argv: argv.slice(skip), args: args.slice(skip), repeat }, remember };
}

/** redis-cli's ":set hints|nohints": the new hints setting, or the message for anything else. */
export function applyPreference(args: string[]): { hints: boolean } | { message: string } {
  const [cmd, pref] = args;
  if (cmd!.toLowerCase() !== ':set' || pref === undefined) {
    return { message: `unknown redis-cli internal command '${cmd}'\n` };
  }
  if (pref.toLowerCase() === 'hints') return { hints: true };
  if (pref.toLowerCase() === 'nohints') return { hints: false };
  return { message: `unknown redis-cli preference '${pref}'\n` };
}
