/*
 * Command table entries for BGREWRITEAOF and SHUTDOWN: facts from Redis 7.0's command metadata
 * (arity, flags, ACL categories, arguments, history), with one-line summaries of our own.
 */
import { oneOf, token, tokens } from './spec-helpers.ts';
import type { CommandSpec } from './types.ts';

export const persistenceAofSpecs: CommandSpec[] = [
  {
    name: 'bgrewriteaof',
    summary: 'Starts rebuilding the append-only file from the dataset in the background.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: 1,
    flags: ['no_async_loading', 'admin', 'noscript'],
    acl: ['admin', 'slow', 'dangerous'],
  },
  {
    name: 'shutdown',
    summary: 'Stops the server, after a final save and AOF flush unless told otherwise.',
    since: '1.0.0',
    group: 'server',
    complexity:
      'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
    arity: -1,
    flags: ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'sentinel', 'allow_busy'],
    acl: ['admin', 'slow', 'dangerous'],
    history: [['7.0.0', 'Added the `NOW`, `FORCE` and `ABORT` modifiers.']],
    arguments: [
      oneOf('nosave_save', tokens('nosave', 'save'), { optional: true }),
      token('now', 'NOW', { optional: true, since: '7.0.0' }),
      token('force', 'FORCE', { optional: true, since: '7.0.0' }),
      token('abort', 'ABORT', { optional: true, since: '7.0.0' }),
    ],
  },
];
