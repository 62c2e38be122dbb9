import { describe, expect, it } from 'vitest';
import { bin } from '../bytes.ts';
import { err, int, OK, simple, type Reply } from '../resp/reply.ts';
import { testClient, testNode } from '../testkit.ts';

/** One field of INFO persistence. */
function infoField(t: ReturnType<typeof testClient>, name: string): string {
  const r = t.call('INFO', 'persistence') as Reply & { t: 'bulk'; b: Uint8Array };
  const line = bin(r.b)
    .split('\r\n')
    .find((l) => l.startsWith(`${name}:`));
  return line!.slice(name.length + 1);
}

function memoryPort(): { files: Map<string, Uint8Array>; persist(n: string, d: Uint8Array): boolean } {
  const files = new Map<string, Uint8Array>();
  return { files, persist: (n, d) => (files.set(n, d), true) };
}

describe('SAVE / BGSAVE / LASTSAVE', () => {
  it('SAVE writes dbfilename, resets dirty, moves LASTSAVE and counts rdb_saves', () => {
    const port = memoryPort();
    const { node, clock } = testNode({ persist: port, config: { save: '' } });
    const t = testClient(node);
    t.call('SET', 'a', '1');
    clock.advance(5000);
    expect(infoField(t, 'rdb_changes_since_last_save')).toBe('1');
    expect(t.call('SAVE')).toEqual(OK);
    expect(port.files.get('dump.rdb')?.subarray(0, 9)).toEqual(new TextEncoder().encode('REDIS0010'));
    expect(infoField(t, 'rdb_changes_since_last_save')).toBe('0');
    expect(infoField(t, 'rdb_saves')).toBe('1');
    expect(t.call('LASTSAVE')).toEqual(int(Math.floor(clock.nowMs() / 1000)));
  });

  it('BGSAVE completes on the clock; a later write is not in the snapshot', () => {
    const port = memoryPort();
    const { node, clock } = testNode({
      persist: port,
      config: { save: '', 'rdb-key-save-delay': '1000000', 'enable-debug-command': 'yes' },
    });
    const t = testClient(node);
    t.call('SET', 'a', '1');
    expect(t.call('BGSAVE')).toEqual(simple('Background saving started'));
    expect(t.call('BGSAVE')).toEqual(err('ERR Background save already in progress'));
    expect(t.call('SAVE')).toEqual(err('ERR Background save already in progress'));
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('1');
    t.call('SET', 'b', '2');
    node.cron();
    expect(port.files.size).toBe(0);
    clock.advance(1001);
    node.cron();
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('0');
    expect(infoField(t, 'rdb_last_bgsave_status')).toBe('ok');
    expect(infoField(t, 'rdb_last_bgsave_time_sec')).toBe('1');
    expect(infoField(t, 'rdb_changes_since_last_save')).toBe('1');
    expect(t.call('DEBUG', 'RELOAD', 'NOSAVE')).toEqual(OK);
    expect(t.call('DBSIZE')).toEqual(int(1));
  });

  it('BGSAVE SCHEDULE, syntax errors, BGSAVE inside EXEC is scheduled', () => {
    const { node, clock } = testNode({ config: { save: '' } });
    const t = testClient(node);
    expect(t.call('BGSAVE', 'foo')).toEqual(err('ERR syntax error'));
    expect(t.call('BGSAVE', 'schedule', 'x')).toEqual(err('ERR syntax error'));
    expect(t.call('BGSAVE', 'SCHEDULE')).toEqual(simple('Background saving started'));
    clock.advance(10);
    node.cron();
    t.call('MULTI');
    t.call('BGSAVE');
    expect(t.call('EXEC')).toEqual({ t: 'array', a: [simple('Background saving scheduled')] });
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('0');
    node.cron();
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('1');
    expect(infoField(t, 'rdb_saves')).toBe('2');
  });

  it('a save point fires BGSAVE from cron', () => {
    const port = memoryPort();
    const { node, clock } = testNode({ persist: port, config: { save: '10 2' } });
    const t = testClient(node);
    t.call('SET', 'a', '1');
    clock.advance(11_000);
    node.cron();
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('0');
    t.call('SET', 'b', '1');
    node.cron();
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('1');
    clock.advance(5);
    node.cron();
    expect(port.files.has('dump.rdb')).toBe(true);
    expect(infoField(t, 'rdb_changes_since_last_save')).toBe('0');
  });
});

describe('DEBUG RELOAD', () => {
  it('keeps values, types, expiries; skips expired keys; checks options', () => {
    const { node, clock } = testNode({ config: { save: '', 'enable-debug-command': 'yes' } });
    const t = testClient(node);
    t.call('RPUSH', 'l', 'a', 'b');
    t.call('HSET', 'h', 'f', 'v');
    t.call('ZADD', 'z', '1.5', 'm');
    t.call('SADD', 's', '1', '2');
    t.call('XADD', 'x', '1-1', 'f', 'v');
    t.call('SET', 'ttl', 'v', 'PX', '100000');
    t.call('SET', 'gone', 'v', 'PX', '10');
    t.call('SELECT', '3');
    t.call('SET', 'in3', 'v');
    const digest = t.call('DEBUG', 'DIGEST');
    expect(t.call('DEBUG', 'RELOAD', 'bogus')).toEqual(
      err('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.'),
    );
    expect(t.call('DEBUG', 'RELOAD')).toEqual(OK);
    expect(t.call('DEBUG', 'DIGEST')).toEqual(digest);
    expect(t.call('GET', 'in3')).toEqual({ t: 'bulk', b: new TextEncoder().encode('v') });
    t.call('SELECT', '0');
    expect(t.call('PTTL', 'ttl')).toEqual(int(100000));
    clock.advance(20);
    t.call('SET', 'extra', '1');
    expect(t.call('DEBUG', 'RELOAD', 'NOSAVE')).toEqual(OK);
    expect(t.call('EXISTS', 'gone', 'extra')).toEqual(int(0));
    expect(infoField(t, 'rdb_last_load_keys_expired')).toBe('1');
    expect(t.call('DEBUG', 'RELOAD', 'NOSAVE', 'NOFLUSH')).toEqual(
      err('ERR Error trying to load the RDB dump'),
    );
    expect(t.call('DEBUG', 'RELOAD', 'NOSAVE', 'NOFLUSH', 'MERGE')).toEqual(OK);
  });

  it('a node given RDB bytes at start serves them', () => {
    const port = memoryPort();
    const { node } = testNode({ persist: port });
    const t = testClient(node);
    t.call('SET', 'k', 'v');
    t.call('SAVE');
    const { node: node2 } = testNode({ rdb: port.files.get('dump.rdb') });
    expect(testClient(node2).call('GET', 'k')).toEqual({ t: 'bulk', b: new TextEncoder().encode('v') });
    expect(() => testNode({ rdb: new Uint8Array([1, 2, 3]) })).toThrow();
  });
});

describe('FLUSHALL and persistence', () => {
  it('kills a running background save and saves when save points are set', () => {
    const port = memoryPort();
    const { node } = testNode({ persist: port, config: { save: '', 'rdb-key-save-delay': '2147483647' } });
    const t = testClient(node);
    t.call('SET', 'a', '1');
    t.call('BGSAVE');
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('1');
    t.call('FLUSHALL');
    expect(infoField(t, 'rdb_bgsave_in_progress')).toBe('0');
    expect(port.files.size).toBe(0);
    t.call('CONFIG', 'SET', 'save', '3600 1');
    t.call('SET', 'b', '1');
    t.call('FLUSHALL');
    expect(port.files.has('dump.rdb')).toBe(true);
    expect(infoField(t, 'rdb_changes_since_last_save')).toBe('0');
  });
});

describe('access metadata across DEBUG RELOAD', () => {
  it('keeps idle time under an LRU policy and the counter under an LFU policy', () => {
    const { node, clock } = testNode({
      config: { save: '', 'enable-debug-command': 'yes', 'maxmemory-policy': 'allkeys-lru' },
    });
    const t = testClient(node);
    t.call('SET', 'k', 'v');
    clock.advance(100_000);
    expect(t.call('DEBUG', 'RELOAD')).toEqual(OK);
    expect(t.call('OBJECT', 'IDLETIME', 'k')).toEqual(int(100));
    t.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    for (let i = 0; i < 50; i++) t.call('GET', 'k');
    const freq = t.call('OBJECT', 'FREQ', 'k');
    expect(t.call('DEBUG', 'RELOAD')).toEqual(OK);
    expect(t.call('OBJECT', 'FREQ', 'k')).toEqual(freq);
  });
});
