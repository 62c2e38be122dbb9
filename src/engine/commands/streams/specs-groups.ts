/*
 * Command table entries of stream consumer groups (Redis 7.0's facts: arity, flags, ACL categories, key
 * specs, arguments, tips; summaries, complexities and history notes in our own words): the XGROUP and
 * XINFO containers with their subcommands, XREADGROUP, XACK, XPENDING, XCLAIM and XAUTOCLAIM.
 */
import type { ArgSpec, CommandSpec } from '../types.ts';
import { block, int, keyAfter, keyArg, keyAt, oneOf, str, token, unixTime } from '../spec-helpers.ts';

/** `<id> | $` as XGROUP CREATE and SETID take it. */
const GROUP_ID: ArgSpec = oneOf('id', [str('id'), token('new_id', '$')]);
const ENTRIES_READ: ArgSpec = int('entries_read', { token: 'ENTRIESREAD', optional: true });

/** An XGROUP subcommand on the key at argv[2]. */
function xgroupSub(
  name: string,
  summary: string,
  extra: Omit<CommandSpec, 'name' | 'summary' | 'since' | 'group' | 'acl'> & { since?: string },
): CommandSpec {
  return {
    name: `xgroup|${name}`,
    summary,
    since: '5.0.0',
    group: 'stream',
    acl: ['write', 'stream', 'slow'],
    ...extra,
  };
}

const xgroupSpecs: CommandSpec[] = [
  {
    name: 'xgroup',
    summary: 'Groups the subcommands that manage consumer groups and their consumers.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  xgroupSub('create', 'Creates a consumer group on a stream, starting after a given ID.', {
    complexity: 'O(1)',
    arity: -5,
    flags: ['write', 'denyoom'],
    keySpecs: [keyAt(2, ['RW', 'INSERT'])],
    arguments: [
      keyArg(),
      str('groupname'),
      GROUP_ID,
      token('mkstream', 'MKSTREAM', { optional: true }),
      ENTRIES_READ,
    ],
    history: [['7.0.0', 'ENTRIESREAD sets the read counter of the new group.']],
  }),
  xgroupSub('setid', "Moves a consumer group's last delivered ID.", {
    complexity: 'O(1)',
    arity: -5,
    flags: ['write'],
    keySpecs: [keyAt(2, ['RW', 'UPDATE'])],
    arguments: [keyArg(), str('groupname'), GROUP_ID, ENTRIES_READ],
    history: [['7.0.0', 'ENTRIESREAD sets the read counter too.']],
  }),
  xgroupSub('destroy', 'Deletes a consumer group with its consumers and pending entries.', {
    complexity: 'O(N), N being the entries pending in the group.',
    arity: 4,
    flags: ['write'],
    keySpecs: [keyAt(2, ['RW', 'DELETE'])],
    arguments: [keyArg(), str('groupname')],
  }),
  xgroupSub('createconsumer', 'Adds a consumer to a consumer group.', {
    since: '6.2.0',
    complexity: 'O(1)',
    arity: 5,
    flags: ['write', 'denyoom'],
    keySpecs: [keyAt(2, ['RW', 'INSERT'])],
    arguments: [keyArg(), str('groupname'), str('consumername')],
  }),
  xgroupSub('delconsumer', 'Removes a consumer and its pending entries from a consumer group.', {
    complexity: 'O(1)',
    arity: 5,
    flags: ['write'],
    keySpecs: [keyAt(2, ['RW', 'DELETE'])],
    arguments: [keyArg(), str('groupname'), str('consumername')],
  }),
  {
    name: 'xgroup|help',
    summary: 'Lists the XGROUP subcommands.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['stream', 'slow'],
  },
];

const xinfoSpecs: CommandSpec[] = [
  {
    name: 'xinfo',
    summary: 'Groups the subcommands that describe streams, their groups and consumers.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  {
    name: 'xinfo|stream',
    summary: 'Describes a stream; FULL adds its entries, groups, pending entries and consumers.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(1) in the short form; FULL is bounded by COUNT.',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    keySpecs: [keyAt(2, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      block('full', [int('count', { token: 'COUNT', optional: true })], { token: 'FULL', optional: true }),
    ],
    history: [
      ['6.0.0', 'FULL arrives.'],
      [
        '7.0.0',
        'Reports max-deleted-entry-id, entries-added, recorded-first-entry-id, entries-read and lag.',
      ],
    ],
  },
  {
    name: 'xinfo|groups',
    summary: 'Lists the consumer groups of a stream with their progress.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(1)',
    arity: 3,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    keySpecs: [keyAt(2, ['RO', 'ACCESS'])],
    arguments: [keyArg()],
    history: [['7.0.0', 'Reports entries-read and lag.']],
  },
  {
    name: 'xinfo|consumers',
    summary: 'Lists the consumers of a consumer group with their pending counts and idle times.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(1)',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    keySpecs: [keyAt(2, ['RO', 'ACCESS'])],
    arguments: [keyArg(), str('groupname')],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'xinfo|help',
    summary: 'Lists the XINFO subcommands.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['stream', 'slow'],
  },
];

const consumeSpecs: CommandSpec[] = [
  {
    name: 'xreadgroup',
    summary: 'Reads new entries (or its own pending history) for a consumer of a group, optionally blocking.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(M) per stream, M being the entries returned.',
    arity: -7,
    flags: ['write', 'blocking'],
    acl: ['write', 'stream', 'slow', 'blocking'],
    keySpecs: [keyAfter('STREAMS', 4, ['RO', 'ACCESS'], { lastKey: -1, limit: 2 })],
    arguments: [
      block('group_consumer', [str('group'), str('consumer')], { token: 'GROUP' }),
      int('count', { token: 'COUNT', optional: true }),
      int('milliseconds', { token: 'BLOCK', optional: true }),
      token('noack', 'NOACK', { optional: true }),
      block('streams', [keyArg(0, 'key', { multiple: true }), str('id', { multiple: true })], {
        token: 'STREAMS',
      }),
    ],
  },
  {
    name: 'xack',
    summary: 'Acknowledges entries, removing them from the pending list of a group.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(1) per ID.',
    arity: -4,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [keyAt(1, ['RW', 'UPDATE'])],
    arguments: [keyArg(), str('group'), str('id', { multiple: true })],
  },
  {
    name: 'xpending',
    summary: 'Summarises or lists the pending entries of a consumer group.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(N), N being the entries returned (or scanned, with IDLE); the summary adds O(consumers).',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      str('group'),
      block(
        'filters',
        [
          int('min-idle-time', { token: 'IDLE', since: '6.2.0', optional: true }),
          str('start'),
          str('end'),
          int('count'),
          str('consumer', { optional: true }),
        ],
        { optional: true },
      ),
    ],
    tips: ['nondeterministic_output'],
    history: [['6.2.0', 'IDLE filter and exclusive range bounds arrive.']],
  },
  {
    name: 'xclaim',
    summary: 'Transfers pending entries idle long enough to another consumer.',
    since: '5.0.0',
    group: 'stream',
    complexity: 'O(log N) per ID, N being the size of the group PEL.',
    arity: -6,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [keyAt(1, ['RW', 'UPDATE'])],
    arguments: [
      keyArg(),
      str('group'),
      str('consumer'),
      str('min-idle-time'),
      str('id', { multiple: true }),
      int('ms', { token: 'IDLE', optional: true }),
      unixTime('unix-time-milliseconds', { token: 'TIME', optional: true }),
      int('count', { token: 'RETRYCOUNT', optional: true }),
      token('force', 'FORCE', { optional: true }),
      token('justid', 'JUSTID', { optional: true }),
      str('id', { token: 'LASTID', optional: true }),
    ],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'xautoclaim',
    summary: 'Scans a group PEL from a cursor and transfers idle entries to a consumer.',
    since: '6.2.0',
    group: 'stream',
    complexity: 'O(COUNT) per call.',
    arity: -6,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [
      keyArg(),
      str('group'),
      str('consumer'),
      str('min-idle-time'),
      str('start'),
      int('count', { token: 'COUNT', optional: true }),
      token('justid', 'JUSTID', { optional: true }),
    ],
    tips: ['nondeterministic_output'],
    history: [['7.0.0', 'A third reply element lists the IDs of deleted entries dropped from the PEL.']],
  },
];

export const streamGroupSpecs: CommandSpec[] = [...xgroupSpecs, ...xinfoSpecs, ...consumeSpecs];
