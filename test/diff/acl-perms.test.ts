/*
 * ACL permission checks against redis-server 7.0, each run on a second connection authenticated as
 * a restricted user: command and subcommand bits, first-args, read/write key patterns (including
 * commands whose keys come from special extractors), selectors, channels for PUBLISH and the
 * subscribe family, MULTI/EXEC rechecks, killing subscribers whose channels are revoked, and the
 * ACL LOG those denials leave (without age-seconds and client-info).
 */
import { describe, expect, it } from 'vitest';
import { checkAcl, missingCommands, pairCheck, unexplained } from './acl-helpers.ts';
import { type ClientPair, useDifferential } from './harness.ts';

const settle = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));

const KEY_CASES: string[][] = [
  ['SET', 'rw:1', 'v'],
  ['GET', 'r:1'],
  ['GET', 'w:1'],
  ['GET', 'rw:1'],
  ['GET', 'other'],
  ['SET', 'r:1', 'v'],
  ['SET', 'w:1', 'v'],
  ['APPEND', 'w:1', 'x'],
  ['GETSET', 'w:1', 'y'],
  ['GETSET', 'rw:1', 'y'],
  ['STRLEN', 'w:1'],
  ['EXISTS', 'w:1', 'r:1'],
  ['EXISTS', 'other'],
  ['TYPE', 'w:1'],
  ['TTL', 'w:1'],
  ['EXPIRE', 'w:1', '100'],
  ['EXPIRE', 'r:1', '100'],
  ['DEL', 'r:1'],
  ['DEL', 'w:9'],
  ['UNLINK', 'w:9', 'rw:9'],
  ['COPY', 'rw:1', 'w:2'],
  ['COPY', 'w:1', 'rw:2'],
  ['COPY', 'r:1', 'w:2'],
  ['RENAME', 'rw:1', 'w:3'],
  ['RENAME', 'w:3', 'rw:1'],
  ['MGET', 'r:1', 'rw:1'],
  ['MGET', 'r:1', 'w:1'],
  ['MSET', 'w:1', 'a', 'rw:1', 'b'],
  ['MSET', 'w:1', 'a', 'r:1', 'b'],
  ['LPUSH', 'w:l', 'a'],
  ['LPUSH', 'rw:l', 'a', 'b'],
  ['LMOVE', 'rw:l', 'w:l', 'LEFT', 'RIGHT'],
  ['LMOVE', 'w:l', 'rw:l', 'LEFT', 'RIGHT'],
  ['LRANGE', 'r:l', '0', '-1'],
  ['SADD', 'rw:s1', 'a'],
  ['SUNIONSTORE', 'w:u', 'r:s1', 'rw:s1'],
  ['SUNIONSTORE', 'r:u', 'rw:s1'],
  ['ZUNIONSTORE', 'w:z', '2', 'r:a', 'rw:b'],
  ['ZUNIONSTORE', 'w:z', '2', 'r:a', 'w:b'],
  ['SORT', 'rw:l', 'ALPHA', 'STORE', 'w:sorted'],
  ['SORT', 'rw:l', 'ALPHA', 'STORE', 'r:sorted'],
  ['SORT_RO', 'r:l', 'ALPHA'],
  ['SORT', 'rw:l', 'BY', 'rw:w_*', 'ALPHA'],
  ['SORT', 'rw:l', 'BY', 'nosort'],
  ['SORT', 'rw:l', 'ALPHA', 'GET', '#'],
  ['SORT_RO', 'rw:l', 'GET', 'rw:*'],
  ['XADD', 'w:x', '1-1', 'f', 'v'],
  ['XADD', 'r:x', '1-1', 'f', 'v'],
  ['XREAD', 'STREAMS', 'r:x', 'rw:x', '0', '0'],
  ['XREAD', 'STREAMS', 'w:x', '0'],
  ['SET', 'w:1', 'v', 'GET'],
  ['SET', 'rw:1', 'v', 'GET'],
  ['BITFIELD', 'w:b', 'SET', 'u8', '0', '1'],
  ['BITFIELD', 'w:b', 'GET', 'u8', '0'],
  ['BITFIELD_RO', 'r:b', 'GET', 'u8', '0'],
  ['OBJECT', 'ENCODING', 'w:1'],
  ['OBJECT', 'ENCODING', 'rw:1'],
  ['GEOADD', 'rw:g', '13.36', '38.11', 'Palermo'],
  ['GEOSEARCHSTORE', 'w:gs', 'rw:g', 'FROMLONLAT', '13', '38', 'BYRADIUS', '500', 'km'],
  ['GEOSEARCHSTORE', 'r:gs', 'rw:g', 'FROMLONLAT', '13', '38', 'BYRADIUS', '500', 'km'],
  ['HSET', 'w:h', 'f', 'v'],
  ['HGET', 'w:h', 'f'],
  ['HINCRBY', 'rw:h', 'f', '1'],
  ['PFADD', 'w:p', 'a'],
  ['PFCOUNT', 'r:p', 'rw:p'],
  ['KEYS', 'nomatch*'],
  ['DBSIZE'],
  ['SCAN', '0', 'MATCH', 'nomatch*', 'COUNT', '1000'],
  ['WATCH', 'r:1'],
  ['WATCH', 'w:1'],
  ['TOUCH', 'w:1'],
  ['DUMP', 'w:1'],
  ['LCS', 'r:1', 'rw:1'],
  ['SMOVE', 'rw:s1', 'w:s2', 'a'],
  ['BLPOP', 'rw:l', 'r:l', '0.01'],
];

const COMMAND_CASES: string[][] = [
  ['GET', 'k'],
  ['SET', 'k', 'v'],
  ['DEL', 'k'],
  ['CONFIG', 'GET', 'maxmemory'],
  ['CONFIG', 'SET', 'maxmemory', '0'],
  ['CONFIG', 'HELP'],
  ['SELECT', '0'],
  ['SELECT', '1'],
  ['CLIENT', 'LIST'],
  ['CLIENT', 'GETNAME'],
  ['ACL', 'WHOAMI'],
  ['ACL', 'LIST'],
  ['PING'],
  ['HSET', 'h', 'f', 'v'],
  ['HGETALL', 'h'],
  ['OBJECT', 'ENCODING', 'k'],
  ['OBJECT', 'FREQ', 'k'],
  ['MULTI'],
  ['COMMAND', 'COUNT'],
  ['NOSUCH'],
  ['GET'],
  ['CONFIG', 'NOSUCH'],
];

async function asUser(d: ReturnType<typeof useDifferential>, user: string): Promise<ClientPair> {
  const p = await d.openPair();
  await pairCheck(d, p, 'AUTH', user, 'pw');
  return p;
}

describe('ACL permissions (differential)', () => {
  const d = useDifferential('acl permissions');
  let missing: Set<string>;

  it('checks keys against read/write patterns', async () => {
    await d.both('FLUSHALL');
    await d.both('ACL', 'LOG', 'RESET');
    missing = await missingCommands(d);
    await checkAcl(d, ['ACL', 'SETUSER', 'keys', 'on', '>pw', '+@all', '~rw:*', '%R~r:*', '%W~w:*', '&*']);
    const p = await asUser(d, 'keys');
    for (const c of KEY_CASES) await pairCheck(d, p, ...c);
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('lets SORT use BY and GET patterns only with read access to every key', async () => {
    await checkAcl(d, ['ACL', 'SETUSER', 'sorter', 'on', '>pw', '+@all', '%R~*', '~rw:*']);
    const p = await asUser(d, 'sorter');
    await pairCheck(d, p, 'RPUSH', 'rw:sl', 'b', 'a');
    await pairCheck(d, p, 'SORT', 'rw:sl', 'BY', 'w_*', 'ALPHA');
    await pairCheck(d, p, 'SORT', 'rw:sl', 'ALPHA', 'GET', '#', 'GET', 'x_*');
    await pairCheck(d, p, 'SORT', 'rw:sl', 'ALPHA', 'GET', '#', 'STORE', 'w:out');
    await checkAcl(d, ['ACL', 'SETUSER', 'sorter2', 'on', '>pw', '-@all', '+sort', '%R~*', '(+@all ~rw:*)']);
    const q = await asUser(d, 'sorter2');
    await pairCheck(d, q, 'SORT', 'rw:sl', 'BY', 'w_*', 'ALPHA');
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('checks commands, subcommands and first-args', async () => {
    await checkAcl(d, [
      'ACL',
      'SETUSER',
      'cmds',
      'on',
      '>pw',
      '-@all',
      '+get',
      '+set',
      '+config|get',
      '+select|0',
      '+client',
      '-client|list',
      '+object|encoding',
      '+hset',
      '+@transaction',
      '~*',
    ]);
    const p = await asUser(d, 'cmds');
    for (const c of COMMAND_CASES) await pairCheck(d, p, ...c);
    await pairCheck(d, p, 'EXEC');
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('checks selectors', async () => {
    await checkAcl(d, [
      'ACL',
      'SETUSER',
      'sel',
      'on',
      '>pw',
      '-@all',
      '+get',
      '~a*',
      '(+set ~b*)',
      '(+@hash %R~h*)',
    ]);
    const p = await asUser(d, 'sel');
    for (const c of [
      ['GET', 'a1'],
      ['GET', 'b1'],
      ['SET', 'b1', 'v'],
      ['SET', 'a1', 'v'],
      ['SET', 'c1', 'v'],
      ['HGET', 'h1', 'f'],
      ['HSET', 'h1', 'f', 'v'],
      ['HSET', 'a1', 'f', 'v'],
      ['DEL', 'a1'],
      ['MGET', 'a1', 'b1'],
    ]) {
      await pairCheck(d, p, ...c);
    }
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('checks channels for publish and the subscribe family', async () => {
    await checkAcl(d, [
      'ACL',
      'SETUSER',
      'chan',
      'on',
      '>pw',
      '+@all',
      '~*',
      'resetchannels',
      '&news.*',
      '&chat',
    ]);
    const p = await asUser(d, 'chan');
    for (const c of [
      ['PUBLISH', 'news.1', 'm'],
      ['PUBLISH', 'chat', 'm'],
      ['PUBLISH', 'other', 'm'],
      ['SPUBLISH', 'news.2', 'm'],
      ['SPUBLISH', 'other', 'm'],
      ['SUBSCRIBE', 'other'],
      ['SUBSCRIBE', 'chat', 'other'],
      ['PSUBSCRIBE', 'news.1'],
      ['PSUBSCRIBE', 'n*'],
      ['SSUBSCRIBE', 'other'],
      ['UNSUBSCRIBE', 'other'],
      ['PUNSUBSCRIBE', 'x*'],
    ]) {
      await pairCheck(d, p, ...c);
    }
    const sub = await asUser(d, 'chan');
    await pairCheck(d, sub, 'PSUBSCRIBE', 'news.*');
    const sub2 = await asUser(d, 'chan');
    await pairCheck(d, sub2, 'SUBSCRIBE', 'chat');
    // Keeping the patterns the subscribers use keeps them connected; dropping one closes them.
    await checkAcl(d, ['ACL', 'SETUSER', 'chan', '&more']);
    await settle();
    expectSameClosed(d, 'kept subscriber', sub);
    await checkAcl(d, ['ACL', 'SETUSER', 'chan', 'resetchannels', '&chat']);
    await settle();
    expectSameClosed(d, 'revoked pattern subscriber', sub);
    expectSameClosed(d, 'kept channel subscriber', sub2);
    expect([sub.real.closed, sub2.real.closed]).toEqual([true, false]);
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('checks the commands scripts run, as the calling user', async () => {
    await checkAcl(d, ['ACL', 'SETUSER', 'lua', 'on', '>pw', '+eval', '+get', '~k*']);
    const p = await asUser(d, 'lua');
    await pairCheck(d, p, 'EVAL', "return redis.call('set','k','v')", '0');
    await pairCheck(d, p, 'EVAL', "return redis.pcall('get','zz')", '0');
    await pairCheck(d, p, 'EVAL', "return redis.call('get','k1')", '0');
    await pairCheck(d, p, 'EVAL', "return redis.acl_check_cmd('get','zz')", '0');
    await pairCheck(d, p, 'EVAL', "return redis.acl_check_cmd('get','k2')", '0');
    await pairCheck(d, p, 'EVAL', "return redis.acl_check_cmd('nosuch')", '0');
    expect(unexplained(d, missing)).toEqual([]);
  });

  it('rechecks queued commands at EXEC and logs the denials', async () => {
    await checkAcl(d, ['ACL', 'SETUSER', 'tx', 'on', '>pw', '+@all', '~*', '&*']);
    const p = await asUser(d, 'tx');
    await pairCheck(d, p, 'MULTI');
    await pairCheck(d, p, 'SET', 'k', 'v');
    await pairCheck(d, p, 'GET', 'k');
    await checkAcl(d, ['ACL', 'SETUSER', 'tx', '-set']);
    await pairCheck(d, p, 'EXEC');
    await pairCheck(d, p, 'MULTI');
    await pairCheck(d, p, 'SET', 'k', 'v');
    await pairCheck(d, p, 'EXEC');
    await checkAcl(d, ['ACL', 'LOG']);
    await checkAcl(d, ['ACL', 'LOG', '100']);
    await checkAcl(d, ['ACL', 'LOG', '2']);
    await checkAcl(d, ['ACL', 'LOG', '-1']);
    await checkAcl(d, ['ACL', 'LOG', 'x']);
    await checkAcl(d, ['ACL', 'LOG', 'RESET']);
    await checkAcl(d, ['ACL', 'LOG']);
    expect(unexplained(d, missing)).toEqual([]);
  });
});

function expectSameClosed(d: ReturnType<typeof useDifferential>, what: string, p: ClientPair): void {
  d.total++;
  const ours = p.ours.closed;
  const theirs = p.real.closed;
  if (ours === theirs) d.matched++;
  else d.mismatches.push(`[${what}] closed\n    ours:  ${ours}\n    redis: ${theirs}`);
}
