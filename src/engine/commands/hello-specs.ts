/*
 * Command table entries for HELLO, AUTH and RESET: facts from Redis 7.0's command metadata (arity, flags, ACL
 * categories in COMMAND INFO order, key specs, arguments, history), with one-line summaries of our own.
 */
import type { CommandSpec } from './types.ts';
import { block, int, str } from './spec-helpers.ts';

export const helloSpecs: CommandSpec[] = [
  {
    name: 'hello',
    summary: 'Negotiates the protocol version, optionally authenticating and naming the connection.',
    since: '6.0.0',
    group: 'connection',
    complexity: 'O(1)',
    arity: -1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'sentinel', 'allow_busy'],
    acl: ['fast', 'connection'],
    history: [['6.2.0', 'protover becomes optional; with no arguments it describes the connection.']],
    arguments: [
      block(
        'arguments',
        [
          int('protover'),
          block('username_password', [str('username'), str('password')], { token: 'AUTH', optional: true }),
          str('clientname', { token: 'SETNAME', optional: true }),
        ],
        { optional: true },
      ),
    ],
  },
  {
    name: 'auth',
    summary: 'Logs this connection in with a password (and optionally a user name).',
    since: '1.0.0',
    group: 'connection',
    complexity: 'O(N) where N is the number of passwords defined for the user',
    arity: -2,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'sentinel', 'allow_busy'],
    acl: ['fast', 'connection'],
    history: [['6.0.0', 'Accepts a username with the password (ACL users).']],
    arguments: [str('username', { optional: true, since: '6.0.0' }), str('password')],
  },
  {
    name: 'reset',
    summary: 'Returns the connection to its initial state.',
    since: '6.2.0',
    group: 'connection',
    complexity: 'O(1)',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    acl: ['fast', 'connection'],
  },
];
