/*
 * The COMMAND command and its subcommands (server.c): introspection of the command table. Everything
 * here is read from the declarative specs through the registry, so what COMMAND says and what the
 * dispatcher does cannot disagree. Reply shapes live in command-info.ts, key extraction in
 * keys-extract.ts.
 *
 * Orders: Redis walks its command dictionary, whose order is a hash order seeded randomly at start
 * (hence the nondeterministic_output_order tip); we walk the registry in declaration order.
 */
import { bin, type Bytes, lowerBin } from '../bytes.ts';
import { arr, bulk, bulkStr, int, map, type Reply, simple } from '../resp/reply.ts';
import { E, fail } from '../server/errors.ts';
import { globMatchBin } from '../util/glob.ts';
import { commandDocsReply, commandInfoReply, keyFlagNames, aclCategories } from './command-info.ts';
import { commandSpecs } from './command-specs.ts';
import { commandHasKeys, extractKeys } from './keys-extract.ts';
import type { Command, CommandRegistry } from './registry.ts';
import type { CommandFamily } from './types.ts';

/**
 * Redis's lookupCommandBySds: "name" or "container|sub", case-insensitive; anything with more than
 * one '|', or a '|' after a command without subcommands, is unknown.
 */
export function lookupFullName(registry: CommandRegistry, name: string): Command | undefined {
  // ASCII-only case folding, like the C locale tolower() of Redis's command dictionary.
  const parts = name.replace(/[A-Z]+/g, (m) => m.toLowerCase()).split('|');
  if (parts.length > 2) return undefined;
  const base = registry.top.get(parts[0]!);
  if (parts.length === 1) return base;
  return base?.subcommands?.get(parts[1]!);
}

/** Every command and subcommand, each container followed by its subcommands. */
function everyCommand(registry: CommandRegistry): Command[] {
  const out: Command[] = [];
  for (const cmd of registry.top.values()) {
    out.push(cmd);
    if (cmd.subcommands) out.push(...cmd.subcommands.values());
  }
  return out;
}

/** Redis's addReplyHelp: a header naming the command, the given lines, then HELP itself. */
export function helpReply(commandName: Bytes, lines: readonly string[]): Reply {
  const header = `${bin(commandName).toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`;
  return arr([header, ...lines, 'HELP', '    Prints this help.'].map((l) => simple(l)));
}

const HELP_LINES = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

/** COMMAND GETKEYS / GETKEYSANDFLAGS: argv[2..] is the command to analyse. */
function getKeysReply(registry: CommandRegistry, argv: Bytes[], withFlags: boolean): Reply {
  const target = argv.slice(2);
  const cmd = registry.lookup(target);
  if (!cmd) fail('ERR Invalid command specified');
  if (!commandHasKeys(cmd)) fail('ERR The command has no key arguments');
  const arity = cmd.spec.arity;
  if ((arity > 0 && arity !== target.length) || target.length < -arity) {
    fail('ERR Invalid number of arguments specified for command');
  }
  const keys = extractKeys(cmd, target);
  if (keys.length === 0) {
    if (cmd.spec.flags.includes('no_mandatory_keys')) return arr([]);
    fail('ERR Invalid arguments specified for command');
  }
  return arr(
    keys.map((k) => {
      const name = bulk(target[k.pos]!);
      if (!withFlags) return name;
      return arr([name, { t: 'set', a: keyFlagNames(k.flags).map((f) => simple(f)) }]);
    }),
  );
}

type ListFilter = { kind: 'module' | 'aclcat' | 'pattern'; arg: string };

/** COMMAND LIST's options: nothing, or FILTERBY kind value as the last three arguments. */
function parseListFilter(argv: Bytes[]): ListFilter | undefined {
  let filter: ListFilter | undefined;
  for (let i = 2; i < argv.length; i++) {
    const moreArgs = argv.length - 1 - i;
    if (lowerBin(argv[i]!) !== 'filterby' || moreArgs !== 2) fail(E.syntax);
    const kind = lowerBin(argv[i + 1]!);
    if (kind !== 'module' && kind !== 'aclcat' && kind !== 'pattern') fail(E.syntax);
    filter = { kind, arg: bin(argv[i + 2]!) };
    i += 2;
  }
  return filter;
}

function passesFilter(cmd: Command, filter: ListFilter): boolean {
  if (filter.kind === 'module') return false; // no modules are ever loaded here
  if (filter.kind === 'aclcat') return aclCategories(cmd.spec).includes(filter.arg.toLowerCase());
  return globMatchBin(filter.arg, cmd.fullName, true);
}

function countReply(registry: CommandRegistry): Reply {
  return int(registry.top.size);
}

function docsReply(registry: CommandRegistry, argv: Bytes[]): Reply {
  const cmds =
    argv.length === 2
      ? [...registry.top.values()]
      : argv.slice(2).flatMap((a) => lookupFullName(registry, bin(a)) ?? []);
  return map(cmds.map((c) => [bulkStr(c.fullName), commandDocsReply(c)] as const));
}

function infoReply(registry: CommandRegistry, argv: Bytes[]): Reply {
  if (argv.length === 2) return arr([...registry.top.values()].map(commandInfoReply));
  return arr(argv.slice(2).map((a) => commandInfoReply(lookupFullName(registry, bin(a)))));
}

function listReply(registry: CommandRegistry, argv: Bytes[]): Reply {
  const filter = parseListFilter(argv);
  const cmds = everyCommand(registry).filter((c) => !filter || passesFilter(c, filter));
  return arr(cmds.map((c) => bulkStr(c.fullName)));
}

export const commandCommands: CommandFamily = {
  specs: commandSpecs,
  handlers: {
    command: (c) => arr([...c.node.commands.top.values()].map(commandInfoReply)),
    'command|count': (c) => countReply(c.node.commands),
    'command|docs': (c, argv) => docsReply(c.node.commands, argv),
    'command|info': (c, argv) => infoReply(c.node.commands, argv),
    'command|list': (c, argv) => listReply(c.node.commands, argv),
    'command|getkeys': (c, argv) => getKeysReply(c.node.commands, argv, false),
    'command|getkeysandflags': (c, argv) => getKeysReply(c.node.commands, argv, true),
    'command|help': (_c, argv) => helpReply(argv[0]!, HELP_LINES),
  },
};
