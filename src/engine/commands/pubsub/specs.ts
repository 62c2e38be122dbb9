/*
 * Command table entries for the Pub/Sub family: facts from Redis 7.0.15's command metadata (arity,
 * flags, ACL categories in COMMAND INFO order, key specs of the shard commands, arguments), with
 * one-line summaries of our own.
 */
import { block, keyAt, pattern, str } from '../spec-helpers.ts';
import type { CommandFlag, CommandSpec } from '../types.ts';

const SUBSCRIBING: CommandFlag[] = ['pubsub', 'noscript', 'loading', 'stale'];
const PUBLISHING: CommandFlag[] = ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'];
const INTROSPECTION: CommandFlag[] = ['pubsub', 'loading', 'stale'];
const SLOW = ['pubsub', 'slow'];

/** SSUBSCRIBE / SUNSUBSCRIBE: every argument from the first is a shard channel (not a key). */
const SHARD_CHANNELS = keyAt(1, ['NOT_KEY'], { lastKey: -1 });

export const pubsubSpecs: CommandSpec[] = [
  {
    name: 'subscribe',
    summary: 'Listens for messages published to the given channels.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of channels to subscribe to.',
    arity: -2,
    flags: SUBSCRIBING,
    acl: SLOW,
    arguments: [str('channel', { multiple: true })],
  },
  {
    name: 'unsubscribe',
    summary: 'Stops listening to the given channels, or to all of them.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients already subscribed to a channel.',
    arity: -1,
    flags: SUBSCRIBING,
    acl: SLOW,
    arguments: [str('channel', { optional: true, multiple: true })],
  },
  {
    name: 'psubscribe',
    summary: 'Listens for messages published to channels whose names match glob patterns.',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of patterns the client is already subscribed to.',
    arity: -2,
    flags: SUBSCRIBING,
    acl: SLOW,
    arguments: [block('pattern', [pattern('pattern')], { multiple: true })],
  },
  {
    name: 'punsubscribe',
    summary: 'Stops listening to the given channel patterns, or to all of them.',
    since: '2.0.0',
    group: 'pubsub',
    complexity:
      'O(N+M) where N is the number of patterns the client is already subscribed and M is the number ' +
      'of total patterns subscribed in the system (by any client).',
    arity: -1,
    flags: SUBSCRIBING,
    acl: SLOW,
    arguments: [pattern('pattern', { optional: true, multiple: true })],
  },
  {
    name: 'publish',
    summary: 'Sends a message to a channel and answers how many subscribers received it.',
    since: '2.0.0',
    group: 'pubsub',
    complexity:
      'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total ' +
      'number of subscribed patterns (by any client).',
    arity: 3,
    flags: PUBLISHING,
    acl: ['pubsub', 'fast'],
    arguments: [str('channel'), str('message')],
  },
  {
    name: 'ssubscribe',
    summary: 'Listens for messages published to the given shard channels.',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of shard channels to subscribe to.',
    arity: -2,
    flags: SUBSCRIBING,
    acl: SLOW,
    keySpecs: [SHARD_CHANNELS],
    arguments: [str('shardchannel', { multiple: true })],
  },
  {
    name: 'sunsubscribe',
    summary: 'Stops listening to the given shard channels, or to all of them.',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients already subscribed to a shard channel.',
    arity: -1,
    flags: SUBSCRIBING,
    acl: SLOW,
    keySpecs: [SHARD_CHANNELS],
    arguments: [str('shardchannel', { optional: true, multiple: true })],
  },
  {
    name: 'spublish',
    summary: 'Sends a message to a shard channel and answers how many subscribers received it.',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.',
    arity: 3,
    flags: PUBLISHING,
    acl: ['pubsub', 'fast'],
    keySpecs: [keyAt(1, ['NOT_KEY'])],
    arguments: [str('shardchannel'), str('message')],
  },
  {
    name: 'pubsub',
    summary: 'Container for the subcommands that inspect Pub/Sub state.',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  {
    name: 'pubsub|channels',
    summary: 'Lists channels with at least one subscriber, optionally those matching a pattern.',
    since: '2.8.0',
    group: 'pubsub',
    complexity:
      'O(N) where N is the number of active channels, and assuming constant time pattern matching ' +
      '(relatively short channels and patterns)',
    arity: -2,
    flags: INTROSPECTION,
    acl: SLOW,
    arguments: [pattern('pattern', { optional: true })],
  },
  {
    name: 'pubsub|numsub',
    summary: 'Answers the number of channel subscribers for each given channel.',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'O(N) for the NUMSUB subcommand, where N is the number of requested channels',
    arity: -2,
    flags: INTROSPECTION,
    acl: SLOW,
    arguments: [str('channel', { optional: true, multiple: true })],
  },
  {
    name: 'pubsub|numpat',
    summary: 'Answers how many distinct patterns have subscribers.',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'O(1)',
    arity: 2,
    flags: INTROSPECTION,
    acl: SLOW,
  },
  {
    name: 'pubsub|shardchannels',
    summary: 'Lists shard channels with at least one subscriber, optionally those matching a pattern.',
    since: '7.0.0',
    group: 'pubsub',
    complexity:
      'O(N) where N is the number of active shard channels, and assuming constant time pattern ' +
      'matching (relatively short shard channels).',
    arity: -2,
    flags: INTROSPECTION,
    acl: SLOW,
    arguments: [pattern('pattern', { optional: true })],
  },
  {
    name: 'pubsub|shardnumsub',
    summary: 'Answers the number of subscribers for each given shard channel.',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels',
    arity: -2,
    flags: INTROSPECTION,
    acl: SLOW,
    arguments: [str('shardchannel', { optional: true, multiple: true })],
  },
  {
    name: 'pubsub|help',
    summary: 'Lists the PUBSUB subcommands with a short description of each.',
    since: '6.2.0',
    group: 'pubsub',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['slow'],
  },
];
