/*
 * DUMP / RESTORE against real Redis 7.0:
 *   - the same values, built by the same commands, DUMP to identical bytes on both sides (every type
 *     and encoding whose serialisation is deterministic; hashtable-encoded sets and hashes are written
 *     in dict order in Redis, so for them only the content is compared);
 *   - Redis's payload RESTOREs here to the same value and encoding, and ours RESTOREs in Redis;
 *   - bad payloads and options give Redis's errors and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { type Bytes, utf8 } from '../../src/engine/bytes.ts';
import { crc64LE } from '../../src/engine/ds/crc64.ts';
import { encodeZiplist } from '../../src/engine/ds/ziplist-bytes.ts';
import { RdbWriter } from '../../src/engine/persistence/rdb-io.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';
import { replyText } from './redis.ts';

type Arg = string | Bytes;

const READERS: Record<string, (k: string) => Arg[][]> = {
  string: (k) => [
    ['GET', k],
    ['STRLEN', k],
  ],
  list: (k) => [
    ['LRANGE', k, '0', '-1'],
    ['LLEN', k],
  ],
  set: (k) => [
    ['SMEMBERS', k],
    ['SCARD', k],
  ],
  zset: (k) => [
    ['ZRANGE', k, '0', '-1', 'WITHSCORES'],
    ['ZCARD', k],
  ],
  hash: (k) => [
    ['HGETALL', k],
    ['HLEN', k],
  ],
};

/** A payload with a correct trailer around `body`. */
function withTrailer(body: ArrayLike<number>, version = 10): Uint8Array {
  const head = Uint8Array.from([...Array.from(body), version, 0]);
  return Uint8Array.from([...head, ...crc64LE(head)]);
}

/** Projection for replies whose order is the dict's: sorted elements, hash replies as sorted pairs. */
function sortedPairs(type: string): (r: Reply) => unknown {
  return (r) => {
    if (r.t === 'map') return r.m.map(([k, v]) => `${replyText(k, 2)}=${replyText(v, 2)}`).sort();
    if (r.t !== 'array' && r.t !== 'set') return replyText(r, 2);
    const items = r.a.map((x) => replyText(x, 2));
    if (type !== 'hash') return items.sort();
    const pairs: string[] = [];
    for (let i = 0; i < items.length; i += 2) pairs.push(`${items[i]}=${items[i + 1]}`);
    return pairs.sort();
  };
}

/** Mismatch texts from `start` on, cut short enough to read. */
function brief(d: { mismatches: string[] }, start: number): string[] {
  return d.mismatches.slice(start).map((m) => (m.length > 400 ? `${m.slice(0, 400)}...` : m));
}

describe('DUMP / RESTORE differential', () => {
  const d = useDifferential('dump');

  /** Both sides DUMP `key`; Redis's and ours must be identical when `exact`. Returns [ours, theirs]. */
  async function dumpBoth(key: string, exact: boolean): Promise<[Bytes, Bytes]> {
    const [ours, theirs] = await d.both('DUMP', key);
    expect(theirs.t).toBe('bulk');
    expect(ours?.t).toBe('bulk');
    if (exact) await d.check(['DUMP', key]);
    return [(ours as { b: Bytes }).b, (theirs as { b: Bytes }).b];
  }

  /** DUMP, then restore each side's payload on both servers and compare content and encoding. */
  async function roundTrip(type: string, key: string, exact = true): Promise<void> {
    const [ours, theirs] = await dumpBoth(key, exact);
    const unordered = exact ? {} : { project: sortedPairs(type) };
    for (const [payload, suffix] of [
      [theirs, ':fromredis'],
      [ours, ':fromus'],
    ] as const) {
      const k = key + suffix;
      await d.check(['RESTORE', k, '0', payload]);
      for (const cmd of READERS[type]!(k)) await d.check(cmd, unordered);
      await d.check(['OBJECT', 'ENCODING', k]);
      await d.check(['TYPE', k]);
      if (exact) await d.check(['DUMP', k]);
      await d.check(['DEL', k]);
    }
  }

  async function build(cmds: Arg[][]): Promise<void> {
    for (const c of cmds) await d.check(c);
  }

  it('strings in every RDB string form', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    const values: Arg[] = [
      'bar',
      '0',
      '-1',
      '127',
      '-128',
      '300',
      '-32769',
      '70000',
      '2147483647',
      '-2147483648',
    ];
    values.push('2147483648', '12345678901', '12345678901234567890', '-9223372036854775808', '007', ' 1');
    values.push('', 'a'.repeat(21), 'ab'.repeat(30), 'x'.repeat(44), 'y'.repeat(45), 'z'.repeat(20000));
    values.push('hello hello hello hello hello world world world', 'abcdefghijklmnopqrstuvwxyz0123456789');
    values.push(Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256));
    values.push(Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 251));
    let n = 0;
    for (const v of values) {
      const key = `s${n++}`;
      await d.check(['SET', key, v]);
      await roundTrip('string', key);
    }
    await build([
      ['SET', 'ap', 'x'],
      ['APPEND', 'ap', '1'],
      ['SETRANGE', 'sr', '3', 'abc'],
      ['INCR', 'cnt'],
    ]);
    for (const k of ['ap', 'sr', 'cnt']) await roundTrip('string', k);
    await d.check(['CONFIG', 'SET', 'rdbcompression', 'no']);
    await d.check(['SET', 'nc', 'a'.repeat(100)]);
    await roundTrip('string', 'nc');
    await d.check(['CONFIG', 'SET', 'rdbcompression', 'yes']);
    expect(brief(d, start)).toEqual([]);
  });

  it('lists: small, multi-node, compressed nodes, big elements', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    await build([
      ['RPUSH', 'l1', 'a', '1', '-5000', '70000', 'hello world', '12345678901234', 'b'.repeat(70)],
    ]);
    await roundTrip('list', 'l1');
    const many = Array.from({ length: 600 }, (_, i) =>
      i % 3 === 0 ? String(i * 1000) : `item:${i}:payload`,
    );
    await build([
      ['RPUSH', 'l2', ...many],
      ['LPUSH', 'l2', 'head'],
      ['LINSERT', 'l2', 'BEFORE', 'item:301:payload', 'x'],
    ]);
    await roundTrip('list', 'l2');
    await build([['RPUSH', 'l3', 'small', 'q'.repeat(9000), 'tail']]);
    await roundTrip('list', 'l3');
    await d.check(['CONFIG', 'SET', 'list-compress-depth', '1']);
    await build([['RPUSH', 'l4', ...many, ...many, ...many, ...many]]);
    await roundTrip('list', 'l4');
    await d.check(['CONFIG', 'SET', 'list-compress-depth', '0']);
    await d.check(['CONFIG', 'SET', 'list-max-listpack-size', '5']);
    await build([['RPUSH', 'l5', ...many.slice(0, 23)]]);
    await roundTrip('list', 'l5');
    await d.check(['CONFIG', 'SET', 'list-max-listpack-size', '-2']);
    expect(brief(d, start)).toEqual([]);
  });

  it('sets: intsets of every width, hashtable sets', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    await build([['SADD', 'i16', '3', '1', '2', '-7']]);
    await build([['SADD', 'i32', '1', '100000', '-100000']]);
    await build([['SADD', 'i64', '1', '10000000000', '-9223372036854775808']]);
    await build([['SADD', 'ibig', ...Array.from({ length: 40 }, (_, i) => String(i * 37))]]);
    for (const k of ['i16', 'i32', 'i64', 'ibig']) await roundTrip('set', k);
    await build([['SADD', 'ht', 'a', 'b', '3', 'hello']]);
    await build([['SADD', 'many', ...Array.from({ length: 600 }, (_, i) => String(i))]]);
    await roundTrip('set', 'ht', false);
    await roundTrip('set', 'many', false);
    expect(brief(d, start)).toEqual([]);
  });

  it('sorted sets: listpack scores of every kind, skiplist', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    const scores = [
      '1',
      '-3',
      '1.5',
      '-0.25',
      'inf',
      '-inf',
      '0',
      '-0',
      '1e300',
      '4611686018427387904',
      '3.14159',
    ];
    const args = scores.flatMap((s, i) => [s, `m${i}`]);
    await build([
      ['ZADD', 'z1', ...args],
      ['ZINCRBY', 'z1', '2.5', 'm0'],
    ]);
    await roundTrip('zset', 'z1');
    const big = Array.from({ length: 200 }, (_, i) => [String(i * 1.25), `member-${i}`]).flat();
    await build([['ZADD', 'z2', ...big]]);
    await build([['ZADD', 'z3', '1', 'a', '2', 'l'.repeat(80)]]);
    await roundTrip('zset', 'z2');
    await roundTrip('zset', 'z3');
    expect(brief(d, start)).toEqual([]);
  });

  it('hashes: listpack exactly, hashtable by content', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    await build([['HSET', 'h1', 'a', '1', 'bb', '-5000', 'n', '12345678901234', 'big', 'x'.repeat(64)]]);
    await build([
      ['HSET', 'h1', 'a', 'changed'],
      ['HDEL', 'h1', 'bb'],
      ['HSET', 'h1', 'bb', 'again'],
    ]);
    await roundTrip('hash', 'h1');
    await build([['HSET', 'h2', 'f', 'v'.repeat(65)]]);
    await build([['HSET', 'h3', ...Array.from({ length: 300 }, (_, i) => [`f${i}`, String(i)]).flat()]]);
    await roundTrip('hash', 'h2', false);
    await roundTrip('hash', 'h3', false);
    expect(brief(d, start)).toEqual([]);
  });

  it('RESTORE options: TTL, ABSTTL, REPLACE, IDLETIME, FREQ', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    await d.check(['SET', 'src', 'value']);
    const [, payload] = await dumpBoth('src', true);
    await d.check(['RESTORE', 'src', '0', payload]);
    await d.check(['RESTORE', 'src', '0', payload, 'REPLACE']);
    await d.check(['RESTORE', 't1', '100000', payload]);
    await d.check(['PTTL', 't1'], { project: (r) => (r.t === 'int' ? Number(r.n) > 99000 : r) });
    const at = String(Date.now() + 200000);
    await d.check(['RESTORE', 't2', at, payload, 'ABSTTL']);
    await d.check(['PEXPIRETIME', 't2']);
    await d.check(['RESTORE', 't3', '1000', payload, 'ABSTTL']);
    await d.check(['EXISTS', 't3']);
    await d.check(['RESTORE', 'src', '1000', payload, 'ABSTTL', 'REPLACE']);
    await d.check(['EXISTS', 'src']);
    await d.check(['RESTORE', 'idle', '0', payload, 'IDLETIME', '1000']);
    await d.check(['OBJECT', 'IDLETIME', 'idle']);
    for (const idle of ['20000000', '100000000', '1000000000']) {
      await d.check(['RESTORE', `idle${idle}`, '0', payload, 'IDLETIME', idle]);
      await d.check(['OBJECT', 'IDLETIME', `idle${idle}`]);
    }
    await d.check(['RESTORE', 'fr', '0', payload, 'FREQ', '100']);
    await d.check(['OBJECT', 'FREQ', 'fr']);
    await d.check(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu']);
    await d.check(['RESTORE', 'fr2', '0', payload, 'FREQ', '100']);
    await d.check(['OBJECT', 'FREQ', 'fr2']);
    await d.check(['CONFIG', 'SET', 'maxmemory-policy', 'noeviction']);
    expect(brief(d, start)).toEqual([]);
  });

  it('errors for bad options and payloads, with nothing changed', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    await d.check(['SET', 'src', 'value']);
    const [, good] = await dumpBoth('src', true);
    const badCrc = good.slice();
    badCrc[badCrc.length - 1] ^= 1;
    const newer = withTrailer([0, 3, 98, 97, 114]);
    newer[newer.length - 10] = 11;
    const cases: Arg[][] = [
      ['RESTORE', 'src', '0', good],
      ['RESTORE', 'k', '-1', good],
      ['RESTORE', 'k', 'abc', good],
      ['RESTORE', 'k', '0', badCrc],
      ['RESTORE', 'k', '0', 'short'],
      ['RESTORE', 'k', '0', newer],
      ['RESTORE', 'k', '0', withTrailer([0, 10, 1, 2])],
      ['RESTORE', 'k', '0', withTrailer([42, 1, 2])],
      ['RESTORE', 'k', '0', withTrailer([18, 0])],
      ['RESTORE', 'k', '0', withTrailer([11, 4, 1, 2, 3, 4])],
      ['RESTORE', 'k', '0', withTrailer([16, 7, 7, 0, 0, 0, 0, 0, 255])],
      ['RESTORE', 'k', '0', withTrailer([15, 0])],
      ['RESTORE', 'k', '0', good, 'BOGUS'],
      ['RESTORE', 'k', '0', good, 'IDLETIME'],
      ['RESTORE', 'k', '0', good, 'IDLETIME', '-1'],
      ['RESTORE', 'k', '0', good, 'IDLETIME', 'x'],
      ['RESTORE', 'k', '0', good, 'FREQ', '256'],
      ['RESTORE', 'k', '0', good, 'FREQ', '-1'],
      ['RESTORE', 'k', '0', good, 'IDLETIME', '1', 'FREQ', '1'],
      ['RESTORE', 'k', '0', good, 'FREQ', '1', 'IDLETIME', '1'],
      ['RESTORE', 'src', '-1', badCrc],
      ['RESTORE', 'k', '0'],
      ['DUMP'],
      ['DUMP', 'missing'],
      ['EXISTS', 'k'],
      ['GET', 'src'],
    ];
    await build(cases);
    expect(brief(d, start)).toEqual([]);
  });

  /** A version-9 payload (Redis 6.2) of `type` whose body is RDB strings, then lengths as given. */
  function legacyPayload(type: number, parts: (Uint8Array | number)[]): Uint8Array {
    const w = new RdbWriter(false);
    w.byte(type);
    for (const p of parts) {
      if (typeof p === 'number') w.len(p);
      else w.string(p);
    }
    return withTrailer(w.result(), 9);
  }

  it('ziplist payloads of Redis 6.2 load as Redis 7.0 converts them', async () => {
    const start = d.mismatches.length;
    await d.check(['FLUSHALL']);
    const zl = (items: string[]): Uint8Array => encodeZiplist(items.map((x) => utf8(x)));
    const pairs = (n: number, val: (i: number) => string): string[] =>
      Array.from({ length: n }, (_, i) => [`f${i}`, val(i)]).flat();
    const cases: [string, Uint8Array, string[]][] = [
      ['h1', legacyPayload(13, [zl(pairs(5, (i) => String(i * 1000)))]), ['HGETALL']],
      ['h2', legacyPayload(13, [zl(pairs(200, (i) => 'v' + i))]), ['HGETALL']],
      ['h3', legacyPayload(13, [zl(['a', '1', 'a', '2'])]), ['HGETALL']],
      [
        'z1',
        legacyPayload(12, [zl(['c', '-inf', 'a', '1.5', 'b', '2'])]),
        ['ZRANGE', '0', '-1', 'WITHSCORES'],
      ],
      ['z2', legacyPayload(12, [zl(pairs(200, (i) => String(i / 4)))]), ['ZRANGE', '0', '-1', 'WITHSCORES']],
      ['l1', legacyPayload(10, [zl(['a', '12', '-70000', 'x'.repeat(100)])]), ['LRANGE', '0', '-1']],
      ['l2', legacyPayload(14, [2, zl(['a', 'b', 'c']), zl(['1', '2'])]), ['LRANGE', '0', '-1']],
      ['l3', legacyPayload(14, [2, zl([]), zl(['only'])]), ['LRANGE', '0', '-1']],
      ['l4', legacyPayload(14, [1, zl([])]), ['LRANGE', '0', '-1']],
      ['h4', legacyPayload(13, [zl([])]), ['HGETALL']],
    ];
    for (const [key, payload, read] of cases) {
      await d.check(['RESTORE', key, '0', payload]);
      await d.check([read[0]!, key, ...read.slice(1)]);
      await d.check(['OBJECT', 'ENCODING', key]);
      await d.check(['DUMP', key]);
    }
    expect(brief(d, start)).toEqual([]);
  });

  it('reports the command table entries as Redis does', async () => {
    const start = d.mismatches.length;
    await build([
      ['COMMAND', 'INFO', 'dump', 'restore'],
      ['COMMAND', 'GETKEYS', 'RESTORE', 'k', '0', 'x'],
    ]);
    expect(brief(d, start)).toEqual([]);
  });
});
