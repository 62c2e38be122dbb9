/*
 * Command table entries of SORT and SORT_RO: Redis 7.0 facts as COMMAND INFO / COMMAND DOCS report them
 * (arity, flags, ACL categories, key specs, arguments, since, complexity), with the one-line summaries
 * and key-spec notes written in our own words.
 */
import type { ArgSpec, CommandSpec, KeySpec } from '../types.ts';
import { block, int, keyArg, keyAt, oneOf, pattern, token, tokens, unknownKeys } from '../spec-helpers.ts';

const COMPLEXITY =
  'O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of ' +
  'returned elements. When the elements are not sorted, complexity is O(N).';

const SOURCE_KEY: KeySpec = keyAt(1, ['RO', 'ACCESS']);

const PATTERN_KEYS: KeySpec = unknownKeys(
  ['RO', 'ACCESS'],
  'Keys read by BY and GET patterns; unknown because their names are built from the sorted elements',
);

const STORE_KEY: KeySpec = unknownKeys(
  ['OW', 'UPDATE'],
  'The STORE destination; unknown because the option may appear at any position',
);

/** Arguments shared by both commands (SORT adds STORE at the end). */
const COMMON_ARGS: ArgSpec[] = [
  keyArg(),
  pattern('pattern', { keySpecIndex: 1, token: 'BY', optional: true }),
  block('offset_count', [int('offset'), int('count')], { token: 'LIMIT', optional: true }),
  pattern('pattern', { keySpecIndex: 1, token: 'GET', optional: true, multiple: true, multipleToken: true }),
  oneOf('order', tokens('asc', 'desc'), { optional: true }),
  token('sorting', 'ALPHA', { optional: true }),
];

export const sortSpecs: CommandSpec[] = [
  {
    name: 'sort',
    summary: 'Orders the elements of a list, set or sorted set, optionally storing the result as a list.',
    since: '1.0.0',
    group: 'generic',
    arity: -2,
    flags: ['write', 'denyoom'],
    acl: ['write', 'set', 'sortedset', 'list', 'slow', 'dangerous'],
    complexity: COMPLEXITY,
    keySpecs: [SOURCE_KEY, PATTERN_KEYS, STORE_KEY],
    arguments: [...COMMON_ARGS, keyArg(2, 'destination', { token: 'STORE', optional: true })],
  },
  {
    name: 'sort_ro',
    summary: 'Read-only SORT: orders the elements of a list, set or sorted set without a STORE option.',
    since: '7.0.0',
    group: 'generic',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'set', 'sortedset', 'list', 'slow', 'dangerous'],
    complexity: COMPLEXITY,
    keySpecs: [SOURCE_KEY, PATTERN_KEYS],
    arguments: COMMON_ARGS,
  },
];
