import { describe, expect, it } from 'vitest';
import { bin, unbin } from '../bytes.ts';
import type { PersistPort } from '../ports.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

function memoryFiles(files: Map<string, string>): PersistPort {
  return {
    persist: (name, data) => (files.set(name, bin(data)), true),
    read: (name) => (files.has(name) ? unbin(files.get(name)!) : 'No such file or directory'),
  };
}

function text(r: Reply | undefined): string {
  if (r?.t === 'bulk') return bin(r.b);
  if (r?.t === 'simple' || r?.t === 'error') return r.s;
  if (r?.t === 'array') return r.a.map(text).join('\n');
  return String(r?.t);
}

const FILE = 'user alice on allcommands allkeys &* >alice\nuser bob on -@all +@set +acl ~set* &* >bob\n';

describe('ACL file and user directives', () => {
  it('loads the file at start, and saves and reloads it', () => {
    const files = new Map([['users.acl', FILE]]);
    const { node } = testNode({ config: { aclfile: 'users.acl' }, persist: memoryFiles(files) });
    const a = testClient(node);
    expect(text(a.call('ACL', 'LIST'))).toBe(
      [
        'user alice on #2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90 ~* &* +@all',
        'user bob on #81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9 ~set* &* -@all +@set +acl',
        'user default on nopass ~* &* +@all',
      ].join('\n'),
    );
    a.call('ACL', 'SETUSER', 'eve', 'on', '>eve', '+get', 'allkeys');
    expect(text(a.call('ACL', 'SAVE'))).toBe('OK');
    expect(files.get('users.acl')).toMatch(
      /^user alice .*\nuser bob .*\nuser default .*\nuser eve on #\S+ ~\* resetchannels -@all \+get\n$/,
    );
    const bob = testClient(node);
    bob.call('AUTH', 'bob', 'bob');
    expect(text(a.call('ACL', 'LOAD'))).toBe('OK');
    expect(bob.closed).toBe(true);
    expect(text(a.call('ACL', 'USERS'))).toBe('alice\nbob\ndefault\neve');
  });

  it('reports every bad line and keeps the users when the file is wrong', () => {
    const files = new Map([['users.acl', FILE]]);
    const { node } = testNode({ config: { aclfile: 'users.acl' }, persist: memoryFiles(files) });
    const a = testClient(node);
    files.set('users.acl', `${FILE}user alice on nopass\nfoo bar\nuser carol +nosuch %X~a\n`);
    expect(text(a.call('ACL', 'LOAD'))).toBe(
      "ERR WARNING: Duplicate user 'alice' found on line 3. users.acl:4 should start with user keyword " +
        "followed by the username. users.acl:5: Error in applying operation '+nosuch': Unknown command or " +
        'category name in ACL. users.acl:5: Syntax error. WARNING: ACL errors detected, no change to the ' +
        'previously active ACL rules was performed',
    );
    expect(text(a.call('ACL', 'USERS'))).toBe('alice\nbob\ndefault');
    files.delete('users.acl');
    expect(text(a.call('ACL', 'LOAD'))).toBe(
      "ERR Error loading ACLs, opening file 'users.acl': No such file or directory",
    );
  });

  it('creates users from config directives and refuses duplicates', () => {
    const { node } = testNode({
      config: { user: 'default on nopass ~* +@all -flushdb\nann on >x +get ~a*' },
    });
    const a = testClient(node);
    expect(text(a.call('FLUSHDB'))).toBe("NOPERM this user has no permissions to run the 'flushdb' command");
    expect(text(a.call('ACL', 'LIST'))).toBe(
      'user ann on #2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 ~a* resetchannels -@all +get\n' +
        'user default on nopass sanitize-payload ~* resetchannels +@all -flushdb',
    );
    expect(node.acl.configRewriteLines()).toEqual([
      'user ann on #2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 ~a* resetchannels -@all +get',
      'user default on nopass sanitize-payload ~* resetchannels +@all -flushdb',
    ]);
    expect(() => testNode({ config: { user: 'foo\nfoo' } })).toThrow(/Duplicate user/);
    expect(() => testNode({ config: { user: 'foo', aclfile: 'x.acl' } })).toThrow(/not both/);
  });
});
