import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offlineServiceWorker } from './build/offline.ts';

/*
 * The worker loads the scripting code (Lua interpreter, script engine, EVAL/FUNCTION handlers) on
 * demand (src/worker/scripting-gate.ts): in the browser build the module that installs it at import
 * time is empty, so that code lands in a chunk of its own instead of the worker's first chunk.
 */
function lateScriptingCode(): Plugin {
  return {
    name: 'late-scripting-code',
    apply: 'build',
    load: (id) => (id.endsWith('/src/engine/scripting/install-static.ts') ? 'export {};' : null),
  };
}

// base './' lets the built site work from any sub-path (e.g. a GitHub project page).
export default defineConfig({
  base: './',
  plugins: [svelte(), offlineServiceWorker()],
  worker: { format: 'es', plugins: () => [lateScriptingCode()] },
  optimizeDeps: { include: ['@xterm/xterm', '@xterm/addon-fit', 'idb-keyval'] },
  server: { port: 5173 },
  preview: { port: 4173 },
});
