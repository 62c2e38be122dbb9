/*
 * Command table entries for SCAN and the OBJECT container with its subcommands. Facts as Redis 7.0
 * declares them; the summaries are our own.
 */
import type { CommandSpec } from './types.ts';

export const scanObjectSpecs: CommandSpec[] = [
  {
    name: 'scan',
    summary: 'Walks the keyspace a few keys at a time with a cursor.',
    since: '2.8.0',
    group: 'generic',
    complexity:
      'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    arity: -2,
    flags: ['readonly'], // Redis's hidden TOUCHES_ARBITRARY_KEYS flag is not listed by COMMAND INFO
    acl: ['keyspace', 'read', 'slow'],
    arguments: [
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', optional: true },
      { name: 'count', type: 'integer', token: 'COUNT', optional: true },
      {
        name: 'type',
        type: 'string',
        token: 'TYPE',
        optional: true,
        since: '6.0.0',
      },
    ],
    tips: ['nondeterministic_output', 'request_policy:special'],
    history: [['6.0.0', 'TYPE filter arrives.']],
  },
  {
    name: 'object',
    summary: 'Groups the subcommands that inspect stored values.',
    since: '2.2.3',
    group: 'generic',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  {
    name: 'object|encoding',
    summary: 'Names the internal representation used for the value of a key.',
    since: '2.2.3',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'object|freq',
    summary: 'Answers the logarithmic access-frequency counter of a key (LFU policies).',
    since: '4.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'object|help',
    summary: 'Lists the OBJECT subcommands.',
    since: '6.2.0',
    group: 'generic',
    complexity: 'O(1)',
    arity: 2,
    flags: ['loading', 'stale'],
    acl: ['keyspace', 'slow'],
  },
  {
    name: 'object|idletime',
    summary: 'Answers the seconds since the value of a key was last accessed.',
    since: '2.2.3',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    tips: ['nondeterministic_output'],
  },
  {
    name: 'object|refcount',
    summary: 'Answers how many references point at the value of a key.',
    since: '2.2.3',
    group: 'generic',
    complexity: 'O(1)',
    arity: 3,
    flags: ['readonly'],
    acl: ['keyspace', 'read', 'slow'],
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0 }],
    tips: ['nondeterministic_output'],
  },
];
