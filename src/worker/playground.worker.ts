/*
 * Web Worker entry: glue between the worker global scope and PlaygroundHost (host.ts), which holds all
 * the logic and is tested in-process. Real time comes from performance.now(), the default seed from
 * crypto.getRandomValues (the main thread normally sends one).
 *
 * The stored files (IndexedDB) are read before the host exists: messages that arrive meanwhile wait in
 * order, so no command is served before the saved dataset is loaded.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { PlaygroundHost } from './host.ts';
import { browserBootEnv, bootPersistence } from './persist-boot.ts';
import type { Persistence } from './persist-host.ts';
import { ScriptingGate } from './scripting-gate.ts';

/** The slice of the worker scope we use, typed narrowly so this file checks under DOM and WebWorker libs. */
interface WorkerScope {
  postMessage(msg: FromWorker): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** A macrotask without setTimeout's 4 ms clamp: a MessageChannel message, served in arrival order. */
const channel = new MessageChannel();
const deferred: (() => void)[] = [];
channel.port1.onmessage = () => deferred.shift()?.();
function deferTask(fn: () => void, idle?: boolean): void {
  if (idle) {
    setTimeout(fn, 4);
    return;
  }
  deferred.push(fn);
  channel.port2.postMessage(null);
}

let host: PlaygroundHost | undefined;
const early: ToWorker[] = [];
// The scripting code (Lua) is a chunk of its own, loaded on first need (scripting-gate.ts).
const gate = new ScriptingGate(
  () => import('../engine/scripting/scripting-code.ts').then((m) => m.installScriptingCode()),
  (msg) => (host ? host.handle(msg) : early.push(msg)),
  (e) => console.error('[playground worker] scripting code failed to load:', e),
);
scope.onmessage = (ev: MessageEvent<ToWorker>) => gate.accept(ev.data);

function startHost(persistence: Persistence | undefined): void {
  host = new PlaygroundHost(
    {
      realNowMs: () => performance.now(),
      wallClockMs: () => Date.now(),
      defer: deferTask,
      startTicker(tick, intervalMs) {
        const handle = setInterval(tick, intervalMs);
        return () => clearInterval(handle);
      },
      randomSeed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
      logError: (what, e) => console.error(`[playground worker] ${what}:`, e),
    },
    (msg: FromWorker) => scope.postMessage(msg),
    persistence,
  );
  for (const m of early.splice(0)) host.handle(m);
}

/** Stored files may hold function libraries (a follower re-reads the writer's): the code comes first. */
function startWhenReady(persistence: Persistence): void {
  const stored = persistence.role === 'follower' || persistence.files.listDurable().length > 0;
  if (stored) void gate.ensureLoaded().then(() => startHost(persistence));
  else startHost(persistence);
}

bootPersistence(browserBootEnv()).then(startWhenReady, (e: unknown) => {
  console.error('[playground worker] persistence failed to start:', e);
  startHost(undefined);
});
