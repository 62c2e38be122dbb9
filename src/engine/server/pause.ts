/*
 * CLIENT PAUSE (Redis's pauseClients / blockPostponeClient). While a pause is active, a command that
 * must wait (every command for ALL; for WRITE, commands flagged write or may_replicate, EXEC of a
 * transaction holding such commands included) is not run: it is held on its client, and every later
 * command of that client queues behind it so a connection's commands keep their order. When the pause
 * ends (CLIENT UNPAUSE, or the node clock passing the deadline, checked by cron() and on each new
 * command) the held clients are released in the order they were held and their commands run through
 * the dispatcher again, from the start, as Redis reprocesses a postponed client's input.
 *
 * A newer pause can only extend the deadline, and ALL wins over WRITE (Redis keeps the most
 * restrictive and longest pause).
 */
import type { Bytes } from '../bytes.ts';
import type { Command } from '../commands/registry.ts';
import type { Client } from './client.ts';
import type { ServerNode } from './node.ts';

export type PauseType = 'write' | 'all';

export class ClientPause {
  type: PauseType | null = null;
  endMs = 0;
  /** Clients with held commands, in the order they were first held. */
  private readonly held: Client[] = [];

  constructor(private readonly node: ServerNode) {}

  start(type: PauseType, endMs: number): void {
    if (this.type === 'all' && type === 'write') {
      this.endMs = Math.max(this.endMs, endMs);
      return;
    }
    this.type = type;
    this.endMs = Math.max(this.type === type ? this.endMs : 0, endMs);
  }

  /** Ends the pause if its deadline has passed (or `force`), then runs the held commands. */
  check(force = false): void {
    if (this.type === null) return;
    if (!force && this.node.nowMs() < this.endMs) return;
    this.type = null;
    this.endMs = 0;
    this.release();
  }

  /** Does this command have to wait? (replicas are never paused; we have none as clients yet) */
  mustWait(cmd: Command, c: Client): boolean {
    if (this.type === null) return false;
    if (this.type === 'all') return true;
    if (cmd.isWrite || cmd.spec.flags.includes('may_replicate')) return true;
    if (cmd.fullName === 'exec' && c.multi) {
      return c.multi.some((q) => q.cmd.isWrite || q.cmd.spec.flags.includes('may_replicate'));
    }
    return false;
  }

  hold(c: Client, argv: Bytes[]): void {
    if (c.postponed.length === 0) this.held.push(c);
    c.postponed.push(argv);
  }

  forget(c: Client): void {
    const i = this.held.indexOf(c);
    if (i >= 0) this.held.splice(i, 1);
    c.postponed = [];
  }

  get heldClients(): number {
    return this.held.length;
  }

  private release(): void {
    const clients = this.held.splice(0);
    for (const c of clients) {
      const cmds = c.postponed;
      c.postponed = [];
      for (let i = 0; i < cmds.length; i++) {
        if (c.closed) break;
        // A new pause may start while releasing: what's left waits again, in order.
        if (c.postponed.length > 0) {
          c.postponed.push(...cmds.slice(i));
          break;
        }
        this.node.execute(c, cmds[i]!);
      }
    }
  }
}
