import { describe, expect, it } from 'vitest';
import { FakeWorker } from './fake-worker.test-util.ts';
import { Playground } from './playground.ts';

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
