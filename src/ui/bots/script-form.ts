/*
 * The Bots panel's "run a command every T ms" form: the command line is split exactly as the console
 * splits it (redis-cli's quoting rules), then sent as UTF-8 text in a script bot spec. Several commands
 * may be given on separate lines; each round runs them in order.
 */
import type { BotSpec } from '../../protocol/bots.ts';
import { splitArgs } from '../cli/split.ts';

const text = new TextDecoder();

export function scriptBotSpec(commands: string, everyMs: string, name: string): BotSpec | { error: string } {
  const lines = commands.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return { error: 'Type a command, e.g. INCR ticks' };
  const argvs: string[][] = [];
  for (const line of lines) {
    const argv = splitArgs(line);
    if (argv === null) return { error: `Invalid argument(s): ${line}` };
    argvs.push(argv.map((a) => text.decode(a)));
  }
  const ms = Number(everyMs);
  if (!Number.isInteger(ms) || ms < 1)
    return { error: 'The period must be a whole number of ms, at least 1' };
  const spec: BotSpec = { kind: 'script', everyMs: ms, commands: argvs };
  const trimmed = name.trim();
  return trimmed ? { ...spec, name: trimmed } : spec;
}
