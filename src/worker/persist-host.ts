/*
 * The browser host's side of persistence: the node's PersistPort over PersistFiles (IndexedDB), the
 * startup mode and the shutdown snapshot, the state the Persistence panel shows.
 *
 * - The port stores what the engine writes. sync(…, 'always') makes the host hold every later message
 *   until the commit settles (see persist-outbox.ts), so no acknowledged write is lost on close.
 * - Shutdown snapshot: a page reload or a closed tab is Redis's graceful shutdown, which with save
 *   points configured saves a final RDB. A closing page cannot wait for storage, so while the dataset
 *   is dirty the writer keeps that final save ready ahead of time under `.host/shutdown.rdb` (at most
 *   about once a second; slower when serialising is slow). At the next start it replaces dump.rdb.
 *   "Crash and restart" deletes it first: a killed server saves nothing.
 * - Startup mode (RDB only, AOF everysec, AOF always) is kept in `.host/mode`, the playground's
 *   config file: applied as config at every start; CONFIG SET in the console changes only the
 *   running server, as in Redis without CONFIG REWRITE.
 * - A follower tab's files live in memory only (PersistFiles without a store).
 */
import { persistenceSection } from '../engine/commands/info-sections.ts';
import { writeRdbFile } from '../engine/persistence/rdb-file.ts';
import { snapshotNode, writeOptionsOf } from '../engine/persistence/snapshot.ts';
import type { PersistPort } from '../engine/ports.ts';
import type { NodeOptions, ServerNode } from '../engine/server/node.ts';
import type { PersistMode, PersistRole, PersistState } from '../protocol/persist.ts';
import { HOST_PREFIX, PersistFiles } from './persist-files.ts';
import { storageErrorText, type KvStore } from './persist-kv.ts';

export const SHUTDOWN_FILE = `${HOST_PREFIX}shutdown.rdb`;
/** appenddirname (immutable in Redis 7.0): the AOF's files are stored under it. */
export const AOF_DIR = 'appendonlydir/';
export const MODE_FILE = `${HOST_PREFIX}mode`;
/** appendfsync no: appends reach storage after this much real time, as the kernel's writeback would. */
export const WRITEBACK_MS = 30_000;
const SNAPSHOT_MIN_INTERVAL_MS = 1000;
/** Real ms between state checks from the ticker. */
const TICK_CHECK_MS = 200;

export interface PersistHooks {
  /** Hold later messages until `durable` settles (appendfsync always). */
  hold(durable: Promise<void>): void;
  /** SHUTDOWN asked the host to stop the server. */
  exit(code: number): void;
  /** Something the state shows may have changed (commits, errors). */
  changed(): void;
}

export interface PersistBoot {
  /** writer: holds the lock; follower: another tab does; memory: no storage at all. */
  role: PersistRole;
  /** The store: written by a writer, read by everyone (a follower re-reads the writer's files). */
  kv: KvStore | null;
  /** Asks for the writer lock again (a follower taking over after the writer tab closed). */
  retakeLock(): Promise<boolean>;
  /** Why storage is unavailable, for role 'memory'. */
  storageError?: string;
  /** Tells other tabs that the writer committed (a BroadcastChannel in the browser). */
  announce?(): void;
}

export class Persistence {
  role: PersistRole;
  files: PersistFiles;
  storageError: string | null;
  loadError: string | null = null;
  writerChanged = false;
  readonly port: PersistPort;
  readonly log: string[] = [];
  private readonly kv: KvStore | null;
  private readonly retakeLock: () => Promise<boolean>;
  private readonly announce: () => void;
  private hooks: PersistHooks = { hold() {}, exit() {}, changed() {} };
  private snapshotAtMs = Number.NEGATIVE_INFINITY;
  private snapshotIntervalMs = SNAPSHOT_MIN_INTERVAL_MS;
  private snapshotOf: [number, number] = [-1, -1];
  private unsyncedSinceMs: number | null = null;
  private lastPosted = '';
  private checkedAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    boot: PersistBoot,
    private readonly realNowMs: () => number,
  ) {
    this.role = boot.kv === null ? 'memory' : boot.role;
    this.kv = boot.kv;
    this.retakeLock = boot.retakeLock;
    this.announce = boot.announce ?? (() => {});
    this.storageError = boot.storageError ?? null;
    this.files = this.emptyFiles();
    this.port = this.makePort();
  }

  private emptyFiles(): PersistFiles {
    return new PersistFiles(this.role === 'writer' ? this.kv : null, {
      onError: (e) => this.commitFailed(e),
      onCommitted: () => this.commitSucceeded(),
    });
  }

  /** Reads the stored files (at start); on failure the tab works in memory and says why. */
  async loadFiles(): Promise<void> {
    if (this.kv === null) return;
    try {
      await PersistFiles.load(this.kv, this.files);
    } catch (e) {
      this.role = 'memory';
      this.files = this.emptyFiles();
      this.storageError = `The saved files could not be read: ${storageErrorText(e)}`;
    }
  }

  /** A follower: take the writer's place if its tab closed, and re-read the latest stored files. */
  async refollow(): Promise<void> {
    if (this.kv === null) return;
    if (await this.retakeLock()) this.role = 'writer';
    this.files = this.emptyFiles();
    this.writerChanged = false;
    await this.loadFiles();
  }

  /** The writer tab committed files (heard on the broadcast channel). */
  writerCommitted(): void {
    if (this.role !== 'follower') return;
    this.writerChanged = true;
    this.hooks.changed();
  }

  /** Posts the state when it differs from the last one posted. */
  pushIfChanged(
    node: ServerNode,
    stopped: boolean,
    post: (state: PersistState) => void,
    fromTick = false,
  ): void {
    // Ticks come 40 times a second; the state they may change (a background save ending, a commit)
    // is worth a look a few times a second. Requests and commits check at once.
    const nowMs = this.realNowMs();
    if (fromTick && nowMs - this.checkedAtMs < TICK_CHECK_MS) return;
    this.checkedAtMs = nowMs;
    const state = this.state(node, stopped);
    const json = JSON.stringify(state);
    if (json === this.lastPosted) return;
    this.lastPosted = json;
    post(state);
  }

  wire(hooks: PersistHooks): void {
    this.hooks = hooks;
  }

  /** A storage commit failed: say so, keep going (the data stays in memory). */
  commitFailed(e: unknown): void {
    this.storageError = storageErrorText(e);
    this.hooks.changed();
  }

  commitSucceeded(): void {
    this.storageError = null;
    this.announce();
    this.hooks.changed();
  }

  private makePort(): PersistPort {
    return {
      persist: (name, data) => {
        this.files.put(name, data);
        if (name === 'dump.rdb') this.snapshotStale();
        return true;
      },
      append: (name, data) => {
        if (this.unsyncedSinceMs === null) this.unsyncedSinceMs = this.realNowMs();
        this.files.append(name, data);
        return true;
      },
      sync: (_name, mode) => {
        this.unsyncedSinceMs = null;
        const durable = this.files.sync();
        if (mode === 'always') this.hooks.hold(durable);
      },
      remove: (name) => this.files.remove(name),
      log: (level, line) => this.remember(level, line),
      exit: (code) => {
        // SHUTDOWN made its final save (or was told not to): the ready-made one must not win.
        if (this.files.read(SHUTDOWN_FILE) !== undefined) this.files.remove(SHUTDOWN_FILE);
        this.hooks.exit(code);
      },
      read: (name) => this.files.read(name) ?? 'No such file or directory',
    };
  }

  /**
   * dump.rdb was just written: the shutdown snapshot may be older than it, so it goes now, and the
   * next tick writes a fresh one if writes are still unsaved (writes during a BGSAVE).
   */
  private snapshotStale(): void {
    if (this.files.read(SHUTDOWN_FILE) !== undefined) this.files.remove(SHUTDOWN_FILE);
    this.snapshotOf = [-1, -1];
    this.snapshotAtMs = Number.NEGATIVE_INFINITY;
  }

  private remember(level: 'notice' | 'warning', line: string): void {
    this.log.push(`${level === 'warning' ? '#' : '*'} ${line}`);
    if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
  }

  /** The mode kept with the files (RDB only when none was chosen). */
  startupMode(): PersistMode {
    const raw = this.files.read(MODE_FILE);
    const text = raw ? String.fromCharCode(...raw) : '';
    return text === 'everysec' || text === 'always' ? text : 'rdb';
  }

  setStartupMode(mode: PersistMode): void {
    this.files.put(
      MODE_FILE,
      Uint8Array.from(mode, (ch) => ch.charCodeAt(0)),
    );
  }

  /** Config overrides of the startup mode. */
  startupConfig(): Record<string, string> {
    return modeConfig(this.startupMode());
  }

  /**
   * What a new node gets: the port, dump.rdb and the AOF directory's files (the shutdown snapshot
   * first becomes dump.rdb, as the final save of the previous page did). `withFiles` false: nothing
   * to load (the stored files failed to load).
   */
  nodeOptions(withFiles: boolean): Pick<NodeOptions, 'persist' | 'rdb' | 'aofFiles'> {
    const shutdown = this.files.read(SHUTDOWN_FILE);
    if (shutdown !== undefined) {
      this.files.put('dump.rdb', shutdown);
      this.files.remove(SHUTDOWN_FILE);
    }
    if (!withFiles) return { persist: this.port };
    this.loadError = null;
    const rdb = this.files.read('dump.rdb');
    const aofFiles = new Map<string, Uint8Array>();
    for (const { name } of this.files.listDurable()) {
      if (!name.startsWith(AOF_DIR)) continue;
      const data = this.files.read(name);
      if (data !== undefined) aofFiles.set(name.slice(AOF_DIR.length), data);
    }
    return rdb === undefined ? { persist: this.port, aofFiles } : { persist: this.port, rdb, aofFiles };
  }

  /**
   * The node could not load the stored files: remember Redis's log lines about it. It then starts
   * empty with appendonly off, so that no stored file is rewritten until the user acts.
   */
  startFailed(e: unknown): Record<string, string> {
    const lines = this.log
      .filter((l) => l.startsWith('#'))
      .slice(-2)
      .map((l) => l.slice(2));
    const why = lines.length > 0 ? lines.join(' ') : e instanceof Error ? e.message : String(e);
    const what = this.startupMode() === 'rdb' ? 'dump.rdb' : 'append only file';
    this.loadError =
      `The stored ${what} could not be loaded (${why}). The server started empty` +
      (what === 'dump.rdb' ? '.' : ' with appendonly no; the stored files are untouched.');
    return { ...this.startupConfig(), appendonly: 'no' };
  }

  /** "Crash": forget what was not durable, and the final save a killed server never makes. */
  crash(): void {
    this.files.crash();
    this.unsyncedSinceMs = null;
    if (this.files.read(SHUTDOWN_FILE) !== undefined) this.files.remove(SHUTDOWN_FILE);
  }

  /** From the host's ticker: writeback for appendfsync no, and the shutdown snapshot. */
  tick(node: ServerNode | null): void {
    if (this.unsyncedSinceMs !== null && this.realNowMs() - this.unsyncedSinceMs >= WRITEBACK_MS) {
      this.unsyncedSinceMs = null;
      void this.files.sync();
    }
    if (node !== null && this.role === 'writer') this.keepShutdownSnapshot(node);
  }

  private keepShutdownSnapshot(node: ServerNode): void {
    const hasSnapshot = this.files.read(SHUTDOWN_FILE) !== undefined;
    if (node.config.get('save').trim() === '' || node.dirty === 0) {
      if (hasSnapshot) this.files.remove(SHUTDOWN_FILE);
      this.snapshotOf = [-1, -1];
      return;
    }
    if (node.dirty === this.snapshotOf[0] && node.lastSaveMs === this.snapshotOf[1]) return;
    const startMs = this.realNowMs();
    if (startMs - this.snapshotAtMs < this.snapshotIntervalMs) return;
    const bytes = writeRdbFile(snapshotNode(node), writeOptionsOf(node));
    this.files.put(SHUTDOWN_FILE, bytes);
    const costMs = this.realNowMs() - startMs;
    this.snapshotAtMs = this.realNowMs();
    this.snapshotIntervalMs = Math.max(SNAPSHOT_MIN_INTERVAL_MS, costMs * 20);
    this.snapshotOf = [node.dirty, node.lastSaveMs];
  }

  /** The panel's state for this node (null: the server is stopped). */
  state(node: ServerNode, stopped: boolean): PersistState {
    const info: Record<string, string> = {};
    for (const [k, v] of persistenceSection(node)) info[k] = String(v);
    return {
      role: this.role,
      stopped,
      startupMode: this.startupMode(),
      appendonly: node.config.getBool('appendonly'),
      appendfsync: node.config.get('appendfsync'),
      savePoints: node.config.get('save'),
      info,
      files: this.files.listDurable(),
      pendingWrites: this.files.inFlight,
      storageError: this.storageError,
      loadError: this.loadError,
      writerChanged: this.writerChanged,
    };
  }
}

export function modeConfig(mode: PersistMode): Record<string, string> {
  if (mode === 'rdb') return { appendonly: 'no' };
  return { appendonly: 'yes', appendfsync: mode };
}
