/*
 * Persistence messages between the UI and the worker (types only): the state the Persistence panel
 * shows, the actions it can ask for, and the files it can download or upload.
 *
 * The state is built by the worker from INFO persistence (the same numbers `INFO persistence` prints)
 * plus facts about the browser storage (IndexedDB) that only the host knows: which tab owns the stored
 * files, what is stored, and the last storage or load error. The worker pushes it (`persistChanged`)
 * whenever it differs from the last one sent, so the panel never polls.
 */

/**
 * writer: this tab owns the stored files (loads them at start, writes every save and AOF append);
 * follower: another tab owns them: this tab loaded a copy at start and keeps its saves in memory;
 * memory: no browser storage (IndexedDB unavailable): nothing survives a reload.
 */
export type PersistRole = 'writer' | 'follower' | 'memory';

/** Startup persistence mode, kept with the files like a config file would: RDB only or AOF + fsync policy. */
export type PersistMode = 'rdb' | 'everysec' | 'always';

export interface StoredFile {
  /** Path relative to the server's dir: "dump.rdb", "appendonlydir/appendonly.aof.1.incr.aof". */
  name: string;
  size: number;
}

export interface PersistState {
  role: PersistRole;
  /** The server stopped (SHUTDOWN); it starts again from storage with the restart action. */
  stopped: boolean;
  /** The mode applied at the next start (and set now when chosen in the panel). */
  startupMode: PersistMode;
  /** The node's current config: appendonly, appendfsync, save. */
  appendonly: boolean;
  appendfsync: string;
  savePoints: string;
  /** INFO persistence, field by field, as the server prints it. */
  info: Record<string, string>;
  /** Files as stored (what a restart would load), without the shutdown snapshot. */
  files: StoredFile[];
  /** Storage writes issued but not yet committed. */
  pendingWrites: number;
  /** The last storage failure (quota, blocked database), null when the last write succeeded. */
  storageError: string | null;
  /** Why the stored files could not be loaded at the last start, null when they loaded. */
  loadError: string | null;
  /** Follower tabs: the writer tab committed new files since this tab loaded its copy. */
  writerChanged: boolean;
}

export type PersistAction =
  /** SAVE, as the console's command (fails while a background save runs). */
  | 'save'
  | 'bgsave'
  | 'bgrewriteaof'
  /** Drops memory and whatever was not yet durable, then starts a new server from storage. */
  | 'crash'
  /** Starts a stopped server again (after SHUTDOWN), or a follower from the writer's latest files. */
  | 'restart';

export type PersistRequest =
  | { type: 'persistState'; id: number }
  | { type: 'persistAction'; id: number; action: PersistAction }
  | { type: 'persistMode'; id: number; mode: PersistMode }
  /** The stored files' bytes (for download); names absent: every file. */
  | { type: 'persistFiles'; id: number; names?: string[] }
  /** Replaces the dataset with an RDB file from the user's disk (validated first; nothing changes on error). */
  | { type: 'persistLoadRdb'; id: number; data: Uint8Array };

export type PersistAnswer =
  | { type: 'persistState'; id: number; state: PersistState }
  /** ok false: `message` says why (Redis's error text for commands and bad files). */
  | { type: 'persistResult'; id: number; ok: boolean; message: string; state: PersistState }
  | { type: 'persistFiles'; id: number; files: { name: string; data: Uint8Array }[] };

/** Unsolicited: the persistence state differs from the last one posted. */
export type PersistPush = { type: 'persistChanged'; state: PersistState };
