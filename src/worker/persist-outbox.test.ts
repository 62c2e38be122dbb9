import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages.ts';
import { Outbox } from './persist-outbox.ts';

const msg = (id: number): FromWorker => ({ type: 'disconnected', id });

function deferred(): { promise: Promise<void>; resolve(): void; reject(e: Error): void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('Outbox', () => {
  it('passes messages through until a hold, then releases them in order when durable', async () => {
    const sent: FromWorker[] = [];
    const box = new Outbox((m) => sent.push(m));
    box.post(msg(1));
    const first = deferred();
    box.holdUntil(first.promise);
    box.post(msg(2));
    const second = deferred();
    box.holdUntil(second.promise);
    box.post(msg(3));
    expect(sent).toEqual([msg(1)]);
    second.resolve();
    await settle();
    expect(sent).toEqual([msg(1)]);
    first.resolve();
    await settle();
    expect(sent).toEqual([msg(1), msg(2), msg(3)]);
    box.post(msg(4));
    expect(sent.at(-1)).toEqual(msg(4));
  });

  it('a failed commit releases the messages too', async () => {
    const sent: FromWorker[] = [];
    const box = new Outbox((m) => sent.push(m));
    const d = deferred();
    box.holdUntil(d.promise);
    box.post(msg(1));
    expect(box.heldCount).toBe(1);
    d.reject(new Error('quota'));
    await settle();
    expect(sent).toEqual([msg(1)]);
  });
});
