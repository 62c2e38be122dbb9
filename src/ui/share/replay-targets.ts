/*
 * Console tabs as replay targets: each mounted console registers its session under its tab id (as
 * test-hooks.ts does for reading the terminal), and the replay asks for a tab's console, waiting for
 * it to mount when the tab has only just been opened.
 */
import type { ReplayConsole } from './replayer.ts';

const targets = new Map<number, ReplayConsole>();
const waiters = new Map<number, ((c: ReplayConsole) => void)[]>();

export function registerReplayTarget(tabId: number, target: ReplayConsole): () => void {
  targets.set(tabId, target);
  const waiting = waiters.get(tabId) ?? [];
  waiters.delete(tabId);
  for (const resolve of waiting) resolve(target);
  return () => {
    if (targets.get(tabId) === target) targets.delete(tabId);
  };
}

/** The console of a tab, once it has mounted. */
export function replayTarget(tabId: number): Promise<ReplayConsole> {
  const known = targets.get(tabId);
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    const list = waiters.get(tabId) ?? [];
    list.push(resolve);
    waiters.set(tabId, list);
  });
}
