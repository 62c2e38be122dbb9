/*
 * Command table entries of the scripting family: EVAL and friends, FCALL, and the SCRIPT and FUNCTION
 * containers. Facts as Redis 7.0 publishes them through COMMAND INFO / COMMAND DOCS (arity, flags, ACL
 * categories, key specs, arguments, versions, complexity); summaries and history notes are our own.
 */
import type { CommandSpec, KeySpec } from '../types.ts';
import { keyArg, keynum, oneOf, str, token, tokens, int } from '../spec-helpers.ts';

const RW_NOTE = 'We cannot tell how the keys will be used so we assume the worst, RW and UPDATE';
const RO_NOTE = 'We cannot tell how the keys will be used so we assume the worst, RO and ACCESS';

function runner(
  name: string,
  first: string,
  summary: string,
  opts: { ro: boolean; since: string; note: boolean; fn: boolean },
): CommandSpec {
  const keys: KeySpec = opts.ro
    ? keynum(2, ['RO', 'ACCESS'], opts.note ? { notes: RO_NOTE } : {})
    : keynum(2, ['RW', 'ACCESS', 'UPDATE'], opts.note ? { notes: RW_NOTE } : {});
  return {
    name,
    summary,
    since: opts.since,
    group: 'scripting',
    complexity: opts.fn
      ? 'Depends on the function that is executed.'
      : 'Depends on the script that is executed.',
    arity: -3,
    flags: opts.ro
      ? ['noscript', 'skip_monitor', 'no_mandatory_keys', 'stale', 'readonly']
      : ['noscript', 'skip_monitor', 'may_replicate', 'no_mandatory_keys', 'stale'],
    acl: ['slow', 'scripting'],
    keySpecs: [keys],
    arguments: [
      str(first),
      int('numkeys'),
      keyArg(0, 'key', { optional: true, multiple: true }),
      str('arg', { optional: true, multiple: true }),
    ],
  };
}

function sub(
  name: string,
  summary: string,
  arity: number,
  since: string,
  complexity: string,
  flags: CommandSpec['flags'],
  extra: Partial<CommandSpec> = {},
): CommandSpec {
  const acl = flags.includes('write') ? ['write', 'slow', 'scripting'] : ['slow', 'scripting'];
  return { name, summary, since, group: 'scripting', complexity, arity, flags, acl, ...extra };
}

const flushModes = oneOf('async', tokens('async', 'sync'), { optional: true });

export const evalSpecs: CommandSpec[] = [
  runner('eval', 'script', 'Runs a Lua script on the server, compiling and caching it first.', {
    ro: false,
    since: '2.6.0',
    note: true,
    fn: false,
  }),
  runner('evalsha', 'sha1', 'Runs a script already in the cache, named by its SHA1 digest.', {
    ro: false,
    since: '2.6.0',
    note: false,
    fn: false,
  }),
  runner('eval_ro', 'script', 'Runs a Lua script that may only read data.', {
    ro: true,
    since: '7.0.0',
    note: true,
    fn: false,
  }),
  runner('evalsha_ro', 'sha1', 'Runs a cached script, by SHA1 digest, that may only read data.', {
    ro: true,
    since: '7.0.0',
    note: false,
    fn: false,
  }),
  runner('fcall', 'function', 'Calls a function registered by a loaded library.', {
    ro: false,
    since: '7.0.0',
    note: true,
    fn: true,
  }),
  runner('fcall_ro', 'function', 'Calls a registered function that may only read data.', {
    ro: true,
    since: '7.0.0',
    note: true,
    fn: true,
  }),
  {
    name: 'script',
    summary: 'Container for the subcommands that manage the Lua script cache.',
    since: '2.6.0',
    group: 'scripting',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  sub(
    'script|debug',
    'Chooses the debugging mode of later scripts (no debugger here).',
    3,
    '3.2.0',
    'O(1)',
    ['noscript'],
    { arguments: [oneOf('mode', tokens('yes', 'sync', 'no'))] },
  ),
  sub(
    'script|exists',
    'Tells, for each SHA1 digest, whether that script is in the cache.',
    -3,
    '2.6.0',
    'O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).',
    ['noscript'],
    {
      arguments: [str('sha1', { multiple: true })],
      tips: ['request_policy:all_shards', 'response_policy:agg_logical_and'],
    },
  ),
  sub(
    'script|flush',
    'Empties the script cache.',
    -2,
    '2.6.0',
    'O(N) with N being the number of scripts in cache',
    ['noscript'],
    {
      arguments: [{ ...flushModes, since: '6.2.0' }],
      tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
      history: [['6.2.0', 'ASYNC and SYNC choose how the cache is emptied.']],
    },
  ),
  sub('script|help', 'Lists the SCRIPT subcommands.', 2, '5.0.0', 'O(1)', ['loading', 'stale']),
  sub(
    'script|kill',
    'Stops the running script, if it has not written yet.',
    2,
    '2.6.0',
    'O(1)',
    ['noscript', 'allow_busy'],
    { tips: ['request_policy:all_shards', 'response_policy:one_succeeded'] },
  ),
  sub(
    'script|load',
    'Compiles a script into the cache without running it and answers its SHA1.',
    3,
    '2.6.0',
    'O(N) with N being the length in bytes of the script body.',
    ['noscript', 'stale'],
    { arguments: [str('script')], tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'] },
  ),
];

const ALL_SHARDS_OK = ['request_policy:all_shards', 'response_policy:all_succeeded'];

export const functionSpecs: CommandSpec[] = [
  {
    name: 'function',
    summary: 'Container for the subcommands that manage server-side function libraries.',
    since: '7.0.0',
    group: 'scripting',
    complexity: 'Depends on subcommand.',
    arity: -2,
    flags: [],
    acl: ['slow'],
  },
  sub(
    'function|delete',
    'Removes a library and every function it registered.',
    3,
    '7.0.0',
    'O(1)',
    ['noscript', 'write'],
    { arguments: [str('library-name')], tips: ALL_SHARDS_OK },
  ),
  sub(
    'function|dump',
    'Serializes every loaded library into one payload.',
    2,
    '7.0.0',
    'O(N) where N is the number of functions',
    ['noscript'],
  ),
  sub(
    'function|flush',
    'Drops every loaded function library.',
    -2,
    '7.0.0',
    'O(N) where N is the number of functions deleted',
    ['noscript', 'write'],
    { arguments: [flushModes], tips: ALL_SHARDS_OK },
  ),
  sub('function|help', 'Lists the FUNCTION subcommands.', 2, '7.0.0', 'O(1)', ['loading', 'stale']),
  sub(
    'function|kill',
    'Stops the running function, if it has not written yet.',
    2,
    '7.0.0',
    'O(1)',
    ['noscript', 'allow_busy'],
    { tips: ['request_policy:all_shards', 'response_policy:one_succeeded'] },
  ),
  sub(
    'function|list',
    'Describes the loaded libraries and their functions.',
    -2,
    '7.0.0',
    'O(N) where N is the number of functions',
    ['noscript'],
    {
      arguments: [
        str('library-name-pattern', { token: 'LIBRARYNAME', optional: true }),
        token('withcode', 'WITHCODE', { optional: true }),
      ],
      tips: ['nondeterministic_output_order'],
    },
  ),
  sub(
    'function|load',
    'Loads a library from source and registers its functions.',
    -3,
    '7.0.0',
    'O(1) (considering compilation time is redundant)',
    ['noscript', 'write', 'denyoom'],
    {
      arguments: [token('replace', 'REPLACE', { optional: true }), str('function-code')],
      tips: ALL_SHARDS_OK,
    },
  ),
  sub(
    'function|restore',
    'Loads libraries from a FUNCTION DUMP payload.',
    -3,
    '7.0.0',
    'O(N) where N is the number of functions on the payload',
    ['noscript', 'write', 'denyoom'],
    {
      arguments: [
        str('serialized-value'),
        oneOf('policy', tokens('flush', 'append', 'replace'), { optional: true }),
      ],
      tips: ALL_SHARDS_OK,
    },
  ),
  sub(
    'function|stats',
    'Shows the running function, if any, and counts per engine.',
    2,
    '7.0.0',
    'O(1)',
    ['noscript', 'allow_busy'],
    { tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'] },
  ),
];
