/*
 * Authentication against redis-server 7.0: AUTH in both forms, HELLO AUTH, requirepass as the
 * default user's password, a disabled default user, RESET, DELUSER closing the clients of a user,
 * CLIENT LIST's user= field, CLIENT KILL USER, and the ACL LOG entries failed logins leave.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { checkAcl, pairCheck } from './acl-helpers.ts';
import { type ClientPair, type Differential, useDifferential } from './harness.ts';

const settle = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** HELLO's reply without the connection id (ids differ between the servers). */
function helloShape(r: Reply | undefined): string {
  if (r === undefined) return '<no reply>';
  if (r.t === 'error') return `-${r.s}`;
  if (r.t === 'map') return r.m.filter(([k]) => !(k.t === 'bulk' && bin(k.b) === 'id')).length + ' fields';
  if (r.t === 'array') return (r.a.length - 2) / 2 + ' fields';
  return r.t;
}

async function helloCheck(d: Differential, p: ClientPair, ...args: string[]): Promise<void> {
  p.send(...args);
  const [ours, theirs] = await p.next();
  d.total++;
  if (helloShape(ours) === helloShape(theirs)) d.matched++;
  else
    d.mismatches.push(
      `[pair] ${args.join(' ')}\n    ours:  ${helloShape(ours)}\n    redis: ${helloShape(theirs)}`,
    );
}

function sameClosed(d: Differential, what: string, p: ClientPair): void {
  d.total++;
  if (p.ours.closed === p.real.closed) d.matched++;
  else d.mismatches.push(`[${what}] closed\n    ours:  ${p.ours.closed}\n    redis: ${p.real.closed}`);
}

function userField(r: Reply | undefined): string {
  const text = r?.t === 'bulk' || r?.t === 'verbatim' ? bin(r.b) : '';
  return / user=(\S*)/.exec(text)?.[1] ?? '?';
}

describe('ACL authentication (differential)', () => {
  const d = useDifferential('acl auth');
  afterAll(async () => {
    await d.both('CONFIG', 'SET', 'requirepass', '');
  });

  it('AUTH with no password configured, both forms, and disabled users', async () => {
    await d.both('ACL', 'LOG', 'RESET');
    const p = await d.openPair();
    for (const c of [
      ['AUTH', 'foo'],
      ['AUTH', 'a', 'b', 'c'],
      ['AUTH', 'default', 'anything'],
      ['AUTH', 'nosuchuser', 'x'],
      ['ACL', 'WHOAMI'],
    ]) {
      await pairCheck(d, p, ...c);
    }
    await checkAcl(d, ['ACL', 'SETUSER', 'alice', 'on', '>pw1', '>pw2', '+@all', '~*', '&*']);
    for (const c of [
      ['AUTH', 'alice', 'pw2'],
      ['ACL', 'WHOAMI'],
      ['AUTH', 'alice', 'bad'],
      ['ACL', 'WHOAMI'],
      ['auth', 'alice', 'bad'],
      ['HELLO', '2', 'AUTH', 'alice', 'bad'],
      ['HELLO', '2', 'AUTH', 'alice'],
    ]) {
      await pairCheck(d, p, ...c);
    }
    await checkAcl(d, ['ACL', 'SETUSER', 'alice', 'off']);
    await pairCheck(d, p, 'AUTH', 'alice', 'pw1');
    await pairCheck(d, p, 'ACL', 'WHOAMI');
    await checkAcl(d, ['ACL', 'SETUSER', 'alice', 'on', '<pw1']);
    await pairCheck(d, p, 'AUTH', 'alice', 'pw1');
    await helloCheck(d, p, 'HELLO', '2', 'AUTH', 'alice', 'pw2', 'SETNAME', 'me');
    await pairCheck(d, p, 'ACL', 'WHOAMI');
    await pairCheck(d, p, 'RESET');
    await pairCheck(d, p, 'ACL', 'WHOAMI');
    await pairCheck(d, p, 'MULTI');
    await pairCheck(d, p, 'AUTH', 'alice', 'nope');
    await pairCheck(d, p, 'EXEC');
    await checkAcl(d, ['ACL', 'LOG']);
    expect(d.mismatches).toEqual([]);
  });

  it('requirepass is the default user password', async () => {
    await checkAcl(d, ['CONFIG', 'SET', 'requirepass', 'secret']);
    await checkAcl(d, ['ACL', 'GETUSER', 'default']);
    await checkAcl(d, ['ACL', 'LIST']);
    await checkAcl(d, ['CONFIG', 'GET', 'requirepass']);
    const p = await d.openPair();
    for (const c of [
      ['GET', 'x'],
      ['ACL', 'WHOAMI'],
      ['PING'],
      ['AUTH', 'wrong'],
      ['HELLO', '3'],
      ['HELLO', '2', 'AUTH', 'default', 'wrong'],
      ['QUIT'],
    ]) {
      await pairCheck(d, p, ...c);
    }
    const q = await d.openPair();
    await pairCheck(d, q, 'AUTH', 'secret');
    await pairCheck(d, q, 'GET', 'x');
    await pairCheck(d, q, 'ACL', 'WHOAMI');
    const r = await d.openPair();
    await helloCheck(d, r, 'HELLO', '2', 'AUTH', 'default', 'secret');
    await pairCheck(d, r, 'GET', 'x');
    // A password given with ACL SETUSER works too; CONFIG GET still shows requirepass.
    await checkAcl(d, ['ACL', 'SETUSER', 'default', '>other']);
    await checkAcl(d, ['CONFIG', 'GET', 'requirepass']);
    const s = await d.openPair();
    await pairCheck(d, s, 'AUTH', 'other');
    await checkAcl(d, ['CONFIG', 'SET', 'requirepass', '']);
    await checkAcl(d, ['ACL', 'GETUSER', 'default']);
    const t = await d.openPair();
    await pairCheck(d, t, 'GET', 'x');
    await pairCheck(d, t, 'AUTH', 'x');
    expect(d.mismatches).toEqual([]);
  });

  it('a disabled default user leaves new connections unauthenticated', async () => {
    await checkAcl(d, ['ACL', 'SETUSER', 'default', 'off']);
    const p = await d.openPair();
    await pairCheck(d, p, 'GET', 'x');
    await pairCheck(d, p, 'AUTH', 'default', 'x');
    await pairCheck(d, p, 'AUTH', 'alice', 'pw2');
    await pairCheck(d, p, 'GET', 'x');
    await checkAcl(d, ['ACL', 'SETUSER', 'default', 'on']);
    const q = await d.openPair();
    await pairCheck(d, q, 'GET', 'x');
    expect(d.mismatches).toEqual([]);
  });

  it('DELUSER closes the clients of the user; CLIENT LIST and KILL know users', async () => {
    await checkAcl(d, ['ACL', 'SETUSER', 'bob', 'on', 'nopass', '+@all', '~*']);
    const a = await d.openPair();
    const b = await d.openPair();
    await pairCheck(d, a, 'AUTH', 'bob', 'any');
    await pairCheck(d, b, 'AUTH', 'bob', 'any');
    a.send('CLIENT', 'INFO');
    const [oursInfo, theirsInfo] = await a.next();
    d.record(
      'CLIENT INFO user=',
      { t: 'simple', s: userField(oursInfo) },
      { t: 'simple', s: userField(theirsInfo) },
    );
    await checkAcl(d, ['CLIENT', 'KILL', 'USER', 'nosuch']);
    await checkAcl(d, ['CLIENT', 'KILL', 'USER', 'bob']);
    await settle();
    sameClosed(d, 'killed by CLIENT KILL USER', a);
    const c = await d.openPair();
    await pairCheck(d, c, 'AUTH', 'bob', 'any');
    await checkAcl(d, ['ACL', 'DELUSER', 'bob']);
    await settle();
    sameClosed(d, 'user deleted', c);
    // A client deleting its own user gets the reply, then the connection closes.
    await checkAcl(d, ['ACL', 'SETUSER', 'carol', 'on', 'nopass', '+@all', '~*']);
    const e = await d.openPair();
    await pairCheck(d, e, 'AUTH', 'carol', 'x');
    await pairCheck(d, e, 'ACL', 'DELUSER', 'carol');
    await settle();
    sameClosed(d, 'deleted own user', e);
    expect([a.real.closed, b.real.closed, c.real.closed, e.real.closed]).toEqual([true, true, true, true]);
    expect(d.mismatches).toEqual([]);
  });
});
