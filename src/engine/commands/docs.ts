/*
 * Command documentation for the console: the grey argument hint redis-cli 7 shows after a command name,
 * and the summary / since / group lines of its `help`. Built from the same specs as COMMAND DOCS, the
 * way redis-cli builds its help table from that reply (cliInitCommandHelpEntry / cliAddArgument).
 *
 * The hint grammar, one argument at a time:
 *   - a plain argument prints its name; a "oneof" joins its alternatives with '|', a "block" its parts
 *     with ' '; a pure token prints only the token;
 *   - a token before a value argument is followed by a space ("EX seconds");
 *   - optional arguments are wrapped in [ ];
 *   - multiple ones repeat as "x [x ...]" (the token repeats too with multiple_token);
 *   - an empty name or token prints as "" so the slot stays visible.
 * Containers (CLIENT) and their subcommands ("CLIENT LIST") each get an entry; entries are sorted by
 * full name, byte-wise, as redis-cli sorts its table.
 */
import type { CommandRegistry } from './registry.ts';
import type { ArgSpec } from './types.ts';

export interface ConsoleCommandDoc {
  /** Upper case, subcommands as "CLIENT LIST". */
  name: string;
  summary: string;
  since: string;
  group: string;
  complexity: string;
  argsHint: string;
  arity: number;
}

function orEmpty(s: string): string {
  return s === '' ? '""' : s;
}

/** The hint for one argument (cliAddArgument). */
export function argumentHint(a: ArgSpec): string {
  const tokenPart = a.token !== undefined ? orEmpty(a.token) : '';
  let repeat = '';
  if (a.type === 'oneof') repeat = argumentsHint(a.arguments ?? [], '|');
  else if (a.type === 'block') repeat = argumentsHint(a.arguments ?? [], ' ');
  else if (a.type !== 'pure-token') repeat = orEmpty(a.name);
  const token = tokenPart !== '' && a.type !== 'pure-token' ? `${tokenPart} ` : tokenPart;
  let out = token + repeat;
  if (a.multiple) out += ` [${a.multipleToken ? token : ''}${repeat} ...]`;
  return a.optional ? `[${out}]` : out;
}

/** The hint for an argument list, joined by the separator (cliConcatArguments). */
export function argumentsHint(args: readonly ArgSpec[], separator = ' '): string {
  return args.map(argumentHint).join(separator);
}

function byteOrder(a: ConsoleCommandDoc, b: ConsoleCommandDoc): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Every command and subcommand with its console help, sorted by name. */
export function commandDocsForConsole(registry: CommandRegistry): ConsoleCommandDoc[] {
  const out: ConsoleCommandDoc[] = [];
  for (const cmd of registry.all()) {
    const s = cmd.spec;
    out.push({
      name: cmd.fullName.toUpperCase().replace('|', ' '),
      summary: s.summary,
      since: s.since,
      group: s.group,
      complexity: s.complexity ?? '',
      argsHint: argumentsHint(s.arguments ?? []),
      arity: s.arity,
    });
  }
  return out.sort(byteOrder);
}
