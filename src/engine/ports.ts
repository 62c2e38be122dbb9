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
 * Where a node's RDB files go (SAVE, BGSAVE, save points, DEBUG RELOAD). The engine calls persist()
 * synchronously with a whole file; the host stores it under `name` (the dbfilename, inside the node's
 * `dir`) atomically, replacing the previous content, and may finish the write asynchronously. It
 * returns false only when it already knows the write failed (Redis then reports a save error).
 * log() receives the lines Redis's log would show (loading, saving), for hosts that print a log.
 */
export interface PersistPort {
  persist(name: string, data: Uint8Array): boolean;
  log?(level: 'notice' | 'warning', line: string): void;
}
