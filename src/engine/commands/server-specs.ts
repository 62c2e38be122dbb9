/*
 * Command table entries for INFO, TIME, LASTSAVE and DEBUG: facts from Redis 7.0's command metadata (arity, flags, ACL
 * categories in COMMAND INFO order, key specs, arguments, history), with one-line summaries of our own.
 */
import type { CommandSpec } from './types.ts';
import { str } from './spec-helpers.ts';

export const serverSpecs: CommandSpec[] = [
  {
    name: 'info',
    summary: "Reports the server's state and statistics, by section.",
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: -1,
    flags: ['loading', 'stale', 'sentinel'],
    acl: ['slow', 'dangerous'],
    tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
    history: [['7.0.0', 'Several sections may be asked for at once.']],
    arguments: [str('section', { optional: true, multiple: true })],
  },
  {
    name: 'time',
    summary: 'Answers the server clock as seconds and microseconds.',
    since: '2.6.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 1,
    flags: ['loading', 'stale', 'fast'],
    acl: ['fast'],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'lastsave',
    summary: 'Answers the unix time of the last successful save to disk.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 1,
    flags: ['loading', 'stale', 'fast'],
    acl: ['admin', 'fast', 'dangerous'],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'debug',
    summary: 'Runs internal debugging and testing operations.',
    since: '1.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: ['admin', 'noscript', 'loading', 'stale', 'protected'],
    acl: ['admin', 'slow', 'dangerous'],
    docFlags: ['syscmd'],
  },
];
