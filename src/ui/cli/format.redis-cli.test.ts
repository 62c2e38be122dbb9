/*
 * Byte-for-byte comparison of our reply rendering with the real redis-cli 7: for each command of the
 * table, redis-cli (forced to its TTY format with --no-raw) prints the reply, and we print the reply
 * our own RESP client parsed from the same server. Needs redis-server and redis-cli on PATH.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RealRedis } from '../../../test/diff/redis.ts';
import { formatReply } from './format.ts';
import { WireClient } from './wire-resp.test-util.ts';

const LUA_NESTED = "return {1,{2,{3,'x'}},{},'y'}";
const LUA_TWELVE = 'local t = {} for i=1,12 do t[i] = {i, tostring(i*i), {i}} end return t';
// redis-cli 7.0 cannot print RESP3 big numbers at all (it exits), so none here; see format.test.ts.
const LUA_RESP3 =
  'redis.setresp(3) return {{double=1.5},true,false,' +
  "{verbatim_string={format='txt',string='hi there'}},{map={a=1}},{set={x=true}},{double=0.1}}";

/** [resp version, argv] rows; each runs through redis-cli and through our formatter. */
const cases: [2 | 3, string[]][] = [
  [2, ['SET', 'k', 'v']],
  [2, ['GET', 'k']],
  [2, ['GET', 'missing']],
  [2, ['INCRBY', 'counter', '0']],
  [2, ['INCR', 'k']],
  [2, ['NOSUCHCMD', 'a b']],
  [2, ['GET', 'bin']],
  [2, ['GET', 'utf']],
  [2, ['LRANGE', 'list', '0', '-1']],
  [2, ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']],
  [2, ['KEYS', 'nomatch*']],
  [2, ['HGETALL', 'h']],
  [2, ['EVAL', LUA_NESTED, '0']],
  [2, ['EVAL', LUA_TWELVE, '0']],
  [2, ['COMMAND', 'INFO', 'get']],
  [2, ['XRANGE', 's', '-', '+']],
  [2, ['PING']],
  [2, ['ECHO', 'tab\there "q" back\\slash']],
  [2, ['BLPOP', 'nolist', '0.01']],
  [2, ['ZSCORE', 'z', 'b']],
  [3, ['HGETALL', 'h']],
  [3, ['HGETALL', 'nokey']],
  [3, ['SMEMBERS', 'nokey']],
  [3, ['SMEMBERS', 'set1']],
  [3, ['ZSCORE', 'z', 'b']],
  [3, ['ZRANGE', 'z', '0', '-1', 'WITHSCORES']],
  [3, ['EVAL', LUA_RESP3, '0']],
  [3, ['CONFIG', 'GET', 'maxmemory*']],
  [3, ['XINFO', 'STREAM', 's', 'FULL']],
  [3, ['GET', 'missing']],
  [3, ['BLPOP', 'nolist', '0.01']],
  [3, ['EVAL', LUA_TWELVE, '0']],
];

let redis: RealRedis;

beforeAll(async () => {
  redis = await startRedis();
  const c = await WireClient.open(redis.port);
  await c.call('SET', 'k', 'v');
  await c.call('SET', 'bin', new Uint8Array([0, 0xff, 10, 13, 9, 7, 8, 34, 92, 32, 65, 0x7f]));
  await c.call('SET', 'utf', '你好 é');
  await c.call('RPUSH', 'list', ...Array.from({ length: 12 }, (_, i) => `item ${i}`));
  await c.call('ZADD', 'z', '1', 'a', '2.5', 'b', '0.1', 'c');
  await c.call('HSET', 'h', 'f1', 'v1', 'f2', 'v2');
  await c.call('SADD', 'set1', 'x');
  await c.call('XADD', 's', '1-1', 'a', '1', 'b', '2');
  await c.call('XADD', 's', '2-1', 'c', '3');
  await c.call('XGROUP', 'CREATE', 's', 'g', '0');
  await c.call('XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 's', '>');
  c.close();
});

afterAll(async () => {
  await redis?.stop();
});

function viaRedisCli(resp: 2 | 3, argv: string[]): Uint8Array {
  const args = ['-p', String(redis.port), '--no-raw', ...(resp === 3 ? ['-3'] : []), ...argv];
  const r = spawnSync('redis-cli', args);
  return new Uint8Array(r.stdout);
}

async function viaFormatter(resp: 2 | 3, argv: string[]): Promise<Uint8Array> {
  const c = await WireClient.open(redis.port);
  if (resp === 3) await c.call('HELLO', '3');
  const reply = await c.call(...argv);
  c.close();
  const text = formatReply(reply);
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

const show = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('formatReply matches redis-cli byte for byte', () => {
  for (const [resp, argv] of cases) {
    it(`RESP${resp} ${argv.join(' ').slice(0, 60)}`, async () => {
      const expected = viaRedisCli(resp, argv);
      const actual = await viaFormatter(resp, argv);
      expect(show(actual)).toBe(show(expected));
      expect(Array.from(actual)).toEqual(Array.from(expected));
    });
  }
});
