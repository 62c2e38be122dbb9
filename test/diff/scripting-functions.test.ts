/*
 * Differential test of Redis 7.0 functions against a real redis-server: FUNCTION LOAD (metadata,
 * names, compile and registration errors, register_function in both forms with flags), FCALL and
 * FCALL_RO (flags, errors from functions), FUNCTION LIST / DELETE / FLUSH / STATS, and FUNCTION DUMP /
 * RESTORE with byte-identical payloads.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { type CheckOptions, useDifferential } from './harness.ts';
import { replyText } from './redis.ts';

/**
 * FUNCTION LIST with libraries and their functions sorted: Redis lists both in the order of its
 * seeded dict hashing, which differs from run to run even between two real servers.
 */
function sortedListing(r: Reply): unknown {
  if (r.t !== 'array') return replyText(r);
  const libs = r.a.map((lib) => {
    const pairs: (readonly [Reply, Reply])[] =
      lib.t === 'map'
        ? [...lib.m]
        : lib.t === 'array'
          ? lib.a.flatMap((x, i, a) => (i % 2 ? [] : [[x, a[i + 1]!] as const]))
          : [];
    return pairs.map(([k, v]) => {
      if (v.t === 'array') return [replyText(k), v.a.map((f) => replyText(f).replace(/^"%/, '"*')).sort()];
      return [replyText(k), replyText(v)];
    });
  });
  return libs.map((l) => JSON.stringify(l)).sort();
}

const lib = (name: string, body: string): string => `#!lua name=${name}\n${body}`;
const reg = (fname: string, ret = 'return 1'): string =>
  `redis.register_function('${fname}', function(keys, args) ${ret} end)`;

const LOAD_CASES: string[][] = [
  ['FUNCTION', 'FLUSH'],
  ['FUNCTION', 'LOAD', lib('lib1', reg('f1'))],
  ['FUNCTION', 'LOAD', lib('lib1', reg('f1'))],
  ['FUNCTION', 'LOAD', 'REPLACE', lib('lib1', reg('f1', 'return 2'))],
  ['FCALL', 'f1', '0'],
  ['FUNCTION', 'LOAD', lib('lib2', reg('f1'))],
  ['FUNCTION', 'LOAD', lib('lib2', reg('F1'))],
  ['FUNCTION', 'LOAD', lib('lib2', 'return 1')],
  ['FUNCTION', 'LOAD', 'return 1'],
  ['FUNCTION', 'LOAD', '#!lua name=x'],
  ['FUNCTION', 'LOAD', '#!lua\nreturn 1'],
  ['FUNCTION', 'LOAD', '#!lua name=a name=b\nreturn 1'],
  ['FUNCTION', 'LOAD', '#!lua name=a foo=b\nreturn 1'],
  ['FUNCTION', 'LOAD', '#!lua NAME=upper\n' + reg('fu')],
  ['FUNCTION', 'LOAD', '#!LUA name=upperengine\n' + reg('fue')],
  ['FUNCTION', 'LOAD', '#!js name=js\n' + reg('fjs')],
  ['FUNCTION', 'LOAD', '#!lua name=bad-name\n' + reg('fbad')],
  ['FUNCTION', 'LOAD', '#!lua name=\n' + reg('fempty')],
  ['FUNCTION', 'LOAD', lib('badfn', reg('bad-fn'))],
  ['FUNCTION', 'LOAD', lib('syntax', 'return +')],
  ['FUNCTION', 'LOAD', lib('rt', 'error("at load")')],
  ['FUNCTION', 'LOAD', lib('rt2', 'local x = nil .. 1')],
  ['FUNCTION', 'LOAD', lib('rt3', "error({err='TABLE err'})")],
  ['FUNCTION', 'LOAD', lib('glob', 'local s = string.len("x")\n' + reg('fg'))],
  ['FUNCTION', 'LOAD', lib('call', "redis.call('set', 'x', 1)\n" + reg('fc'))],
  ['FUNCTION', 'LOAD', lib('setg', 'x = 1\n' + reg('fx'))],
  ['FUNCTION', 'LOAD', lib('log', "redis.log(redis.LOG_NOTICE, 'loading')\n" + reg('flog'))],
  ['FUNCTION', 'LOAD', lib('ver', 'local v = redis.REDIS_VERSION\n' + reg('fver'))],
  ['FUNCTION', 'LOAD', lib('dup', reg('d1') + '\n' + reg('d1'))],
  ['FUNCTION', 'LOAD', lib('argc', 'redis.register_function()')],
  ['FUNCTION', 'LOAD', lib('argc3', "redis.register_function('a', function() end, 3)")],
  ['FUNCTION', 'LOAD', lib('pos1', 'redis.register_function({}, function() end)')],
  ['FUNCTION', 'LOAD', lib('pos2', "redis.register_function('a', 'notfn')")],
  ['FUNCTION', 'LOAD', lib('pos3', 'redis.register_function(12, function() return 12 end)')],
  ['FUNCTION', 'LOAD', lib('named1', "redis.register_function('single')")],
  ['FUNCTION', 'LOAD', lib('named2', 'redis.register_function({callback = function() end})')],
  ['FUNCTION', 'LOAD', lib('named3', "redis.register_function({function_name = 'nf'})")],
  ['FUNCTION', 'LOAD', lib('named4', "redis.register_function({function_name = 'nf', callback = 5})")],
  [
    'FUNCTION',
    'LOAD',
    lib('named5', 'redis.register_function({function_name = {}, callback = function() end})'),
  ],
  [
    'FUNCTION',
    'LOAD',
    lib('named6', "redis.register_function({function_name = 'nf', callback = function() end, bogus = 1})"),
  ],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'named7',
      "redis.register_function({function_name = 'nf', callback = function() end, flags = 'no-writes'})",
    ),
  ],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'named8',
      "redis.register_function({function_name = 'nf', callback = function() end, flags = {'bogus'}})",
    ),
  ],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'named9',
      "redis.register_function({function_name = 'nf', callback = function() end, description = {}})",
    ),
  ],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'flagged',
      "redis.register_function{function_name='ro', callback=function(keys, args) return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads a key'}\n" +
        "redis.register_function{function_name='rw', callback=function(keys, args) return redis.call('set', keys[1], args[1]) end, flags={'ALLOW-OOM', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'}}",
    ),
  ],
  ['FUNCTION', 'LOAD'],
  ['FUNCTION', 'LOAD', 'REPLACE'],
  ['FUNCTION', 'LOAD', 'BOGUS', lib('x', reg('fx2'))],
  ['FUNCTION', 'LOAD', 'REPLACE', 'REPLACE', lib('x', reg('fx3'))],
];

const CALL_CASES: string[][] = [
  ['FCALL', 'rw', '1', 'k', 'v'],
  ['FCALL', 'ro', '1', 'k'],
  ['FCALL_RO', 'ro', '1', 'k'],
  ['FCALL_RO', 'rw', '1', 'k', 'v'],
  ['FCALL', 'RO', '1', 'k'],
  ['FCALL', 'nosuch', '0'],
  ['FCALL', 'ro', 'x'],
  ['FCALL', 'ro', '-1'],
  ['FCALL', 'ro', '5', 'k'],
  ['FCALL', 'nosuch', 'x'],
  ['FCALL', 'f1'],
  ['FUNCTION', 'LOAD', lib('errs', "redis.register_function('boom', function() error('bad') end)")],
  ['FCALL', 'boom', '0'],
  [
    'FUNCTION',
    'LOAD',
    lib('errs2', "redis.register_function('callerr', function() return redis.call('nosuch') end)"),
  ],
  ['FCALL', 'callerr', '0'],
  ['FUNCTION', 'LOAD', lib('errs3', "redis.register_function('glob', function() return undefinedvar end)")],
  ['FCALL', 'glob', '0'],
  ['FUNCTION', 'LOAD', lib('errs4', "redis.register_function('setglob', function() newglobal = 1 end)")],
  ['FCALL', 'setglob', '0'],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'ctx',
      "redis.register_function('ctx', function(keys, args) return {#keys, #args, type(KEYS), type(string.len)} end)",
    ),
  ],
  ['FCALL', 'ctx', '2', 'a', 'b', 'c'],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'reg',
      "redis.register_function('late', function() redis.register_function('x', function() end) end)",
    ),
  ],
  ['FCALL', 'late', '0'],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'ro2',
      "redis.register_function{function_name='rowrite', callback=function() return redis.call('set', 'a', 'b') end, flags={'no-writes'}}",
    ),
  ],
  ['FCALL', 'rowrite', '0'],
  [
    'FUNCTION',
    'LOAD',
    lib(
      'resp3',
      "redis.register_function('r3', function() redis.setresp(3) return redis.call('hgetall', 'nohash') end)",
    ),
  ],
  ['FCALL', 'r3', '0'],
  [
    'FUNCTION',
    'LOAD',
    lib('evalonly', "redis.register_function('eo', function() return redis.replicate_commands() end)"),
  ],
  ['FCALL', 'eo', '0'],
];

const LIST_CASES: string[][] = [
  ['FUNCTION', 'LIST', 'LIBRARYNAME', 'flagged'],
  ['FUNCTION', 'LIST', 'LIBRARYNAME', 'FLAG*', 'WITHCODE'],
  ['FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'lib1'],
  ['FUNCTION', 'LIST'],
  ['FUNCTION', 'LIST', 'WITHCODE'],
];

const ADMIN_CASES: string[][] = [
  ['FUNCTION', 'LIST', 'LIBRARYNAME'],
  ['FUNCTION', 'LIST', 'BOGUS'],
  ['FUNCTION', 'LIST', 'WITHCODE', 'WITHCODE'],
  ['FUNCTION', 'LIST', 'LIBRARYNAME', 'nomatch*'],
  ['FUNCTION', 'STATS'],
  ['FUNCTION', 'STATS', 'x'],
  ['FUNCTION', 'KILL'],
  ['FUNCTION', 'HELP'],
  ['FUNCTION', 'NOSUCH'],
  ['FUNCTION', 'DELETE', 'errs'],
  ['FUNCTION', 'DELETE', 'errs'],
  ['FUNCTION', 'DELETE'],
  ['FCALL', 'boom', '0'],
  ['FUNCTION', 'FLUSH', 'BOGUS'],
  ['FUNCTION', 'FLUSH', 'SYNC', 'x'],
];

/** The scripting lines of INFO memory that are counts or exact structure sizes. */
function scriptingInfo(r: Reply): unknown {
  if (r.t !== 'bulk' && r.t !== 'verbatim') return replyText(r);
  const wanted = /^(number_of_cached_scripts|number_of_functions|number_of_libraries|used_memory_functions):/;
  return new TextDecoder()
    .decode(r.b)
    .split('\r\n')
    .filter((l) => wanted.test(l));
}

describe('functions differential', () => {
  const d = useDifferential('scripting-functions');

  async function expectSame(cases: string[][], opts: CheckOptions = {}): Promise<void> {
    const before = d.mismatches.length;
    await d.checkAll(cases, opts);
    expect(d.mismatches.slice(before)).toEqual([]);
  }

  it('loads libraries with the same outcomes', async () => {
    await expectSame(LOAD_CASES);
  });

  it('calls functions with the same results and errors', async () => {
    await expectSame(CALL_CASES);
  });

  it('manages libraries', async () => {
    await expectSame(LIST_CASES, { project: sortedListing });
    await expectSame(ADMIN_CASES);
  });

  it('dumps and restores byte-identical payloads', async () => {
    await expectSame([
      ['FUNCTION', 'FLUSH'],
      ['FUNCTION', 'DUMP'],
      ['FUNCTION', 'LOAD', lib('short', reg('s1'))],
      ['FUNCTION', 'DUMP'],
      ['FUNCTION', 'LOAD', lib('long', `${reg('l1', 'return "' + 'x'.repeat(200) + '"')}`)],
    ]);
    // Two libraries: Redis writes them in its seeded dict order, so only the length is compared.
    const [ours, theirs] = await d.both('FUNCTION', 'DUMP');
    d.total++;
    if (ours?.t === 'bulk' && theirs.t === 'bulk' && ours.b.length === theirs.b.length) d.matched++;
    else d.mismatches.push('FUNCTION DUMP (two libraries): lengths differ');
    if (theirs.t !== 'bulk') throw new Error('no dump');
    const payload = theirs.b;
    // Both libraries exist: Redis names whichever its seeded dict yields first (it changes between its
    // own runs), so the conflicting name is masked.
    await expectSame(
      [
        ['FUNCTION', 'RESTORE', payload as unknown as string],
        ['FUNCTION', 'RESTORE', payload as unknown as string, 'APPEND'],
      ],
      { project: (r) => replyText(r).replace(/Library (short|long) already/, 'Library <lib> already') },
    );
    await expectSame([
      ['FUNCTION', 'RESTORE', payload as unknown as string, 'REPLACE'],
      ['FUNCTION', 'RESTORE', payload as unknown as string, 'BOGUS'],
      ['FUNCTION', 'RESTORE', payload as unknown as string, 'FLUSH', 'x'],
      ['FUNCTION', 'FLUSH'],
      ['FUNCTION', 'RESTORE', payload as unknown as string],
      ['FCALL', 's1', '0'],
      ['FCALL', 'l1', '0'],
      ['FUNCTION', 'RESTORE', 'garbage'],
      ['FUNCTION', 'RESTORE', payload.slice(0, payload.length - 1) as unknown as string],
      ['FUNCTION', 'LOAD', lib('other', reg('s1'))],
      ['FUNCTION', 'DELETE', 'short'],
      ['FUNCTION', 'LOAD', lib('other', reg('s1'))],
      ['FUNCTION', 'RESTORE', payload as unknown as string, 'REPLACE'],
      ['FUNCTION', 'RESTORE', payload as unknown as string, 'FLUSH'],
      ['FCALL', 's1', '0'],
    ]);
    await d.check(['CONFIG', 'SET', 'rdbcompression', 'no']);
    // Two libraries again: their order follows Redis's seeded dict, so only the size is compared.
    await expectSame([['FUNCTION', 'DUMP']], {
      project: (r) => (r.t === 'bulk' ? `bulk of ${r.b.length} bytes` : replyText(r)),
    });
    await d.check(['CONFIG', 'SET', 'rdbcompression', 'yes']);
    await expectSame(
      [
        ['INFO', 'memory'],
        [
          'FUNCTION',
          'LOAD',
          lib(
            'described',
            "redis.register_function{function_name='dd', callback=function() end, description='some words'}",
          ),
        ],
        ['SCRIPT', 'LOAD', 'return 1'],
        ['SCRIPT', 'LOAD', 'return "' + 'y'.repeat(100) + '"'],
        ['INFO', 'memory'],
        ['FUNCTION', 'FLUSH'],
        ['SCRIPT', 'FLUSH'],
        ['INFO', 'memory'],
      ],
      { project: scriptingInfo },
    );
    expect(d.mismatches).toEqual([]);
  });
});
