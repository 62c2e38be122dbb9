/*
 * Command table entries of the stream family (without consumer groups). Facts as Redis 7.0 publishes
 * them through COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments,
 * complexity, tips); summaries and history lines are our own words.
 */
import type { ArgSpec, CommandSpec } from '../types.ts';
import { block, int, keyAfter, keyArg, keyAt, oneOf, str, token } from '../spec-helpers.ts';

/** MAXLEN|MINID [=|~] threshold [LIMIT count], shared by XADD and XTRIM. */
function trimBlock(optional: boolean): ArgSpec {
  return block(
    'trim',
    [
      oneOf('strategy', [token('maxlen'), token('minid', 'MINID', { since: '6.2.0' })]),
      oneOf('operator', [token('equal', '='), token('approximately', '~')], { optional: true }),
      str('threshold'),
      int('count', { token: 'LIMIT', since: '6.2.0', optional: true }),
    ],
    optional ? { optional: true } : {},
  );
}

const rangeComplexity = (what: string): string =>
  `O(N) with N being the number of elements ${what}. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).`;

export const streamSpecs: CommandSpec[] = [
  {
    name: 'xadd',
    summary: 'Appends an entry to a stream (creating it unless NOMKSTREAM), optionally trimming it.',
    since: '5.0.0',
    group: 'stream',
    arity: -5,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'stream', 'fast'],
    complexity:
      'O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.',
    tips: ['nondeterministic_output'],
    keySpecs: [
      keyAt(1, ['RW', 'UPDATE'], {
        notes: 'UPDATE instead of INSERT because of the optional trimming feature',
      }),
    ],
    arguments: [
      keyArg(0),
      token('nomkstream', 'NOMKSTREAM', { since: '6.2.0', optional: true }),
      trimBlock(true),
      oneOf('id_or_auto', [token('auto_id', '*'), str('id')]),
      block('field_value', [str('field'), str('value')], { multiple: true }),
    ],
    history: [
      ['6.2.0', 'NOMKSTREAM, the MINID strategy and LIMIT were added.'],
      ['7.0.0', 'IDs of the form `<ms>-*` are accepted.'],
    ],
  },
  {
    name: 'xrange',
    summary: 'Lists the stream entries whose IDs fall in a range, oldest first.',
    since: '5.0.0',
    group: 'stream',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    complexity: rangeComplexity('being returned'),
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(0), str('start'), str('end'), int('count', { token: 'COUNT', optional: true })],
    history: [['6.2.0', 'Exclusive range bounds were added.']],
  },
  {
    name: 'xrevrange',
    summary: 'Lists the stream entries whose IDs fall in a range, newest first.',
    since: '5.0.0',
    group: 'stream',
    arity: -4,
    flags: ['readonly'],
    acl: ['read', 'stream', 'slow'],
    complexity: rangeComplexity('returned'),
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(0), str('end'), str('start'), int('count', { token: 'COUNT', optional: true })],
    history: [['6.2.0', 'Exclusive range bounds were added.']],
  },
  {
    name: 'xlen',
    summary: 'Counts the entries of a stream.',
    since: '5.0.0',
    group: 'stream',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'stream', 'fast'],
    complexity: 'O(1)',
    keySpecs: [keyAt(1, ['RO'])],
    arguments: [keyArg(0)],
  },
  {
    name: 'xdel',
    summary: 'Removes entries from a stream by ID and answers how many existed.',
    since: '5.0.0',
    group: 'stream',
    arity: -3,
    flags: ['write', 'fast'],
    acl: ['write', 'stream', 'fast'],
    complexity: 'O(1) for each single item to delete in the stream, regardless of the stream size.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(0), str('id', { multiple: true })],
  },
  {
    name: 'xtrim',
    summary: 'Drops the oldest entries of a stream down to a length or up to an ID.',
    since: '5.0.0',
    group: 'stream',
    arity: -4,
    flags: ['write'],
    acl: ['write', 'stream', 'slow'],
    complexity:
      'O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.',
    tips: ['nondeterministic_output'],
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(0), trimBlock(false)],
    history: [['6.2.0', 'The MINID strategy and LIMIT were added.']],
  },
  {
    name: 'xsetid',
    summary: "Overrides a stream's last ID and, optionally, its added-entries and max-deleted-ID counters.",
    since: '5.0.0',
    group: 'stream',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    acl: ['write', 'stream', 'fast'],
    complexity: 'O(1)',
    keySpecs: [keyAt(1, ['RW', 'UPDATE'])],
    arguments: [
      keyArg(0),
      str('last-id'),
      int('entries_added', { token: 'ENTRIESADDED', since: '7.0.0', optional: true }),
      str('max_deleted_entry_id', { token: 'MAXDELETEDID', since: '7.0.0', optional: true }),
    ],
    history: [['7.0.0', 'ENTRIESADDED and MAXDELETEDID were added.']],
  },
  {
    name: 'xread',
    summary: 'Reads entries newer than given IDs from one or more streams, optionally waiting for them.',
    since: '5.0.0',
    group: 'stream',
    arity: -4,
    flags: ['readonly', 'blocking'],
    acl: ['read', 'stream', 'slow', 'blocking'],
    complexity:
      'For each stream mentioned: O(N) with N being the number of elements being returned, it means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new data.',
    keySpecs: [keyAfter('STREAMS', 1, ['RO', 'ACCESS'], { lastKey: -1, limit: 2 })],
    arguments: [
      int('count', { token: 'COUNT', optional: true }),
      int('milliseconds', { token: 'BLOCK', optional: true }),
      block('streams', [keyArg(0, 'key', { multiple: true }), str('id', { multiple: true })], {
        token: 'STREAMS',
      }),
    ],
  },
];
