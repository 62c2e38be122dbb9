/*
 * The panels a first interactive console does not need, each loaded in a chunk of its own: the picture
 * panel (with D3 and every picture), the keyspace browser, and the Bots and Persistence panels. The app
 * shell asks for the side panels once a console first shows its prompt, and for the toggled panels
 * when opened, so the JavaScript shipped before the console is usable is the shell, the console (xterm)
 * and the worker.
 *
 * Each load starts after the next paint, so fetching, compiling and mounting a panel never delays the
 * frame that shows the prompt (or the click that opened it). Each loader returns one memoized promise,
 * so re-rendering an {#await} never fetches or flashes twice.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** Resolves just after the next frame is painted (a task queued from an animation frame callback). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export const lazyPanels = {
  picture: once(() => afterNextPaint().then(() => import('./PicturePanel.svelte').then((m) => m.default))),
  keyspace: once(() =>
    afterNextPaint().then(() => import('./KeyspaceBrowser.svelte').then((m) => m.default)),
  ),
  bots: once(() => afterNextPaint().then(() => import('./BotsPanel.svelte').then((m) => m.default))),
  persistence: once(() =>
    afterNextPaint().then(() => import('./PersistencePanel.svelte').then((m) => m.default)),
  ),
};
