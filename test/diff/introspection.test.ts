/*
 * Differential tests for introspection: SLOWLOG, LATENCY, INFO commandstats / errorstats /
 * latencystats. Timing figures differ between any two servers, so projections mask them (ids, unix
 * times, durations, peers, µs values) and compare everything else exactly: entry shapes, trimmed and
 * redacted arguments, client names, counters, error texts, which commands have histograms.
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';

function text(r: Reply): string {
  if (r.t === 'bulk' || r.t === 'verbatim') return bin(r.b);
  if (r.t === 'simple' || r.t === 'error') return r.s;
  if (r.t === 'int') return String(r.n);
  return JSON.stringify(r.t);
}

/** SLOWLOG GET without id, time, duration and peer: [arguments, client name] per entry. */
function slowlogShape(r: Reply): unknown {
  if (r.t !== 'array') return text(r);
  return r.a.map((e) => {
    if (e.t !== 'array' || e.a.length !== 6) return 'bad entry';
    const args = e.a[3]!;
    const peer = text(e.a[4]!);
    return [
      args.t === 'array' ? args.a.map(text) : 'bad args',
      peer === '?:0' ? peer : 'addr',
      text(e.a[5]!),
    ];
  });
}

/** INFO lines with every number after the given keys masked. */
function infoMasked(r: Reply, masked: RegExp): unknown {
  if (r.t !== 'bulk' && r.t !== 'verbatim') return text(r);
  return bin(r.b)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(masked, (_m, k: string) => `${k}=#`))
    .sort();
}

const commandstats = (r: Reply): unknown => infoMasked(r, /(usec|usec_per_call)=[0-9.]+/g);
const latencystats = (r: Reply): unknown => infoMasked(r, /(p[0-9.]+)=[0-9.]+/g);

/** LATENCY HISTOGRAM as {command: calls}, the µs buckets masked. */
function histogramCalls(r: Reply): unknown {
  const flat = r.t === 'map' ? r.m.flatMap(([k, v]) => [k, v]) : r.t === 'array' ? r.a : [];
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const v = flat[i + 1]!;
    const inner = v.t === 'map' ? v.m.flatMap(([a, b]) => [a, b]) : v.t === 'array' ? v.a : [];
    out[text(flat[i]!)] = inner.length >= 2 ? text(inner[1]!) : '?';
  }
  return Object.keys(out)
    .sort()
    .map((k) => `${k}:${out[k]}`);
}

/** LATENCY LATEST with times masked and latencies rounded down to 100 ms. */
function latestShape(r: Reply): unknown {
  if (r.t !== 'array') return text(r);
  return r.a.map((e) =>
    e.t === 'array'
      ? [text(e.a[0]!), Math.floor(Number(text(e.a[2]!)) / 100), Math.floor(Number(text(e.a[3]!)) / 100)]
      : '?',
  );
}

/** LATENCY GRAPH: the header with latencies rounded down to 100 ms, and the number of lines. */
function graphShape(r: Reply): unknown {
  if (r.t !== 'bulk' && r.t !== 'verbatim') return text(r);
  const lines = bin(r.b).split('\n');
  return [lines[0]!.replace(/[0-9]+ ms/g, (m) => `${Math.floor(parseInt(m, 10) / 100)}00 ms`), lines.length];
}

/** A reply's structure with numbers masked (RESP3 types compared, figures not). */
function structure(r: Reply): unknown {
  if (r.t === 'int') return '#';
  if (r.t === 'array' || r.t === 'set' || r.t === 'push') return [r.t, r.a.map(structure)];
  if (r.t === 'map') return ['map', r.m.map(([k, v]) => [structure(k), structure(v)])];
  if (r.t === 'bulk' && /^[0-9]+$/.test(bin(r.b))) return '#';
  if (r.t === 'bulk' && /^[0-9.]+:[0-9]+$/.test(bin(r.b))) return 'addr';
  return [r.t, text(r)];
}

describe('differential introspection', () => {
  const d = useDifferential('introspection');

  it('SLOWLOG entries: arguments, trimming, redaction, EXEC, names', async () => {
    await d.checkAll([
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '0'],
      ['CONFIG', 'SET', 'slowlog-max-len', '128'],
      ['SLOWLOG', 'RESET'],
      ['CLIENT', 'SETNAME', 'diffclient'],
      ['SET', 'k', 'v'],
      ['SADD', 'set', ...Array.from({ length: 40 }, (_, i) => String(i))],
      ['SADD', 'set', 'x'.repeat(200), 'y'],
      ['CONFIG', 'SET', 'masterauth', 'secret'],
      ['CONFIG', 'SET', 'masterauth', ''],
      ['AUTH', 'nopass'],
      ['AUTH', 'someone', 'nopass'],
    ]);
    // HELLO's reply holds the client id, which differs between the servers.
    await d.check(['HELLO', '2', 'AUTH', 'default', 'wrong'], {
      project: (r) => (r.t === 'error' ? r.s : 'reply'),
    });
    await d.checkAll([
      ['MIGRATE', '127.0.0.1', '1', 'nokey', '0', '100', 'AUTH', 'pw'],
      ['MIGRATE', '127.0.0.1', '1', 'nokey', '0', '100', 'AUTH2', 'user', 'pw'],
      ['MULTI'],
      ['INCR', 'counter'],
      ['GET', 'k'],
      ['EXEC'],
      ['CLIENT', 'SETNAME', ''],
      ['PING'],
    ]);
    await d.check(['SLOWLOG', 'GET', '-1'], { project: slowlogShape });
    await d.check(['SLOWLOG', 'GET', '3'], { project: slowlogShape });
    await d.check(['SLOWLOG', 'GET', '0'], { project: slowlogShape });
    await d.check(['SLOWLOG', 'LEN']);
    await d.checkAll([
      ['CONFIG', 'SET', 'slowlog-max-len', '2'],
      ['PING'],
      ['SLOWLOG', 'LEN'],
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '-1'],
      ['SLOWLOG', 'RESET'],
      ['PING'],
      ['SLOWLOG', 'LEN'],
      ['SLOWLOG', 'GET'],
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '10000'],
      ['CONFIG', 'SET', 'slowlog-max-len', '128'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('SLOWLOG logs the commands a script runs, from a client without address', async () => {
    await d.checkAll([
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '0'],
      ['SLOWLOG', 'RESET'],
      ['EVAL', "redis.call('set', KEYS[1], ARGV[1]); return redis.pcall('incr', KEYS[1])", '1', 'sk', 'v'],
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '10000'],
    ]);
    await d.check(['SLOWLOG', 'GET', '-1'], { project: slowlogShape });
    expect(d.mismatches).toEqual([]);
  });

  it('DEBUG SLEEP shows up in SLOWLOG and as a latency event', async () => {
    await d.checkAll([
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '100000'],
      ['SLOWLOG', 'RESET'],
      ['CONFIG', 'SET', 'latency-monitor-threshold', '100'],
      ['LATENCY', 'RESET'],
      ['PING'],
      ['DEBUG', 'SLEEP', '0.2'],
      ['SLOWLOG', 'LEN'],
    ]);
    await d.check(['SLOWLOG', 'GET'], { project: slowlogShape });
    await d.check(['LATENCY', 'LATEST'], { project: latestShape });
    await d.check(['LATENCY', 'GRAPH', 'command'], { project: graphShape });
    await d.check(['LATENCY', 'HISTORY', 'command'], {
      project: (r) => (r.t === 'array' ? r.a.length : text(r)),
    });
    await d.check(['LATENCY', 'DOCTOR'], { project: (r) => r.t === 'verbatim' || r.t === 'bulk' });
    await d.checkAll([
      ['LATENCY', 'RESET'],
      ['CONFIG', 'SET', 'latency-monitor-threshold', '0'],
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '10000'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('SLOWLOG and LATENCY argument errors and fixed replies', async () => {
    await d.checkAll([
      ['SLOWLOG', 'GET', '-2'],
      ['SLOWLOG', 'GET', 'abc'],
      ['SLOWLOG', 'GET', '99999999999999999999'],
      ['SLOWLOG', 'GET', '1', '2'],
      ['SLOWLOG', 'LEN', 'x'],
      ['SLOWLOG', 'RESET', 'x'],
      ['SLOWLOG', 'NOPE'],
      ['SLOWLOG'],
      ['SLOWLOG', 'HELP'],
      ['SLOWLOG', 'HELP', 'x'],
      ['LATENCY', 'RESET'],
      ['LATENCY', 'LATEST'],
      ['LATENCY', 'HISTORY', 'command'],
      ['LATENCY', 'HISTORY'],
      ['LATENCY', 'GRAPH', 'command'],
      ['LATENCY', 'GRAPH', 'a', 'b'],
      ['LATENCY', 'RESET', 'command', 'fast-command', 'nothing'],
      ['LATENCY', 'HELP'],
      ['LATENCY', 'HELP', 'xxx'],
      ['LATENCY', 'NOPE'],
      ['LATENCY', 'LATEST', 'x'],
      ['LATENCY', 'DOCTOR', 'x'],
      ['LATENCY'],
    ]);
    expect(d.mismatches).toEqual([]);
  });

  it('LATENCY HISTOGRAM lists the commands called since RESETSTAT, with their call counts', async () => {
    await d.checkAll([
      ['CONFIG', 'SET', 'latency-tracking', 'yes'],
      ['CONFIG', 'RESETSTAT'],
      ['SET', 'a', 'b'],
    ]);
    await d.checkAll(
      [
        ['SET', 'c', 'd'],
        ['GET', 'a'],
        ['HSET', 'h', 'f', 'v'],
        ['CLIENT', 'ID'],
        ['CLIENT', 'LIST'],
      ],
      {
        project: () => 'ignored',
      },
    );
    await d.check(['LATENCY', 'HISTOGRAM'], { project: histogramCalls });
    await d.check(['LATENCY', 'HISTOGRAM', 'set', 'hset', 'nosuch', 'zadd'], { project: histogramCalls });
    await d.check(['LATENCY', 'HISTOGRAM', 'client'], { project: histogramCalls });
    await d.check(['LATENCY', 'HISTOGRAM', 'client|id', 'a|b|c'], { project: histogramCalls });
    await d.check(['LATENCY', 'HISTOGRAM', 'blabla']);
    expect(d.mismatches).toEqual([]);
  });

  it('INFO commandstats and errorstats count calls, rejections and failures', async () => {
    await d.checkAll([
      ['CONFIG', 'RESETSTAT'],
      ['SET', 'k'],
      ['SET', 'k', 'v'],
      ['SET', 'k2', 'v'],
      ['LPUSH', 'k', 'x'],
      ['NOSUCHCOMMAND'],
      ['AUTH', 'k'],
      ['MULTI'],
      ['SET', 'a', 'b'],
      ['AUTH', 'a'],
      ['EXEC'],
      ['EXEC'],
      ['MULTI'],
      ['SET'],
      ['EXEC'],
      ['XGROUP', 'CREATECONSUMER', 'nostream', 'g', 'c'],
      ['XADD', 'mystream', '1-1', 'f', 'v'],
      ['XGROUP', 'CREATECONSUMER', 'mystream', 'g', 'c'],
      ['CLIENT', 'NOSUCH'],
      ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '10 50 a'],
    ]);
    await d.check(['INFO', 'commandstats'], { project: commandstats });
    await d.check(['INFO', 'errorstats']);
    await d.check(['INFO', 'errorstats']);
    await d.checkAll([
      ['CONFIG', 'RESETSTAT'],
      ['INFO', 'errorstats'],
    ]);
    await d.check(['INFO', 'commandstats'], { project: commandstats });
    expect(d.mismatches).toEqual([]);
  });

  it('RESP3 shapes of LATENCY HISTOGRAM, SLOWLOG GET and LATENCY LATEST', async () => {
    await d.check(['HELLO', '3'], { project: (r) => (r.t === 'error' ? r.s : 'reply') });
    await d.checkAll([
      ['CONFIG', 'RESETSTAT'],
      ['SET', 'a', 'b'],
      ['CONFIG', 'SET', 'slowlog-log-slower-than', '0'],
    ]);
    await d.check(['LATENCY', 'HISTOGRAM', 'set'], { project: structure });
    await d.check(['SLOWLOG', 'GET', '1'], { project: structure });
    await d.check(['LATENCY', 'LATEST'], { project: structure });
    await d.check(['CONFIG', 'SET', 'slowlog-log-slower-than', '10000']);
    await d.check(['HELLO', '2'], { project: (r) => (r.t === 'error' ? r.s : 'reply') });
    d.resp = 2;
    expect(d.mismatches).toEqual([]);
  });

  it('INFO latencystats follows latency-tracking and its percentiles', async () => {
    await d.checkAll([
      ['CONFIG', 'RESETSTAT'],
      ['CONFIG', 'SET', 'latency-tracking', 'no'],
      ['SET', 'a', 'b'],
      ['INFO', 'latencystats'],
      ['CONFIG', 'SET', 'latency-tracking', 'yes'],
      ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '0.0 50.0 100.0 99.99'],
      ['CONFIG', 'GET', 'latency-tracking-info-percentiles'],
      ['SET', 'a', 'b'],
      ['GET', 'a'],
    ]);
    await d.check(['INFO', 'latencystats'], { project: latencystats });
    await d.check(['CONFIG', 'SET', 'latency-tracking-info-percentiles', '']);
    await d.check(['INFO', 'latencystats'], { project: latencystats });
    await d.checkAll([
      ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50 99 99.9'],
      ['CONFIG', 'SET', 'latency-tracking', 'no'],
      ['INFO', 'latencystats'],
      ['CONFIG', 'SET', 'latency-tracking', 'yes'],
    ]);
    expect(d.mismatches).toEqual([]);
  });
});
