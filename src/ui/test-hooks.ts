/*
 * Hooks for browser tests (and curious users in devtools): each console registers a function that
 * returns its terminal's buffer as text lines; the app exposes them by tab position as
 * window.__consoleLines(tabIndex). Reading xterm's buffer is more robust than scraping the DOM rows.
 */

const readers = new Map<number, () => string[]>();

export function registerConsole(tabId: number, readLines: () => string[]): () => void {
  readers.set(tabId, readLines);
  return () => readers.delete(tabId);
}

export function consoleLines(tabId: number | undefined): string[] {
  if (tabId === undefined) return [];
  return readers.get(tabId)?.() ?? [];
}
