import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offlineServiceWorker } from './build/offline.ts';

// base './' lets the built site work from any sub-path (e.g. a GitHub project page).
export default defineConfig({
  base: './',
  plugins: [svelte(), offlineServiceWorker()],
  worker: { format: 'es' },
  optimizeDeps: { include: ['@xterm/xterm', '@xterm/addon-fit', 'idb-keyval'] },
  server: { port: 5173 },
  preview: { port: 4173 },
});
