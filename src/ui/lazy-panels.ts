/*
 * The panels a first interactive console does not need, each loaded in a chunk of its own: the picture
 * panel (with D3 and every picture), the keyspace browser, and the Bots and Persistence panels. The app
 * shell starts loading the side panels once a console first shows its prompt, and the toggled panels
 * when opened, so the JavaScript shipped before the console is usable is the shell, the console (xterm)
 * and the worker. Each loader returns one memoized promise, so re-rendering an {#await} never fetches
 * or flashes twice.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export const lazyPanels = {
  picture: once(() => import('./PicturePanel.svelte').then((m) => m.default)),
  keyspace: once(() => import('./KeyspaceBrowser.svelte').then((m) => m.default)),
  bots: once(() => import('./BotsPanel.svelte').then((m) => m.default)),
  persistence: once(() => import('./PersistencePanel.svelte').then((m) => m.default)),
};
