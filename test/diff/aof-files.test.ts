/*
 * Whole AOF directories in both directions, checked with DEBUG DIGEST (every key, value and
 * deadline): our files are checked by redis-check-aof and loaded by redis-server 7.0; redis-server's
 * files are loaded by our node. Both base formats (RDB preamble, and commands with
 * aof-use-rdb-preamble no) and a truncated incr file (aof-load-truncated) are covered.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { aofRedis, MemoryFiles, ourNode, type OurSide } from './aof-helpers.ts';
import { RespConnection, startRedis } from './redis.ts';

const POPULATE: string[][] = [
  ['SET', 'str', 'hello'],
  ['SET', 'int', '12345'],
  ['SET', 'ttl', 'v', 'PX', '500000'],
  ['RPUSH', 'list', ...Array.from({ length: 300 }, (_, i) => `e${i}`)],
  ['SADD', 'iset', '1', '2', '300000'],
  ['SADD', 'hset', 'a', 'b', 'c'],
  ['ZADD', 'zlp', '1', 'a', '2.5', 'b', 'inf', 'c'],
  ['ZADD', 'zsl', ...Array.from({ length: 200 }, (_, i) => [String(i / 3), `m${i}`]).flat()],
  ['HSET', 'hlp', 'f', 'v', 'n', '1'],
  ['HSET', 'hht', ...Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`]).flat()],
  ['XADD', 'stream', '1-1', 'a', '1'],
  ['XADD', 'stream', '2-1', 'a', '2', 'b', '3'],
  ['XADD', 'stream', '3-1', 'c', '4'],
  ['XDEL', 'stream', '3-1'],
  ['XGROUP', 'CREATE', 'stream', 'g', '0'],
  ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 'stream', '>'],
  ['XGROUP', 'CREATECONSUMER', 'stream', 'g', 'bob'],
  ['XADD', 'empty', 'MAXLEN', '0', '5-5', 'x', 'y'],
  ['INCRBYFLOAT', 'float', '3.25'],
  ['SPOP', 'hset'],
  [
    'FUNCTION',
    'LOAD',
    "#!lua name=mylib\nredis.register_function('myfunc', function(keys, args) return 1 end)",
  ],
  ['SELECT', '5'],
  ['SET', 'in5', 'x'],
  ['EXPIRE', 'in5', '1000'],
  ['SELECT', '0'],
];

function digestOf(r: Reply | undefined): string {
  return r !== undefined && r.t === 'simple' ? r.s : JSON.stringify(r);
}

function populate(side: OurSide): void {
  for (const cmd of POPULATE) side.call(...cmd);
}

/** Our in-memory files written to a fresh folder, as the Node host would have. */
function materialise(mem: MemoryFiles): string {
  const dir = mkdtempSync(join(tmpdir(), 'aof-ours-'));
  for (const [name, data] of mem.files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

function readAofDir(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const folder = join(dir, 'appendonlydir');
  for (const name of readdirSync(folder)) out.set(name, new Uint8Array(readFileSync(join(folder, name))));
  return out;
}

/** Loads `dir` in redis-server; its DEBUG DIGEST, and (when `ours` is given) the keys that differ. */
async function redisDigestOf(dir: string, ours?: OurSide): Promise<string> {
  const redis = await startRedis(['--dir', dir, '--appendonly', 'yes']);
  const c = await RespConnection.open(redis.port);
  await waitLoaded(c);
  const d = digestOf(await c.call('DEBUG', 'DIGEST'));
  if (ours && d !== digestOf(ours.call('DEBUG', 'DIGEST'))) await logKeyDifferences(ours, c);
  c.close();
  await redis.stop();
  return d;
}

/** startRedis returns once PING answers, which it does (with -LOADING) while the AOF still loads. */
async function waitLoaded(c: RespConnection): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const info = await c.call('INFO', 'persistence');
    if (info.t === 'bulk' && bin(info.b).includes('loading:0')) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function logKeyDifferences(ours: OurSide, c: RespConnection): Promise<void> {
  for (const db of ['0', '5']) {
    ours.call('SELECT', db);
    await c.call('SELECT', db);
    const keys = ours.call('KEYS', '*');
    for (const k of keys?.t === 'array' ? keys.a : []) {
      const key = k.t === 'bulk' ? bin(k.b) : '';
      const probe = ['DEBUG', 'DIGEST-VALUE', key];
      const a = JSON.stringify([ours.call(...probe), ours.call('PEXPIRETIME', key)]);
      const b = JSON.stringify([await c.call(...probe), await c.call('PEXPIRETIME', key)]);
      if (a !== b) console.log(`db ${db} key ${key}: ours ${a} redis ${b}`);
    }
    console.log(
      `db ${db} size: ours ${JSON.stringify(ours.call('DBSIZE'))} redis ${JSON.stringify(await c.call('DBSIZE'))}`,
    );
  }
  ours.call('SELECT', '0');
}

const dirs: string[] = [];
let matched = 0;
let total = 0;
function tally(ok: boolean): void {
  total++;
  if (ok) matched++;
}

afterAll(() => {
  console.log(`[differential] aof files: ${matched}/${total} round trips matched`);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('AOF files against redis-server 7.0 and redis-check-aof', () => {
  for (const preamble of ['yes', 'no']) {
    it(`our AOF (aof-use-rdb-preamble ${preamble}) passes redis-check-aof and loads in redis-server`, async () => {
      const mem = new MemoryFiles();
      const ours = ourNode(mem, {
        appendonly: 'yes',
        'aof-use-rdb-preamble': preamble,
        'aof-timestamp-enabled': 'yes',
      });
      populate(ours);
      ours.call('BGREWRITEAOF');
      await new Promise((r) => setTimeout(r, 5));
      ours.node.cron();
      ours.call('SET', 'after-rewrite', '1');
      ours.call('LPUSH', 'list', 'head');
      const dir = materialise(mem);
      dirs.push(dir);
      const check = spawnSync('redis-check-aof', [join(dir, 'appendonlydir', 'appendonly.aof.manifest')]);
      tally(check.status === 0);
      expect(check.stdout.toString()).toContain('All AOF files and manifest are valid');
      const ourDigest = digestOf(ours.call('DEBUG', 'DIGEST'));
      const theirs = await redisDigestOf(dir, ours);
      tally(theirs === ourDigest);
      expect(theirs).toBe(ourDigest);
    });

    it(`redis-server's AOF (aof-use-rdb-preamble ${preamble}) loads in our node`, async () => {
      const { redis, dir } = await aofRedis(['--aof-use-rdb-preamble', preamble]);
      dirs.push(dir);
      const c = await RespConnection.open(redis.port);
      for (const cmd of POPULATE) await c.call(...cmd);
      await c.call('BGREWRITEAOF');
      for (let i = 0; i < 100; i++) {
        const info = await c.call('INFO', 'persistence');
        if (info.t === 'bulk' && bin(info.b).includes('aof_rewrite_in_progress:0')) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 200));
      await c.call('SET', 'after-rewrite', '1');
      const theirs = digestOf(await c.call('DEBUG', 'DIGEST'));
      c.close();
      await redis.stop();
      const ours = ourNode(new MemoryFiles(), { appendonly: 'yes' }, readAofDir(dir));
      const ourDigest = digestOf(ours.call('DEBUG', 'DIGEST'));
      tally(ourDigest === theirs);
      expect(ourDigest).toBe(theirs);
    });
  }

  it('a truncated incr file loads the same complete commands as redis-server', async () => {
    const mem = new MemoryFiles();
    const first = ourNode(mem, { appendonly: 'yes' });
    populate(first);
    const incr = 'appendonlydir/appendonly.aof.1.incr.aof';
    const bytes = mem.files.get(incr)!;
    mem.files.set(incr, bytes.subarray(0, bytes.length - 7));
    const dir = materialise(mem);
    dirs.push(dir);
    const theirs = await redisDigestOf(dir);
    const ours = ourNode(new MemoryFiles(), { appendonly: 'yes' }, mem.aofFiles());
    const ourDigest = digestOf(ours.call('DEBUG', 'DIGEST'));
    tally(ourDigest === theirs);
    expect(ourDigest).toBe(theirs);
    expect(() =>
      ourNode(new MemoryFiles(), { appendonly: 'yes', 'aof-load-truncated': 'no' }, mem.aofFiles()),
    ).toThrow();
  });
});
