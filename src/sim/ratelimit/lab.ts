/*
 * The rate-limit lab: one bot client that sends requests on the world's virtual clock following a
 * traffic pattern, runs the chosen algorithm's real Redis commands for each on its own connection,
 * and records what happened (instant, allowed or rejected, the count against the limit, the commands
 * and replies). Deterministic: a run is a function of the world seed, the run number, the settings
 * and the clock's advances (the PRNG of run n is derived from the seed and n).
 *
 * Bounds: the history keeps the newest HISTORY_MAX requests; the records not yet taken by the host
 * (takeNew) are bounded the same way; the set of keys touched (for reset) holds at most KEYS_MAX.
 * One timer at a time: the next request's. If a command is held (CLIENT PAUSE), due requests are
 * skipped (a real client would time out), counted in `skipped`.
 *
 * States: idle (never started or reset), running, stopped (stop()), closed (the server closed the
 * connection: CLIENT KILL, restart, SHUTDOWN).
 */
import { SeededRandom } from '../../engine/ds/prng.ts';
import type { ServerNode } from '../../engine/server/node.ts';
import type { TimerHandle } from '../scheduler.ts';
import { deriveSeed, type World } from '../world.ts';
import { limiterFor, type Limiter } from './algorithms.ts';
import { LabConnection, type SentCommand } from './connection.ts';
import { type LabSettings, validateSettings } from './settings.ts';
import { Traffic } from './traffic.ts';

export const HISTORY_MAX = 1000;
export const KEYS_MAX = 10_000;
export const LAB_CLIENT_NAME = 'bot-ratelimit';

export type LabState = 'idle' | 'running' | 'stopped' | 'closed';

export interface RequestRecord {
  /** 1-based request number within the run. */
  seq: number;
  /** Virtual unix ms the request was sent at. */
  atMs: number;
  allowed: boolean;
  /** What the algorithm compared with the limit; tokens left for the token bucket. */
  count: number;
  limit: number;
  key: string;
  commands: SentCommand[];
}

export interface LabStatus {
  state: LabState;
  /** Settings of the current (or last) run. */
  settings: LabSettings | null;
  /** Run number (1 for the first start), 0 before any. */
  run: number;
  startedAtMs: number | null;
  allowed: number;
  rejected: number;
  /** Requests not sent because the connection was held (CLIENT PAUSE). */
  skipped: number;
  clientId: number | null;
  lastError: string | null;
}

export class RateLimitLab {
  private state: LabState = 'idle';
  private settings: LabSettings | null = null;
  private run = 0;
  private startedAtMs: number | null = null;
  private counts = { allowed: 0, rejected: 0, skipped: 0 };
  private lastError: string | null = null;
  private conn: LabConnection | null = null;
  private limiter: Limiter | null = null;
  private traffic: Traffic | null = null;
  private timer: TimerHandle | null = null;
  private history: RequestRecord[] = [];
  private fresh: RequestRecord[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly world: World,
    /** The node to talk to; null while the server is down (SHUTDOWN). */
    private readonly node: () => ServerNode | null,
  ) {}

  /** Starts a run with new settings (stopping the current one); throws with the reason if refused. */
  start(raw: unknown): LabStatus {
    const settings = validateSettings(raw);
    if (typeof settings === 'string') throw new Error(`bad lab settings: ${settings}`);
    const node = this.node();
    if (!node) throw new Error('the server is not running');
    this.halt('stopped');
    this.run++;
    this.settings = settings;
    this.counts = { allowed: 0, rejected: 0, skipped: 0 };
    this.history = [];
    this.fresh = [];
    this.lastError = null;
    this.startedAtMs = this.world.nowMs();
    this.conn = new LabConnection(node, LAB_CLIENT_NAME, settings.db, () => this.closedByServer());
    this.limiter = limiterFor(settings);
    const random = new SeededRandom(deriveSeed(this.world.seed, `ratelimit:${this.run}`));
    this.traffic = new Traffic(settings, random);
    this.state = 'running';
    this.scheduleNext();
    return this.status();
  }

  stop(): LabStatus {
    this.halt('stopped');
    return this.status();
  }

  /** Stops, deletes every key the lab wrote and forgets the history. */
  reset(): LabStatus {
    this.halt('stopped');
    this.deleteKeys();
    this.state = 'idle';
    this.history = [];
    this.fresh = [];
    this.counts = { allowed: 0, rejected: 0, skipped: 0 };
    this.startedAtMs = null;
    return this.status();
  }

  status(): LabStatus {
    return {
      state: this.state,
      settings: this.settings,
      run: this.run,
      startedAtMs: this.startedAtMs,
      ...this.counts,
      clientId: this.conn && !this.conn.closed ? this.conn.client.id : null,
      lastError: this.lastError,
    };
  }

  /** The newest requests of the run, oldest first. */
  recent(): RequestRecord[] {
    return [...this.history];
  }

  /** The requests made since the previous call (at most HISTORY_MAX, the newest). */
  takeNew(): RequestRecord[] {
    const f = this.fresh;
    this.fresh = [];
    return f;
  }

  private halt(state: 'stopped' | 'closed'): void {
    this.timer?.cancel();
    this.timer = null;
    if (this.state === 'running') this.state = state;
    this.conn?.close();
  }

  private closedByServer(): void {
    if (this.state !== 'running') return;
    this.lastError = 'connection closed by the server';
    this.timer?.cancel();
    this.timer = null;
    this.state = 'closed';
  }

  private scheduleNext(): void {
    if (this.state !== 'running' || !this.traffic || this.startedAtMs === null) return;
    const dueMs = this.startedAtMs + this.traffic.next();
    this.timer = this.world.scheduler.at(dueMs * 1000, () => this.fire());
  }

  private fire(): void {
    this.timer = null;
    const conn = this.conn!;
    if (conn.node !== this.node() || conn.closed) {
      this.lastError = 'the server restarted';
      return this.halt('closed');
    }
    if (conn.busy) this.counts.skipped++;
    else this.sendRequest(conn);
    this.scheduleNext();
  }

  private sendRequest(conn: LabConnection): void {
    const seq = this.counts.allowed + this.counts.rejected + this.counts.skipped + 1;
    const atMs = this.world.nowMs();
    let record: RequestRecord;
    try {
      const d = this.limiter!.request((argv) => conn.send(argv), atMs, seq);
      record = { seq, atMs, ...d, limit: this.settings!.limit, commands: conn.takeJournal() };
    } catch (e) {
      this.lastError = `lab failure: ${e instanceof Error ? e.message : String(e)}`;
      record = { seq, atMs, allowed: false, count: 0, limit: 0, key: '', commands: conn.takeJournal() };
    }
    if (record.allowed) this.counts.allowed++;
    else this.counts.rejected++;
    this.remember(record);
  }

  private remember(record: RequestRecord): void {
    this.history.push(record);
    if (this.history.length > HISTORY_MAX) this.history.splice(0, this.history.length - HISTORY_MAX);
    this.fresh.push(record);
    if (this.fresh.length > HISTORY_MAX) this.fresh.splice(0, this.fresh.length - HISTORY_MAX);
    if (record.key && this.keys.size < KEYS_MAX) this.keys.add(record.key);
  }

  /** DEL in batches on a short-lived connection (the lab's own may be closed). */
  private deleteKeys(): void {
    const node = this.node();
    if (this.keys.size === 0 || !this.settings || !node) return;
    const conn = new LabConnection(node, LAB_CLIENT_NAME, this.settings.db, () => {});
    const all = [...this.keys];
    for (let i = 0; i < all.length; i += 100) conn.send(['DEL', ...all.slice(i, i + 100)]);
    conn.close();
    this.keys.clear();
  }
}
