/*
 * Differential tests of the server and connection commands against a real redis-server 7.0.15:
 * CONFIG GET/SET (full parameter table, errors), HELLO in RESP2 and RESP3, CLIENT subcommands (lines
 * projected where values legitimately differ: ids, addresses, ages, memory figures), INFO field names per
 * section, MULTI/EXEC/WATCH flows, DEBUG, TIME shape.
 */
import { describe, expect, it } from 'vitest';
import { bin } from '../../src/engine/bytes.ts';
import type { Reply } from '../../src/engine/resp/reply.ts';
import { useDifferential } from './harness.ts';

/** Values that differ between any two servers: process, host, clock, memory and identity figures. */
const VOLATILE_CLIENT_FIELDS = new Set(['id', 'addr', 'laddr', 'fd', 'age', 'idle']);
/** Reply-buffer figures depend on the connection's history of large replies. */
const MEMORY_CLIENT_FIELDS = new Set(['tot-mem', 'rbs', 'rbp', 'obl']);

function text(r: Reply): string {
  if (r.t === 'bulk' || r.t === 'verbatim') return bin(r.b);
  if (r.t === 'error') return `ERR:${r.s}`;
  return JSON.stringify(r);
}

/** CLIENT LIST / INFO lines with volatile values blanked. */
function clientLines(r: Reply): unknown {
  if (r.t !== 'bulk' && r.t !== 'verbatim') return text(r);
  return text(r)
    .split('\n')
    .filter((l) => l !== '')
    .map((line) =>
      line
        .split(' ')
        .map((kv) => {
          const [k] = kv.split('=');
          return VOLATILE_CLIENT_FIELDS.has(k!) || MEMORY_CLIENT_FIELDS.has(k!) ? `${k}=*` : kv;
        })
        .join(' '),
    );
}

/** INFO as section titles and their field names (values differ by nature). */
function infoShape(r: Reply): unknown {
  if (r.t !== 'bulk' && r.t !== 'verbatim') return text(r);
  return text(r)
    .split('\r\n')
    .map((l) => (l.startsWith('#') || l === '' ? l : l.split(':')[0]))
    .filter((l) => !/^(cmdstat_|latency_percentiles_usec_|errorstat_|db\d+$)/.test(l!));
}

/** A map reply (or its RESP2 flat array) as [name, value] pairs, with some names' values blanked. */
function pairs(blank: string[] = []) {
  return (r: Reply): unknown => {
    const flat: Reply[] = r.t === 'map' ? r.m.flatMap(([k, v]) => [k, v]) : r.t === 'array' ? [...r.a] : [];
    if (flat.length === 0 && r.t !== 'map' && r.t !== 'array') return text(r);
    const out: string[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const k = text(flat[i]!);
      out.push(`${k}=${blank.includes(k) ? '*' : text(flat[i + 1]!)}`);
    }
    return out.sort();
  };
}

/** Params whose value depends on how each server was started or where it runs. */
const HOST_SPECIFIC = [
  'bind',
  'port',
  'dir',
  'save',
  'logfile',
  'loglevel',
  'pidfile',
  'enable-debug-command',
];

describe('server commands vs redis-server', () => {
  const d = useDifferential('server');

  it('CONFIG GET lists every parameter with Redis defaults', async () => {
    await d.check(['CONFIG', 'GET', '*'], { project: pairs(HOST_SPECIFIC) });
    const patterns = [
      ['*max*'],
      ['hz'],
      ['HZ'],
      ['maxmemory', 'hz'],
      ['slave*'],
      ['*-ziplist-*'],
      ['nosuch'],
    ];
    patterns.push(['[hm]*'], ['*', 'hz'], ['?z'], ['lua-time-limit'], ['use-exit-on-panic'], ['replicaof']);
    for (const p of patterns) await d.check(['CONFIG', 'GET', ...p], { project: pairs(HOST_SPECIFIC) });
    await d.check(['CONFIG', 'GET']);
  });

  it('CONFIG SET validates and applies like Redis', async () => {
    const cases: string[][] = [
      ['hz', '20'],
      ['hz', 'abc'],
      ['hz', '-1'],
      ['foo', 'bar'],
      ['maxmemory', '1gb'],
      ['maxmemory', '100mb', 'maxmemory-policy', 'allkeys-lru'],
      ['maxmemory', '-1'],
      ['maxmemory', '10x'],
      ['maxmemory-policy', 'nope'],
      ['maxmemory-policy', 'ALLKEYS-LFU'],
      ['appendonly', 'maybe'],
      ['activerehashing', 'NO'],
      ['databases', '4'],
      ['daemonize', 'yes'],
      ['hz', '5', 'hz', '6'],
      ['hz', '5', 'foo', '1'],
      ['foo', '1', 'hz', 'x'],
      ['daemonize', 'yes', 'foo', '1'],
      ['hz', 'x', 'daemonize', 'yes'],
      ['save', '100 10 60 1000'],
      ['save', '100'],
      ['save', ''],
      ['notify-keyspace-events', 'KEA'],
      ['notify-keyspace-events', 'Egx$'],
      ['notify-keyspace-events', 'Q'],
      ['client-output-buffer-limit', 'normal 1mb 2mb 30 replica 1 2 3'],
      ['client-output-buffer-limit', 'foo 1 2 3'],
      ['client-output-buffer-limit', 'normal 1 2'],
      ['maxmemory-clients', '10%'],
      ['maxmemory-clients', '200%'],
      ['maxmemory-clients', 'x%'],
      ['unixsocketperm', '700'],
      ['oom-score-adj', 'relative'],
      ['oom-score-adj-values', '0 100 900'],
      ['oom-score-adj-values', '0 100'],
      ['shutdown-on-sigterm', 'nosave now'],
      ['shutdown-on-sigterm', 'save nosave'],
      ['shutdown-on-sigint', 'bogus'],
      ['dbfilename', 'a/b.rdb'],
      ['dbfilename', 'x.rdb'],
      ['dir', '/tmp'],
      ['list-max-listpack-size', '-3'],
      ['list-max-ziplist-size', '8'],
      ['slave-read-only', 'no'],
      ['latency-tracking-info-percentiles', '50 99.5 100'],
      ['latency-tracking-info-percentiles', '101'],
      ['proto-max-bulk-len', '1k'],
      ['requirepass', ''],
      ['maxclients', '0'],
      ['active-expire-effort', '11'],
      ['slowlog-log-slower-than', '-5'],
      ['cluster-announce-hostname', 'bad_host'],
      ['proc-title-template', '{nosuch}'],
    ];
    for (const c of cases) await d.check(['CONFIG', 'SET', ...c]);
    await d.check(['CONFIG', 'SET', 'hz']);
    await d.check(['CONFIG', 'SET', 'hz', '1', 'maxmemory']);
    await d.check(['CONFIG', 'GET', '*'], { project: pairs(HOST_SPECIFIC) });
    await d.checkAll([
      ['CONFIG', 'RESETSTAT'],
      ['CONFIG', 'REWRITE'],
      ['CONFIG', 'HELP'],
      ['CONFIG', 'NOPE'],
    ]);
    await d.check(['CONFIG', 'SET', 'hz', '10', 'maxmemory', '0', 'maxmemory-policy', 'noeviction']);
  });

  it('HELLO, AUTH and RESET in RESP2 and RESP3', async () => {
    const blankId = { project: pairs(['id']) };
    await d.check(['HELLO'], blankId);
    await d.check(['HELLO', '2'], blankId);
    await d.checkAll([
      ['HELLO', '4'],
      ['HELLO', 'x'],
      ['HELLO', '3', 'FOO'],
      ['HELLO', '2', 'AUTH', 'a'],
    ]);
    await d.checkAll([
      ['HELLO', '2', 'AUTH', 'nouser', 'pw'],
      ['HELLO', '2', 'SETNAME', 'bad name'],
    ]);
    await d.checkAll([
      ['AUTH', 'pw'],
      ['AUTH', 'default', 'pw'],
      ['AUTH', 'u', 'p'],
      ['AUTH', 'a', 'b', 'c'],
    ]);
    await d.check(['HELLO', '3', 'SETNAME', 'conn1'], blankId);
    await d.checkAll([['CLIENT', 'GETNAME'], ['PING'], ['ECHO', 'x'], ['CONFIG', 'GET', 'hz']]);
    await d.checkAll([['SELECT', '2'], ['MULTI'], ['RESET']]);
    d.resp = 2;
    await d.checkAll([['CLIENT', 'GETNAME'], ['EXEC'], ['CONFIG', 'GET', 'hz']]);
  });

  it('CLIENT subcommands', async () => {
    await d.checkAll([
      ['CLIENT', 'SETNAME', 'a b'],
      ['CLIENT', 'SETNAME', 'ok-name'],
      ['CLIENT', 'GETNAME'],
    ]);
    await d.checkAll([
      ['CLIENT', 'SETNAME', ''],
      ['CLIENT', 'GETNAME'],
      ['CLIENT', 'SETNAME', 'x\ny'],
    ]);
    await d.check(['CLIENT', 'ID'], { project: (r) => r.t });
    await d.check(['CLIENT', 'INFO'], { project: clientLines });
    await d.check(['CLIENT', 'LIST'], { project: clientLines });
    await d.check(['CLIENT', 'LIST', 'TYPE', 'normal'], { project: clientLines });
    await d.checkAll([
      ['CLIENT', 'LIST', 'TYPE', 'pubsub'],
      ['CLIENT', 'LIST', 'TYPE', 'master'],
    ]);
    await d.checkAll([
      ['CLIENT', 'LIST', 'TYPE', 'bogus'],
      ['CLIENT', 'LIST', 'ID', 'x'],
      ['CLIENT', 'LIST', 'X'],
    ]);
    await d.checkAll([
      ['CLIENT', 'LIST', 'ID', '999999'],
      ['CLIENT', 'KILL', '1.2.3.4:5'],
      ['CLIENT', 'KILL'],
    ]);
    await d.checkAll([
      ['CLIENT', 'KILL', 'ID', '999999'],
      ['CLIENT', 'KILL', 'ID', '0'],
      ['CLIENT', 'KILL', 'ID'],
    ]);
    await d.checkAll([
      ['CLIENT', 'KILL', 'TYPE', 'x'],
      ['CLIENT', 'KILL', 'USER', 'nobody'],
      ['CLIENT', 'KILL', 'SKIPME', 'maybe'],
    ]);
    await d.checkAll([
      ['CLIENT', 'KILL', 'TYPE', 'pubsub'],
      ['CLIENT', 'KILL', 'ADDR', '1.1.1.1:1', 'SKIPME', 'no'],
    ]);
    await d.checkAll([
      ['CLIENT', 'PAUSE', 'x'],
      ['CLIENT', 'PAUSE', '-1'],
      ['CLIENT', 'PAUSE', '10', 'READ'],
    ]);
    await d.checkAll([
      ['CLIENT', 'PAUSE', '0', 'WRITE'],
      ['CLIENT', 'UNPAUSE'],
      ['CLIENT', 'NO-EVICT', 'on'],
    ]);
    await d.checkAll([
      ['CLIENT', 'NO-EVICT', 'maybe'],
      ['CLIENT', 'NO-EVICT', 'off'],
      ['CLIENT', 'REPLY', 'bad'],
    ]);
    await d.checkAll([
      ['CLIENT', 'UNBLOCK', '999', 'x'],
      ['CLIENT', 'UNBLOCK', 'x'],
      ['CLIENT', 'UNBLOCK', '999'],
    ]);
    await d.checkAll([['CLIENT', 'GETREDIR'], ['CLIENT', 'HELP'], ['CLIENT', 'NOPE'], ['CLIENT']]);
    await d.check(['CLIENT', 'SETINFO', 'lib-name', 'x']);
    const tracking: string[][] = [
      ['CLIENT', 'TRACKINGINFO'],
      ['CLIENT', 'CACHING', 'yes'],
      ['CLIENT', 'TRACKING', 'on', 'PREFIX', 'a'],
      ['CLIENT', 'TRACKING', 'on', 'BCAST', 'OPTIN'],
      ['CLIENT', 'TRACKING', 'on', 'OPTIN', 'OPTOUT'],
      ['CLIENT', 'TRACKING', 'on', 'REDIRECT', '999999'],
      ['CLIENT', 'TRACKING', 'on', 'REDIRECT', 'x'],
      ['CLIENT', 'TRACKING', 'maybe'],
      ['CLIENT', 'TRACKING', 'on', 'OPTIN', 'NOLOOP'],
      ['CLIENT', 'TRACKINGINFO'],
      ['CLIENT', 'CACHING', 'no'],
      ['CLIENT', 'CACHING', 'yes'],
      ['CLIENT', 'CACHING', 'maybe'],
      ['CLIENT', 'TRACKINGINFO'],
      ['CLIENT', 'GETREDIR'],
      ['CLIENT', 'TRACKING', 'on', 'OPTOUT'],
      ['CLIENT', 'TRACKING', 'on', 'BCAST'],
      ['CLIENT', 'TRACKING', 'off'],
      ['CLIENT', 'TRACKING', 'on', 'BCAST', 'PREFIX', 'p1', 'PREFIX', 'p2'],
      ['CLIENT', 'TRACKINGINFO'],
      ['CLIENT', 'TRACKING', 'off'],
      ['CLIENT', 'TRACKINGINFO'],
    ];
    await d.checkAll(tracking);
    await d.check(['CLIENT', 'NO-EVICT', 'on']);
    await d.check(['MULTI']);
    await d.check(['CLIENT', 'INFO']);
    await d.check(['EXEC'], { project: (r) => (r.t === 'array' ? r.a.map(clientLines) : text(r)) });
    await d.check(['CLIENT', 'NO-EVICT', 'off']);
  });

  it('INFO has Redis sections and field names', async () => {
    await d.check(['SET', 'infokey', 'v']);
    const sections = [[], ['server'], ['clients'], ['memory'], ['persistence'], ['stats'], ['replication']];
    sections.push(['cpu'], ['modules'], ['errorstats'], ['cluster'], ['keyspace'], ['commandstats']);
    sections.push(['all'], ['everything'], ['default'], ['SERVER', 'Clients'], ['nosuch'], ['latencystats']);
    for (const s of sections) await d.check(['INFO', ...s], { project: infoShape });
  });

  it('MULTI / EXEC / DISCARD / WATCH flows', async () => {
    await d.checkAll([['MULTI'], ['SET', 'tk', '1'], ['GET', 'tk'], ['EXEC']]);
    await d.checkAll([['MULTI'], ['MULTI'], ['SET', 'tk', '2'], ['EXEC']]);
    await d.checkAll([['MULTI'], ['GET'], ['SET', 'tk', '3'], ['EXEC'], ['GET', 'tk']]);
    await d.checkAll([['MULTI'], ['NOSUCH'], ['EXEC'], ['EXEC'], ['DISCARD']]);
    await d.checkAll([['MULTI'], ['SET', 'tk', '4'], ['DISCARD'], ['GET', 'tk']]);
    await d.checkAll([['MULTI'], ['WATCH', 'tk'], ['EXEC']]);
    await d.checkAll([['WATCH', 'tk'], ['SET', 'tk', '5'], ['MULTI'], ['GET', 'tk'], ['EXEC']]);
    await d.checkAll([['WATCH', 'tk'], ['UNWATCH'], ['SET', 'tk', '6'], ['MULTI'], ['GET', 'tk'], ['EXEC']]);
    await d.checkAll([['WATCH', 'tk'], ['MULTI'], ['SET', 'tk', '7'], ['EXEC'], ['GET', 'tk']]);
    await d.checkAll([['MULTI'], ['EXEC']]);
    await d.checkAll([
      ['MULTI'],
      ['SELECT', '1'],
      ['SET', 'tk', 'db1'],
      ['SELECT', '0'],
      ['EXEC'],
      ['GET', 'tk'],
    ]);
    await d.checkAll([['MULTI'], ['CONFIG', 'SET', 'hz', 'x'], ['PING'], ['EXEC']]);
    await d.checkAll([['WATCH'], ['UNWATCH', 'x']]);
  });

  it('TIME, LASTSAVE, DEBUG', async () => {
    const shape = (r: Reply): unknown => (r.t === 'array' ? r.a.map((x) => x.t) : r.t);
    await d.check(['TIME'], { project: shape });
    await d.check(['LASTSAVE'], { project: (r) => r.t });
    await d.checkAll([
      ['DEBUG', 'SLEEP', '0'],
      ['DEBUG', 'SLEEP', '0.01'],
      ['DEBUG', 'NOPE'],
      ['DEBUG', 'HELP'],
    ]);
    await d.checkAll([
      ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'],
      ['DEBUG', 'SET-ACTIVE-EXPIRE', '1'],
      ['DEBUG', 'OBJECT', 'none'],
    ]);
    const debugLine = (r: Reply): unknown =>
      r.t === 'simple' ? r.s.replace(/Value at:\S+/, 'Value at:*').replace(/ lru:\d+/, ' lru:*') : text(r);
    for (const v of ['5', '12345', '-7', 'hello', 'x'.repeat(50), '99999999999', '007']) {
      await d.check(['SET', 'dk', v]);
      await d.check(['DEBUG', 'OBJECT', 'dk'], { project: debugLine });
    }
  });

  it('matches overall', () => {
    console.log(d.mismatches.join('\n'));
    expect(d.matched).toBeGreaterThan(0);
  });
});

describe('authentication vs redis-server', () => {
  const d = useDifferential('server-auth');

  it('AUTH, HELLO AUTH and RESET with requirepass', async () => {
    await d.checkAll([
      ['CONFIG', 'SET', 'requirepass', 'pw'],
      ['AUTH', 'bad'],
      ['AUTH', 'default', 'bad'],
    ]);
    await d.checkAll([
      ['AUTH', 'pw'],
      ['AUTH', 'default', 'pw'],
      ['PING'],
      ['RESET'],
      ['GET', 'x'],
      ['PING'],
    ]);
    await d.checkAll([['HELLO'], ['HELLO', '3'], ['CLIENT', 'ID'], ['MULTI'], ['EXEC']]);
    await d.checkAll([
      ['HELLO', '2', 'AUTH', 'default', 'bad'],
      ['HELLO', '2', 'SETNAME', 'n'],
    ]);
    await d.check(['HELLO', '2', 'AUTH', 'default', 'pw', 'SETNAME', 'n'], {
      project: (r) => (r.t === 'map' || r.t === 'array' ? 'hello-reply' : r),
    });
    await d.checkAll([
      ['CLIENT', 'GETNAME'],
      ['AUTH', 'pw'],
      ['CONFIG', 'SET', 'requirepass', ''],
    ]);
    await d.checkAll([['RESET'], ['GET', 'x'], ['AUTH', 'anything']]);
  });

  it('matches overall', () => {
    console.log(d.mismatches.join('\n'));
    expect(d.matched).toBeGreaterThan(0);
  });
});
