/*
 * Command table entries of the bitmap family: the facts Redis 7.0 reports through COMMAND INFO /
 * COMMAND DOCS (arity, flags, ACL categories, key specs, arguments, versions, complexity) and a
 * one-line summary of our own.
 */
import type { CommandSpec } from '../types.ts';
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
    keySpecs: [
      {
        flags: ['RW', 'ACCESS', 'UPDATE'],
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
    name: 'getbit',
    summary: 'Answers the bit stored at an offset of a string (0 past its end).',
    since: '2.2.0',
    group: 'bitmap',
    arity: 3,
    flags: ['readonly', 'fast'],
    acl: ['read', 'bitmap', 'fast'],
    complexity: 'O(1)',
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
        name: 'offset',
        type: 'integer',
      },
    ],
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
        name: 'index',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'start',
            type: 'integer',
          },
          {
            name: 'end',
            type: 'integer',
          },
          {
            name: 'index_unit',
            type: 'oneof',
            since: '7.0.0',
            optional: true,
            arguments: [
              {
                name: 'byte',
                type: 'pure-token',
                token: 'BYTE',
              },
              {
                name: 'bit',
                type: 'pure-token',
                token: 'BIT',
              },
            ],
          },
        ],
      },
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
        name: 'bit',
        type: 'integer',
      },
      {
        name: 'index',
        type: 'block',
        optional: true,
        arguments: [
          {
            name: 'start',
            type: 'integer',
          },
          {
            name: 'end_index',
            type: 'block',
            optional: true,
            arguments: [
              {
                name: 'end',
                type: 'integer',
              },
              {
                name: 'index_unit',
                type: 'oneof',
                since: '7.0.0',
                optional: true,
                arguments: [
                  {
                    name: 'byte',
                    type: 'pure-token',
                    token: 'BYTE',
                  },
                  {
                    name: 'bit',
                    type: 'pure-token',
                    token: 'BIT',
                  },
                ],
              },
            ],
          },
        ],
      },
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
    keySpecs: [
      {
        flags: ['OW', 'UPDATE'],
        beginSearch: {
          type: 'index',
          index: 2,
        },
        findKeys: {
          type: 'range',
          lastKey: 0,
          keyStep: 1,
          limit: 0,
        },
      },
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: {
          type: 'index',
          index: 3,
        },
        findKeys: {
          type: 'range',
          lastKey: -1,
          keyStep: 1,
          limit: 0,
        },
      },
    ],
    arguments: [
      {
        name: 'operation',
        type: 'string',
      },
      {
        name: 'destkey',
        type: 'key',
        keySpecIndex: 0,
      },
      {
        name: 'key',
        type: 'key',
        keySpecIndex: 1,
        multiple: true,
      },
    ],
  },
  ...bitfieldSpecs,
];
