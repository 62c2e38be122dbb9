/*
 * Request/response over a worker port: each request gets a fresh id and one pending promise, settled by
 * the worker's single answer carrying that id (an `error` answer rejects it). Unsolicited messages
 * (push, closed, keyspaceChanged, persistChanged) go to `onUnsolicited`. If the worker dies, every pending request is rejected and later
 * requests fail at once, so no caller waits forever.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';

/** The part of a Worker we use; tests pass an in-process fake. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  onmessage: ((ev: { data: FromWorker }) => void) | null;
  onerror?: ((ev: unknown) => void) | null;
  terminate?(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Request = DistributiveOmit<ToWorker, 'id'>;
export type Answer<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;
export type Unsolicited = Answer<
  'push' | 'closed' | 'keyspaceChanged' | 'persistChanged' | 'metricsPushed' | 'rateLimitEvents'
>;

interface Pending {
  expect: FromWorker['type'];
  resolve(msg: FromWorker): void;
  reject(e: Error): void;
}

export class Rpc {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private deadReason: string | undefined;
  onUnsolicited: (msg: Unsolicited) => void = () => {};

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (ev) => this.receive(ev.data);
    worker.onerror = (ev) => this.fail(`playground worker failed: ${describe(ev)}`);
  }

  request<T extends FromWorker['type']>(msg: Request, expect: T): Promise<Answer<T>> {
    if (this.deadReason !== undefined) return Promise.reject(new Error(this.deadReason));
    const id = this.nextId++;
    return new Promise<Answer<T>>((resolve, reject) => {
      this.pending.set(id, { expect, resolve: resolve as (m: FromWorker) => void, reject });
      try {
        this.worker.postMessage({ ...msg, id } as ToWorker);
      } catch (e) {
        this.pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  /** Stops the worker; pending and later requests are rejected. */
  terminate(): void {
    this.worker.terminate?.();
    this.fail('playground worker terminated');
  }

  private receive(msg: FromWorker): void {
    if (
      msg.type === 'push' ||
      msg.type === 'closed' ||
      msg.type === 'keyspaceChanged' ||
      msg.type === 'persistChanged' ||
      msg.type === 'metricsPushed' ||
      msg.type === 'rateLimitEvents'
    ) {
      return this.onUnsolicited(msg);
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(msg.message));
    else if (msg.type !== p.expect)
      p.reject(new Error(`expected ${p.expect} from the worker, got ${msg.type}`));
    else p.resolve(msg);
  }

  private fail(reason: string): void {
    this.deadReason ??= reason;
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(new Error(reason));
  }
}

function describe(ev: unknown): string {
  if (ev && typeof ev === 'object' && 'message' in ev) return String((ev as { message: unknown }).message);
  return String(ev);
}
