/*
 * Differential tests of the keyspace family against redis-server 7.0: hand cases for every command and
 * error path, the command table (COMMAND INFO) of each command, and a seeded random sequence mixing
 * keyspace commands with string writes (DIFF_SEED=<n> replays one). KEYS replies are compared sorted,
 * SCAN as the union of a full walk, clock-dependent replies within a tolerance.
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { normalizeDocs, onWire, shape } from './command-info-shape.ts';
import { diffSeed, useDifferential } from './harness.ts';
import { checkScanUnion, projectPresence, projectScanPage, projectTtl, randomStep } from './keys-helpers.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const KEY_COMMANDS = [
  'copy', 'dbsize', 'del', 'exists', 'flushall', 'flushdb', 'keys', 'move', 'randomkey', 'rename',
  'renamenx', 'swapdb', 'touch', 'type', 'unlink', 'expire', 'expireat', 'expiretime', 'pexpire',
  'pexpireat', 'pexpiretime', 'ttl', 'pttl', 'persist', 'scan',
]; // prettier-ignore
// OBJECT itself is left out: Redis lists its subcommands in hash-table order, which changes per process.

describe('keyspace differential', () => {
  const d = useDifferential('keys');
  let seen = 0;
  /** Mismatches recorded since the previous call (each test checks only its own). */
  const fresh = (): string[] => {
    const out = d.mismatches.slice(seen);
    seen = d.mismatches.length;
    return out;
  };

  it('matches COMMAND INFO and COMMAND DOCS (but summaries) of every keyspace command', async () => {
    for (const name of KEY_COMMANDS) await d.check(['COMMAND', 'INFO', name]);
    for (const sub of ['encoding', 'freq', 'help', 'idletime', 'refcount']) {
      await d.check(['COMMAND', 'INFO', `object|${sub}`]);
    }
    const docs = (r: Reply): unknown => {
      const top = shape(onWire(r, 2));
      return Array.isArray(top) && Array.isArray(top[1]) ? normalizeDocs(top[1]) : top;
    };
    for (const name of [...KEY_COMMANDS, 'object'])
      await d.check(['COMMAND', 'DOCS', name], { project: docs });
    expect(fresh()).toEqual([]);
  });

  it('DEL, UNLINK, EXISTS, TOUCH, TYPE, DBSIZE, KEYS', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['DBSIZE'],
      ['SET', 'a', '1'],
      ['SET', 'b', '2'],
      ['SET', '', 'empty'],
      ['SET', 'h\x00llo', 'bin'],
      ['DBSIZE'],
      ['EXISTS', 'a', 'a', 'nokey', 'b'],
      ['TOUCH', 'a', 'nokey'],
      ['TYPE', 'a'],
      ['TYPE', 'nokey'],
      ['DEL', 'a', 'a', 'nokey'],
      ['UNLINK', 'b', 'c'],
      ['DEL'],
      ['EXISTS'],
      ['TYPE'],
      ['TYPE', 'a', 'b'],
      ['DBSIZE', 'x'],
    ]);
    for (const p of ['*', '**', 'h*', 'h?llo', 'h\x00*', '[', '[^', '\\', 'nomatch*']) {
      await d.check(['KEYS', p], { unordered: true });
    }
    await d.check(['KEYS']);
    expect(fresh()).toEqual([]);
  });

  it('FLUSHDB, FLUSHALL, SWAPDB, SELECT visibility', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['SET', 'x', '0'],
      ['SWAPDB', '0', '1'],
      ['GET', 'x'],
      ['SELECT', '1'],
      ['GET', 'x'],
      ['SWAPDB', '1', '0'],
      ['GET', 'x'],
      ['SWAPDB', '0', '0'],
      ['SWAPDB', '0', '16'],
      ['SWAPDB', '-1', '0'],
      ['SWAPDB', 'x', '0'],
      ['SWAPDB', '0', 'x'],
      ['SWAPDB', '99999999999', '0'],
      ['SWAPDB', '0'],
      ['SELECT', '0'],
      ['FLUSHDB', 'SYNC'],
      ['FLUSHDB', 'async'],
      ['FLUSHDB', 'bad'],
      ['FLUSHDB', 'SYNC', 'ASYNC'],
      ['FLUSHALL', 'ASYNC'],
      ['FLUSHALL', 'bad'],
      ['FLUSHALL', 'SYNC', 'x'],
      ['DBSIZE'],
    ]);
    expect(fresh()).toEqual([]);
  });

  it('RENAME, RENAMENX, MOVE, COPY', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['RENAME', 'nokey', 'x'],
      ['RENAMENX', 'nokey', 'x'],
      ['SET', 'a', 'va'],
      ['RENAME', 'a', 'a'],
      ['RENAMENX', 'a', 'a'],
      ['EXPIRE', 'a', '1000'],
      ['RENAME', 'a', 'b'],
      ['TTL', 'b'],
      ['SET', 'c', 'vc'],
      ['RENAMENX', 'b', 'c'],
      ['RENAME', 'b', 'c'],
      ['GET', 'c'],
      ['TTL', 'c'],
      ['MOVE', 'c', '0'],
      ['MOVE', 'c', '16'],
      ['MOVE', 'c', '-1'],
      ['MOVE', 'c', 'x'],
      ['MOVE', 'nokey', '1'],
      ['MOVE', 'c', '1'],
      ['EXISTS', 'c'],
      ['SELECT', '1'],
      ['TTL', 'c'],
      ['SET', 'd', 'vd'],
      ['SELECT', '0'],
      ['SET', 'd', 'other'],
      ['MOVE', 'd', '1'],
      ['COPY', 'd', 'd'],
      ['COPY', 'd', 'd', 'DB', '1'],
      ['COPY', 'd', 'd', 'DB', '1', 'REPLACE'],
      ['COPY', 'nokey', 'e'],
      ['COPY', 'd', 'e'],
      ['COPY', 'd', 'e'],
      ['COPY', 'd', 'e', 'REPLACE'],
      ['COPY', 'd', 'e', 'DB'],
      ['COPY', 'd', 'e', 'DB', '16'],
      ['COPY', 'd', 'e', 'DB', 'x'],
      ['COPY', 'd', 'e', 'bogus'],
      ['COPY', 'd', 'e', 'REPLACE', 'REPLACE'],
      ['SET', 'n', '123'],
      ['COPY', 'n', 'n2'],
      ['OBJECT', 'REFCOUNT', 'n'],
      ['OBJECT', 'REFCOUNT', 'n2'],
      ['OBJECT', 'ENCODING', 'n2'],
      ['RENAME', 'n', 'n3'],
      ['OBJECT', 'REFCOUNT', 'n3'],
      ['SELECT', '1'],
      ['GET', 'd'],
      ['SELECT', '0'],
    ]);
    expect(fresh()).toEqual([]);
  });

  it('EXPIRE family: options, errors, overflow, past deadlines', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['EXPIRE', 'nokey', '100'],
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '100', 'NX', 'XX'],
      ['EXPIRE', 'k', '100', 'NX', 'GT'],
      ['EXPIRE', 'k', '100', 'GT', 'LT'],
      ['EXPIRE', 'k', '100', 'bogus'],
      ['EXPIRE', 'k', '100', 'a\x00b'],
      ['EXPIRE', 'k', '100', 'a\nb'],
      ['EXPIRE', 'k', 'abc'],
      ['EXPIRE', 'k', '100', 'XX'],
      ['EXPIRE', 'k', '100', 'GT'],
      ['EXPIRE', 'k', '100', 'LT'],
      ['TTL', 'k'],
      ['EXPIRE', 'k', '50', 'NX'],
      ['EXPIRE', 'k', '200', 'GT'],
      ['EXPIRE', 'k', '150', 'GT'],
      ['EXPIRE', 'k', '300', 'LT'],
      ['EXPIRE', 'k', '100', 'lt'],
      ['TTL', 'k'],
      ['EXPIRE', 'k', '200', 'xx', 'gt'],
      ['EXPIRE', 'k', '50', 'xx', 'gt'],
      ['PERSIST', 'k'],
      ['PERSIST', 'k'],
      ['PERSIST', 'nokey'],
      ['TTL', 'k'],
      ['PTTL', 'k'],
      ['TTL', 'nokey'],
      ['PTTL', 'nokey'],
      ['EXPIRETIME', 'k'],
      ['PEXPIRETIME', 'nokey'],
      ['EXPIREAT', 'k', '4000000000'],
      ['EXPIRETIME', 'k'],
      ['PEXPIRETIME', 'k'],
      ['PEXPIREAT', 'k', '4000000000123'],
      ['PEXPIRETIME', 'k'],
      ['EXPIRETIME', 'k'],
      ['EXPIRE', 'k', '9223372036854775'],
      ['EXPIRE', 'k', '9223372036854776'],
      ['EXPIRE', 'k', '-9223372036854776'],
      ['PEXPIRE', 'k', '9223372036854775807'],
      ['EXPIREAT', 'k', '9223372036854776'],
      ['PEXPIREAT', 'k', '9223372036854775808'],
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '-1'],
      ['EXISTS', 'k'],
      ['SET', 'k', 'v'],
      ['PEXPIREAT', 'k', '1'],
      ['EXISTS', 'k'],
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '0'],
      ['EXISTS', 'k'],
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', '100'],
      ['EXPIRE', 'k', '-5', 'LT'],
      ['EXISTS', 'k'],
      ['EXPIRE', 'k'],
      ['TTL'],
    ]);
    await d.check(['PEXPIRE', 'k', '1000']);
    await d.check(['PTTL', 'k'], { project: projectTtl });
    expect(fresh()).toEqual([]);
  });

  it('lazy expiry hides and deletes stale keys', async () => {
    await d.checkAll([['FLUSHALL'], ['SET', 'short', 'v'], ['PEXPIRE', 'short', '30'], ['SET', 'long', 'v']]);
    await sleep(80);
    await d.checkAll([
      ['KEYS', '*'],
      ['EXISTS', 'short'],
      ['TTL', 'short'],
      ['GET', 'short'],
      ['DBSIZE'],
      ['RANDOMKEY'],
    ]);
    expect(fresh()).toEqual([]);
  });

  it('every command treats a stale key as missing', async () => {
    const stale = [
      's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12', 's13', 's14', 's15', 's16',
    ]; // prettier-ignore
    await d.checkAll([['FLUSHALL'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], ['SET', 'live', 'v']]);
    await d.checkAll([
      ['SELECT', '1'],
      ['SET', 's10', 'v'],
      ['PEXPIRE', 's10', '20'],
      ['SELECT', '0'],
    ]);
    for (const k of stale)
      await d.checkAll([
        ['SET', k, 'v'],
        ['PEXPIRE', k, '20'],
      ]);
    await sleep(60);
    await d.checkAll([
      ['DBSIZE'],
      ['KEYS', 's1*'],
      ['TYPE', 's1'],
      ['EXISTS', 's2'],
      ['TTL', 's3'],
      ['PERSIST', 's4'],
      ['EXPIRE', 's5', '100'],
      ['RENAME', 's6', 'x'],
      ['RENAME', 'live', 's7'],
      ['RENAMENX', 's7', 's8'],
      ['MOVE', 's9', '1'],
      ['MOVE', 's7', '1'],
      ['SELECT', '1'],
      ['GET', 's7'],
      ['SELECT', '0'],
      ['COPY', 's11', 'y'],
      ['OBJECT', 'ENCODING', 's12'],
      ['TOUCH', 's13', 's14'],
      ['DEL', 's15'],
      ['UNLINK', 's16'],
      ['DBSIZE'],
      ['EXISTS', 's10'],
      ['RANDOMKEY'],
      ['DBSIZE'],
      ['DEBUG', 'SET-ACTIVE-EXPIRE', '1'],
    ]);
    expect(fresh()).toEqual([]);
  });

  it('OBJECT subcommands and errors', async () => {
    await d.checkAll([
      ['FLUSHALL'],
      ['SET', 'i', '42'],
      ['SET', 'big', '10000'],
      ['SET', 'neg', '-1'],
      ['SET', 's', 'hello'],
      ['SET', 'r', 'x'.repeat(45)],
      ['OBJECT', 'ENCODING', 'i'],
      ['OBJECT', 'ENCODING', 's'],
      ['OBJECT', 'ENCODING', 'r'],
      ['OBJECT', 'ENCODING', 'nokey'],
      ['OBJECT', 'REFCOUNT', 'i'],
      ['OBJECT', 'REFCOUNT', 'big'],
      ['OBJECT', 'REFCOUNT', 'neg'],
      ['OBJECT', 'REFCOUNT', 's'],
      ['OBJECT', 'REFCOUNT', 'nokey'],
      ['OBJECT', 'IDLETIME', 's'],
      ['OBJECT', 'IDLETIME', 'nokey'],
      ['OBJECT', 'FREQ', 's'],
      ['OBJECT', 'FREQ', 'nokey'],
      ['OBJECT', 'HELP'],
      ['object', 'help'],
      ['OBJECT', 'HELP', 'x'],
      ['OBJECT'],
      ['OBJECT', 'ENCODING'],
      ['OBJECT', 'ENCODING', 'a', 'b'],
      ['OBJECT', 'BOGUS', 'x'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu'],
      ['OBJECT', 'IDLETIME', 's'],
      ['SET', 'f', 'v'],
      ['OBJECT', 'FREQ', 'f'],
      ['GET', 'f'],
      ['OBJECT', 'FREQ', 'f'],
      ['OBJECT', 'REFCOUNT', 'i'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
    ]);
    expect(fresh()).toEqual([]);
  });

  it('RANDOMKEY and SCAN', async () => {
    await d.checkAll([['FLUSHALL'], ['RANDOMKEY'], ['SET', 'only', '1'], ['RANDOMKEY']]);
    for (let i = 0; i < 300; i++) await d.both('SET', `key:${i}`, String(i));
    await d.both('SET', 'other', 'x');
    await d.check(['RANDOMKEY'], { project: projectPresence });
    await checkScanUnion(d, d.real);
    await checkScanUnion(d, d.real, ['COUNT', '7']);
    await checkScanUnion(d, d.real, ['MATCH', 'key:1*', 'COUNT', '50']);
    await checkScanUnion(d, d.real, ['TYPE', 'string']);
    await checkScanUnion(d, d.real, ['TYPE', 'STRING', 'MATCH', 'o*']);
    await checkScanUnion(d, d.real, ['TYPE', 'list']);
    await checkScanUnion(d, d.real, ['COUNT', '0']);
    await checkScanUnion(d, d.real, ['COUNT', 'x']);
    await checkScanUnion(d, d.real, ['COUNT']);
    await checkScanUnion(d, d.real, ['bogus', 'x']);
    await d.checkAll([
      ['SCAN', 'x'],
      ['SCAN', '-'],
      ['SCAN', ' 1'],
      ['SCAN', '1 '],
      ['SCAN', '18446744073709551616'],
    ]);
    await d.checkAll([['SCAN', '0x1'], ['SCAN']]);
    await d.checkAll([['FLUSHALL'], ['SET', 'a', '1'], ['SET', 'b', '2']]);
    await d.check(['SCAN', '0'], { project: projectScanPage });
    await d.check(['SCAN', '', 'COUNT', '100'], { project: projectScanPage });
    await d.check(['SCAN', '+0', 'MATCH', 'a'], { project: projectScanPage });
    await d.check(['SCAN', '-0', 'COUNT', '9223372036854775807'], { project: projectScanPage });
    // A wrapped-around cursor (-1) ends our walk at once; Redis still visits one masked bucket.
    expect(fresh()).toEqual([]);
  });

  it('RESP3 replies (nulls, integers, arrays)', async () => {
    await d.both('HELLO', '3');
    await d.checkAll([
      ['FLUSHALL'],
      ['RANDOMKEY'],
      ['OBJECT', 'ENCODING', 'nokey'],
      ['OBJECT', 'FREQ', 'nokey'],
      ['SET', 'a', '1'],
      ['TYPE', 'a'],
      ['KEYS', '*'],
      ['SCAN', '0'],
      ['TTL', 'a'],
      ['OBJECT', 'HELP'],
      ['RENAME', 'nokey', 'b'],
    ]);
    await d.both('HELLO', '2');
    d.resp = 2;
    expect(fresh()).toEqual([]);
  });

  it('keyspace hit/miss and expiry counters (INFO stats)', async () => {
    const stat = (r: Reply): unknown => {
      const text = r.t === 'bulk' || r.t === 'verbatim' ? bin(r.b) : '';
      const pick = (name: string): string | undefined => new RegExp(`${name}:(\\d+)`).exec(text)?.[1];
      return ['keyspace_hits', 'keyspace_misses', 'expired_keys'].map((f) => `${f}=${pick(f)}`);
    };
    await d.checkAll([['FLUSHALL'], ['CONFIG', 'RESETSTAT']]);
    await d.checkAll([
      ['SET', 'a', '1'],
      ['EXISTS', 'a', 'nokey'],
      ['TOUCH', 'a', 'nokey'],
      ['TYPE', 'a'],
      ['TYPE', 'nokey'],
      ['TTL', 'a'],
      ['PTTL', 'nokey'],
      ['OBJECT', 'ENCODING', 'a'],
      ['OBJECT', 'ENCODING', 'nokey'],
      ['COPY', 'a', 'b'],
      ['COPY', 'nokey', 'b'],
      ['RENAME', 'b', 'c'],
      ['EXPIRE', 'c', '100'],
      ['PERSIST', 'c'],
      ['MOVE', 'c', '1'],
      ['DEL', 'c'],
      ['SET', 'gone', '1'],
      ['PEXPIRE', 'gone', '20'],
    ]);
    await sleep(60);
    await d.checkAll([
      ['EXISTS', 'gone'],
      ['SCAN', '0', 'TYPE', 'string'],
    ]);
    await d.check(['INFO', 'stats'], { project: stat });
    const [ours] = await d.both('INFO', 'stats');
    expect(JSON.stringify(stat(ours!))).not.toContain('undefined');
    expect(fresh()).toEqual([]);
  });

  it('active expiry removes untouched stale keys; DEBUG SET-ACTIVE-EXPIRE 0 stops it', async () => {
    const cron = async (): Promise<void> => {
      // Redis runs its cycle at hz 10 on its own; our differential node is driven by hand.
      for (let i = 0; i < 5; i++) {
        await sleep(100);
        d.node.cron();
      }
    };
    await d.checkAll([['FLUSHALL'], ['CONFIG', 'RESETSTAT'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '0']]);
    for (let i = 0; i < 200; i++) {
      await d.both('SET', `t${i}`, 'v');
      await d.both('PEXPIRE', `t${i}`, '10');
    }
    await d.both('SET', 'keep', 'v');
    await cron();
    await d.check(['DBSIZE']);
    await d.check(['DEBUG', 'SET-ACTIVE-EXPIRE', '1']);
    await cron();
    await d.check(['DBSIZE']);
    const stat = (r: Reply): unknown =>
      /expired_keys:(\d+)/.exec(r.t === 'bulk' || r.t === 'verbatim' ? bin(r.b) : '')?.[1] ?? 'none';
    await d.check(['INFO', 'stats'], { project: stat });
    expect(fresh()).toEqual([]);
  });

  /** Every key of databases 0..2 with its value, TTL and encoding, compared on both servers. */
  async function compareState(): Promise<void> {
    const [, current] = await d.both('CLIENT', 'INFO');
    const db = /db=(\d+)/.exec(current.t === 'bulk' ? bin(current.b) : '')?.[1] ?? '0';
    for (const id of ['0', '1', '2']) {
      await d.both('SELECT', id);
      const [, keys] = await d.both('KEYS', '*');
      await d.check(['KEYS', '*'], { unordered: true });
      for (const k of keys.t === 'array' ? keys.a : []) {
        if (k.t !== 'bulk') continue;
        await d.checkAll([
          ['GET', k.b],
          ['TTL', k.b],
          ['OBJECT', 'ENCODING', k.b],
          ['OBJECT', 'REFCOUNT', k.b],
        ]);
      }
    }
    await d.both('SELECT', db);
  }

  it('seeded random sequence of keyspace commands', async () => {
    const seed = diffSeed();
    console.log(`[differential] keys random sequence seed=${seed} (replay with DIFF_SEED=${seed})`);
    const r = new SeededRandom(seed);
    const start = d.total;
    await d.checkAll([['FLUSHALL'], ['SELECT', '0']]);
    for (let i = 0; i < 1500; i++) {
      const step = randomStep(r);
      if (step.kind === 'scan') await checkScanUnion(d, d.real, step.argv);
      else if (step.kind === 'unordered') await d.check(step.argv, { unordered: true });
      else if (step.kind === 'ttl') await d.check(step.argv, { project: projectTtl });
      else if (step.kind === 'presence') await d.check(step.argv, { project: projectPresence });
      else await d.check(step.argv);
      if (i % 150 === 149) await compareState();
    }
    await compareState();
    console.log(`[differential] keys random: ${d.total - start} steps, seed=${seed}`);
    for (const db of d.node.dbs) expect(db.indexConsistent()).toBe(true);
    expect(fresh().slice(0, 10)).toEqual([]);
  });
});
