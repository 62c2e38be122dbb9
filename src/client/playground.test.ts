import { describe, expect, it } from 'vitest';
import { FakeWorker as BaseFakeWorker } from './fake-worker.test-util.ts';
import { Playground } from './playground.ts';

/** The shared fake Worker, plus a view of the host's node for tests that reach into the server. */
class FakeWorker extends BaseFakeWorker {
  node(): NodeView {
    return (this.host as unknown as { session: { node: NodeView } }).session.node;
  }
}

/** What the test touches of the engine's node, typed structurally (client code never imports engine). */
interface NodeView {
  clients: Map<number, object>;
  reply(c: object, r: { t: 'simple'; s: string }): void;
}
const simple = (s: string) => ({ t: 'simple' as const, s });
const argv = (...a: string[]) => a.map((s) => new TextEncoder().encode(s));

describe('Playground facade', () => {
  it('starts with hello facts and the given seed', async () => {
    const w = new FakeWorker();
    const pg = await Playground.attach(w, { seed: 42, startMs: 5000 });
    expect([pg.host, pg.port, pg.version, pg.seed, pg.startMs]).toEqual([
      '127.0.0.1',
      6379,
      '7.0.15',
      42,
      5000,
    ]);
    const w2 = new FakeWorker();
    const pg2 = await Playground.attach(w2);
    expect(pg2.seed).toBe((w2.sent[0] as { seed: number }).seed);
  });

  it('sends commands and tracks the connection state', async () => {
    const pg = await Playground.attach(new FakeWorker(), { seed: 1 });
    const conn = await pg.connect();
    expect(conn.state).toMatchObject({ clientId: conn.clientId, db: 0, closed: false });
    const [a, b] = await Promise.all([conn.send(argv('PING')), conn.send(argv('ECHO', 'hé'))]);
    expect(a).toEqual([{ t: 'simple', s: 'PONG' }]);
    expect(b).toEqual([{ t: 'bulk', b: new TextEncoder().encode('hé') }]);
    await conn.send(argv('SELECT', '2'));
    expect(conn.state.db).toBe(2);
    const other = await pg.connect();
    expect(other.clientId).not.toBe(conn.clientId);
    expect(other.state.db).toBe(0);
  });

  it('delivers pushes and server closes to listeners', async () => {
    const w = new FakeWorker();
    const pg = await Playground.attach(w, { seed: 1 });
    const conn = await pg.connect();
    const pushes: unknown[] = [];
    let closes = 0;
    const off = conn.onPush((r) => pushes.push(r));
    conn.onClose(() => closes++);
    const client = w.node().clients.get(conn.clientId)!;
    w.node().reply(client, simple('hello'));
    await conn.send(argv('PING'));
    expect(pushes).toEqual([{ t: 'simple', s: 'hello' }]);
    off();
    w.node().reply(client, simple('unheard'));
    expect(await conn.send(argv('QUIT'))).toEqual([{ t: 'simple', s: 'OK' }]);
    expect(conn.state.closed).toBe(true);
    await Promise.resolve();
    expect(closes).toBe(1);
    expect(pushes).toHaveLength(1);
    await expect(conn.send(argv('PING'))).rejects.toThrow('connection closed');
  });

  it('closes from the client side', async () => {
    const w = new FakeWorker();
    const pg = await Playground.attach(w, { seed: 1 });
    const conn = await pg.connect();
    await conn.close();
    expect(conn.state.closed).toBe(true);
    expect(w.node().clients.has(conn.clientId)).toBe(false);
    await conn.close();
  });

  it('lists command docs and drives the clock', async () => {
    const pg = await Playground.attach(new FakeWorker(), { seed: 1, startMs: 1000 });
    const docs = await pg.commandDocs();
    expect(docs.map((d) => d.name)).toContain('PING');
    await pg.pause();
    expect(pg.clock).toEqual({ nowMs: 1000, paused: true, speed: 1 });
    await pg.step(1500);
    expect((await pg.readClock()).nowMs).toBe(2500);
    await pg.setSpeed(4);
    await pg.play();
    expect(pg.clock).toMatchObject({ paused: false, speed: 4 });
    await expect(pg.setSpeed(-1)).rejects.toThrow('speed factor');
  });

  it('reports clock actions with the state after them, but not clock reads', async () => {
    const pg = await Playground.attach(new FakeWorker(), { seed: 1, startMs: 1000 });
    const seen: string[] = [];
    const stop = pg.onClockAction((a, c) =>
      seen.push(`${a.action} ${'value' in a ? a.value : '-'} ${c.nowMs}`),
    );
    await pg.pause();
    await pg.step(500);
    await pg.readClock();
    await pg.setSpeed(2);
    stop();
    await pg.play();
    expect(seen).toEqual(['pause - 1000', 'step 500 1500', 'speed 2 1500']);
  });

  it('rejects pending and later requests when the worker dies', async () => {
    const w = new FakeWorker();
    const pg = await Playground.attach(w, { seed: 1 });
    const conn = await pg.connect();
    const p = conn.send(argv('PING'));
    w.onerror?.({ message: 'boom' });
    await expect(p).rejects.toThrow('playground worker failed: boom');
    await expect(pg.connect()).rejects.toThrow('boom');
    await conn.close();
    expect(conn.state.closed).toBe(true);
  });
});
