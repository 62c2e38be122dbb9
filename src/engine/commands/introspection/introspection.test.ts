import { describe, expect, it } from 'vitest';
import { arr, bulkStr, err, int, OK } from '../../resp/reply.ts';
import { testClient, testNode } from '../../testkit.ts';

function setup(config: Record<string, string> = {}) {
  const { node, clock } = testNode({ config: { 'enable-debug-command': 'yes', ...config } });
  return { node, clock, t: testClient(node) };
}

describe('SLOWLOG', () => {
  it('logs commands at or above the threshold, newest first, trimmed to slowlog-max-len', () => {
    const { t } = setup({ 'slowlog-log-slower-than': '0', 'slowlog-max-len': '3' });
    t.call('SET', 'k', 'v');
    t.call('GET', 'k');
    expect(t.call('SLOWLOG', 'LEN')).toEqual(int(2));
    for (let i = 0; i < 5; i++) t.call('PING');
    expect(t.call('SLOWLOG', 'LEN')).toEqual(int(3));
    const got = t.call('SLOWLOG', 'GET', '1');
    expect(got?.t === 'array' && got.a.length).toBe(1);
  });

  it('stores id, time, duration, args, peer and name', () => {
    const { t, clock } = setup({ 'slowlog-log-slower-than': '100000' });
    t.call('CLIENT', 'SETNAME', 'foobar');
    t.call('DEBUG', 'SLEEP', '0.2');
    const got = t.call('SLOWLOG', 'GET');
    expect(got).toEqual(
      arr([
        arr([
          int(0),
          int(Math.floor(clock.nowMs() / 1000)),
          int(200000),
          arr([bulkStr('DEBUG'), bulkStr('SLEEP'), bulkStr('0.2')]),
          bulkStr(t.client.address.addr),
          bulkStr('foobar'),
        ]),
      ]),
    );
  });

  it('trims arguments to 32 and each to 128 bytes', () => {
    const { t } = setup({ 'slowlog-log-slower-than': '0' });
    const many = Array.from({ length: 33 }, (_, i) => String(i));
    t.call('SADD', 'set', ...many);
    t.call('SADD', 'set', 'A'.repeat(129));
    const got = t.call('SLOWLOG', 'GET', '2');
    if (got?.t !== 'array') throw new Error('array expected');
    const args = (i: number) => {
      const e = got.a[i]!;
      if (e.t !== 'array' || e.a[3]!.t !== 'array') throw new Error('entry expected');
      return e.a[3]!.a.map((r) => (r.t === 'bulk' ? new TextDecoder().decode(r.b) : '?'));
    };
    expect(args(1)).toHaveLength(32);
    expect(args(1)[31]).toBe('... (4 more arguments)');
    expect(args(0)[2]).toBe('A'.repeat(128) + '... (1 more bytes)');
  });

  it('redacts secrets and skips EXEC but logs the commands it runs', () => {
    const { t } = setup({ 'slowlog-log-slower-than': '0' });
    t.call('SLOWLOG', 'RESET');
    t.call('CONFIG', 'SET', 'masterauth', '');
    t.call('MULTI');
    t.call('PING');
    t.call('EXEC');
    const got = t.call('SLOWLOG', 'GET');
    if (got?.t !== 'array') throw new Error('array expected');
    const names = got.a.map((e) => (e.t === 'array' && e.a[3]!.t === 'array' ? e.a[3]!.a.length : 0));
    // PING, MULTI, CONFIG SET, SLOWLOG RESET (EXEC is not logged)
    expect(names).toEqual([1, 1, 4, 2]);
    const cfg = got.a[2]!;
    if (cfg.t !== 'array' || cfg.a[3]!.t !== 'array') throw new Error('entry expected');
    expect(cfg.a[3]!.a[3]).toEqual(bulkStr('(redacted)'));
  });

  it('validates the count and the subcommand arguments', () => {
    const { t } = setup();
    expect(t.call('SLOWLOG', 'GET', '-2')).toEqual(err('ERR count should be greater than or equal to -1'));
    expect(t.call('SLOWLOG', 'GET', 'x')).toEqual(err('ERR count should be greater than or equal to -1'));
    expect(t.call('SLOWLOG', 'GET', '1', '2')).toEqual(
      err("ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP."),
    );
    expect(t.call('SLOWLOG', 'RESET')).toEqual(OK);
  });

  it('logs a blocked command when it is served', () => {
    const { node, t } = setup({ 'slowlog-log-slower-than': '0' });
    const other = testClient(node);
    other.call('BLPOP', 'l', '0');
    t.call('SLOWLOG', 'RESET');
    t.call('LPUSH', 'l', 'x');
    const got = t.call('SLOWLOG', 'GET', '1');
    if (got?.t !== 'array' || got.a[0]!.t !== 'array') throw new Error('entry expected');
    expect(got.a[0]!.a[3]).toEqual(arr([bulkStr('BLPOP'), bulkStr('l'), bulkStr('0')]));
  });
});

describe('LATENCY', () => {
  it('records command events above the threshold, merging samples of one second', () => {
    const { t, clock } = setup({ 'latency-monitor-threshold': '100' });
    t.call('DEBUG', 'SLEEP', '0.2');
    t.call('DEBUG', 'SLEEP', '0.3');
    const now = Math.floor(clock.nowMs() / 1000);
    expect(t.call('LATENCY', 'LATEST')).toEqual(
      arr([arr([bulkStr('command'), int(now), int(300), int(300)])]),
    );
    clock.advance(1000);
    t.call('DEBUG', 'SLEEP', '0.15');
    const h = t.call('LATENCY', 'HISTORY', 'command');
    expect(h).toEqual(arr([arr([int(now), int(300)]), arr([int(now + 1), int(150)])]));
    expect(t.call('LATENCY', 'HISTORY', 'nope')).toEqual(arr([]));
    expect(t.call('LATENCY', 'RESET', 'nope')).toEqual(int(0));
    expect(t.call('LATENCY', 'RESET', 'COMMAND')).toEqual(int(1));
    expect(t.call('LATENCY', 'LATEST')).toEqual(arr([]));
  });

  it('draws a graph and refuses unknown events', () => {
    const { t, clock } = setup({ 'latency-monitor-threshold': '100' });
    expect(t.call('LATENCY', 'GRAPH', 'command')).toEqual(
      err("ERR No samples available for event 'command'"),
    );
    t.call('DEBUG', 'SLEEP', '0.2');
    clock.advance(1800);
    t.call('DEBUG', 'SLEEP', '0.35');
    clock.advance(1700);
    t.call('DEBUG', 'SLEEP', '0.5');
    const g = t.call('LATENCY', 'GRAPH', 'command');
    if (g?.t !== 'verbatim') throw new Error('verbatim expected');
    // The same picture redis-server 7.0.15 draws for these samples.
    expect(new TextDecoder().decode(g.b)).toBe(
      [
        'command - high 500 ms, low 200 ms (all time high 500 ms)',
        '-'.repeat(80),
        '  #',
        ' _|',
        ' ||',
        '_||',
        '   ',
        '420',
        'sss',
        '',
      ].join('\n'),
    );
  });

  it('answers HISTOGRAM per command, subcommands included', () => {
    const { t } = setup();
    t.call('CONFIG', 'RESETSTAT');
    t.call('CLIENT', 'ID');
    t.call('SET', 'a', 'b');
    const all = t.call('LATENCY', 'HISTOGRAM');
    if (all?.t !== 'map') throw new Error('map expected');
    expect(all.m.map(([k]) => (k.t === 'bulk' ? new TextDecoder().decode(k.b) : '')).sort()).toEqual([
      'client|id',
      'config|resetstat',
      'set',
    ]);
    const client = t.call('LATENCY', 'HISTOGRAM', 'client', 'nosuch');
    if (client?.t !== 'map') throw new Error('map expected');
    expect(client.m).toHaveLength(1);
  });

  it('doctor explains when monitoring is off', () => {
    const { t } = setup();
    const d = t.call('LATENCY', 'DOCTOR');
    expect(d?.t).toBe('verbatim');
  });
});

describe('LATENCY DOCTOR', () => {
  it('lists each event with Redis-format figures, then advice', () => {
    const { t, clock } = setup({ 'latency-monitor-threshold': '100' });
    for (const s of ['0.2', '0.35', '0.5']) {
      t.call('DEBUG', 'SLEEP', s);
      clock.advance(2000);
    }
    const r = t.call('LATENCY', 'DOCTOR');
    const text = r?.t === 'verbatim' ? new TextDecoder().decode(r.b) : '';
    expect(text).toContain(
      '1. command: 3 latency spikes (average 350ms, mean deviation 100ms, period 2.33 sec). Worst all time event 500ms.\n',
    );
    expect(text).toContain('SLOWLOG GET');
  });
});
