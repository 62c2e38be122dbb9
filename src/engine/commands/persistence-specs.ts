/*
 * Command table entries for SAVE and BGSAVE: facts from Redis 7.0's command metadata (arity, flags,
 * ACL categories, arguments, history), with one-line summaries of our own.
 */
import { token } from './spec-helpers.ts';
import type { CommandSpec } from './types.ts';

export const persistenceSpecs: CommandSpec[] = [
  {
    name: 'save',
    summary: 'Writes the whole dataset to the RDB file now, blocking every client until done.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) where N is the total number of keys in all databases',
    arity: 1,
    flags: ['admin', 'noscript', 'no_async_loading', 'no_multi'],
    acl: ['admin', 'slow', 'dangerous'],
  },
  {
    name: 'bgsave',
    summary: 'Starts writing the dataset to the RDB file in the background.',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
    arity: -1,
    flags: ['admin', 'noscript', 'no_async_loading'],
    acl: ['admin', 'slow', 'dangerous'],
    history: [['3.2.2', 'Added the `SCHEDULE` option.']],
    arguments: [token('schedule', 'SCHEDULE', { optional: true, since: '3.2.2' })],
  },
];
