import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { testNode } from '../testkit.ts';
import { AclUser, mergeSelectorArgs, type RuleContext, stageUserRules } from './user.ts';

describe('ACL user rules', () => {
  const ctx: RuleContext = { registry: testNode().node.commands, allChannelsByDefault: false };

  it('merges selectors written over several words', () => {
    expect(mergeSelectorArgs(['on', '(+get', '~a)', '(+set)', 'off'])).toEqual([
      'on',
      '(+get ~a)',
      '(+set)',
      'off',
    ]);
    expect(mergeSelectorArgs(['(+get', '~a'])).toEqual({ unmatched: 0 });
  });

  it('applies all rules or none', () => {
    const existing = stageUserRules(ctx, 'u', undefined, ['on', '>pw', '+get']) as AclUser;
    const failed = stageUserRules(ctx, 'u', existing, ['off', '+nosuch']);
    expect(failed).toBe(
      "ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL",
    );
    expect(existing.enabled).toBe(true);
    expect(stageUserRules(ctx, 'u', undefined, ['(+get', '~x'])).toBe(
      "ERR Unmatched parenthesis in acl selector starting at '(+get'.",
    );
  });

  it('stores SHA-256 hashes and checks passwords against them', () => {
    const u = stageUserRules(ctx, 'u', undefined, ['on', '>abc', '>abc']) as AclUser;
    expect(u.passwords).toEqual(['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad']);
    expect(u.passwordMatches(utf8('abc'))).toBe(true);
    expect(u.passwordMatches(utf8('abd'))).toBe(false);
    const removed = stageUserRules(ctx, 'u', u, ['<abc']) as AclUser;
    expect(removed.passwords).toEqual([]);
    expect(stageUserRules(ctx, 'u', removed, ['<abc'])).toMatch(/password you are trying to remove/);
    expect(stageUserRules(ctx, 'u', removed, ['#ABC'])).toMatch(/exactly 64 characters/);
  });

  it('merges read and write permissions of one key pattern', () => {
    const u = stageUserRules(ctx, 'u', undefined, ['%R~k*', '%W~k*', '%R~r']) as AclUser;
    expect(u.root.keys).toEqual([
      { pattern: 'k*', flags: 3 },
      { pattern: 'r', flags: 1 },
    ]);
  });

  it('gives new users all channels when acl-pubsub-default is allchannels', () => {
    const u = stageUserRules({ ...ctx, allChannelsByDefault: true }, 'u', undefined, ['(+get)']) as AclUser;
    expect(u.selectors.map((s) => s.allChannels)).toEqual([true, true]);
  });
});
