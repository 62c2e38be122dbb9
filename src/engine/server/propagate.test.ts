import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import { testClient, testNode } from '../testkit.ts';

/** A node whose propagation feed is recorded as "db:ARGV ..." lines. */
function recorded(config: Record<string, string> = {}) {
  const { node, clock } = testNode({ config });
  const fed: string[] = [];
  node.propagation.subscribe({ feed: (db, argv) => fed.push(`${db}:${argv.map(bin).join(' ')}`) });
  return { node, clock, fed, a: testClient(node) };
}

describe('propagation feed', () => {
  it('feeds writes that changed the dataset, not reads or no-ops', () => {
    const { a, fed } = recorded();
    a.call('SET', 'k', 'v');
    a.call('GET', 'k');
    a.call('SET', 'k', 'w', 'NX');
    a.call('DEL', 'nokey');
    a.call('SELECT', '3');
    a.call('LPUSH', 'l', 'x');
    expect(fed).toEqual(['0:SET k v', '3:LPUSH l x']);
  });

  it('wraps EXEC in MULTI/EXEC when it propagates several commands', () => {
    const { a, fed } = recorded();
    a.call('MULTI');
    a.call('SET', 'a', '1');
    a.call('GET', 'a');
    a.call('INCR', 'a');
    a.call('EXEC');
    a.call('MULTI');
    a.call('SET', 'b', '1');
    a.call('EXEC');
    expect(fed).toEqual(['0:MULTI', '0:SET a 1', '0:INCR a', '0:EXEC', '0:SET b 1']);
  });

  it('rewrites relative expiries to absolute ones', () => {
    const { a, fed, clock } = recorded();
    const now = clock.nowMs();
    a.call('SET', 'k', 'v', 'EX', '10', 'GET');
    a.call('EXPIRE', 'k', '20', 'GT');
    a.call('SETEX', 's', '5', 'v');
    a.call('SET', 'g', 'v', 'GET');
    a.call('GETEX', 'g', 'PX', '100');
    a.call('GETEX', 'g', 'PERSIST');
    a.call('EXPIRE', 'g', '-1');
    expect(fed).toEqual([
      `0:SET k v PXAT ${now + 10000}`,
      `0:PEXPIREAT k ${now + 20000} GT`,
      `0:SET s v PXAT ${now + 5000}`,
      '0:SET g v',
      `0:PEXPIREAT g ${now + 100}`,
      '0:PERSIST g',
      '0:DEL g',
    ]);
  });

  it('rewrites non-deterministic and blocking commands', () => {
    const { a, fed } = recorded({ 'lazyfree-lazy-user-del': 'yes' });
    a.call('SET', 'f', '1.5');
    a.call('INCRBYFLOAT', 'f', '1');
    a.call('HINCRBYFLOAT', 'h', 'x', '2.5');
    a.call('GETDEL', 'f');
    a.call('RPUSH', 'l', 'a', 'b', 'c');
    a.call('BLPOP', 'l', '0');
    a.call('LMPOP', '1', 'l', 'RIGHT', 'COUNT', '5');
    a.call('SADD', 's', 'm');
    a.call('SPOP', 's');
    expect(fed).toEqual([
      '0:SET f 1.5',
      '0:SET f 2.5 KEEPTTL',
      '0:HSET h x 2.5',
      '0:UNLINK f',
      '0:RPUSH l a b c',
      '0:LPOP l',
      '0:RPOP l 2',
      '0:SADD s m',
      '0:SREM s m',
    ]);
  });

  it('propagates SPOP with a count as SREMs in a transaction', () => {
    const { a, fed } = recorded();
    a.call('SADD', 's', '1', '2', '3');
    fed.length = 0;
    a.call('SPOP', 's', '2');
    expect(fed[0]).toBe('0:MULTI');
    expect(fed.slice(1, 3).every((l) => l.startsWith('0:SREM s '))).toBe(true);
    expect(fed[3]).toBe('0:EXEC');
    a.call('SPOP', 's', '5');
    expect(fed[4]).toBe('0:DEL s');
  });

  it('propagates a lazy expiry before the command that met it, in one transaction', () => {
    const { a, fed, clock } = recorded();
    a.call('SET', 'k', 'v', 'PX', '10');
    clock.advance(50);
    fed.length = 0;
    a.call('SET', 'k', 'w');
    expect(fed).toEqual(['0:MULTI', '0:DEL k', '0:SET k w', '0:EXEC']);
  });

  it('propagates a served blocked pop as its non-blocking form', () => {
    const { node, fed } = recorded();
    const a = testClient(node);
    const b = testClient(node);
    a.call('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0');
    b.call('RPUSH', 'src', 'x');
    expect(fed).toEqual(['0:RPUSH src x', '0:LMOVE src dst LEFT RIGHT']);
  });

  it('rewrites XADD ids and approximate trims', () => {
    const { a, fed } = recorded();
    a.call('XADD', 's', '5-1', 'f', 'v');
    a.call('XADD', 's', 'MAXLEN', '~', '100', '*', 'f', 'v');
    const id = bin((a.client.node && (a.replies[a.replies.length - 1] as { b: Uint8Array }).b)!);
    expect(fed).toEqual(['0:XADD s 5-1 f v', `0:XADD s MAXLEN = 2 ${id} f v`]);
  });

  it('propagates XREADGROUP deliveries as XCLAIM', () => {
    const { a, fed, clock } = recorded();
    a.call('XADD', 's', '1-1', 'f', 'v');
    a.call('XGROUP', 'CREATE', 's', 'g', '0');
    fed.length = 0;
    a.call('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>');
    const t = clock.nowMs();
    expect(fed).toEqual([`0:XCLAIM s g c 0 1-1 TIME ${t} RETRYCOUNT 1 FORCE JUSTID LASTID 1-1`]);
  });

  it('propagates active expiry as separate DEL/UNLINK, never in a transaction', () => {
    const { node, a, fed, clock } = recorded({ 'lazyfree-lazy-expire': 'yes' });
    a.call('SET', 'x', '1', 'PX', '10');
    a.call('SET', 'y', '1', 'PX', '10');
    fed.length = 0;
    clock.advance(100);
    node.cron();
    expect(fed.sort()).toEqual(['0:UNLINK x', '0:UNLINK y']);
  });

  it('propagates RESTORE with an absolute TTL and GETEX/EXPIRE in the past as deletions', () => {
    const { a, fed, clock } = recorded();
    a.call('SET', 'src', 'v');
    const dump = a.call('DUMP', 'src') as { b: Uint8Array };
    fed.length = 0;
    a.call('RESTORE', 'dst', '5000', dump.b);
    expect(fed).toEqual([`0:RESTORE dst ${clock.nowMs() + 5000} ${bin(dump.b)} ABSTTL`]);
  });

  it('does not propagate while suspended (AOF loading)', () => {
    const { node, a, fed } = recorded();
    node.propagation.suspend(() => a.call('SET', 'k', 'v'));
    expect(fed).toEqual([]);
  });
});
