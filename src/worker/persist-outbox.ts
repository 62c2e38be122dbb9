/*
 * The worker's outgoing messages, held back while an appendfsync-always write is not yet durable.
 *
 * The engine calls PersistPort.sync(name, 'always') after a write command's AOF append and before its
 * reply exists; the host then holds *every* later message (that reply, pushes, other answers) until
 * the storage commit settles, and releases them in the order they were posted. Holding everything,
 * not only the writer's reply, keeps the single order the UI relies on (a push never overtakes the
 * reply before it). A commit that fails releases the messages too: the failure is reported in the
 * persistence state, and a worker that never answered would be worse than Redis's exit.
 */
import type { FromWorker } from '../protocol/messages.ts';

export class Outbox {
  private held: FromWorker[] = [];
  private gate: Promise<void> | null = null;

  constructor(private readonly send: (msg: FromWorker) => void) {}

  post(msg: FromWorker): void {
    if (this.gate === null) this.send(msg);
    else this.held.push(msg);
  }

  /** Holds every message posted from now on until `durable` settles (and earlier holds too). */
  holdUntil(durable: Promise<void>): void {
    const gate = Promise.all([this.gate, durable]).then(
      () => undefined,
      () => undefined,
    );
    this.gate = gate;
    void gate.then(() => {
      if (this.gate !== gate) return;
      this.gate = null;
      const out = this.held;
      this.held = [];
      for (const m of out) this.send(m);
    });
  }

  /** Messages waiting for a commit (tests, the state's pending count). */
  get heldCount(): number {
    return this.held.length;
  }
}
