/*
 * Coalesced re-requests: a view calls `request()` on every change event; at most one load runs at a
 * time, and any number of requests during a load cause exactly one more load after it. So a burst of
 * events never queues a backlog of snapshots, and the last state is always fetched.
 */
export class Refresher {
  private running = false;
  private again = false;
  private disposed = false;

  constructor(private readonly load: () => Promise<void>) {}

  request(): void {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        try {
          await this.load();
        } catch {
          // The worker is gone or the key vanished mid-flight; the next event retries.
        }
      } while (this.again && !this.disposed);
    } finally {
      this.running = false;
    }
  }
}
