/*
 * Command table entries of BITFIELD and BITFIELD_RO: Redis 7.0's facts with our own summaries and notes.
 */
import type { CommandSpec } from '../types.ts';

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
      {
        flags: ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
        notes: 'Reads and may also change the value at this key.',
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'operation',
        type: 'oneof',
        optional: true,
        multiple: true,
        arguments: [
          {
            name: 'encoding_offset',
            type: 'block',
            token: 'GET',
            arguments: [
              {
                name: 'encoding',
                type: 'string',
              },
              {
                name: 'offset',
                type: 'integer',
              },
            ],
          },
          {
            name: 'write',
            type: 'block',
            arguments: [
              {
                name: 'wrap_sat_fail',
                type: 'oneof',
                token: 'OVERFLOW',
                optional: true,
                arguments: [
                  {
                    name: 'wrap',
                    type: 'pure-token',
                    token: 'WRAP',
                  },
                  {
                    name: 'sat',
                    type: 'pure-token',
                    token: 'SAT',
                  },
                  {
                    name: 'fail',
                    type: 'pure-token',
                    token: 'FAIL',
                  },
                ],
              },
              {
                name: 'write_operation',
                type: 'oneof',
                arguments: [
                  {
                    name: 'encoding_offset_value',
                    type: 'block',
                    token: 'SET',
                    arguments: [
                      {
                        name: 'encoding',
                        type: 'string',
                      },
                      {
                        name: 'offset',
                        type: 'integer',
                      },
                      {
                        name: 'value',
                        type: 'integer',
                      },
                    ],
                  },
                  {
                    name: 'encoding_offset_increment',
                    type: 'block',
                    token: 'INCRBY',
                    arguments: [
                      {
                        name: 'encoding',
                        type: 'string',
                      },
                      {
                        name: 'offset',
                        type: 'integer',
                      },
                      {
                        name: 'increment',
                        type: 'integer',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
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
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 1,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'encoding_offset',
        type: 'block',
        token: 'GET',
        optional: true,
        multiple: true,
        multipleToken: true,
        arguments: [
          {
            name: 'encoding',
            type: 'string',
          },
          {
            name: 'offset',
            type: 'integer',
          },
        ],
      },
    ],
  },
];
