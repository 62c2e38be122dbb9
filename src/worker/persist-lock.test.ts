import { describe, expect, it } from 'vitest';
import { acquireWriterLock, type LockManagerLike } from './persist-lock.ts';

/** An exclusive lock manager with Web Locks' request/abort behaviour, for one lock name. */
function fakeLocks(): LockManagerLike & { release(): void } {
  let held = false;
  let releaseHeld: (() => void) | undefined;
  const waiting: (() => void)[] = [];
  const grant = (cb: (lock: unknown) => Promise<unknown> | null): Promise<unknown> => {
    held = true;
    const done = Promise.resolve(cb({ name: 'w' }));
    releaseHeld = () => {
      held = false;
      waiting.shift()?.();
    };
    return done;
  };
  return {
    request(_name, options, cb) {
      if (!held) return grant(cb);
      return new Promise((resolve, reject) => {
        const go = (): void => void grant(cb).then(resolve, reject);
        waiting.push(go);
        options.signal?.addEventListener('abort', () => {
          const i = waiting.indexOf(go);
          if (i >= 0) waiting.splice(i, 1);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      });
    },
    release: () => releaseHeld?.(),
  };
}

describe('writer lock', () => {
  it('the first tab writes, a second follows, a reload that comes just before the release writes', async () => {
    const locks = fakeLocks();
    expect(await acquireWriterLock(locks, 50)).toBe(true);
    expect(await acquireWriterLock(locks, 50)).toBe(false);
    const reloading = acquireWriterLock(locks, 500);
    setTimeout(() => locks.release(), 20);
    expect(await reloading).toBe(true);
  });

  it('without Web Locks, every tab writes', async () => {
    expect(await acquireWriterLock(undefined)).toBe(true);
  });
});
