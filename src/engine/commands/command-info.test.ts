import { describe, expect, it } from 'vitest';
import { OK } from '../resp/reply.ts';
import { aclCategories, keyFlagNames, visibleFlags } from './command-info.ts';
import { CommandRegistry } from './registry.ts';
import type { CommandSpec } from './types.ts';

const base: CommandSpec = {
  name: 'x',
  summary: 's',
  since: '1.0.0',
  group: 'generic',
  arity: 1,
  flags: [],
  acl: [],
};

describe('command-info helpers', () => {
  it('adds the ACL categories Redis implies from flags, in its table order', () => {
    expect(aclCategories({ ...base, flags: ['write', 'denyoom'], acl: ['string'] })).toEqual([
      'write',
      'string',
      'slow',
    ]);
    expect(aclCategories({ ...base, flags: ['readonly', 'fast'], acl: ['hash'] })).toEqual([
      'read',
      'hash',
      'fast',
    ]);
    expect(aclCategories({ ...base, flags: ['admin', 'blocking'], acl: [] })).toEqual([
      'admin',
      'slow',
      'blocking',
      'dangerous',
    ]);
    // Scripting commands are not @read even when read-only.
    expect(aclCategories({ ...base, flags: ['readonly'], acl: ['scripting'] })).toEqual([
      'slow',
      'scripting',
    ]);
  });

  it('prints key spec flags in Redis order and case', () => {
    expect(keyFlagNames(['UPDATE', 'RW', 'variable_flags', 'ACCESS'])).toEqual([
      'RW',
      'access',
      'update',
      'variable_flags',
    ]);
  });

  it('hides internal flags and derives movablekeys from the key specs', () => {
    const spec: CommandSpec = {
      ...base,
      arity: -2,
      flags: ['may_replicate', 'sentinel', 'write', 'protected'],
      keySpecs: [
        {
          flags: ['RW'],
          beginSearch: { type: 'keyword', keyword: 'KEYS', startFrom: 1 },
          findKeys: { type: 'range', lastKey: -1, keyStep: 1, limit: 0 },
        },
      ],
    };
    const reg = new CommandRegistry([{ specs: [spec], handlers: { x: () => OK } }]);
    expect(visibleFlags(reg.lookupByName('x')!)).toEqual(['write', 'movablekeys']);
  });
});
