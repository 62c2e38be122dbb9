/*
 * Command table entries of BITFIELD and BITFIELD_RO: Redis 7.0's facts with our own summaries and notes.
 */
import type { CommandSpec } from '../types.ts';
import { block, int, keyArg, keyAt, oneOf, str, tokens } from '../spec-helpers.ts';

export const bitfieldSpecs: CommandSpec[] = [
  {
    name: 'bitfield',
    summary: 'Reads, writes and increments integers of any width packed at bit offsets of a string.',
    since: '3.2.0',
    group: 'bitmap',
    arity: -2,
    flags: ['write', 'denyoom'],
    acl: ['write', 'bitmap', 'slow'],
    complexity: 'O(1) for each subcommand specified',
    keySpecs: [
      keyAt(1, ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'], {
        notes: 'Reads and may also change the value at this key.',
      }),
    ],
    arguments: [
      keyArg(),
      oneOf(
        'operation',
        [
          block('encoding_offset', [str('encoding'), int('offset')], { token: 'GET' }),
          block('write', [
            oneOf('wrap_sat_fail', tokens('wrap', 'sat', 'fail'), {
              token: 'OVERFLOW',
              optional: true,
            }),
            oneOf('write_operation', [
              block('encoding_offset_value', [str('encoding'), int('offset'), int('value')], {
                token: 'SET',
              }),
              block('encoding_offset_increment', [str('encoding'), int('offset'), int('increment')], {
                token: 'INCRBY',
              }),
            ]),
          ]),
        ],
        { optional: true, multiple: true },
      ),
    ],
  },
  {
    name: 'bitfield_ro',
    summary: 'The read-only form of BITFIELD: GET operations only.',
    since: '6.0.0',
    group: 'bitmap',
    arity: -2,
    flags: ['readonly', 'fast'],
    acl: ['read', 'bitmap', 'fast'],
    complexity: 'O(1) for each subcommand specified',
    keySpecs: [keyAt(1, ['RO', 'ACCESS'])],
    arguments: [
      keyArg(),
      block('encoding_offset', [str('encoding'), int('offset')], {
        token: 'GET',
        optional: true,
        multiple: true,
        multipleToken: true,
      }),
    ],
  },
];
