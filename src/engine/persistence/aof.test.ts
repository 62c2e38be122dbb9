import { describe, expect, it } from 'vitest';
import { bin, concatBytes, unbin } from '../bytes.ts';
import type { PersistPort } from '../ports.ts';
import { ManualClock, testClient, testNode } from '../testkit.ts';

/** A host keeping files in a map, recording syncs and log lines. */
function memoryHost() {
  const files = new Map<string, Uint8Array>();
  const syncs: string[] = [];
  const logs: string[] = [];
  let exitCode: number | null = null;
  const port: PersistPort = {
    persist: (n, d) => (files.set(n, d.slice()), true),
    append: (n, d) => (files.set(n, concatBytes([files.get(n) ?? new Uint8Array(0), d])), true),
    sync: (n, mode) => void syncs.push(`${mode}:${n}`),
    remove: (n) => void files.delete(n),
    log: (_level, line) => void logs.push(line),
    exit: (code) => void (exitCode = code),
  };
  const text = (n: string): string => bin(files.get(n) ?? new Uint8Array(0));
  /** The appendonlydir files as the host would hand them to a new node. */
  const aofFiles = (): Map<string, Uint8Array> => {
    const out = new Map<string, Uint8Array>();
    for (const [k, v] of files) if (k.startsWith('appendonlydir/')) out.set(k.slice(14), v);
    return out;
  };
  return { files, syncs, logs, port, text, aofFiles, exitCode: () => exitCode };
}

const MANIFEST = 'appendonlydir/appendonly.aof.manifest';
const INCR1 = 'appendonlydir/appendonly.aof.1.incr.aof';

describe('AOF at start and while serving', () => {
  it('creates base, incr and manifest at start and appends propagated commands', () => {
    const h = memoryHost();
    const { node } = testNode({ persist: h.port, config: { appendonly: 'yes' } });
    expect(h.text(MANIFEST)).toBe(
      'file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n',
    );
    expect(h.text('appendonlydir/appendonly.aof.1.base.rdb').startsWith('REDIS0010')).toBe(true);
    const a = testClient(node);
    a.call('SET', 'k', 'v');
    a.call('GET', 'k');
    a.call('SELECT', '2');
    a.call('LPUSH', 'l', 'x');
    expect(h.text(INCR1)).toBe(
      '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n' +
        '*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*3\r\n$5\r\nLPUSH\r\n$1\r\nl\r\n$1\r\nx\r\n',
    );
  });

  it('syncs before the reply under appendfsync always, once a second under everysec', () => {
    const h = memoryHost();
    const clock = new ManualClock();
    const { node } = testNode({
      clock,
      persist: h.port,
      config: { appendonly: 'yes', appendfsync: 'always' },
    });
    const a = testClient(node);
    a.call('SET', 'k', 'v');
    expect(h.syncs).toEqual([`always:${INCR1}`]);
    a.call('CONFIG', 'SET', 'appendfsync', 'everysec');
    h.syncs.length = 0;
    a.call('SET', 'k', 'w');
    expect(h.syncs).toEqual([]);
    clock.advance(1000);
    node.cron();
    expect(h.syncs).toEqual([`everysec:${INCR1}`]);
  });

  it('loads base and incr files at start, ignoring the RDB file', () => {
    const h = memoryHost();
    const first = testNode({ persist: h.port, config: { appendonly: 'yes' } }).node;
    const a = testClient(first);
    a.call('SET', 'k', 'v');
    a.call('RPUSH', 'l', '1', '2');
    a.call('INCRBYFLOAT', 'f', '1.5');
    const second = testNode({ persist: h.port, config: { appendonly: 'yes' }, aofFiles: h.aofFiles() }).node;
    const b = testClient(second);
    expect(b.call('GET', 'k')).toEqual({ t: 'bulk', b: unbin('v') });
    expect(b.call('LLEN', 'l')).toEqual({ t: 'int', n: 2 });
    expect(b.call('GET', 'f')).toEqual({ t: 'bulk', b: unbin('1.5') });
    expect(h.logs).toContain('DB loaded from incr file appendonly.aof.1.incr.aof: 0.000 seconds');
  });

  it('BGREWRITEAOF makes a new base and incr file and removes the old ones', () => {
    const h = memoryHost();
    const config = { appendonly: 'yes', 'enable-debug-command': 'yes' };
    const { node, clock } = testNode({ persist: h.port, config });
    const a = testClient(node);
    a.call('SET', 'k', 'v');
    expect(a.call('BGREWRITEAOF')).toEqual({
      t: 'simple',
      s: 'Background append only file rewriting started',
    });
    expect(a.call('BGREWRITEAOF')).toEqual({
      t: 'error',
      s: 'ERR Background append only file rewriting already in progress',
    });
    a.call('SET', 'k2', 'v2');
    clock.advance(10);
    node.cron();
    expect(h.text(MANIFEST)).toBe(
      'file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n',
    );
    expect(h.files.has(INCR1)).toBe(false);
    expect(h.files.has('appendonlydir/appendonly.aof.1.base.rdb')).toBe(false);
    expect(h.text('appendonlydir/appendonly.aof.2.incr.aof')).toContain('k2');
    expect(a.call('DEBUG', 'LOADAOF')).toEqual({ t: 'simple', s: 'OK' });
    expect(a.call('DBSIZE')).toEqual({ t: 'int', n: 2 });
  });

  it('CONFIG SET appendonly yes waits for the first rewrite, then appends', () => {
    const h = memoryHost();
    const { node, clock } = testNode({ persist: h.port });
    const a = testClient(node);
    a.call('SET', 'before', '1');
    a.call('CONFIG', 'SET', 'appendonly', 'yes');
    a.call('SET', 'during', '1');
    clock.advance(10);
    node.cron();
    a.call('SET', 'after', '1');
    expect(h.text(MANIFEST)).toBe(
      'file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n',
    );
    const incr = h.text(INCR1);
    expect(incr).toContain('during');
    expect(incr).toContain('after');
    expect(incr).not.toContain('before');
  });

  it('truncated tails load with aof-load-truncated yes and fail with no', () => {
    const h = memoryHost();
    const first = testNode({ persist: h.port, config: { appendonly: 'yes' } }).node;
    const a = testClient(first);
    a.call('SET', 'k', 'v');
    a.call('SET', 'k2', 'v2');
    const full = h.files.get(INCR1)!;
    h.files.set(INCR1, full.subarray(0, full.length - 5));
    const files = h.aofFiles();
    expect(() =>
      testNode({
        persist: h.port,
        config: { appendonly: 'yes', 'aof-load-truncated': 'no' },
        aofFiles: files,
      }),
    ).toThrow();
    const second = testNode({ persist: h.port, config: { appendonly: 'yes' }, aofFiles: h.aofFiles() }).node;
    expect(testClient(second).call('DBSIZE')).toEqual({ t: 'int', n: 1 });
    expect(h.logs).toContain(
      'AOF appendonly.aof.1.incr.aof loaded anyway because aof-load-truncated is enabled',
    );
  });

  it('SHUTDOWN flushes the AOF, saves with save points and tells the host to exit', () => {
    const h = memoryHost();
    const { node } = testNode({ persist: h.port, config: { appendonly: 'yes', save: '3600 1' } });
    const a = testClient(node);
    a.call('SET', 'k', 'v');
    expect(a.call('SHUTDOWN', 'ABORT')).toEqual({ t: 'error', s: 'ERR No shutdown in progress.' });
    expect(a.call('SHUTDOWN', 'SAVE', 'NOSAVE')).toEqual({ t: 'error', s: 'ERR syntax error' });
    expect(a.call('SHUTDOWN')).toBeUndefined();
    expect(h.exitCode()).toBe(0);
    expect(h.files.has('dump.rdb')).toBe(true);
    expect(a.closed).toBe(true);
  });
});
