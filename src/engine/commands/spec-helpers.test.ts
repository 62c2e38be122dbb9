import { describe, expect, it } from 'vitest';
import {
  block,
  keyAfter,
  keyArg,
  keyAt,
  keynum,
  oneOf,
  str,
  token,
  tokens,
  unknownKeys,
} from './spec-helpers.ts';

describe('spec-helpers key specs', () => {
  it('keyAt defaults to one key and overrides only what is given', () => {
    expect(keyAt(1, ['RO'])).toEqual({
      flags: ['RO'],
      beginSearch: { type: 'index', index: 1 },
      findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
    });
    expect(keyAt(1, ['RW'], { lastKey: -1, keyStep: 2 }).findKeys).toEqual({
      type: 'range',
      lastKey: -1,
      keyStep: 2,
      limit: 0,
    });
  });

  it('keyAfter, keynum and unknownKeys build the other shapes, notes only when given', () => {
    expect(keyAfter('STORE', 6, ['OW'], { notes: 'n' })).toEqual({
      flags: ['OW'],
      beginSearch: { type: 'keyword', keyword: 'STORE', startFrom: 6 },
      findKeys: { type: 'range', lastKey: 0, keyStep: 1, limit: 0 },
      notes: 'n',
    });
    expect(keynum(2, ['RO']).findKeys).toEqual({ type: 'keynum', keyNumIdx: 0, firstKey: 1, keyStep: 1 });
    expect('notes' in keynum(2, ['RO'])).toBe(false);
    expect(unknownKeys(['RO'], 'why')).toEqual({
      flags: ['RO'],
      beginSearch: { type: 'unknown' },
      findKeys: { type: 'unknown' },
      notes: 'why',
    });
  });
});

describe('spec-helpers arguments', () => {
  it('carry exactly the given facts, with no undefined fields', () => {
    expect(keyArg()).toEqual({ name: 'key', type: 'key', keySpecIndex: 0 });
    expect(Object.keys(str('field'))).toEqual(['name', 'type']);
    expect(token('nx')).toEqual({ name: 'nx', type: 'pure-token', token: 'NX' });
    expect(token('sorting', 'ALPHA', { optional: true })).toEqual({
      name: 'sorting',
      type: 'pure-token',
      token: 'ALPHA',
      optional: true,
    });
  });

  it('oneOf and block nest their arguments last', () => {
    const choice = oneOf('order', [token('asc'), token('desc')], { optional: true });
    expect(Object.keys(choice)).toEqual(['name', 'type', 'optional', 'arguments']);
    expect(block('b', [str('x')]).type).toBe('block');
    expect(tokens('asc', 'desc')).toEqual([token('asc', 'ASC'), token('desc', 'DESC')]);
  });
});
