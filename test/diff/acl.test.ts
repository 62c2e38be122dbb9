/*
 * ACL users against redis-server 7.0: SETUSER rules and their errors, the canonical ACL LIST /
 * GETUSER forms (categories chosen by best fit, key/channel patterns, selectors, flags, hashes),
 * DELUSER, USERS, WHOAMI, CAT, GENPASS and DRYRUN. Single-command rules are compared as a set.
 */
import { describe, expect, it } from 'vitest';
import { ACL_CATEGORY_ORDER } from '../../src/engine/commands/command-info.ts';
import { checkAcl, missingCommands, plain, unexplained } from './acl-helpers.ts';
import { useDifferential } from './harness.ts';

const HASH = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** Rule lists that each make one user; both servers must describe them the same way. */
const USERS: string[][] = [
  [],
  ['reset'],
  ['on'],
  ['on', 'nopass'],
  ['on', '>secret', '>other', '<other'],
  ['on', `#${HASH}`, '>p'],
  ['+@all'],
  ['allcommands', 'allkeys', 'allchannels'],
  ['+@all', '-@dangerous'],
  ['+@all', '-@admin', '+config|get'],
  ['-@all', '+@read'],
  ['-@all', '+@read', '+@write'],
  ['+@read', '-@keyspace'],
  ['+@hash', '+@string', '-hgetall'],
  ['+@set', '+@sortedset', '+@list'],
  ['+@stream', '+@pubsub'],
  ['+@fast'],
  ['+@all', '-@slow', '+@keyspace'],
  ['+@geo', '+@bitmap', '+@hyperloglog'],
  ['+get', '+set', '+del'],
  ['+client', '-client|kill'],
  ['+config|get', '+config|set'],
  ['+@all', '-config', '+config|get'],
  ['-@all', '+select|0', '+select|1'],
  ['+@connection', '+@transaction'],
  ['~foo:*', '~bar', '%R~ro:*', '%W~wo:*', '%RW~both'],
  ['%R~x', '%W~x'],
  ['~*', 'resetkeys', '~a'],
  ['allkeys'],
  ['&news.*', '&chat', 'resetchannels', '&only'],
  ['allchannels'],
  ['+@all', '~*', '(+get ~k1)', '(+@hash %R~h:* &ch)'],
  ['(+@read', '~r:*)', '(-@all', '+set', '%W~w:*)'],
  ['+@all', '(+get)', 'clearselectors'],
  ['on', 'skip-sanitize-payload'],
  ['on', 'sanitize-payload', 'nocommands'],
  ['+@all', '-@all', '+ping'],
  ['+@scripting', '-eval'],
  ['-@all', '+@admin', '-@dangerous'],
  ['+@blocking', '+@list', '-blpop'],
];

/** Rules Redis refuses (with the exact message), and users with bad names. */
const BAD: string[][] = [
  ['bad1', 'nosuchrule'],
  ['bad1', '+nosuchcmd'],
  ['bad1', '-nosuchcmd'],
  ['bad1', '+@nosuchcat'],
  ['bad1', '-@nosuchcat'],
  ['bad1', '+config|nosuch'],
  ['bad1', '+config|get|x'],
  ['bad1', '+get|'],
  ['bad1', '-select|0'],
  ['bad1', '~*', '~foo'],
  ['bad1', 'allkeys', '%R~foo'],
  ['bad1', '&*', '&foo'],
  ['bad1', 'allchannels', '&foo'],
  ['bad1', '#abc'],
  ['bad1', `#${HASH.toUpperCase()}`],
  ['bad1', `!${HASH}`],
  ['bad1', '<nosuchpass'],
  ['bad1', '%X~foo'],
  ['bad1', '%RR~foo'],
  ['bad1', '%R'],
  ['bad1', '(+get', '~x'],
  ['bad1', '(on)'],
  ['bad1', '(+nosuch)'],
  ['bad1', '+'],
  ['bad1', '-'],
  ['bad1', 'on', '+get', 'bogus'],
  ['bad user'],
  ['bad\x00user'],
];

describe('ACL users (differential)', () => {
  const d = useDifferential('acl users');
  let missing: Set<string>;

  it('describes users exactly as Redis does', async () => {
    await d.both('FLUSHALL');
    missing = await missingCommands(d);
    for (let i = 0; i < USERS.length; i++) {
      await checkAcl(d, ['ACL', 'SETUSER', `u${i}`, ...USERS[i]!]);
      await checkAcl(d, ['ACL', 'GETUSER', `u${i}`]);
    }
    await checkAcl(d, ['ACL', 'LIST']);
    await checkAcl(d, ['ACL', 'USERS']);
    // Rules added to an existing user keep what it had.
    await checkAcl(d, ['ACL', 'SETUSER', 'u3', '+get', '~k', '&c', '>pw']);
    await checkAcl(d, ['ACL', 'GETUSER', 'u3']);
    await checkAcl(d, ['ACL', 'SETUSER', 'u3', 'resetpass', '-get', 'resetkeys', 'resetchannels']);
    await checkAcl(d, ['ACL', 'GETUSER', 'u3']);
    await checkAcl(d, ['ACL', 'SETUSER', 'u3', 'reset']);
    await checkAcl(d, ['ACL', 'GETUSER', 'u3']);
    await checkAcl(d, ['ACL', 'GETUSER', 'nosuchuser']);
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('refuses bad rules with the same errors and changes nothing', async () => {
    for (const rules of BAD) {
      await checkAcl(d, ['ACL', 'SETUSER', ...rules]);
    }
    await checkAcl(d, ['ACL', 'SETUSER', 'u5', 'off', '+nosuch']);
    await checkAcl(d, ['ACL', 'GETUSER', 'u5']);
    await checkAcl(d, ['ACL', 'GETUSER', 'bad1']);
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('deletes users, lists names, answers WHOAMI, CAT, GENPASS and HELP', async () => {
    await checkAcl(d, ['ACL', 'DELUSER', 'u1', 'u2', 'nosuch']);
    await checkAcl(d, ['ACL', 'DELUSER', 'u4', 'default']);
    await checkAcl(d, ['ACL', 'DELUSER', 'nosuch']);
    await checkAcl(d, ['ACL', 'USERS']);
    await checkAcl(d, ['ACL', 'WHOAMI']);
    await checkAcl(d, ['ACL', 'CAT']);
    await checkAcl(d, ['ACL', 'CAT', 'nosuch']);
    await checkAcl(d, ['ACL', 'CAT', 'a', 'b']);
    await checkAcl(d, ['ACL', 'GENPASS', '0']);
    await checkAcl(d, ['ACL', 'GENPASS', '4097']);
    await checkAcl(d, ['ACL', 'GENPASS', 'x']);
    await checkAcl(d, ['ACL', 'GENPASS', '1', '2']);
    await checkAcl(d, ['ACL', 'HELP']);
    await checkAcl(d, ['ACL', 'NOSUCH']);
    await checkAcl(d, ['ACL']);
    await checkAcl(d, ['ACL', 'LOAD']);
    await checkAcl(d, ['ACL', 'SAVE']);
    await checkAcl(d, ['ACL', 'LIST', 'x']);
    await checkAcl(d, ['ACL', 'GETUSER']);
    await checkAcl(d, ['ACL', 'SETUSER']);
    const [ours, theirs] = await d.both('ACL', 'GENPASS', '5');
    expect([ours?.t, theirs.t]).toEqual(['bulk', 'bulk']);
    expect(ours?.t === 'bulk' && ours.b.length).toBe(2);
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('lists the commands of every category', async () => {
    // Every category Redis has, and one in the wrong case.
    for (const cat of [...ACL_CATEGORY_ORDER, 'HASH']) {
      await d.check(['ACL', 'CAT', cat], { project: (r) => (plain(r) as string[]).sort() });
    }
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('answers in RESP3 with sets and maps', async () => {
    await d.check(['HELLO', '3'], { project: () => 'hello' });
    await d.check(['ACL', 'GETUSER', 'u31']);
    await d.check(['ACL', 'GETUSER', 'u5']);
    await d.check(['ACL', 'GETUSER', 'nosuch']);
    await d.check(['ACL', 'DRYRUN', 'u31', 'get', 'k1']);
    await d.check(['HELLO', '2'], { project: () => 'hello' });
    d.resp = 2;
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('answers DRYRUN', async () => {
    await d.both('ACL', 'SETUSER', 'dry', 'on', 'nopass', '+@read', '+set', '~k*', '%W~w*', '&ch*');
    const cases: string[][] = [
      ['dry', 'get', 'k1'],
      ['dry', 'get', 'x'],
      ['dry', 'set', 'k1', 'v'],
      ['dry', 'set', 'w1', 'v'],
      ['dry', 'get', 'w1'],
      ['dry', 'mget', 'k1', 'x', 'y'],
      ['dry', 'del', 'k1'],
      ['dry', 'publish', 'ch1', 'm'],
      ['dry', 'config', 'get', 'x'],
      ['dry', 'config'],
      ['dry', 'config', 'nosuch'],
      ['dry', 'nosuchcmd'],
      ['dry', 'get'],
      ['nosuchuser', 'get', 'k'],
      ['default', 'flushall'],
    ];
    for (const c of cases) await checkAcl(d, ['ACL', 'DRYRUN', ...c]);
    expect(unexplained(d, missing)).toEqual([]);
  });
});
