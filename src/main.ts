/*
 * Entry point: starts the playground (its Web Worker) with ?seed=N when given, exposes it as
 * window.__playground for benchmarks and tests, and mounts the app shell.
 */
import { mount } from 'svelte';
import { Playground } from './client/playground.ts';
import App from './ui/App.svelte';
import { openLink } from './ui/share/link.ts';
import './ui/app.css';

declare global {
  interface Window {
    __playground?: Playground;
    __consoleLines?: (tabIndex: number) => string[];
  }
}

/** ?seed=N (a non-negative integer below 2^32), else undefined for a random seed. */
function seedFromUrl(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const seed = Number(raw);
  return seed <= 0xffffffff ? seed : undefined;
}

const seed = seedFromUrl(window.location.search);
// A sharing link (#s=...) brings its own seed and clock start; a bad one starts an ordinary playground.
const sharedLink = openLink(window.location.hash);
const playground = sharedLink.then((link) =>
  Playground.start(
    link.kind === 'session'
      ? { seed: link.session.seed, startMs: link.session.startMs, inMemory: true }
      : seed === undefined
        ? {}
        : { seed },
  ),
);
playground.then((p) => (window.__playground = p)).catch(() => {});

mount(App, { target: document.getElementById('app')!, props: { playground, sharedLink } });

// The built site works offline after the first visit (build/offline.ts writes sw.js); not in dev.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
