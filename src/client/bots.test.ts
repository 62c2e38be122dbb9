import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
// As in playground.test.ts: the real worker host runs in-process behind a fake Worker.
// eslint-disable-next-line no-restricted-imports
import { fakeHost } from '../worker/testenv.ts';
import { Playground, type WorkerLike } from './playground.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((ev: { data: FromWorker }) => void) | null = null;
  readonly host = fakeHost().host;
  constructor() {
    (this.host as unknown as { post: (m: FromWorker) => void }).post = (m) =>
      queueMicrotask(() => this.onmessage?.({ data: structuredClone(m) }));
  }
  postMessage(msg: ToWorker): void {
    queueMicrotask(() => this.host.handle(structuredClone(msg)));
  }
}

describe('Playground bots', () => {
  it('starts a bot, reads its counters as time passes, stops it', async () => {
    const pg = await Playground.attach(new FakeWorker(), { seed: 1 });
    await pg.pause();
    const b = await pg.startBot({ kind: 'script', everyMs: 200, commands: [['INCR', 'n']], name: 'counter' });
    expect(b).toMatchObject({ name: 'counter', state: 'running', summary: 'INCR every 200 ms' });
    await pg.step(1000);
    expect(await pg.listBots()).toMatchObject([{ processed: 5 }]);
    expect(await pg.stopBot(b.id)).toMatchObject({ state: 'stopped' });
    await expect(pg.startBot({ kind: 'script', everyMs: 1, commands: [] })).rejects.toThrow(/commands/);
  });
});
