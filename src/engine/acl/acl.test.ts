import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import type { Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';
import { aclCheckCommand, aclCommandAllowed } from './index.ts';
import { utf8 } from '../bytes.ts';

function text(r: Reply | undefined): string {
  if (r === undefined) return '<none>';
  if (r.t === 'bulk') return bin(r.b);
  if (r.t === 'simple' || r.t === 'error') return r.s;
  if (r.t === 'int') return String(r.n);
  return r.t;
}

/** ACL LOG entry fields as name -> value text. */
function logFields(r: Reply | undefined, index = 0): Record<string, string> {
  if (r?.t !== 'array') return {};
  const entry = r.a[index];
  if (entry?.t !== 'map') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of entry.m) out[text(k)] = v.t === 'double' ? String(v.d) : text(v);
  return out;
}

describe('AclState', () => {
  it('maps requirepass to the default user and follows CONFIG SET', () => {
    const { node } = testNode({ config: { requirepass: 'pw' } });
    const a = testClient(node);
    expect(text(a.call('GET', 'k'))).toBe('NOAUTH Authentication required.');
    expect(text(a.call('AUTH', 'nope'))).toBe(
      'WRONGPASS invalid username-password pair or user is disabled.',
    );
    expect(text(a.call('AUTH', 'pw'))).toBe('OK');
    const b = testClient(node);
    expect(text(a.call('CONFIG', 'SET', 'requirepass', ''))).toBe('OK');
    // The default user is nopass now: clients that never authenticated may run commands.
    expect(b.call('GET', 'k')?.t).toBe('nil');
    expect(text(b.call('AUTH', 'x'))).toMatch(/^ERR AUTH <password> called without any password/);
  });

  it('logs denials with an age on the virtual clock and groups repeats', () => {
    const { node, clock } = testNode();
    const admin = testClient(node);
    const u = testClient(node);
    admin.call('ACL', 'SETUSER', 'u', 'on', 'nopass', '+get', '~a*');
    u.call('AUTH', 'u', 'x');
    expect(text(u.call('SET', 'a', 'v'))).toBe(
      "NOPERM this user has no permissions to run the 'set' command",
    );
    clock.advance(1500);
    expect(text(u.call('GET', 'b'))).toBe(
      'NOPERM this user has no permissions to access one of the keys used as arguments',
    );
    u.call('GET', 'b');
    clock.advance(250);
    const log = admin.call('ACL', 'LOG');
    expect(logFields(log, 0)).toMatchObject({ count: '2', reason: 'key', context: 'toplevel', object: 'b' });
    expect(logFields(log, 0)['age-seconds']).toBe('0.25');
    expect(logFields(log, 1)).toMatchObject({ count: '1', reason: 'command', object: 'set', username: 'u' });
    expect(logFields(log, 1)['age-seconds']).toBe('1.75');
    expect(logFields(log, 1)['client-info']).toMatch(/ user=u /);
    expect(text(admin.call('ACL', 'LOG', 'RESET'))).toBe('OK');
    expect(admin.call('ACL', 'LOG')).toEqual({ t: 'array', a: [] });
  });

  it('keeps at most acllog-max-len entries, newest first', () => {
    const { node } = testNode({ config: { 'acllog-max-len': '3' } });
    const a = testClient(node);
    for (let i = 0; i < 5; i++) a.call('AUTH', `user${i}`, 'x');
    const log = a.call('ACL', 'LOG');
    expect(log?.t === 'array' && log.a.length).toBe(3);
    expect(logFields(log, 0)).toMatchObject({ reason: 'auth', object: 'AUTH', username: 'user4' });
  });

  it('GENPASS draws hex digits from the node random source', () => {
    const { node } = testNode();
    const a = testClient(node);
    expect(text(a.call('ACL', 'GENPASS'))).toMatch(/^[0-9a-f]{64}$/);
    expect(text(a.call('ACL', 'GENPASS', '1'))).toMatch(/^[0-9a-f]$/);
    expect(text(a.call('ACL', 'GENPASS', '5'))).toMatch(/^[0-9a-f]{2}$/);
    const again = testClient(testNode().node);
    expect(text(again.call('ACL', 'GENPASS'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('closes a client deleting its own user after the reply', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('ACL', 'SETUSER', 'me', 'on', 'nopass', '+@all');
    a.call('AUTH', 'me', 'x');
    expect(text(a.call('ACL', 'DELUSER', 'me'))).toBe('1');
    expect(a.closed).toBe(true);
  });

  it('exposes checks for scripts', () => {
    const { node } = testNode();
    const a = testClient(node);
    a.call('ACL', 'SETUSER', 's', 'on', 'nopass', '+get', '~k*');
    a.call('AUTH', 's', 'x');
    const get = node.commands.lookupByName('get')!;
    const set = node.commands.lookupByName('set')!;
    expect(aclCheckCommand(node, a.client, get, [utf8('get'), utf8('k1')])).toBeNull();
    expect(aclCheckCommand(node, a.client, set, [utf8('set'), utf8('k1'), utf8('v')])).toBe(
      "The user executing the script can't run this command or subcommand",
    );
    expect(aclCheckCommand(node, a.client, get, [utf8('get'), utf8('x')])).toBe(
      "The user executing the script can't access at least one of the keys mentioned in the command arguments",
    );
    expect(aclCommandAllowed(node, a.client, get, [utf8('get'), utf8('x')])).toBe(false);
    expect(node.acl.log.entries.map((e) => [e.context, e.object])).toEqual([
      ['lua', 'x'],
      ['lua', 'set'],
    ]);
  });
});
