/*
 * Command table entries for ACL and its subcommands: facts from Redis 7.0's command metadata (arity,
 * flags, categories, arguments, history), with one-line summaries of our own.
 */
import { arg, oneOf, token } from '../spec-helpers.ts';
import type { CommandSpec } from '../types.ts';

const ADMIN: CommandSpec['flags'] = ['admin', 'noscript', 'loading', 'stale', 'sentinel'];
const PLAIN: CommandSpec['flags'] = ['noscript', 'loading', 'stale', 'sentinel'];

function sub(
  name: string,
  summary: string,
  arity: number,
  flags: CommandSpec['flags'],
  complexity: string,
  extra: Partial<CommandSpec> = {},
): CommandSpec {
  const acl = flags.includes('admin') ? ['admin', 'slow', 'dangerous'] : ['slow'];
  return {
    name: `acl|${name}`,
    summary,
    since: '6.0.0',
    group: 'server',
    complexity,
    arity,
    flags,
    acl,
    ...extra,
  };
}

const USERS_N = 'O(N). Where N is the number of configured users.';

export const aclSpecs: CommandSpec[] = [
  {
    name: 'acl',
    summary: 'Container for the subcommands that manage users and their permissions.',
    since: '6.0.0',
    group: 'server',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: ['sentinel'],
    acl: ['slow'],
  },
  sub(
    'cat',
    'Lists the command categories, or the commands in one category.',
    -2,
    PLAIN,
    'O(1) since the categories and commands are a fixed set.',
    {
      arguments: [arg('categoryname', 'string', { optional: true })],
    },
  ),
  sub(
    'deluser',
    'Removes users and disconnects the clients using them.',
    -3,
    ADMIN,
    'O(1) amortized time considering the typical user.',
    {
      arguments: [arg('username', 'string', { multiple: true })],
    },
  ),
  sub('dryrun', 'Tells whether a user could run a command, without running it.', -4, ADMIN, 'O(1).', {
    since: '7.0.0',
    arguments: [
      arg('username', 'string'),
      arg('command', 'string'),
      arg('arg', 'string', { optional: true, multiple: true }),
    ],
  }),
  sub('genpass', 'Makes a random password from the server random source.', -2, PLAIN, 'O(1)', {
    arguments: [arg('bits', 'integer', { optional: true })],
  }),
  sub(
    'getuser',
    "Shows a user's flags, password hashes and permissions.",
    3,
    ADMIN,
    'O(N). Where N is the number of password, command and pattern rules that the user has.',
    {
      arguments: [arg('username', 'string')],
      history: [
        ['6.2.0', 'Added Pub/Sub channel patterns.'],
        [
          '7.0.0',
          'Added selectors and changed the format of key and channel patterns from a list to their rule representation.',
        ],
      ],
    },
  ),
  sub('help', 'Describes the ACL subcommands.', 2, ['loading', 'stale', 'sentinel'], 'O(1)'),
  sub('list', 'Lists every user as the rule line that recreates it.', 2, ADMIN, USERS_N),
  sub('load', 'Reloads the users from the ACL file.', 2, ADMIN, USERS_N),
  sub(
    'log',
    'Shows (or clears) the recent permission denials and failed logins.',
    -2,
    ADMIN,
    'O(N) with N being the number of entries shown.',
    {
      arguments: [oneOf('operation', [arg('count', 'integer'), token('reset', 'RESET')], { optional: true })],
    },
  ),
  sub('save', 'Writes the users to the ACL file.', 2, ADMIN, USERS_N),
  sub(
    'setuser',
    'Creates a user or changes its rules.',
    -3,
    ADMIN,
    'O(N). Where N is the number of rules provided.',
    {
      arguments: [arg('username', 'string'), arg('rule', 'string', { optional: true, multiple: true })],
      history: [
        ['6.2.0', 'Added Pub/Sub channel patterns.'],
        ['7.0.0', 'Added selectors and key based permissions.'],
      ],
    },
  ),
  sub('users', 'Lists the user names.', 2, ADMIN, USERS_N),
  sub('whoami', 'Answers the name of the user this connection is authenticated as.', 2, PLAIN, 'O(1)'),
];
