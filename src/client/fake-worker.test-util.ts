/*
 * A fake Worker for the facade's tests: the real worker host runs in-process, and messages cross both
 * ways as structured clones, each delivered in its own microtask, as postMessage would deliver them
 * asynchronously. It records what the page sent.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
// The one layering exception: the facade's tests run the real worker host behind this fake Worker.
// eslint-disable-next-line no-restricted-imports
import { fakeHost } from '../worker/testenv.ts';
import type { WorkerLike } from './playground.ts';

export class FakeWorker implements WorkerLike {
  onmessage: ((ev: { data: FromWorker }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly host: ReturnType<typeof fakeHost>['host'];
  readonly sent: ToWorker[] = [];
  constructor() {
    this.host = fakeHost().host;
    (this.host as unknown as { post: (m: FromWorker) => void }).post = (m) =>
      queueMicrotask(() => this.onmessage?.({ data: structuredClone(m) }));
  }
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
    queueMicrotask(() => this.host.handle(structuredClone(msg)));
  }
  terminate(): void {}
}
