/*
 * Seeded random ACL rules against redis-server 7.0: random users (categories, commands, subcommands,
 * first-args, read/write key patterns, channels, selectors) are described back (GETUSER) and asked,
 * through ACL DRYRUN, whether they may run random commands on random keys and channels. Print the
 * seed; DIFF_SEED=<seed> replays a failure.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/engine/ds/prng.ts';
import { checkAcl, missingCommands, unexplained } from './acl-helpers.ts';
import { diffSeed, useDifferential } from './harness.ts';

const CATEGORIES = [
  'read',
  'write',
  'keyspace',
  'string',
  'hash',
  'list',
  'set',
  'sortedset',
  'stream',
  'pubsub',
  'admin',
  'fast',
  'slow',
  'dangerous',
  'connection',
  'transaction',
  'bitmap',
  'geo',
  'hyperloglog',
  'blocking',
];
const COMMANDS = [
  'get',
  'set',
  'del',
  'mget',
  'mset',
  'hset',
  'hget',
  'lpush',
  'lmove',
  'sadd',
  'sunionstore',
  'zadd',
  'zunionstore',
  'xadd',
  'xread',
  'copy',
  'rename',
  'publish',
  'subscribe',
  'psubscribe',
  'spublish',
  'config',
  'config|get',
  'config|set',
  'client',
  'client|list',
  'client|id',
  'object|encoding',
  'select',
  'ping',
  'info',
  'keys',
  'flushdb',
  'sort',
  'bitfield',
  'getset',
  'append',
  'exists',
  'expire',
];
const FIRST_ARGS = ['select|0', 'select|1', 'info|server', 'ping|x'];
const KEY_PATTERNS = ['a*', 'b*', 'k1', 'k?', '*', 'h*', '[ab]1'];
const CHANNELS = ['news.*', 'chat', 'c?', '*x'];
const KEYS = ['a1', 'b1', 'k1', 'k2', 'h1', 'zz', 'ab'];
const CHANS = ['news.1', 'chat', 'c1', 'xx', 'news.*', 'other'];

/** Commands to ask about, built from templates: K is a random key, C a random channel. */
const TEMPLATES: string[][] = [
  ['get', 'K'],
  ['set', 'K', 'v'],
  ['del', 'K', 'K'],
  ['mget', 'K', 'K', 'K'],
  ['mset', 'K', 'v', 'K', 'v'],
  ['hset', 'K', 'f', 'v'],
  ['hget', 'K', 'f'],
  ['lpush', 'K', 'x'],
  ['lmove', 'K', 'K', 'left', 'right'],
  ['sadd', 'K', 'm'],
  ['sunionstore', 'K', 'K', 'K'],
  ['zunionstore', 'K', '2', 'K', 'K'],
  ['xadd', 'K', '*', 'f', 'v'],
  ['xread', 'streams', 'K', 'K', '0', '0'],
  ['copy', 'K', 'K'],
  ['rename', 'K', 'K'],
  ['publish', 'C', 'm'],
  ['subscribe', 'C', 'C'],
  ['psubscribe', 'C'],
  ['spublish', 'C', 'm'],
  ['config', 'get', 'x'],
  ['config', 'set', 'x', 'y'],
  ['client', 'list'],
  ['client', 'id'],
  ['object', 'encoding', 'K'],
  ['select', '0'],
  ['select', '1'],
  ['ping'],
  ['ping', 'x'],
  ['info', 'server'],
  ['keys', '*'],
  ['flushdb'],
  ['sort', 'K'],
  ['bitfield', 'K', 'get', 'u8', '0'],
  ['bitfield', 'K', 'set', 'u8', '0', '1'],
  ['getset', 'K', 'v'],
  ['append', 'K', 'x'],
  ['exists', 'K', 'K'],
  ['expire', 'K', '10'],
  ['set', 'K', 'v', 'get'],
];

function randomRules(r: SeededRandom): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)]!;
  const one = (): string => {
    switch (r.int(7)) {
      case 0:
        return `${r.int(2) ? '+' : '-'}@${pick(CATEGORIES)}`;
      case 1:
        return `${r.int(3) ? '+' : '-'}${pick(COMMANDS)}`;
      case 2:
        return `+${pick(FIRST_ARGS)}`;
      case 3:
        return `${pick(['~', '%R~', '%W~', '%RW~'])}${pick(KEY_PATTERNS)}`;
      case 4:
        return `&${pick(CHANNELS)}`;
      case 5:
        return pick(['allkeys', 'resetkeys', 'allchannels', 'resetchannels', 'allcommands', 'nocommands']);
      default:
        return `(${pick(['+@read', '-@all +get', '+@all'])} ${pick(['~', '%R~', '%W~'])}${pick(KEY_PATTERNS)})`;
    }
  };
  const rules = ['on', 'nopass', r.int(2) ? '+@all' : '-@all'];
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) rules.push(one());
  return rules;
}

function randomCommand(r: SeededRandom): string[] {
  const t = TEMPLATES[r.int(TEMPLATES.length)]!;
  return t.map((w) => (w === 'K' ? KEYS[r.int(KEYS.length)]! : w === 'C' ? CHANS[r.int(CHANS.length)]! : w));
}

describe('ACL random rules (differential)', () => {
  const d = useDifferential('acl random');
  const seed = diffSeed();

  it(`describes random users and answers DRYRUN as Redis does (seed ${seed})`, async () => {
    const missing = await missingCommands(d);
    const r = new SeededRandom(seed);
    for (let u = 0; u < 60; u++) {
      const name = `r${u}`;
      const ok = await checkAcl(d, ['ACL', 'SETUSER', name, 'reset', ...randomRules(r)]);
      if (!ok) continue;
      await checkAcl(d, ['ACL', 'GETUSER', name]);
      for (let i = 0; i < 25; i++) await checkAcl(d, ['ACL', 'DRYRUN', name, ...randomCommand(r)]);
    }
    console.log(`[acl random] seed=${seed}`);
    expect(unexplained(d, missing)).toEqual([]);
  }, 120_000);
});
