import { describe, expect, it } from 'vitest';
import type { ToWorker } from '../protocol/messages.ts';
import { mayNeedScripting, ScriptingGate } from './scripting-gate.ts';

const enc = new TextEncoder();
const command = (id: number, ...words: string[]): ToWorker => ({
  type: 'command',
  id,
  clientId: 1,
  argv: words.map((w) => enc.encode(w)),
});

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('ScriptingGate', () => {
  it('names the messages that may run a script', () => {
    expect(mayNeedScripting(command(1, 'EVAL', 'return 1', '0'))).toBe(true);
    expect(mayNeedScripting(command(1, 'fcall', 'f', '0'))).toBe(true);
    expect(mayNeedScripting(command(1, 'Function', 'LIST'))).toBe(true);
    expect(mayNeedScripting(command(1, 'DEBUG', 'RELOAD'))).toBe(true);
    expect(mayNeedScripting(command(1, 'GET', 'k'))).toBe(false);
    expect(mayNeedScripting({ type: 'commandDocs', id: 1 })).toBe(false);
    expect(mayNeedScripting({ type: 'persistLoadRdb', id: 1, data: new Uint8Array() })).toBe(true);
  });

  it('holds a script and everything after it until the code is loaded, in order', async () => {
    const load = deferred();
    let loads = 0;
    const delivered: number[] = [];
    const gate = new ScriptingGate(
      () => (loads++, load.promise),
      (m) => delivered.push(m.id),
    );
    gate.accept({ type: 'connect', id: 1 });
    gate.accept(command(2, 'EVAL', 'return 1', '0'));
    gate.accept(command(3, 'GET', 'k'));
    expect(delivered).toEqual([1]);
    load.resolve();
    await gate.ensureLoaded();
    expect(delivered).toEqual([1, 2, 3]);
    gate.accept(command(4, 'EVAL', 'return 2', '0'));
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(loads).toBe(1);
  });

  it('preloads after the first command is served, and a failed load hands messages over anyway', async () => {
    const load = deferred();
    const errors: unknown[] = [];
    const delivered: number[] = [];
    const gate = new ScriptingGate(
      () => load.promise,
      (m) => delivered.push(m.id),
      (e) => errors.push(e),
    );
    gate.accept(command(1, 'PING'));
    expect(delivered).toEqual([1]);
    gate.accept(command(2, 'SCRIPT', 'FLUSH'));
    expect(delivered).toEqual([1]);
    load.reject(new Error('offline'));
    await gate.ensureLoaded().catch(() => {});
    await Promise.resolve();
    expect(delivered).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });
});
