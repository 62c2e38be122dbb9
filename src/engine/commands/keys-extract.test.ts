import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { OK } from '../resp/reply.ts';
import { CommandRegistry } from './registry.ts';
import { commandHasKeys, extractKeys, type KeyRef } from './keys-extract.ts';
import type { CommandSpec, KeySpec } from './types.ts';

/** A registry of made-up commands with the given key specs (names chosen to hit special extractors). */
function registryOf(
  defs: Record<string, { arity: number; keySpecs?: KeySpec[]; flags?: CommandSpec['flags'] }>,
) {
  const specs: CommandSpec[] = Object.entries(defs).map(([name, d]) => ({
    name,
    summary: 'test',
    since: '1.0.0',
    group: 'generic',
    arity: d.arity,
    flags: d.flags ?? [],
    acl: [],
    keySpecs: d.keySpecs,
  }));
  const handlers = Object.fromEntries(specs.map((s) => [s.name, () => OK]));
  return new CommandRegistry([{ specs, handlers }]);
}

const range = (index: number, lastKey: number, keyStep = 1, limit = 0, flags = ['RW']): KeySpec => ({
  flags,
  beginSearch: { type: 'index', index },
  findKeys: { type: 'range', lastKey, keyStep, limit },
});

const reg = registryOf({
  get: { arity: 2, keySpecs: [range(1, 0, 1, 0, ['RO', 'ACCESS'])] },
  mset: { arity: -3, keySpecs: [range(1, -1, 2, 0, ['OW', 'UPDATE'])] },
  del: { arity: -2, keySpecs: [range(1, -1, 1, 0, ['RM', 'DELETE'])] },
  zunionstore: {
    arity: -4,
    keySpecs: [
      range(1, 0, 1, 0, ['OW', 'UPDATE']),
      {
        flags: ['RO'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'keynum', keyNumIdx: 0, firstKey: 1, keyStep: 1 },
      },
    ],
  },
  xread: {
    arity: -4,
    keySpecs: [
      {
        flags: ['RO', 'ACCESS'],
        beginSearch: { type: 'keyword', keyword: 'STREAMS', startFrom: 1 },
        findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 2 },
      },
    ],
  },
  sort: {
    arity: -2,
    keySpecs: [
      range(1, 0, 1, 0, ['RO', 'ACCESS']),
      {
        ...range(1, 0),
        flags: ['OW', 'UPDATE'],
        beginSearch: { type: 'unknown' },
        findKeys: { type: 'unknown' },
      },
    ],
  },
  set: { arity: -3, keySpecs: [range(1, 0, 1, 0, ['RW', 'ACCESS', 'UPDATE', 'VARIABLE_FLAGS'])] },
  ping: { arity: -1 },
  publish: { arity: 3, keySpecs: [range(1, 0, 1, 0, ['NOT_KEY'])] },
  eval: {
    arity: -3,
    flags: ['no_mandatory_keys'],
    keySpecs: [
      {
        flags: ['RW'],
        beginSearch: { type: 'index', index: 2 },
        findKeys: { type: 'keynum', keyNumIdx: 0, firstKey: 1, keyStep: 1 },
      },
    ],
  },
  lastkw: {
    arity: -2,
    keySpecs: [
      {
        flags: ['RO'],
        beginSearch: { type: 'keyword', keyword: 'KEYS', startFrom: -2 },
        findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      },
    ],
  },
});

function keys(...line: string[]): [string, string[]][] {
  const argv = line.map(utf8);
  const cmd = reg.lookup(argv)!;
  return extractKeys(cmd, argv).map((k: KeyRef) => [line[k.pos]!, [...k.flags]]);
}

describe('extractKeys', () => {
  it('takes a fixed index and ranges with steps and negative last keys', () => {
    expect(keys('get', 'k')).toEqual([['k', ['RO', 'ACCESS']]]);
    expect(keys('mset', 'a', '1', 'b', '2')).toEqual([
      ['a', ['OW', 'UPDATE']],
      ['b', ['OW', 'UPDATE']],
    ]);
    expect(keys('del', 'a', 'b', 'c').map(([k]) => k)).toEqual(['a', 'b', 'c']);
  });

  it('reads a key count and falls back to the extractor when it is unusable', () => {
    expect(keys('zunionstore', 'd', '2', 'a', 'b', 'WEIGHTS', '1', '2').map(([k]) => k)).toEqual([
      'd',
      'a',
      'b',
    ]);
    // Count past the end: specs fail, the numkeys extractor finds nothing either.
    expect(keys('zunionstore', 'd', '5', 'a', 'b')).toEqual([]);
    expect(keys('eval', 's', '2', 'a', 'b', 'x').map(([k]) => k)).toEqual(['a', 'b']);
    expect(keys('eval', 's', '0')).toEqual([]);
    expect(keys('eval', 's', 'x')).toEqual([]);
  });

  it('finds keys after a keyword, forwards with a limit or backwards', () => {
    expect(keys('xread', 'COUNT', '2', 'streams', 'a', 'b', '0', '0').map(([k]) => k)).toEqual(['a', 'b']);
    expect(keys('lastkw', 'KEYS', 'x', 'KEYS', 'k', 'tail').map(([k]) => k)).toEqual(['k']);
    expect(keys('lastkw', 'nothing', 'here')).toEqual([]);
  });

  it('uses the command-specific extractor for incomplete and variable-flag specs', () => {
    expect(keys('sort', 'k', 'BY', 'w', 'STORE', 'd1', 'STORE', 'd2')).toEqual([
      ['k', ['RO', 'ACCESS']],
      ['d2', ['OW', 'UPDATE']],
    ]);
    expect(keys('set', 'k', 'v')).toEqual([['k', ['OW', 'UPDATE']]]);
    expect(keys('set', 'k', 'v', 'EX', '1', 'gEt')).toEqual([['k', ['RW', 'ACCESS', 'UPDATE']]]);
  });

  it('knows which commands have keys at all', () => {
    expect(commandHasKeys(reg.lookupByName('ping')!)).toBe(false);
    expect(commandHasKeys(reg.lookupByName('publish')!)).toBe(false);
    expect(commandHasKeys(reg.lookupByName('get')!)).toBe(true);
    expect(keys('publish', 'ch', 'msg')).toEqual([]);
  });
});
