/*
 * Command table entries for SLOWLOG and LATENCY and their subcommands (facts from Redis 7.0.15's
 * command metadata: arity, flags, ACL categories, tips, arguments; summaries in our own words).
 */
import { int, str } from '../spec-helpers.ts';
import type { CommandSpec } from '../types.ts';

const ADMIN_ACL = ['admin', 'slow', 'dangerous'];
const LATENCY_FLAGS: CommandSpec['flags'] = ['admin', 'noscript', 'loading', 'stale'];
const LATENCY_TIPS = ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'];
const RESET_TIPS = ['request_policy:all_nodes', 'response_policy:all_succeeded'];

function container(name: string, summary: string, since: string): CommandSpec {
  return {
    name,
    summary,
    since,
    group: 'server',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  };
}

export const slowlogSpecs: CommandSpec[] = [
  container('slowlog', 'Groups the subcommands that read and clear the slow query log.', '2.2.12'),
  {
    name: 'slowlog|get',
    summary: 'Lists the newest slow log entries, ten unless a count is given.',
    since: '2.2.12',
    group: 'server',
    complexity: 'O(N) where N is the number of entries returned',
    arity: -2,
    flags: ['admin', 'loading', 'stale'],
    acl: ADMIN_ACL,
    tips: ['request_policy:all_nodes', 'nondeterministic_output'],
    arguments: [int('count', { optional: true })],
    history: [['4.0.0', 'Added client IP address, port and name to the reply.']],
  },
  {
    name: 'slowlog|len',
    summary: 'Answers how many entries the slow log holds.',
    since: '2.2.12',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['admin', 'loading', 'stale'],
    acl: ADMIN_ACL,
    tips: ['request_policy:all_nodes', 'response_policy:agg_sum', 'nondeterministic_output'],
  },
  {
    name: 'slowlog|reset',
    summary: 'Empties the slow log.',
    since: '2.2.12',
    group: 'server',
    complexity: 'O(N) where N is the number of entries in the slowlog',
    arity: 2,
    flags: ['admin', 'loading', 'stale'],
    acl: ADMIN_ACL,
    tips: RESET_TIPS,
  },
  {
    name: 'slowlog|help',
    summary: 'Lists the SLOWLOG subcommands.',
    since: '6.2.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['slow'],
  },
];

function latencySub(
  name: string,
  summary: string,
  arity: number,
  extra: Partial<CommandSpec> = {},
): CommandSpec {
  return {
    name: `latency|${name}`,
    summary,
    since: '2.8.13',
    group: 'server',
    complexity: 'O(1)',
    arity,
    flags: LATENCY_FLAGS,
    acl: ADMIN_ACL,
    tips: LATENCY_TIPS,
    ...extra,
  };
}

export const latencySpecs: CommandSpec[] = [
  container('latency', 'Groups the subcommands of the latency monitor.', '2.8.13'),
  latencySub('doctor', 'Writes a readable report about the latency spikes seen so far.', 2),
  latencySub('graph', "Draws an ASCII chart of one event's latency samples.", 3, {
    arguments: [str('event')],
  }),
  latencySub('history', "Lists one event's latency samples as time and milliseconds.", 3, {
    arguments: [str('event')],
  }),
  latencySub('latest', 'Lists, per event, the latest sample and the all-time maximum.', 2),
  latencySub('reset', 'Forgets the samples of the named events, or of all events.', -2, {
    tips: RESET_TIPS,
    arguments: [str('event', { optional: true, multiple: true })],
  }),
  latencySub(
    'histogram',
    'Answers the cumulative latency distribution of the named commands, or of all.',
    -2,
    {
      since: '7.0.0',
      complexity: 'O(N) where N is the number of commands with latency information being retrieved.',
      arguments: [str('command', { optional: true, multiple: true })],
    },
  ),
  {
    name: 'latency|help',
    summary: 'Lists the LATENCY subcommands.',
    since: '2.8.13',
    group: 'server',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['slow'],
  },
];
