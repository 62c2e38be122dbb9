import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes.ts';
import { testNode } from '../testkit.ts';
import { channelInList, checkUserCommand, Denied, selectorAllowsKey, userHasFullKeyAccess } from './check.ts';
import { Selector } from './selector.ts';
import { type AclUser, stageUserRules } from './user.ts';

describe('ACL checks', () => {
  const registry = testNode().node.commands;
  const ctx = { registry, allChannelsByDefault: false };
  const user = (...rules: string[]): AclUser => stageUserRules(ctx, 'u', undefined, rules) as AclUser;
  const argv = (...words: string[]) => words.map(utf8);
  const cmd = (name: string) => registry.lookupByName(name)!;

  it('maps key spec flags to read and write permissions', () => {
    const s = new Selector(true, false);
    s.apply(registry, '%R~r*');
    s.apply(registry, '%W~w*');
    expect(selectorAllowsKey(s, 'r1', ['RO', 'ACCESS'])).toBe(true);
    expect(selectorAllowsKey(s, 'w1', ['RO', 'ACCESS'])).toBe(false);
    expect(selectorAllowsKey(s, 'w1', ['OW', 'UPDATE'])).toBe(true);
    expect(selectorAllowsKey(s, 'r1', ['RW', 'ACCESS', 'UPDATE'])).toBe(false);
    // Keys found without flags (existence checks, special extractors) need no particular access.
    expect(selectorAllowsKey(s, 'w1', ['RO'])).toBe(true);
    expect(selectorAllowsKey(s, 'x', [])).toBe(false);
  });

  it('matches PSUBSCRIBE patterns literally and channels by glob', () => {
    expect(channelInList(['news.*'], 'news.1', false)).toBe(true);
    expect(channelInList(['news.*'], 'news.1', true)).toBe(false);
    expect(channelInList(['news.*'], 'news.*', true)).toBe(true);
  });

  it('reports the largest reason at the highest argument across selectors', () => {
    const u = user('+get', '~a*', '(+mget ~b*)');
    expect(checkUserCommand(u, cmd('get'), argv('get', 'a1'))).toBeNull();
    expect(checkUserCommand(u, cmd('set'), argv('set', 'a1', 'v'))).toEqual({ denied: Denied.Cmd, pos: 0 });
    expect(checkUserCommand(u, cmd('mget'), argv('mget', 'b1', 'b2', 'x'))).toEqual({
      denied: Denied.Key,
      pos: 3,
    });
    const p = user('+publish', 'resetchannels', '&c*');
    expect(checkUserCommand(p, cmd('publish'), argv('publish', 'd', 'm'))).toEqual({
      denied: Denied.Channel,
      pos: 1,
    });
  });

  it('allows first arguments of otherwise denied commands, case-insensitively', () => {
    const u = user('+select|0', '+client|id');
    expect(checkUserCommand(u, cmd('select'), argv('select', '0'))).toBeNull();
    expect(checkUserCommand(u, cmd('select'), argv('select', '1'))?.denied).toBe(Denied.Cmd);
    expect(checkUserCommand(u, cmd('client|id'), argv('client', 'ID'))).toBeNull();
    expect(checkUserCommand(u, cmd('auth'), argv('auth', 'x'))).toBeNull();
  });

  it('knows when a user reaches every key (SORT BY/GET)', () => {
    const sort = cmd('sort');
    expect(userHasFullKeyAccess(user('+@all', '%R~*'), sort, argv('sort', 'k'), ['ACCESS'])).toBe(true);
    expect(userHasFullKeyAccess(user('+@all', '%W~*', '~k'), sort, argv('sort', 'k'), ['ACCESS'])).toBe(
      false,
    );
    expect(userHasFullKeyAccess(user('-@all', '~*', '(+sort ~k)'), sort, argv('sort', 'k'), ['ACCESS'])).toBe(
      false,
    );
  });
});
