import { describe, expect, it } from 'vitest';
import { MAX_CHUNKS, PersistFiles } from './persist-files.ts';
import { MemoryKv } from './persist-kv.ts';

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array | undefined): string | undefined => (b ? String.fromCharCode(...b) : undefined);

function files(kv = new MemoryKv()): { kv: MemoryKv; f: PersistFiles; errors: unknown[] } {
  const errors: unknown[] = [];
  return { kv, f: new PersistFiles(kv, { onError: (e) => errors.push(e) }), errors };
}

async function reload(kv: MemoryKv): Promise<PersistFiles> {
  return PersistFiles.load(kv, new PersistFiles(kv, { onError() {} }));
}

describe('PersistFiles', () => {
  it('stores whole files at once and appends only at sync', async () => {
    const { kv, f } = files();
    f.put('dump.rdb', bytes('REDIS'));
    f.append('a.aof', bytes('one'));
    await f.durableNow();
    await Promise.resolve();
    await f.durableNow();
    expect(text((await reload(kv)).read('dump.rdb'))).toBe('REDIS');
    // put() flushed everything pending in order, the append included.
    expect(text((await reload(kv)).read('a.aof'))).toBe('one');
    f.append('a.aof', bytes('two'));
    expect(text(f.read('a.aof'))).toBe('onetwo');
    expect(text((await reload(kv)).read('a.aof'))).toBe('one');
    await f.sync();
    expect(text((await reload(kv)).read('a.aof'))).toBe('onetwo');
  });

  it('crash() forgets appends that were never synced', async () => {
    const { f } = files();
    f.append('a.aof', bytes('kept'));
    await f.sync();
    f.append('a.aof', bytes('lost'));
    expect(text(f.read('a.aof'))).toBe('keptlost');
    f.crash();
    expect(text(f.read('a.aof'))).toBe('kept');
  });

  it('compacts a file of many chunks into one record', async () => {
    const { kv, f } = files();
    for (let i = 0; i <= MAX_CHUNKS + 1; i++) {
      f.append('x.aof', bytes(String(i % 10)));
      await f.sync();
    }
    expect(kv.data.size).toBeLessThan(MAX_CHUNKS);
    const again = await reload(kv);
    expect(text(again.read('x.aof'))).toBe(text(f.read('x.aof')));
    expect(again.read('x.aof')!.length).toBe(MAX_CHUNKS + 2);
  });

  it('remove() deletes the file and its chunks; listDurable hides host files', async () => {
    const { kv, f } = files();
    f.append('a.aof', bytes('z'));
    f.put('.host/mode', bytes('always'));
    await f.sync();
    f.remove('a.aof');
    await Promise.resolve();
    await f.durableNow();
    expect([...kv.data.keys()]).toEqual(['f:.host/mode']);
    expect(f.listDurable()).toEqual([]);
  });

  it('a failed commit is reported and the data stays in memory', async () => {
    const { kv, f, errors } = files();
    kv.failWith = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    f.put('dump.rdb', bytes('REDIS'));
    await Promise.resolve();
    await f.durableNow();
    expect(errors).toHaveLength(1);
    expect(text(f.read('dump.rdb'))).toBe('REDIS');
    expect(f.inFlight).toBe(0);
  });
});
