import { describe, expect, it } from 'vitest';
import { unbin } from '../engine/bytes.ts';
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import type { PersistState } from '../protocol/persist.ts';
import type { WireReply } from '../protocol/reply.ts';
import { PlaygroundHost } from './host.ts';
import { Persistence } from './persist-host.ts';
import { MemoryKv } from './persist-kv.ts';
import { fakeEnv } from './testenv.ts';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A host on a fake env whose persistence stores into `kv`, started (hello) with one connection. */
async function booted(kv: MemoryKv | null, role: 'writer' | 'follower' = 'writer') {
  const env = fakeEnv();
  const p = new Persistence({ role, kv, retakeLock: async () => false }, env.realNowMs);
  await p.loadFiles();
  const posted: FromWorker[] = [];
  const host = new PlaygroundHost(env, (m) => posted.push(m), p);
  let id = 0;
  const req = async (m: Record<string, unknown>): Promise<FromWorker> => {
    const my = ++id;
    host.handle({ ...m, id: my } as ToWorker);
    await settle();
    const answer = posted.find((x) => 'id' in x && x.id === my);
    if (!answer) throw new Error(`no answer to ${String(m.type)}`);
    return answer;
  };
  await req({ type: 'hello', seed: 1, startMs: 1_000_000 });
  let clientId = ((await req({ type: 'connect' })) as { state: { clientId: number } }).state.clientId;
  const run = async (...argv: string[]): Promise<WireReply[]> => {
    let a = await req({ type: 'command', clientId, argv: argv.map((x) => unbin(x)) });
    if (a.type === 'error' && /closed/.test(a.message)) {
      clientId = ((await req({ type: 'connect' })) as { state: { clientId: number } }).state.clientId;
      a = await req({ type: 'command', clientId, argv: argv.map((x) => unbin(x)) });
    }
    if (a.type !== 'replies') throw new Error(`command failed: ${JSON.stringify(a)}`);
    return a.replies;
  };
  const state = async (): Promise<PersistState> =>
    ((await req({ type: 'persistState' })) as { state: PersistState }).state;
  return { env, p, host, posted, req, run, state };
}

const bulk = (s: string): WireReply => ({ t: 'bulk', b: unbin(s) });

describe('browser persistence host', () => {
  it('SAVE stores dump.rdb and a new page loads it before serving', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    await a.run('SET', 'k', 'v');
    expect(await a.run('SAVE')).toEqual([{ t: 'simple', s: 'OK' }]);
    await settle();
    expect(kv.data.has('f:dump.rdb')).toBe(true);
    const b = await booted(kv);
    expect(await b.run('GET', 'k')).toEqual([bulk('v')]);
    expect((await b.state()).files).toEqual([{ name: 'dump.rdb', size: kv.data.get('f:dump.rdb')!.length }]);
  });

  it('the shutdown snapshot keeps unsaved writes across a reload, but not across a crash', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    await a.run('SET', 'saved', '1');
    await a.run('SAVE');
    await a.run('SET', 'late', '2');
    a.env.passRealTime(1100);
    await settle();
    expect(kv.data.has('f:.host/shutdown.rdb')).toBe(true);
    const reloaded = await booted(kv);
    expect(await reloaded.run('GET', 'late')).toEqual([bulk('2')]);
    // The page that loaded it made it dump.rdb; a crash now keeps it, and loses what follows.
    await reloaded.run('SET', 'after', '3');
    reloaded.env.passRealTime(1100);
    const crash = await reloaded.req({ type: 'persistAction', action: 'crash' });
    expect(crash).toMatchObject({ type: 'persistResult', ok: true });
    expect(await reloaded.run('GET', 'late')).toEqual([bulk('2')]);
    expect(await reloaded.run('GET', 'after')).toEqual([{ t: 'nil' }]);
    await settle();
    expect(kv.data.has('f:.host/shutdown.rdb')).toBe(false);
  });

  it('a follower never writes storage, and its SAVE still answers OK', async () => {
    const kv = new MemoryKv();
    const f = await booted(kv, 'follower');
    await f.run('SET', 'k', 'v');
    expect(await f.run('SAVE')).toEqual([{ t: 'simple', s: 'OK' }]);
    f.env.passRealTime(2000);
    await settle();
    expect(kv.data.size).toBe(0);
    expect((await f.state()).role).toBe('follower');
  });

  it('a bad upload is refused with Redis words and changes nothing; a good one replaces the dataset', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    await a.run('SET', 'old', '1');
    const bad = await a.req({ type: 'persistLoadRdb', data: unbin('not an rdb file at all') });
    expect(bad).toMatchObject({ ok: false, message: 'Wrong signature trying to load DB from file' });
    expect(await a.run('GET', 'old')).toEqual([bulk('1')]);
    await a.run('SET', 'new', '2');
    await a.run('DEL', 'old');
    await a.run('SAVE');
    const file = (await a.req({ type: 'persistFiles', names: ['dump.rdb'] })) as {
      files: { data: Uint8Array }[];
    };
    const good = file.files[0]!.data;
    const corrupt = good.slice();
    corrupt[corrupt.length - 1]! ^= 0xff;
    const crc = await a.req({ type: 'persistLoadRdb', data: corrupt });
    expect(crc).toMatchObject({ ok: false });
    expect((crc as { message: string }).message).toMatch(
      /^Wrong RDB checksum expected: \([0-9a-f]+\) but got/,
    );
    const b = await booted(new MemoryKv());
    await b.run('SET', 'other', 'x');
    const ok = await b.req({ type: 'persistLoadRdb', data: good });
    expect(ok).toMatchObject({ ok: true, message: 'Done loading RDB, keys loaded: 1, keys expired: 0.' });
    expect(await b.run('GET', 'new')).toEqual([bulk('2')]);
    expect(await b.run('EXISTS', 'other')).toEqual([{ t: 'int', n: 0 }]);
    expect(await b.run('DBSIZE')).toEqual([{ t: 'int', n: 1 }]);
  });

  it('a full quota is reported in the state and the data stays in memory', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    kv.failWith = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    await a.run('SET', 'k', 'v');
    await a.run('SAVE');
    await settle();
    expect((await a.state()).storageError).toMatch(/quota is full/);
    expect(await a.run('GET', 'k')).toEqual([bulk('v')]);
    expect(a.posted.some((m) => m.type === 'persistChanged' && m.state.storageError !== null)).toBe(true);
  });

  it('a corrupt stored dump.rdb starts the server empty with a clear message', async () => {
    const kv = new MemoryKv();
    kv.data.set('f:dump.rdb', unbin('REDIS0010garbage'));
    const a = await booted(kv);
    expect(await a.run('DBSIZE')).toEqual([{ t: 'int', n: 0 }]);
    expect((await a.state()).loadError).toBe(
      'The stored dump.rdb could not be loaded (Internal error in RDB reading: Unknown RDB opcode 103). ' +
        'The server started empty.',
    );
  });

  it('the startup mode is kept with the files and applied at the next start', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    expect(await a.req({ type: 'persistMode', mode: 'always' })).toMatchObject({ ok: true });
    expect(await a.run('CONFIG', 'GET', 'appendfsync')).toEqual([
      { t: 'array', a: [bulk('appendfsync'), bulk('always')] },
    ]);
    await settle();
    const b = await booted(kv);
    const s = await b.state();
    expect([s.startupMode, s.appendonly, s.appendfsync]).toEqual(['always', true, 'always']);
  });

  it('holds every message until an appendfsync-always sync has committed', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    const before = a.posted.length;
    a.p.port.append!('appendonlydir/x.aof', unbin('*1\r\n$4\r\nPING\r\n'));
    a.p.port.sync!('appendonlydir/x.aof', 'always');
    a.host.handle({ type: 'persistState', id: 999 });
    expect(a.posted.length).toBe(before);
    await settle();
    expect(kv.data.has('c:appendonlydir/x.aof#000000000000')).toBe(true);
    expect(a.posted.slice(before).some((m) => m.type === 'persistState')).toBe(true);
  });

  it('AOF always: a write acknowledged before a crash is found after it, and by the next page', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    await a.req({ type: 'persistMode', mode: 'always' });
    a.env.passRealTime(3000);
    await settle();
    await a.run('SET', 'k', 'v');
    await settle();
    expect([...kv.data.keys()].some((k) => k.startsWith('c:appendonlydir/appendonly.aof.'))).toBe(true);
    await a.req({ type: 'persistAction', action: 'crash' });
    expect(await a.run('GET', 'k')).toEqual([bulk('v')]);
    const b = await booted(kv);
    expect(await b.run('GET', 'k')).toEqual([bulk('v')]);
    expect((await b.state()).info.aof_enabled).toBe('1');
  });

  it('AOF everysec: a crash loses what was not yet synced, not what the last second synced', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    await a.req({ type: 'persistMode', mode: 'everysec' });
    a.env.passRealTime(3000);
    await a.run('SET', 'synced', '1');
    a.env.passRealTime(1500);
    await a.run('SET', 'unsynced', '2');
    await a.req({ type: 'persistAction', action: 'crash' });
    expect(await a.run('MGET', 'synced', 'unsynced')).toEqual([{ t: 'array', a: [bulk('1'), { t: 'nil' }] }]);
  });

  it('SHUTDOWN stops the server until the panel starts it again', async () => {
    const kv = new MemoryKv();
    const a = await booted(kv);
    await a.run('SET', 'k', 'v');
    await a.run('SHUTDOWN');
    await settle();
    expect((await a.state()).stopped).toBe(true);
    expect(await a.req({ type: 'connect' })).toMatchObject({
      type: 'error',
      message: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused',
    });
    await a.req({ type: 'persistAction', action: 'restart' });
    expect((await a.state()).stopped).toBe(false);
    expect(await a.run('GET', 'k')).toEqual([bulk('v')]);
  });

  it('an upload with the AOF on rewrites the AOF, so a restart finds the uploaded data', async () => {
    const kv = new MemoryKv();
    const src = await booted(new MemoryKv());
    await src.run('SET', 'uploaded', 'yes');
    await src.run('SAVE');
    const file = (await src.req({ type: 'persistFiles', names: ['dump.rdb'] })) as {
      files: { data: Uint8Array }[];
    };
    const a = await booted(kv);
    await a.req({ type: 'persistMode', mode: 'always' });
    a.env.passRealTime(3000);
    await a.run('SET', 'old', '1');
    const r = await a.req({ type: 'persistLoadRdb', data: file.files[0]!.data });
    expect(r).toMatchObject({ ok: true });
    expect((r as { message: string }).message).toMatch(/Background append only file rewriting started$/);
    a.env.passRealTime(3000);
    await settle();
    const b = await booted(kv);
    expect(await b.run('MGET', 'uploaded', 'old')).toEqual([{ t: 'array', a: [bulk('yes'), { t: 'nil' }] }]);
  });
});
