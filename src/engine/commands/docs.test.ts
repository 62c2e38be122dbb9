/*
 * Expected strings are what redis-cli 7.0.15 prints for `help <command>` (test/diff/command-info-hints
 * checks the same renderer on every command of a live server).
 */
import { describe, expect, it } from 'vitest';
import { testNode } from '../testkit.ts';
import { argumentsHint, commandDocsForConsole } from './docs.ts';
import type { ArgSpec } from './types.ts';

const tok = (name: string, token = name.toUpperCase()): ArgSpec => ({ name, type: 'pure-token', token });

const SET_ARGS: ArgSpec[] = [
  { name: 'key', type: 'key', keySpecIndex: 0 },
  { name: 'value', type: 'string' },
  { name: 'condition', type: 'oneof', optional: true, arguments: [tok('nx'), tok('xx')] },
  { ...tok('get'), optional: true },
  {
    name: 'expiration',
    type: 'oneof',
    optional: true,
    arguments: [
      { name: 'seconds', type: 'integer', token: 'EX' },
      { name: 'milliseconds', type: 'integer', token: 'PX' },
      { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT' },
      { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT' },
      tok('keepttl'),
    ],
  },
];

const SORT_ARGS: ArgSpec[] = [
  { name: 'key', type: 'key' },
  { name: 'pattern', type: 'pattern', token: 'BY', optional: true },
  {
    name: 'limit',
    type: 'block',
    token: 'LIMIT',
    optional: true,
    arguments: [
      { name: 'offset', type: 'integer' },
      { name: 'count', type: 'integer' },
    ],
  },
  { name: 'pattern', type: 'pattern', token: 'GET', optional: true, multiple: true, multipleToken: true },
  { name: 'order', type: 'oneof', optional: true, arguments: [tok('asc'), tok('desc')] },
  { ...tok('sorting', 'ALPHA'), optional: true },
  { name: 'destination', type: 'key', token: 'STORE', optional: true },
];

const MSET_ARGS: ArgSpec[] = [
  {
    name: 'data',
    type: 'block',
    multiple: true,
    arguments: [
      { name: 'key', type: 'key' },
      { name: 'value', type: 'string' },
    ],
  },
];

describe('argumentsHint', () => {
  it('renders tokens, oneof, optional and pure tokens like redis-cli', () => {
    expect(argumentsHint(SET_ARGS)).toBe(
      'key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|' +
        'PXAT unix-time-milliseconds|KEEPTTL]',
    );
  });

  it('repeats multiple arguments, with their token when multiple_token', () => {
    expect(argumentsHint(SORT_ARGS)).toBe(
      'key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC|DESC] [ALPHA] [STORE destination]',
    );
    expect(argumentsHint(MSET_ARGS)).toBe('key value [key value ...]');
  });

  it('shows empty names and tokens as ""', () => {
    expect(argumentsHint([{ name: '', type: 'string', token: '' }])).toBe('"" ""');
  });
});

describe('commandDocsForConsole', () => {
  it('lists containers and subcommands by full upper-case name, sorted', () => {
    const docs = commandDocsForConsole(testNode().node.commands);
    const names = docs.map((d) => d.name);
    expect(names).toEqual([...names].sort());
    const list = docs.find((d) => d.name === 'COMMAND LIST')!;
    expect(list).toMatchObject({
      group: 'server',
      since: '7.0.0',
      arity: -2,
      argsHint: '[FILTERBY MODULE module-name|ACLCAT category|PATTERN pattern]',
    });
    expect(list.summary.length).toBeGreaterThan(0);
    expect(names).toContain('COMMAND');
  });
});
