/*
 * One writer among the tabs of the site: the tab whose worker holds the Web Lock WRITER_LOCK owns the
 * stored files. The lock is asked for without waiting (ifAvailable): a second tab gets no lock and
 * becomes a follower, which reads the files but never writes them. The holder keeps the lock until its
 * worker ends (tab closed or reloaded); the browser then releases it, and a follower may take over on
 * its next restart. Other tabs hear about commits on a BroadcastChannel (COMMIT_CHANNEL).
 */

export const WRITER_LOCK = 'redis-playground:writer';
export const COMMIT_CHANNEL = 'redis-playground:commits';

/** The slice of navigator.locks we use. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<unknown> | null,
  ): Promise<unknown>;
}

/**
 * True when this worker now holds the writer lock (or there is no lock manager to ask: a browser
 * without Web Locks has a single writer per tab and no way to coordinate; the first tab wins then).
 */
export function acquireWriterLock(locks: LockManagerLike | undefined): Promise<boolean> {
  if (locks === undefined) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    locks
      .request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
        if (lock === null) {
          resolve(false);
          return null;
        }
        resolve(true);
        // Held until the worker goes away.
        return new Promise<never>(() => {});
      })
      .catch(() => resolve(true));
  });
}
