/*
 * A script that runs across host turns: Redis's "busy script" state (script.c scriptInterrupt and the
 * BUSY gate of processCommand), for an engine that cannot serve other clients from inside a
 * synchronous call.
 *
 * Redis runs a long script to its end on the main thread, and from its count hook, once the script has
 * run for busy-reply-threshold ms, serves other clients (processEventsWhileBlocked): they get BUSY
 * unless their command has the allow-busy flag (SCRIPT KILL, FUNCTION KILL, SHUTDOWN NOSAVE, AUTH,
 * MULTI ...); before the threshold nobody else runs at all. Here the script suspends instead (see
 * lua/run.ts) and the host calls continue() on its next turn; this object keeps the same rules:
 *
 * - while the script has not timed out, every command that arrives is held, in arrival order, and runs
 *   after the script ends, as if it had waited in its socket;
 * - once timed out (elapsed >= busy-reply-threshold on the node clock, checked between slices), held
 *   and new commands of other clients run through processCommand, whose BUSY gate refuses those
 *   without allow-busy; the caller's own later commands stay held (Redis protects the caller);
 * - cron and beforeSleep's blocking work wait until the script ends, as Redis's do: the script stays
 *   atomic for blocked clients and active expiry.
 *
 * Invariant: `current` is set exactly while a suspended script exists; held commands are released
 * in order, synchronously, in the same turn the script ends, before any newer input can run.
 */
import type { Bytes } from '../bytes.ts';
import type { Client } from './client.ts';
import type { ServerNode } from './node.ts';

export interface SuspendedScript {
  /** The client that sent EVAL/FCALL. */
  readonly caller: Client;
  /** EVAL family (SCRIPT KILL) or FCALL (FUNCTION KILL): chooses the BUSY text. */
  readonly isEval: boolean;
  /** Node clock ms at the script's start. */
  readonly startMs: number;
  /** Runs one more slice; true when the script has ended and its reply has been delivered. */
  resume(): boolean;
}

interface Held {
  c: Client;
  argv: Bytes[];
}

export const BUSY_EVAL =
  'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.';
export const BUSY_FUNCTION =
  'BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.';

export class BusyScripts {
  current: SuspendedScript | undefined;
  /** Past busy-reply-threshold: other clients are served (mostly with BUSY). */
  timedOut = false;
  /** The host's way to be asked for a continue() call on its next turn (it schedules one as it can). */
  onPending: (() => void) | undefined;
  private held: Held[] = [];
  private releasing = false;

  constructor(private readonly node: ServerNode) {}

  /** Registers a script that suspended in its first slice, and asks the host to continue it. */
  suspend(s: SuspendedScript): void {
    this.current = s;
    this.timedOut = false;
    this.checkTimeout();
    this.onPending?.();
  }

  /** processCommand's first step: true when the command must wait for the script to end. */
  holds(c: Client, argv: Bytes[]): boolean {
    const s = this.current;
    if (s === undefined || this.releasing) return false;
    if (this.timedOut && c !== s.caller) return false;
    this.held.push({ c, argv });
    // Hosts show the client as waiting for a late reply (the worker's ClientState.blocked).
    c.flags.add('busy-held');
    return true;
  }

  /** The BUSY error for a command without allow-busy, or null when it may run. */
  busyError(allowBusy: boolean): string | null {
    if (this.current === undefined || !this.timedOut || allowBusy) return null;
    return this.current.isEval ? BUSY_EVAL : BUSY_FUNCTION;
  }

  /** True while a suspended script exists (cron and blocked-client work wait for its end). */
  get active(): boolean {
    return this.current !== undefined;
  }

  /** The host's turn: run a slice; on timeout serve other clients; on the end release everything. */
  continue(): void {
    const s = this.current;
    if (s === undefined) return;
    const ended = s.resume();
    if (ended) {
      this.current = undefined;
      this.timedOut = false;
      this.release(() => true);
      this.node.beforeSleep();
      return;
    }
    if (this.checkTimeout()) this.release((h) => h.c !== s.caller);
    this.onPending?.();
  }

  private checkTimeout(): boolean {
    const s = this.current;
    if (s === undefined || this.timedOut) return this.timedOut;
    const elapsed = this.node.clock.nowUs() / 1000 - s.startMs;
    if (elapsed < this.node.config.getInt('busy-reply-threshold')) return false;
    this.timedOut = true;
    return true;
  }

  /** Runs the held commands that `pick` selects, in arrival order; the others stay held. */
  private release(pick: (h: Held) => boolean): void {
    const run = this.held.filter(pick);
    this.held = this.held.filter((h) => !pick(h));
    for (const h of run) h.c.flags.delete('busy-held');
    this.releasing = this.current === undefined;
    try {
      for (const h of run) {
        if (h.c.closed) continue;
        // A released command may itself start a script that suspends: the rest wait for that one.
        if (this.current !== undefined && (!this.timedOut || h.c === this.current.caller)) {
          this.held.push(h);
          h.c.flags.add('busy-held');
          continue;
        }
        this.node.execute(h.c, h.argv);
      }
    } finally {
      this.releasing = false;
    }
  }
}
