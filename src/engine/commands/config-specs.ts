/*
 * Command table entries for CONFIG and its subcommands: facts from Redis 7.0's command metadata (arity, flags, ACL
 * categories in COMMAND INFO order, key specs, arguments, history), with one-line summaries of our own.
 */
import type { CommandSpec } from './types.ts';
import { block, str } from './spec-helpers.ts';

export const configSpecs: CommandSpec[] = [
  {
    name: 'config',
    summary: 'Container for the subcommands that read and change the server configuration.',
    since: '2.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  {
    name: 'config|get',
    summary: 'Answers the configuration parameters matching the patterns, with their values.',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
    arity: -3,
    flags: ['admin', 'noscript', 'loading', 'stale'],
    acl: ['admin', 'slow', 'dangerous'],
    history: [['7.0.0', 'Several patterns may be given at once.']],
    arguments: [block('parameter', [str('parameter')], { multiple: true })],
  },
  {
    name: 'config|set',
    summary: 'Changes one or more configuration parameters at once, all or none.',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(N) when N is the number of configuration parameters provided',
    arity: -4,
    flags: ['admin', 'noscript', 'loading', 'stale'],
    acl: ['admin', 'slow', 'dangerous'],
    tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
    history: [['7.0.0', 'Several parameters may be set at once, atomically.']],
    arguments: [block('parameter_value', [str('parameter'), str('value')], { multiple: true })],
  },
  {
    name: 'config|resetstat',
    summary: 'Zeroes the statistics INFO reports.',
    since: '2.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['admin', 'noscript', 'loading', 'stale'],
    acl: ['admin', 'slow', 'dangerous'],
  },
  {
    name: 'config|rewrite',
    summary: 'Writes the running configuration back to the config file.',
    since: '2.8.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['admin', 'noscript', 'loading', 'stale'],
    acl: ['admin', 'slow', 'dangerous'],
  },
  {
    name: 'config|help',
    summary: 'Lists the CONFIG subcommands.',
    since: '5.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['slow'],
  },
];
