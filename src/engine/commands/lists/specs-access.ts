/*
 * Command table entries of the list family, reads and in-place edits (LLEN LINDEX LRANGE LSET LINSERT LREM LTRIM LPOS). Facts as Redis 7.0 publishes them through
 * COMMAND INFO / COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, complexity,
 * deprecation); summaries and history lines are our own words.
 */
import type { CommandSpec } from '../types.ts';
import { int, keyArg, keyAt, oneOf, str, tokens } from '../spec-helpers.ts';

export const accessSpecs: CommandSpec[] = [
  {
    name: 'llen',
    summary: 'Counts the elements of a list.',
    since: '1.0.0',
    group: 'list',
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'list', 'fast'],
    complexity: 'O(1)',
    keySpecs: [keyAt(1, ['RO'])],
    arguments: [keyArg()],
  },
  {
    name: 'lindex',
    summary: 'Reads the element at a position of a list.',
    since: '1.0.0',
    group: 'list',
    arity: 3,
    flags: ['readonly'],
    acl: ['read', 'list', 'slow'],
    complexity:
      'O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), int('index')],
  },
  {
    name: 'lrange',
    summary: 'Reads the elements between two positions of a list.',
    since: '1.0.0',
    group: 'list',
    arity: 4,
    flags: ['readonly'],
    acl: ['read', 'list', 'slow'],
    complexity:
      'O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), int('start'), int('stop')],
  },
  {
    name: 'lset',
    summary: 'Overwrites the element at a position of a list.',
    since: '1.0.0',
    group: 'list',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
    complexity:
      'O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).',
    keySpecs: [keyAt(1, ['RW', 'UPDATE'])],
    arguments: [keyArg(), int('index'), str('element')],
  },
  {
    name: 'linsert',
    summary: 'Inserts an element just before or after the first occurrence of a pivot.',
    since: '2.2.0',
    group: 'list',
    arity: 5,
    flags: ['write', 'denyoom'],
    acl: ['write', 'list', 'slow'],
    complexity:
      'O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).',
    keySpecs: [keyAt(1, ['RW', 'INSERT'])],
    arguments: [keyArg(), oneOf('where', tokens('before', 'after')), str('pivot'), str('element')],
  },
  {
    name: 'lrem',
    summary: 'Deletes occurrences of an element from a list, from either end.',
    since: '1.0.0',
    group: 'list',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'list', 'slow'],
    complexity: 'O(N+M) where N is the length of the list and M is the number of elements removed.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(), int('count'), str('element')],
  },
  {
    name: 'ltrim',
    summary: 'Keeps only the elements between two positions, dropping the rest.',
    since: '1.0.0',
    group: 'list',
    arity: 4,
    flags: ['write'],
    acl: ['write', 'list', 'slow'],
    complexity: 'O(N) where N is the number of elements to be removed by the operation.',
    keySpecs: [keyAt(1, ['RW', 'DELETE'])],
    arguments: [keyArg(), int('start'), int('stop')],
  },
  {
    name: 'lpos',
    summary: 'Finds the positions of elements equal to a value in a list.',
    since: '6.0.6',
    group: 'list',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'list', 'slow'],
    complexity:
      'O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      str('element'),
      int('rank', { token: 'RANK', optional: true }),
      int('num-matches', { token: 'COUNT', optional: true }),
      int('len', { token: 'MAXLEN', optional: true }),
    ],
  },
];
