/*
 * Command table entries for MULTI, EXEC, DISCARD, WATCH and UNWATCH: facts from Redis 7.0's command metadata (arity, flags, ACL
 * categories in COMMAND INFO order, key specs, arguments, history), with one-line summaries of our own.
 */
import type { CommandSpec } from './types.ts';
import { keyArg, keyAt } from './spec-helpers.ts';

export const transactionSpecs: CommandSpec[] = [
  {
    name: 'multi',
    summary: 'Opens a transaction: later commands are queued until EXEC.',
    since: '1.2.0',
    group: 'transactions',
    complexity: 'O(1)',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
  },
  {
    name: 'exec',
    summary: 'Runs every command queued since MULTI and answers all their replies.',
    since: '1.2.0',
    group: 'transactions',
    complexity: 'Depends on commands in the transaction',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
    acl: ['slow', 'transaction'],
  },
  {
    name: 'discard',
    summary: 'Drops the queued commands and leaves the transaction.',
    since: '2.0.0',
    group: 'transactions',
    complexity: 'O(N), when N is the number of queued commands',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
  },
  {
    name: 'watch',
    summary: 'Makes the next EXEC fail if any of these keys changes before it.',
    since: '2.2.0',
    group: 'transactions',
    complexity: 'O(1) for every key.',
    arity: -2,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
    keySpecs: [keyAt(1, ['RO'], { lastKey: -1 })],
    arguments: [keyArg(0, 'key', { multiple: true })],
  },
  {
    name: 'unwatch',
    summary: 'Forgets every key watched by this connection.',
    since: '2.2.0',
    group: 'transactions',
    complexity: 'O(1)',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
    acl: ['fast', 'transaction'],
  },
];
