/*
 * Differential hand cases for SORT / SORT_RO against a real redis-server: every option and their
 * combinations on lists, sets (intset and hashtable) and sorted sets (listpack and skiplist), weights in
 * strings and hash fields, missing BY/GET keys, numeric versus ALPHA (C-locale collation and NUL bytes),
 * LIMIT corner cases, BY + LIMIT ties (the partial quicksort), STORE (events, dirty, TTL, encodings),
 * error paths and their order, hit/miss counters, RESP3 nulls. Replies whose order Redis leaves to its
 * hash tables (a hashtable set without sorting) are compared unordered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDifferential } from './harness.ts';
import { freshBatch, type Cmd } from './hashes-helpers.ts';
import { batchCheck, bytesArg, EventRecorder, resetBoth } from './strings-helpers.ts';

const U = { unordered: true };
/*
 * Redis's SORT tests errno == ERANGE after strtod without clearing errno first, so once a weight
 * overflowed, every later numeric SORT of that process fails too, until some command clears errno
 * (string2d / string2ld do, e.g. under INCRBYFLOAT). We do not reproduce that sticky state; tests clear
 * it after each out-of-range weight.
 */
const RESET_ERRNO = ['INCRBYFLOAT', 'errno_reset', '0'];
const range = (n: number, f: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => f(i));

describe('differential sort', () => {
  const d = useDifferential('sort');
  const events = new EventRecorder(d);
  beforeAll(async () => {
    await events.start();
  });
  afterAll(() => events.stop());
  const batch = async (label: string, cmds: Cmd[]): Promise<void> => {
    await freshBatch(d, events);
    await batchCheck(d, events, label, cmds);
  };
  const setup = async (cmds: Cmd[]): Promise<void> => {
    for (const c of cmds) await d.both(...c);
  };

  it('lists: numeric and ALPHA, ASC/DESC, LIMIT windows', async () => {
    await resetBoth(d);
    await setup([
      ['RPUSH', 'l', '3', '-1', '10', '2.5', '1e2', '0', '-0', '2', '2', ' 7', '0x10', 'inf', '-inf'],
    ]);
    const limits = [
      ['0', '3'],
      ['2', '4'],
      ['-5', '2'],
      ['5', '-1'],
      ['5', '-7'],
      ['13', '1'],
      ['12', '5'],
      ['100', '2'],
      ['0', '0'],
      ['3', '0'],
      ['-1', '-1'],
      ['9223372036854775807', '9223372036854775807'],
      ['-9223372036854775808', '2'],
      ['1', '9223372036854775807'],
    ];
    const cmds: Cmd[] = [
      ['SORT', 'l'],
      ['SORT', 'l', 'DESC'],
      ['SORT', 'l', 'ASC'],
      ['SORT', 'l', 'ALPHA'],
    ];
    cmds.push(
      ['SORT', 'l', 'ALPHA', 'DESC'],
      ['SORT', 'l', 'desc', 'asc'],
      ['SORT', 'l', 'AsC', 'dEsC', 'alpha'],
    );
    for (const [a, b] of limits) {
      cmds.push(['SORT', 'l', 'LIMIT', a!, b!], ['SORT', 'l', 'LIMIT', a!, b!, 'DESC']);
      cmds.push(['SORT', 'l', 'ALPHA', 'LIMIT', a!, b!], ['SORT', 'l', 'BY', 'nosort', 'LIMIT', a!, b!]);
      cmds.push(['SORT', 'l', 'BY', 'nosort', 'DESC', 'LIMIT', a!, b!]);
    }
    cmds.push(
      ['SORT', 'l', 'LIMIT', '0', '1', 'LIMIT', '2', '3'],
      ['SORT_RO', 'l', 'LIMIT', '1', '3', 'DESC'],
    );
    await batch('list sorts', cmds);
  });

  it('numeric weights: what converts and what does not', async () => {
    await resetBoth(d);
    const values = [
      '',
      ' 1',
      '1 ',
      '+5',
      '1e400',
      '-1e400',
      '1e-400',
      '1e-310',
      '2.2250738585072014e-308',
      'nan',
      'NaN',
      '-nan',
      'infinity',
      '-Infinity',
      '0x1p3',
      '0X1P-2',
      '1e',
      '1e+',
      '.5',
      '5.',
      '.',
      '-',
      'abc',
      '12abc',
      '0010',
      '1_000',
      '\t3',
      '9223372036854775808',
    ];
    const cmds: Cmd[] = [];
    values.forEach((v, i) => {
      cmds.push(['DEL', 'n'], ['RPUSH', 'n', '1', v], ['SORT', 'n'], ['SORT', 'n', 'ALPHA']);
      cmds.push(['SET', `nw_${i}`, v], ['SORT', 'n', 'BY', `nw_${i}*`], RESET_ERRNO);
    });
    cmds.push(['DEL', 'n'], ['RPUSH', 'n', bytesArg(49, 0, 97), bytesArg(50, 0), '3'], ['SORT', 'n']);
    cmds.push(['SET', 'nul', bytesArg(52, 0, 120)], ['RPUSH', 'm', '1', '2'], ['SORT', 'm', 'BY', 'nu*']);
    await d.checkAll(cmds);
  });

  it('sets: intset and hashtable, with and without sorting', async () => {
    await resetBoth(d);
    await setup([
      ['SADD', 'i', '5', '-3', '100', '0', '9223372036854775807', '-9223372036854775808', '42'],
      ['SADD', 'h', 'b', 'a', 'c', '10', '9', 'B', 'aa', ''],
      ['SADD', 'hn', '1.5', '2', '-1', '10', '3'],
      ['MSET', 'w_5', '1', 'w_-3', '2', 'w_100', '3', 'w_a', 'z', 'w_b', 'y'],
    ]);
    await d.checkAll([
      ['SORT', 'i'],
      ['SORT', 'i', 'DESC'],
      ['SORT', 'i', 'ALPHA'],
      ['SORT', 'i', 'LIMIT', '2', '3'],
      ['SORT', 'i', 'BY', 'nosort'],
      ['SORT', 'i', 'BY', 'nosort', 'DESC'],
      ['SORT', 'i', 'BY', 'nosort', 'LIMIT', '1', '2'],
      ['SORT', 'i', 'BY', 'w_*'],
      ['SORT', 'i', 'BY', 'w_*', 'DESC', 'GET', '#', 'GET', 'w_*'],
      ['SORT', 'h'],
      ['SORT', 'h', 'ALPHA'],
      ['SORT', 'h', 'ALPHA', 'DESC', 'LIMIT', '1', '4'],
      ['SORT', 'hn'],
      ['SORT', 'hn', 'DESC', 'LIMIT', '0', '2'],
      ['SORT', 'h', 'BY', 'w_*', 'ALPHA', 'GET', 'w_*'],
    ]);
    await d.checkAll(
      [
        ['SORT', 'h', 'BY', 'nosort'],
        ['SORT', 'hn', 'BY', 'nosort', 'DESC'],
      ],
      U,
    );
    await batch('set stores', [
      ['SORT', 'h', 'BY', 'nosort', 'STORE', 'd1'],
      ['LRANGE', 'd1', '0', '-1'],
      ['SORT', 'i', 'BY', 'nosort', 'DESC', 'STORE', 'd2'],
      ['LRANGE', 'd2', '0', '-1'],
      ['SORT', 'hn', 'BY', 'nokey', 'LIMIT', '1', '2', 'STORE', 'd3'],
      ['LRANGE', 'd3', '0', '-1'],
      ['OBJECT', 'ENCODING', 'i'],
      ['OBJECT', 'ENCODING', 'h'],
    ]);
  });

  it('sorted sets: score order with BY nosort, conversion to skiplist', async () => {
    await resetBoth(d);
    await setup([
      ['ZADD', 'z', '3', 'c', '1', 'a', '2', 'b', '2', 'bb', '-5', 'neg', '10', 'x'],
      ['ZADD', 'zn', '1', '30', '2', '20', '3', '10', '4', '5.5'],
      ['ZADD', 'big', ...Array.from({ length: 140 }, (_, i) => [String(i % 17), `m${i}`]).flat()],
    ]);
    await d.checkAll([
      ['OBJECT', 'ENCODING', 'z'],
      ['SORT_RO', 'z', 'BY', 'nosort'],
      ['OBJECT', 'ENCODING', 'z'],
      ['SORT', 'z', 'BY', 'nosort', 'DESC'],
      ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '1', '3'],
      ['SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '3'],
      ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '4', '100'],
      ['SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '6', '1'],
      ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '-3', '2'],
      ['SORT', 'z', 'ALPHA'],
      ['SORT', 'z', 'ALPHA', 'DESC', 'LIMIT', '2', '2'],
      ['SORT', 'z'],
      ['SORT', 'zn'],
      ['SORT', 'zn', 'DESC'],
      ['SORT', 'zn', 'BY', 'nosort', 'GET', '#'],
      ['SORT', 'big', 'BY', 'nosort', 'LIMIT', '50', '10'],
      ['SORT', 'big', 'BY', 'nosort', 'DESC', 'LIMIT', '3', '5'],
      ['SORT', 'big', 'ALPHA', 'LIMIT', '100', '7'],
      ['OBJECT', 'ENCODING', 'big'],
      ['ZADD', 'z2', '1', 'q'],
      ['SORT', 'z2', 'ALPHA'],
      ['OBJECT', 'ENCODING', 'z2'],
      ['SORT', 'z2', 'BY', 'nosort', 'STORE', 'zd'],
      ['LRANGE', 'zd', '0', '-1'],
      ['TYPE', 'zd'],
    ]);
  });

  it('BY and GET: strings, hash fields, missing keys, wrong types, #', async () => {
    await resetBoth(d);
    await setup([
      ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'],
      ['MSET', 'w_a', '5', 'w_b', '2', 'w_c', '9', 'w_d', 'x', 'o_a', 'A', 'o_c', 'C'],
      ['HSET', 'h_a', 'f', '3', 'g', 'ga'],
      ['HSET', 'h_b', 'f', '1'],
      ['HSET', 'h_c', 'f', '2', 'g', 'gc'],
      ['RPUSH', 'o_b', 'list'],
      ['HSET', 'h_e', 'f', '7'],
      ['SET', 'h_d', 'notahash'],
      ['MSET', 'a', 'plain-a', 'b', 'plain-b'],
    ]);
    await d.checkAll([
      ['SORT', 'l', 'BY', 'w_*'],
      ['SORT', 'l', 'BY', 'w_*', 'ALPHA'],
      ['SORT', 'l', 'BY', 'w_*', 'ALPHA', 'DESC'],
      ['SORT', 'l', 'BY', 'h_*->f'],
      ['SORT', 'l', 'BY', 'h_*->f', 'DESC', 'GET', '#', 'GET', 'h_*->g'],
      ['SORT', 'l', 'BY', 'h_*->g', 'ALPHA'],
      ['SORT', 'l', 'BY', 'h_*->nofield', 'ALPHA'],
      ['SORT', 'l', 'BY', 'h_*->'],
      ['SORT', 'l', 'BY', 'h_*-', 'ALPHA'],
      ['SORT', 'l', 'BY', '*'],
      ['SORT', 'l', 'GET', 'o_*'],
      ['SORT', 'l', 'GET', 'o_*', 'GET', '#', 'GET', 'w_*', 'GET', 'h_*->f'],
      ['SORT', 'l', 'GET', '#', 'GET', '#'],
      ['SORT', 'l', 'GET', 'nostar'],
      ['SORT', 'l', 'GET', '*'],
      ['SORT', 'l', 'GET', '*->f'],
      ['SORT', 'l', 'GET', 'h_*->f->x'],
      ['SORT', 'l', 'GET', 'h_*'],
      ['SORT', 'l', 'GET', '#x'],
      ['SORT', 'l', 'GET', 'x#'],
      ['SORT', 'l', 'GET', 'w_**'],
      ['SORT', 'l', 'BY', 'nosort', 'GET', 'w_*', 'LIMIT', '1', '2'],
      ['SORT', 'l', 'BY', '#', 'GET', '#'],
      ['SORT', 'l', 'BY', 'w_*', 'GET', 'h_*->f', 'LIMIT', '0', '2'],
      ['SORT', 'l', 'BY', 'o_*', 'ALPHA'],
      ['SORT', 'l', 'BY', 'nosort', 'BY', 'w_*'],
      ['SORT', 'l', 'BY', 'w_*', 'BY', 'nosort'],
      ['SORT', 'l', 'GET', bytesArg(111, 95, 42, 0, 120)],
      ['SORT', 'l', 'BY', bytesArg(110, 0, 42)],
      ['SORT', 'l', 'GET', bytesArg(35, 0, 120)],
      ['SORT', 'l', 'GET', bytesArg(104, 95, 42, 45, 62, 0, 102)],
    ]);
    await d.check(['HELLO', '3'], { project: () => 'hello' });
    await d.checkAll([
      ['SORT', 'l', 'GET', 'o_*', 'GET', '#'],
      ['SORT', 'l', 'BY', 'w_*', 'GET', 'h_*->g'],
    ]);
    await d.check(['HELLO', '2'], { project: () => 'hello' });
  });

  it('ALPHA collation: C locale, NUL bytes, STORE compares binary', async () => {
    await resetBoth(d);
    await setup([
      [
        'RPUSH',
        'b',
        bytesArg(97, 0, 98),
        bytesArg(97, 0, 97),
        'a',
        bytesArg(255),
        bytesArg(0xc3, 0xa9),
        'B',
        'a',
      ],
      ['RPUSH', 'b', 'Z', bytesArg(0x80), '', bytesArg(0), 'ab'],
      ['SET', 'w_a', bytesArg(120, 0, 98)],
      ['SET', 'w_B', bytesArg(120, 0, 97)],
      ['SET', 'w_Z', 'x'],
    ]);
    await d.checkAll([
      ['SORT', 'b', 'ALPHA'],
      ['SORT', 'b', 'ALPHA', 'DESC'],
      ['SORT', 'b', 'ALPHA', 'STORE', 'bd'],
      ['LRANGE', 'bd', '0', '-1'],
      ['SORT', 'b', 'ALPHA', 'DESC', 'STORE', 'bd'],
      ['LRANGE', 'bd', '0', '-1'],
      ['SORT', 'b', 'BY', 'w_*', 'ALPHA'],
      ['SORT', 'b', 'BY', 'w_*', 'ALPHA', 'STORE', 'bd'],
      ['LRANGE', 'bd', '0', '-1'],
      ['SORT', 'b', 'ALPHA', 'LIMIT', '2', '5'],
    ]);
  });

  it('BY + LIMIT ties follow the partial quicksort', async () => {
    await resetBoth(d);
    const sizes = [3, 6, 7, 8, 20, 40, 41, 60, 200];
    const cmds: Cmd[] = [];
    for (const n of sizes) {
      const key = `t${n}`;
      await setup([['RPUSH', key, ...range(n, (i) => `e${(i * 7919) % 1000}`)]]);
      for (let i = 0; i < n; i += 3) await setup([['SET', `tw_e${(i * 7919) % 1000}`, String(i % 4)]]);
      for (const [a, b] of [
        ['0', '3'],
        ['1', '5'],
        [String(n >> 1), '4'],
        [String(n - 2), '10'],
        ['2', '0'],
      ]) {
        cmds.push(['SORT', key, 'BY', 'tw_*', 'ALPHA', 'LIMIT', a!, b!]);
        cmds.push(['SORT', key, 'BY', 'tw_*', 'ALPHA', 'DESC', 'LIMIT', a!, b!]);
        cmds.push(['SORT', key, 'BY', 'none_*', 'ALPHA', 'LIMIT', a!, b!]);
        cmds.push(['SORT', key, 'BY', 'tw_*', 'LIMIT', a!, b!]);
      }
      cmds.push(['SORT', key, 'BY', 'tw_*', 'ALPHA'], ['SORT', key, 'BY', 'none_*', 'ALPHA', 'DESC']);
    }
    await d.checkAll(cmds);
  });

  it('STORE: list result, events, dirty, TTL, empty results, overwrites', async () => {
    await resetBoth(d);
    await setup([
      ['RPUSH', 'l', '3', '1', '2'],
      ['SET', 'w_1', 'x1'],
      ['HSET', 'hd', 'f', 'v'],
    ]);
    await batch('store', [
      ['SORT', 'l', 'STORE', 'dst'],
      ['LRANGE', 'dst', '0', '-1'],
      ['OBJECT', 'ENCODING', 'dst'],
      ['EXPIRE', 'dst', '100'],
      ['SORT', 'l', 'DESC', 'STORE', 'dst'],
      ['TTL', 'dst'],
      ['SORT', 'l', 'GET', 'w_*', 'GET', '#', 'STORE', 'dst'],
      ['LRANGE', 'dst', '0', '-1'],
      ['SORT', 'l', 'LIMIT', '5', '1', 'STORE', 'dst'],
      ['EXISTS', 'dst'],
      ['SORT', 'l', 'LIMIT', '5', '1', 'STORE', 'dst'],
      ['SORT', 'nokey', 'STORE', 'hd'],
      ['EXISTS', 'hd'],
      ['SET', 'sd', 'str'],
      ['SORT', 'l', 'STORE', 'sd'],
      ['TYPE', 'sd'],
      ['SORT', 'l', 'STORE', 'l'],
      ['LRANGE', 'l', '0', '-1'],
      ['SORT', 'l', 'STORE', 'a', 'STORE', 'b'],
      ['EXISTS', 'a', 'b'],
      ['SORT', 'l', 'ALPHA', 'STORE', 'dst', 'LIMIT', '0', '2'],
      ['LRANGE', 'dst', '0', '-1'],
      ['RPUSH', 'bad', 'x'],
      ['SORT', 'bad', 'STORE', 'dst'],
      ['LRANGE', 'dst', '0', '-1'],
    ]);
    await d.both('CONFIG', 'SET', 'list-max-listpack-size', '2');
    await batch('store with small nodes', [
      ['SORT', 'l', 'STORE', 'q'],
      ['OBJECT', 'ENCODING', 'q'],
    ]);
    await d.both('CONFIG', 'SET', 'list-max-listpack-size', '-2');
  });

  it('errors and their order, arity, SORT_RO', async () => {
    await resetBoth(d);
    await setup([
      ['SET', 's', 'x'],
      ['HSET', 'h', 'f', 'v'],
      ['RPUSH', 'l', 'b', 'a'],
    ]);
    await batch('errors', [
      ['SORT'],
      ['SORT_RO'],
      ['SORT', 's'],
      ['SORT', 'h'],
      ['SORT_RO', 's'],
      ['SORT', 'l', 'foo'],
      ['SORT', 's', 'foo'],
      ['SORT', 's', 'LIMIT', 'x', '1'],
      ['SORT', 'l', 'LIMIT', '1'],
      ['SORT', 'l', 'LIMIT'],
      ['SORT', 'l', 'LIMIT', '1', 'x'],
      ['SORT', 'l', 'LIMIT', 'x', 'y'],
      ['SORT', 'l', 'LIMIT', '1.5', '2'],
      ['SORT', 'l', 'LIMIT', '99999999999999999999', '1'],
      ['SORT', 'l', 'BY'],
      ['SORT', 'l', 'GET'],
      ['SORT', 'l', 'STORE'],
      ['SORT_RO', 'l', 'STORE', 'x'],
      ['SORT_RO', 'l', 'STORE'],
      ['SORT', 'l', 'ALPHA', 'x'],
      ['SORT', 's', 'STORE', 'd'],
      ['EXISTS', 'd'],
      ['SORT', 'l'],
      ['SORT', 'l', 'STORE', 'd'],
      ['EXISTS', 'd'],
      ['SORT_RO', 'l', 'ALPHA'],
      ['SORT_RO', 'l', 'BY', 'x_*', 'GET', '#', 'LIMIT', '0', '1'],
      ['SORT', 'l', bytesArg(97, 115, 99, 0, 120)],
      ['SORT', 'l', bytesArg(97, 108, 112, 104, 97, 0, 120)],
      ['SORT', 'l', 'alphax'],
      ['SORT', 'l', 'GET', '#', 'LIMIT', '0'],
    ]);
  });

  it('hit/miss counters and keymiss events of pattern lookups', async () => {
    await resetBoth(d);
    await setup([
      ['RPUSH', 'l', '1', '2', '3'],
      ['SET', 'w_1', '5'],
      ['HSET', 'h_2', 'f', '1'],
    ]);
    await batch('lookups', [
      ['SORT', 'l', 'BY', 'w_*'],
      ['SORT', 'l', 'BY', 'h_*->f', 'GET', 'w_*', 'GET', '#'],
      ['SORT', 'nokey', 'BY', 'w_*'],
      ['SORT', 'l', 'BY', 'nosort', 'GET', 'h_*->f'],
      ['SORT_RO', 'l', 'GET', 'w_*', 'LIMIT', '0', '1'],
    ]);
  });

  it('inside MULTI and with a blocked client on the destination', async () => {
    await resetBoth(d);
    await setup([['RPUSH', 'l', '2', '1']]);
    await d.checkAll([['MULTI'], ['SORT', 'l', 'STORE', 'm'], ['SORT_RO', 'm', 'DESC'], ['EXEC']]);
    const p = await d.openPair();
    p.send('BLPOP', 'bdst', '5');
    await new Promise((r) => setTimeout(r, 50));
    await d.check(['SORT', 'l', 'DESC', 'STORE', 'bdst']);
    const [ours, theirs] = await p.next();
    d.record('BLPOP served by SORT STORE', ours, theirs);
    await d.check(['LRANGE', 'bdst', '0', '-1']);
  });

  it('reports', () => {
    if (d.mismatches.length) console.log(d.mismatches.slice(0, 40).join('\n'));
    expect(d.mismatches).toEqual([]);
  });
});
