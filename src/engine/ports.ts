/*
 * Ports: the only ways the pure engine learns about the outside world. Hosts (the Web Worker, the Node
 * server, the tests, the simulation) provide implementations; the engine never reads global time or
 * randomness, so one seed and one script of clock moves reproduce a whole session.
 */

/** Milliseconds on the world's clock (virtual in the browser and tests, wall time in the Node host). */
export interface Clock {
  nowMs(): number;
  /** Microseconds, for TIME and latency figures. Must be consistent with nowMs(). */
  nowUs(): number;
  /**
   * Block the node for `ms` (DEBUG SLEEP). A virtual clock simply advances; a real-time host may wait.
   */
  sleep(ms: number): void;
}

/** Uniform randomness. next() returns a float in [0, 1); int(n) an integer in [0, n). */
export interface Random {
  next(): number;
  int(n: number): number;
}

/** Byte storage for persistence (IndexedDB in the browser, a folder in Node). */
export interface Storage {
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, data: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
}

/**
 * Where a node's persistence files go: RDB files (SAVE, BGSAVE, save points, DEBUG RELOAD) and the
 * multi-part AOF (Redis 7.0: a manifest, one base file, incr files, in `appenddirname` inside `dir`).
 *
 * Names are paths relative to the node's `dir`, '/'-separated: `dump.rdb`,
 * `appendonlydir/appendonly.aof.manifest`, `appendonlydir/appendonly.aof.3.incr.aof`. A host creates
 * the parent folder of a name on first use.
 *
 * persist() replaces a whole file atomically (RDB files, AOF base files, the AOF manifest): a reader
 * sees the old content or the new, never a mix. It is called synchronously; the host may finish the
 * write asynchronously, and returns false only when it already knows the write failed (Redis then
 * reports a save error). The manifest is always persisted after the files it names were written.
 *
 * The AOF methods are optional (a host without them keeps the AOF in memory only):
 * - append() adds bytes at the end of a file (creating it empty first if missing). Appends to a name
 *   arrive in order and must be stored in that order; false when the host already knows it failed.
 * - sync() is an fsync point for `name`. With `mode: 'always'` (appendfsync always) the host MUST
 *   guarantee that every byte appended before this call is durable before any reply the node writes
 *   to a client sink after this call is delivered to that client: the engine calls append()+sync()
 *   at the end of each write command, before its reply is produced, so acknowledged writes survive a
 *   crash or a closed tab. With 'everysec' (called about once a second of clock time) and for 'no'
 *   (never called) the host makes the bytes durable when it can; losing the last second is allowed.
 * - remove() deletes a file that no longer belongs to the AOF (history files after a rewrite,
 *   temp files); a missing file is not an error.
 * log() receives the lines Redis's log would show (loading, saving), for hosts that print a log.
 * exit() asks the host to stop the server (SHUTDOWN, after the final save): the node answers no more
 * commands; a Node host exits the process with `code`, a browser host shows the node as stopped.
 */
export interface PersistPort {
  persist(name: string, data: Uint8Array): boolean;
  append?(name: string, data: Uint8Array): boolean;
  sync?(name: string, mode: 'always' | 'everysec'): void;
  remove?(name: string): void;
  log?(level: 'notice' | 'warning', line: string): void;
  exit?(code: number): void;
  /** Reads a whole file (the ACL file); a string is the system's reason it could not (strerror). */
  read?(name: string): Uint8Array | string;
}
