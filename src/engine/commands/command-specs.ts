/*
 * Declarative specs of COMMAND and its subcommands (facts as Redis 7.0 reports them; summaries are
 * our own words).
 */
import type { CommandSpec } from './types.ts';
import { oneOf, pattern, str } from './spec-helpers.ts';

/** The facts every COMMAND entry shares, plus the entry's own. */
function entry(own: Omit<CommandSpec, 'group' | 'flags' | 'acl'>): CommandSpec {
  return { group: 'server', flags: ['loading', 'stale', 'sentinel'], acl: ['slow', 'connection'], ...own };
}

const commandNames = { name: 'command-name', type: 'string', optional: true, multiple: true } as const;

export const commandSpecs: CommandSpec[] = [
  entry({
    name: 'command',
    summary: 'Describes every command the server knows: arity, flags, keys, categories.',
    since: '2.8.13',
    complexity: 'O(N) where N is the total number of Redis commands',
    arity: -1,
    tips: ['nondeterministic_output_order'],
  }),
  entry({
    name: 'command|count',
    summary: 'Tells how many top-level commands the server has.',
    since: '2.8.13',
    complexity: 'O(1)',
    arity: 2,
  }),
  entry({
    name: 'command|docs',
    summary: 'Gives the documentation of some or all commands: syntax, history, complexity.',
    since: '7.0.0',
    complexity: 'O(N) where N is the number of commands to look up',
    arity: -2,
    tips: ['nondeterministic_output_order'],
    arguments: [{ ...commandNames }],
  }),
  entry({
    name: 'command|getkeys',
    summary: 'Shows which arguments of a full command line are keys.',
    since: '2.8.13',
    complexity: 'O(N) where N is the number of arguments to the command',
    arity: -4,
  }),
  entry({
    name: 'command|getkeysandflags',
    summary: 'Shows the key arguments of a full command line and how each key is accessed.',
    since: '7.0.0',
    complexity: 'O(N) where N is the number of arguments to the command',
    arity: -4,
  }),
  entry({
    name: 'command|help',
    summary: 'Lists the COMMAND subcommands with a short explanation each.',
    since: '5.0.0',
    complexity: 'O(1)',
    arity: 2,
  }),
  entry({
    name: 'command|info',
    summary: 'Describes the named commands (or all of them): arity, flags, keys, categories.',
    since: '2.8.13',
    complexity: 'O(N) where N is the number of commands to look up',
    arity: -2,
    tips: ['nondeterministic_output_order'],
    history: [['7.0.0', 'Without names it describes every command.']],
    arguments: [{ ...commandNames }],
  }),
  entry({
    name: 'command|list',
    summary: 'Lists command names, optionally only those of a module, ACL category or pattern.',
    since: '7.0.0',
    complexity: 'O(N) where N is the total number of Redis commands',
    arity: -2,
    tips: ['nondeterministic_output_order'],
    arguments: [
      oneOf(
        'filterby',
        [
          str('module-name', { token: 'MODULE' }),
          str('category', { token: 'ACLCAT' }),
          pattern('pattern', { token: 'PATTERN' }),
        ],
        { token: 'FILTERBY', optional: true },
      ),
    ],
  }),
];
