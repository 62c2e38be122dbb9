/*
 * Command table entries of the bitmap family: the facts Redis 7.0 reports through COMMAND INFO /
 * COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions, complexity) and a
 * one-line summary of our own.
 */
import type { CommandSpec } from '../types.ts';
import { block, int, keyArg, keyAt, oneOf, str, tokens } from '../spec-helpers.ts';
import { bitfieldSpecs } from './specs-bitfield.ts';

export const bitmapSpecs: CommandSpec[] = [
  {
    name: 'setbit',
    summary:
      'Sets or clears one bit of a string, growing it with zero bytes as needed, and answers the old bit.',
    since: '2.2.0',
    group: 'bitmap',
    arity: 4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'bitmap', 'slow'],
    complexity: 'O(1)',
    keySpecs: [keyAt(1, ['RW', 'ACCESS', 'UPDATE'])],
    arguments: [keyArg(), int('offset'), int('value')],
  },
  {
    name: 'getbit',
    summary: 'Answers the bit stored at an offset of a string (0 past its end).',
    since: '2.2.0',
    group: 'bitmap',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'bitmap', 'fast'],
    complexity: 'O(1)',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [keyArg(), int('offset')],
  },
  {
    name: 'bitcount',
    summary: 'Counts the 1 bits of a string, optionally within a byte or bit range.',
    since: '2.6.0',
    group: 'bitmap',
    arity: -2,
    flags: ['readonly'],
    acl: ['read', 'bitmap', 'slow'],
    complexity: 'O(N)',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      block(
        'index',
        [
          int('start'),
          int('end'),
          oneOf('index_unit', tokens('byte', 'bit'), { since: '7.0.0', optional: true }),
        ],
        { optional: true },
      ),
    ],
    history: [['7.0.0', 'Accepts a BYTE or BIT unit for the range.']],
  },
  {
    name: 'bitpos',
    summary: 'Finds the position of the first 0 or 1 bit of a string, optionally within a range.',
    since: '2.8.7',
    group: 'bitmap',
    arity: -3,
    flags: ['readonly'],
    acl: ['read', 'bitmap', 'slow'],
    complexity: 'O(N)',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      int('bit'),
      block(
        'index',
        [
          int('start'),
          block(
            'end_index',
            [int('end'), oneOf('index_unit', tokens('byte', 'bit'), { since: '7.0.0', optional: true })],
            { optional: true },
          ),
        ],
        { optional: true },
      ),
    ],
    history: [['7.0.0', 'Accepts a BYTE or BIT unit for the range.']],
  },
  {
    name: 'bitop',
    summary: 'Combines strings bit by bit (AND, OR, XOR, NOT) and stores the result at a destination key.',
    since: '2.6.0',
    group: 'bitmap',
    arity: -4,
    flags: ['write', 'denyoom'],
    acl: ['write', 'bitmap', 'slow'],
    complexity: 'O(N)',
    keySpecs: [keyAt(2, ['OW', 'UPDATE']), keyAt(3, ['RO', 'ACCESS'], { lastKey: -1 })],
    arguments: [str('operation'), keyArg(0, 'destkey'), keyArg(1, 'key', { multiple: true })],
  },
  ...bitfieldSpecs,
];
