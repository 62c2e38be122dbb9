/*
 * Names the main thread gives the playground's Web Worker (the Worker constructor's `name`, seen by
 * the worker as self.name) to choose how it starts before any message arrives: a worker named
 * IN_MEMORY_WORKER_NAME neither reads nor writes the browser's stored files, so a session rebuilt from
 * a sharing link starts from an empty dataset and cannot overwrite what the user saved.
 */
export const IN_MEMORY_WORKER_NAME = 'redis-playground-in-memory';
