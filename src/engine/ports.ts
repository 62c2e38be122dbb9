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
