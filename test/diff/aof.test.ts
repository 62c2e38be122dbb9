/*
 * The incr AOF against redis-server 7.0.15: each case runs the same commands on a real redis-server
 * (appendonly yes, in a temp dir) and on our node (appendonly yes, files in memory), then compares the
 * bytes each appended to its incr file, after normalising clock-made values (see aof-helpers.ts).
 * This covers propagation as a whole: what is written, SELECT placement, MULTI/EXEC wrapping and the
 * deterministic rewrites (absolute expiries, INCRBYFLOAT, SPOP, blocking pops, GEOADD, streams...).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealRedis, RespConnection } from './redis.ts';
import { aofRedis, MemoryFiles, normalise, ourNode, type OurSide, readRedisFile } from './aof-helpers.ts';

const INCR = 'appendonlydir/appendonly.aof.1.incr.aof';

/** Command sequences; each one's appended AOF bytes are compared. */
const CASES: Record<string, string[][]> = {
  strings: [
    ['SET', 'k', 'v'],
    ['SET', 'k', 'w', 'NX'],
    ['APPEND', 'k', 'xx'],
    ['INCR', 'n'],
    ['INCRBY', 'n', '5'],
    ['DECR', 'n'],
    ['MSET', 'a', '1', 'b', '2'],
    ['SETRANGE', 'k', '1', 'zz'],
    ['GETSET', 'k', 'new'],
    ['GETDEL', 'a'],
    ['GETDEL', 'missing'],
    ['INCRBYFLOAT', 'f', '1.1'],
    ['INCRBYFLOAT', 'f', '2e3'],
  ],
  expiries: [
    ['SET', 'e1', 'v', 'EX', '100'],
    ['SET', 'e2', 'v', 'PX', '100000', 'GET'],
    ['SET', 'e3', 'v', 'EXAT', '4000000000'],
    ['SET', 'e4', 'v', 'GET'],
    ['SET', 'e4', 'v', 'KEEPTTL', 'GET'],
    ['SETEX', 'e5', '100', 'v'],
    ['PSETEX', 'e6', '100000', 'v'],
    ['EXPIRE', 'e4', '100'],
    ['EXPIRE', 'e4', '50', 'GT'],
    ['PEXPIRE', 'e4', '500000', 'GT'],
    ['EXPIREAT', 'e4', '4000000000'],
    ['PEXPIREAT', 'e4', '4000000000000'],
    ['PERSIST', 'e4'],
    ['EXPIRE', 'e4', '-1'],
    ['GETEX', 'e1', 'PERSIST'],
    ['GETEX', 'e1', 'EX', '200'],
    ['GETEX', 'e1', 'PXAT', '1'],
    ['GETEX', 'e2'],
    ['SET', 'e7', 'v', 'PXAT', '1'],
    ['GET', 'e7'],
  ],
  'lists and blocking pops': [
    ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'],
    ['LPOP', 'l'],
    ['RPOP', 'l', '2'],
    ['BLPOP', 'l', '0'],
    ['BRPOP', 'nol', 'l', '0'],
    ['RPUSH', 'l', 'x', 'y', 'z'],
    ['LMPOP', '1', 'l', 'LEFT', 'COUNT', '10'],
    ['RPUSH', 'l', 'x', 'y', 'z'],
    ['BLMPOP', '0', '2', 'nol', 'l', 'RIGHT', 'COUNT', '2'],
    ['BLMOVE', 'l', 'l2', 'LEFT', 'RIGHT', '0'],
    ['RPUSH', 'l', 'p', 'q'],
    ['BRPOPLPUSH', 'l', 'l2', '0'],
    ['LMOVE', 'l2', 'l', 'RIGHT', 'LEFT'],
    ['LSET', 'l', '0', 'S'],
    ['LREM', 'l2', '0', 'nothing'],
    ['LTRIM', 'l', '0', '0'],
  ],
  'sets and spop': [
    ['SADD', 's', 'a'],
    ['SPOP', 's'],
    ['SADD', 's', 'a', 'b'],
    ['SPOP', 's', '5'],
    ['SADD', 's', 'x'],
    ['SPOP', 's', '1'],
    ['SADD', 's1', 'a', 'b', 'c'],
    ['SADD', 's2', 'b', 'c', 'd'],
    ['SINTERSTORE', 'dst', 's1', 's2'],
    ['SMOVE', 's1', 's2', 'a'],
    ['SREM', 's1', 'b', 'zz'],
  ],
  'hashes and zsets': [
    ['HSET', 'h', 'f', '1', 'g', '2'],
    ['HINCRBY', 'h', 'f', '3'],
    ['HINCRBYFLOAT', 'h', 'g', '0.5'],
    ['HDEL', 'h', 'g', 'nope'],
    ['HSETNX', 'h', 'f', 'x'],
    ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd'],
    ['ZINCRBY', 'z', '2.5', 'a'],
    ['ZPOPMIN', 'z'],
    ['ZPOPMAX', 'z', '1'],
    ['BZPOPMIN', 'z', '0'],
    ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
    ['ZMPOP', '1', 'z', 'MAX', 'COUNT', '2'],
    ['BZMPOP', '0', '1', 'z', 'MIN'],
    ['GEOADD', 'geo', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
    ['GEOADD', 'geo', 'XX', 'CH', '13.361389', '38.115556', 'Palermo'],
  ],
  'transactions and databases': [
    ['MULTI'],
    ['SET', 't1', '1'],
    ['GET', 't1'],
    ['INCR', 't1'],
    ['EXEC'],
    ['MULTI'],
    ['SET', 't2', '1'],
    ['EXEC'],
    ['MULTI'],
    ['GET', 't1'],
    ['EXEC'],
    ['SELECT', '4'],
    ['SET', 'in4', 'x'],
    ['MULTI'],
    ['SET', 'in4b', 'y'],
    ['SELECT', '5'],
    ['SET', 'in5', 'z'],
    ['EXEC'],
    ['SELECT', '0'],
    ['MOVE', 't1', '4'],
    ['COPY', 't2', 't3', 'DB', '6'],
    ['SWAPDB', '4', '6'],
    ['FLUSHDB'],
    ['DEL', 'in4'],
  ],
  'keys and misc': [
    ['SET', 'r', 'v'],
    ['RENAME', 'r', 'r2'],
    ['RENAMENX', 'r2', 'r3'],
    ['DEL', 'r3', 'none'],
    ['UNLINK', 'none'],
    ['SET', 'dumped', 'v'],
    ['RESTORE', 'restored', '0', '\x00\x01v\x0a\x00\x0a\xa9\xc6\x1d\xcb\xd6\xa6\x5c'],
    ['RPUSH', 'sortme', '3', '1', '2'],
    ['SORT', 'sortme', 'STORE', 'sorted'],
    ['PFADD', 'hll', 'a', 'b', 'c'],
    ['SETBIT', 'bits', '7', '1'],
    ['BITOP', 'NOT', 'bits2', 'bits'],
    ['BITFIELD', 'bf', 'INCRBY', 'u8', '0', '5'],
    ['FLUSHALL'],
    ['FLUSHALL'],
    ['FLUSHDB', 'ASYNC'],
    ['FLUSHDB', 'BOGUS'],
  ],
  scripts: [
    ['EVAL', "redis.call('set', KEYS[1], '1'); redis.call('incr', KEYS[1]); return 1", '1', 'sk'],
    ['EVAL', "return redis.call('set', KEYS[1], 'only')", '1', 'sk2'],
    ['EVAL', "return redis.call('get', KEYS[1])", '1', 'sk2'],
    ['EVAL', "redis.call('select', 3); redis.call('set', 'x', 'y'); return 1", '0'],
    ['EVAL', "redis.call('expire', KEYS[1], 100); return redis.call('spop', KEYS[2])", '2', 'sk', 'noset'],
    [
      'FUNCTION',
      'LOAD',
      "#!lua name=lib\nredis.register_function('f', function(k) return redis.call('set', k[1], 'fv') end)",
    ],
    ['FCALL', 'f', '1', 'fk'],
    ['FUNCTION', 'DELETE', 'lib'],
  ],
  'timestamp annotations': [
    ['CONFIG', 'SET', 'aof-timestamp-enabled', 'yes'],
    ['SET', 'ts', '1'],
    ['CONFIG', 'SET', 'aof-timestamp-enabled', 'no'],
  ],
  streams: [
    ['XADD', 'st', '1-1', 'f', 'v'],
    ['XADD', 'st', '2-*', 'f', 'v'],
    ['XADD', 'st', 'MAXLEN', '~', '100', '3-1', 'f', 'v'],
    ['XADD', 'st', 'MAXLEN', '=', '100', '4-1', 'f', 'v'],
    ['XADD', 'st', 'MINID', '~', '0', '5-1', 'f', 'v'],
    ['XTRIM', 'st', 'MAXLEN', '4'],
    ['XDEL', 'st', '2-1'],
    ['XGROUP', 'CREATE', 'st', 'g', '0'],
    ['XGROUP', 'CREATECONSUMER', 'st', 'g', 'c0'],
    ['XREADGROUP', 'GROUP', 'g', 'c1', 'COUNT', '2', 'STREAMS', 'st', '>'],
    ['XREADGROUP', 'GROUP', 'g', 'c1', 'STREAMS', 'st', '0'],
    ['XACK', 'st', 'g', '3-1'],
    ['XREADGROUP', 'GROUP', 'g', 'c2', 'NOACK', 'STREAMS', 'st', '>'],
    ['XCLAIM', 'st', 'g', 'c3', '0', '2-0', '4-1', '99-1'],
    ['XCLAIM', 'st', 'g', 'c3', '0', '2-0', 'JUSTID', 'LASTID', '50-0'],
    ['XCLAIM', 'st', 'g', 'c3', '0', '77-7', 'LASTID', '60-0'],
    ['XAUTOCLAIM', 'st', 'g', 'c4', '0', '0', 'COUNT', '10'],
    ['XADD', 'st', '90-1', 'f', 'v'],
    ['XREADGROUP', 'GROUP', 'g', 'c5', 'STREAMS', 'st', '>'],
    ['XDEL', 'st', '90-1'],
    ['XAUTOCLAIM', 'st', 'g', 'c6', '0', '0', 'JUSTID'],
    ['XGROUP', 'SETID', 'st', 'g', '0'],
    ['XSETID', 'st', '10-1'],
    ['XGROUP', 'DELCONSUMER', 'st', 'g', 'c2'],
    ['XGROUP', 'DESTROY', 'st', 'g'],
  ],
};

describe('incr AOF bytes against redis-server 7.0', () => {
  let redis: RealRedis;
  let dir: string;
  let real: RespConnection;
  let ours: OurSide;
  const mem = new MemoryFiles();
  let matched = 0;
  const mismatches: string[] = [];

  beforeAll(async () => {
    // appendfsync always: under everysec Redis postpones an AOF write (up to 2 s) while its background
    // fsync is still running, and answers the command first, so its file could lag the last reply.
    ({ redis, dir } = await aofRedis(['--appendfsync', 'always']));
    real = await RespConnection.open(redis.port);
    ours = ourNode(mem, { appendonly: 'yes' });
  });

  afterAll(async () => {
    console.log(`[differential] aof incr: ${matched}/${matched + mismatches.length} cases matched`);
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    real?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, commands] of Object.entries(CASES)) {
    it(name, async () => {
      const realBefore = readRedisFile(dir, INCR).length;
      const ourBefore = mem.text(INCR).length;
      for (const cmd of commands) {
        ours.call(...cmd);
        await real.call(...cmd);
      }
      const a = normalise(mem.text(INCR).slice(ourBefore));
      const b = normalise(readRedisFile(dir, INCR).slice(realBefore));
      if (a === b) matched++;
      else mismatches.push(`${name}\n  ours:  ${JSON.stringify(a)}\n  redis: ${JSON.stringify(b)}`);
      expect(a).toBe(b);
    });
  }
});
