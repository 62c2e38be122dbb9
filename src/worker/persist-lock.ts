/*
 * One writer among the tabs of the site: the tab whose worker holds the Web Lock WRITER_LOCK owns the
 * stored files. A tab that does not get the lock within WAIT_MS becomes a follower, which reads the
 * files but never writes them. The short wait is for reloads: the old page's worker releases the lock
 * a moment after the new page's worker asks for it, and the reloaded tab must stay the writer. The holder keeps the lock until its
 * worker ends (tab closed or reloaded); the browser then releases it, and a follower may take over on
 * its next restart. Other tabs hear about commits on a BroadcastChannel (COMMIT_CHANNEL).
 */

export const WRITER_LOCK = 'redis-playground:writer';
export const COMMIT_CHANNEL = 'redis-playground:commits';

/** The slice of navigator.locks we use. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | null,
  ): Promise<unknown>;
}

/** How long a starting tab waits for the writer lock before it follows. */
export const WAIT_MS = 1500;

/**
 * True when this worker now holds the writer lock (or there is no lock manager to ask: a browser
 * without Web Locks has a single writer per tab and no way to coordinate; the first tab wins then).
 */
export function acquireWriterLock(locks: LockManagerLike | undefined, waitMs = WAIT_MS): Promise<boolean> {
  if (locks === undefined) return Promise.resolve(true);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), waitMs);
  return new Promise<boolean>((resolve) => {
    locks
      .request(WRITER_LOCK, { signal: abort.signal }, (lock) => {
        clearTimeout(timer);
        if (lock === null) {
          resolve(false);
          return null;
        }
        resolve(true);
        // Held until the worker goes away.
        return new Promise<never>(() => {});
      })
      .catch((e: unknown) => {
        clearTimeout(timer);
        // Aborted: another tab keeps the lock. Any other failure: no way to coordinate, so write.
        resolve(!(e instanceof Error && e.name === 'AbortError') && !abort.signal.aborted);
      });
  });
}
